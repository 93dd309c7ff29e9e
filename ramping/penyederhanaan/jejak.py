"""The trace of one scenario step: the rows it changed, deleted and created (see `langkah`).

Kept apart from `langkah` so that the set-based steps (`services.lebur`) can record into it
without importing the change log itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router
from django.db.models.deletion import Collector


def label_baris(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _baris(objs: Iterable[models.Model]) -> list[dict]:
    # JSON round trip: Decimal, date and datetime become text; the deserializer's
    # `field.to_python` turns them back exactly.
    return json.loads(serializers.serialize("json", objs, cls=DjangoJSONEncoder))


def per_model(label_pk: Iterable[str]) -> dict[str, list[int]]:
    hasil: dict[str, list[int]] = {}
    for lp in label_pk:
        label, pk = lp.rsplit(":", 1)
        hasil.setdefault(label, []).append(int(pk))
    return hasil


def model_dari(label: str) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(label)


def baca(label_pk: Iterable[str]) -> dict[str, dict]:
    """The current state of rows (label:pk → serialized row); a missing row is absent."""
    hasil = {}
    for label, pks in per_model(label_pk).items():
        model = model_dari(label)
        for b in _baris(model._base_manager.filter(pk__in=pks).order_by("pk")):
            hasil[f"{label}:{b['pk']}"] = b
    return hasil


@dataclass
class Jejak:
    """The rows one step changes, deletes and creates (see the module docstring)."""

    sebelum: dict[str, dict] = field(default_factory=dict)  # changed rows, state before
    dihapus: list[dict] = field(default_factory=list)  # deleted rows, state before
    baru: list[str] = field(default_factory=list)  # created rows (label:pk)

    def sebelum_ubah(self, objs: Iterable[models.Model]) -> None:
        """Call before changing `objs` (instances or a QuerySet); re-recording keeps the first."""
        objs = [o for o in objs if label_baris(o) not in self.sebelum]
        pks_per_model: dict[type, list] = {}
        for o in objs:
            pks_per_model.setdefault(type(o)._meta.concrete_model, []).append(o.pk)
        # Read from the database, not the instances: they may already carry the new values.
        for model, pks in pks_per_model.items():
            for b in _baris(model._base_manager.filter(pk__in=pks)):
                self.sebelum.setdefault(f"{model._meta.label_lower}:{b['pk']}", b)

    def sebelum_hapus(self, qs: models.QuerySet) -> None:
        """Call right before `qs.delete()`: keeps every row the delete removes or nulls."""
        kolektor = Collector(using=router.db_for_write(qs.model), origin=qs)
        kolektor.collect(qs)
        for (_field, _nilai), kumpulan in kolektor.field_updates.items():
            for objs in kumpulan:
                self.sebelum_ubah(objs)
        for objs in kolektor.fast_deletes:
            self.dihapus.extend(_baris(objs))
        for objs in kolektor.data.values():
            self.dihapus.extend(_baris(objs))

    def dibuat(self, objs: Iterable[models.Model]) -> None:
        self.baru.extend(label_baris(o) for o in objs)

    def tersentuh(self) -> set[str]:
        dihapus = {f"{b['model']}:{b['pk']}" for b in self.dihapus}
        return set(self.sebelum) | dihapus | set(self.baru)

    def data(self) -> dict:
        sesudah = baca(set(self.sebelum) | set(self.baru))
        return {
            "jejak": {
                "sebelum": self.sebelum,
                "dihapus": self.dihapus,
                "baru": self.baru,
                "sesudah": sesudah,
            }
        }
