"""The scenario's change log ("riwayat perubahan skenario"): every step on a draft, undoable.

A step's service records what it does to rows with a `Jejak` while it runs:

    jejak.sebelum_ubah(rows)   rows it is about to change (their state now)
    jejak.sebelum_hapus(qs)    rows it is about to delete, with every row the delete cascades to
                               or nulls (found by Django's own deletion `Collector`)
    jejak.dibuat(rows)         rows it created

and ends with `catat_langkah(..., jejak=jejak)`, which also stores the state *after* the step
of every changed or created row. Undoing (`langkah_batalkan`) then needs no per-action code:
if a row is no longer as the step left it (someone edited it since, outside the log), the undo
is refused as a conflict naming the row; otherwise deleted rows come back with their own
primary keys, changed rows get their old values, and created rows are deleted — refused too if
that delete would take anything else with it. A step that keeps its own undo data instead
passes `balik=` and registers a function with `@pembatal(aksi)`.

Undoing a step first undoes, newest first, every later step that touched one of its objects
(`kunci`: the rows of its trace plus any the service names, e.g. the unit a position moved to).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, models, router, transaction
from django.db.models import Max
from django.db.models.deletion import Collector
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat
from ramping.errors import KonflikPerubahan, RampingError, TidakDitemukan
from ramping.organisasi.models import Struktur
from ramping.penyederhanaan.models import LangkahSkenario


class LangkahTidakBisaDibatalkan(RampingError):
    pesan = "Langkah ini tidak dapat dibatalkan."


_PEMBATAL: dict[str, Callable[[LangkahSkenario, Akses], None]] = {}


def pembatal(aksi: str):
    """Register the undo of a step kind that keeps its own `balik` data."""

    def daftar(fungsi):
        _PEMBATAL[aksi] = fungsi
        return fungsi

    return daftar


def _label(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def _baris(objs: Iterable[models.Model]) -> list[dict]:
    # JSON round trip: Decimal, date and datetime become text; the deserializer's
    # `field.to_python` turns them back exactly.
    return json.loads(serializers.serialize("json", objs, cls=DjangoJSONEncoder))


def _per_model(label_pk: Iterable[str]) -> dict[str, list[int]]:
    hasil: dict[str, list[int]] = {}
    for lp in label_pk:
        label, pk = lp.rsplit(":", 1)
        hasil.setdefault(label, []).append(int(pk))
    return hasil


def _model(label: str) -> type[models.Model]:
    from django.apps import apps

    return apps.get_model(label)


def _baca(label_pk: Iterable[str]) -> dict[str, dict]:
    """The current state of rows (label:pk → serialized row); a missing row is absent."""
    hasil = {}
    for label, pks in _per_model(label_pk).items():
        model = _model(label)
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
        objs = [o for o in objs if _label(o) not in self.sebelum]
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
        self.baru.extend(_label(o) for o in objs)

    def tersentuh(self) -> set[str]:
        dihapus = {f"{b['model']}:{b['pk']}" for b in self.dihapus}
        return set(self.sebelum) | dihapus | set(self.baru)

    def data(self) -> dict:
        sesudah = _baca(set(self.sebelum) | set(self.baru))
        return {
            "jejak": {
                "sebelum": self.sebelum,
                "dihapus": self.dihapus,
                "baru": self.baru,
                "sesudah": sesudah,
            }
        }


def catat_langkah(
    *,
    akses: Akses,
    struktur: Struktur,
    aksi: str,
    ringkasan: str,
    jejak: Jejak | None = None,
    balik: dict | None = None,
    kunci: Iterable[str] = (),
) -> LangkahSkenario:
    """Append a step to the version's log; call it inside the step's own transaction."""
    if (jejak is None) == (balik is None):
        raise ValueError("catat_langkah: give exactly one of jejak= or balik=")
    if balik is not None and aksi not in _PEMBATAL:
        raise ValueError(f"catat_langkah: no @pembatal registered for {aksi!r}")
    semua_kunci = set(kunci) | (jejak.tersentuh() if jejak else set())
    # One writer per version at a time: the row lock orders the steps (and their urutan).
    Struktur.objects.select_for_update().filter(pk=struktur.pk).exists()
    akhir = LangkahSkenario.objects.filter(struktur=struktur).aggregate(m=Max("urutan"))["m"]
    return LangkahSkenario.objects.create(
        instansi_id=struktur.instansi_id,
        struktur=struktur,
        urutan=(akhir or 0) + 1,
        aksi=aksi,
        ringkasan=ringkasan[:500],
        balik=jejak.data() if jejak else json.loads(json.dumps(balik, cls=DjangoJSONEncoder)),
        kunci=sorted(semua_kunci),
        dibuat_oleh=akses.pengguna,
    )


def riwayat_langkah(*, akses: Akses, struktur: Struktur) -> list[LangkahSkenario]:
    akses.pastikan_instansi(struktur)
    return list(
        LangkahSkenario.objects.filter(struktur=struktur).select_related(
            "dibuat_oleh", "dibatalkan_oleh"
        )
    )


def langkah_bergantung(langkah: LangkahSkenario) -> list[LangkahSkenario]:
    """The later, still active steps that must be undone first (newest first): those sharing
    an object with this step, or with one of them."""
    kunci = set(langkah.kunci)
    hasil = []
    for lain in LangkahSkenario.objects.filter(
        struktur_id=langkah.struktur_id, urutan__gt=langkah.urutan, dibatalkan__isnull=True
    ).order_by("urutan"):
        if kunci & set(lain.kunci):
            hasil.append(lain)
            kunci |= set(lain.kunci)
    return list(reversed(hasil))


def _nama_baris(b: dict) -> str:
    f = b.get("fields", {})
    nama = f.get("nama") or f.get("nama_jabatan_lama") or f.get("uraian") or ""
    model = _model(b["model"])._meta.verbose_name
    return f"{model} “{nama}”" if nama else f"{model} #{b['pk']}"


def _pulihkan_jejak(data: dict) -> None:
    sesudah = data["sesudah"]
    # 1. Nothing the step left may have moved on since (no silent overwrite of later work).
    kini = _baca(set(data["sebelum"]) | set(data["baru"]))
    for lp, keadaan in sesudah.items():
        if kini.get(lp) != keadaan:
            raise KonflikPerubahan(
                f"{_nama_baris(keadaan)} telah diubah setelah langkah ini, di luar riwayat "
                "skenario; langkah ini tidak dapat dibatalkan otomatis."
            )
    # 2. Deleted rows come back with their own keys, 3. changed rows get their old values.
    # Foreign keys are checked at commit (deferred) on SQLite and PostgreSQL alike, so the
    # order of the rows does not matter inside the transaction.
    for obj in serializers.deserialize("python", data["dihapus"] + list(data["sebelum"].values())):
        obj.save()
    # 4. Created rows go, but only if nothing else hangs on them any more.
    for label, pks in _per_model(data["baru"]).items():
        qs = _model(label)._base_manager.filter(pk__in=pks)
        kolektor = Collector(using=router.db_for_write(qs.model), origin=qs)
        kolektor.collect(qs)
        ikut = {_label(o) for objs in kolektor.data.values() for o in objs}
        ikut |= {_label(o) for objs in kolektor.fast_deletes for o in objs}
        lain = ikut - set(data["baru"])
        if lain:
            raise KonflikPerubahan(
                "Data yang dibuat oleh langkah ini sudah dipakai oleh data lain "
                f"({len(lain)} baris); langkah ini tidak dapat dibatalkan otomatis."
            )
        qs.delete()


def _batalkan_satu(langkah: LangkahSkenario, akses: Akses) -> None:
    if "jejak" in langkah.balik:
        _pulihkan_jejak(langkah.balik["jejak"])
    else:
        _PEMBATAL[langkah.aksi](langkah, akses)
    langkah.dibatalkan = timezone.now()
    langkah.dibatalkan_oleh = akses.pengguna
    langkah.save(update_fields=["dibatalkan", "dibatalkan_oleh"])


@transaction.atomic
def langkah_batalkan(*, akses: Akses, langkah: LangkahSkenario) -> list[LangkahSkenario]:
    """Undo a step and, first, the later steps that depend on it; all or nothing.

    Allowed to whoever may edit the version's scenario (the analis; an operator only when every
    undone step is theirs). Returns the undone steps, in the order they were undone."""
    from ramping.penyederhanaan.services.lebur import pastikan_draf

    akses.pastikan_instansi(langkah)
    struktur = Struktur.objects.select_for_update().get(pk=langkah.struktur_id)
    pastikan_draf(struktur)
    langkah = LangkahSkenario.objects.get(pk=langkah.pk)
    if langkah.dibatalkan is not None:
        raise LangkahTidakBisaDibatalkan("Langkah ini sudah dibatalkan.")
    urutan = [*langkah_bergantung(langkah), langkah]
    if not akses.mengelola_seluruh_instansi and any(
        lk.dibuat_oleh_id != getattr(akses.pengguna, "pk", None) for lk in urutan
    ):
        raise LangkahTidakBisaDibatalkan(
            "Langkah ini (atau langkah yang bergantung padanya) dibuat pengguna lain; "
            "mintalah analis Bagian Organisasi membatalkannya."
        )
    try:
        with transaction.atomic():
            for lk in urutan:
                _batalkan_satu(lk, akses)
            # Deferred foreign keys and unique rows are checked here, not at commit, so a row
            # that can no longer come back is a message, not a server error.
            connection.check_constraints()
    except IntegrityError as e:
        raise KonflikPerubahan(
            "Data versi ini telah berubah sehingga langkah ini tidak dapat dikembalikan "
            "otomatis (ada data yang bertabrakan dengan data yang akan dipulihkan)."
        ) from e
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="skenario_langkah_batal",
        objek=struktur,
        ringkasan=f"Dibatalkan: {langkah.ringkasan}"
        + (f" (dan {len(urutan) - 1} langkah sesudahnya)" if len(urutan) > 1 else ""),
        perubahan={"langkah": [lk.urutan for lk in urutan]},
    )
    return urutan


def langkah_ambil(*, akses: Akses, struktur: Struktur, langkah_id: int) -> LangkahSkenario:
    akses.pastikan_instansi(struktur)
    langkah = LangkahSkenario.objects.filter(pk=langkah_id, struktur=struktur).first()
    if langkah is None:
        raise TidakDitemukan()
    return langkah
