"""The single place where audit entries are written; every service calls it."""

import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import connection, models
from django.utils import timezone

from ramping.aturan import tampil
from ramping.audit.models import JejakAudit, NomorPerubahan

# The history entry being restored (`pemulihan_dari`): every entry the owning service writes
# meanwhile is marked as that restore, so services need no extra parameter.
_PULIH_DARI: ContextVar[JejakAudit | None] = ContextVar("pulih_dari", default=None)


@contextmanager
def pemulihan_dari(entri: JejakAudit) -> Iterator[None]:
    """Within this block, audit entries record that they restore `entri` (set `pulih_dari`
    and say so in the summary)."""
    token = _PULIH_DARI.set(entri)
    try:
        yield
    finally:
        _PULIH_DARI.reset(token)


def _json_value(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (date, datetime, Decimal)):
        return str(value)
    return value


def _baris(
    instansi_id: int,
    pengguna: Any | None,
    aksi: str,
    objek: models.Model | type[models.Model] | None,
    ringkasan: str,
    perubahan: dict[str, Any] | None,
    induk: models.Model | None = None,
) -> JejakAudit:
    pulih = _PULIH_DARI.get()
    if pulih is not None:
        waktu = timezone.localtime(pulih.waktu)
        ringkasan = f"{ringkasan}, dikembalikan ke nilai sebelum {tampil.tanggal_waktu(waktu)}"
    return JejakAudit(
        instansi_id=instansi_id,
        pengguna=pengguna if pengguna is not None and pengguna.is_authenticated else None,
        aksi=aksi,
        objek_tipe=objek._meta.label if objek is not None else "",
        objek_id=objek.pk if isinstance(objek, models.Model) else None,
        ringkasan=ringkasan[:300],
        perubahan={
            key: [_json_value(v) for v in value] if isinstance(value, tuple) else _json_value(value)
            for key, value in (perubahan or {}).items()
        },
        induk_tipe=induk._meta.label if induk is not None else "",
        induk_id=induk.pk if induk is not None else None,
        pulih_dari=pulih,
    )


def naikkan_nomor_perubahan(instansi_id: int) -> None:
    """Raise the agency's change counter (`NomorPerubahan`) in the caller's transaction: one
    upsert, so two concurrent writers serialise on the row and commit distinct numbers. Called
    with every audit entry; a write that is not audited must call it itself."""
    tabel = connection.ops.quote_name(NomorPerubahan._meta.db_table)
    with connection.cursor() as kursor:
        kursor.execute(
            f"INSERT INTO {tabel} (instansi_id, nomor) VALUES (%s, %s) "
            f"ON CONFLICT (instansi_id) DO UPDATE SET nomor = {tabel}.nomor + 1",
            [instansi_id, secrets.randbits(40)],
        )


def lompati_nomor_perubahan() -> None:
    """After a restore: every counter jumps by a random 40-bit step, past any number a running
    server may have cached since the backup was taken."""
    if NomorPerubahan._meta.db_table in connection.introspection.table_names():
        NomorPerubahan.objects.update(nomor=models.F("nomor") + secrets.randbits(40))


def audit_catat(
    *,
    instansi_id: int,
    pengguna: Any | None,
    aksi: str,
    objek: models.Model | None = None,
    ringkasan: str,
    perubahan: dict[str, Any] | None = None,
    induk: models.Model | None = None,
) -> JejakAudit:
    """Record one audit entry; `perubahan` values are made JSON-safe here. `induk` is the
    object whose history also shows it (a task's, ANJAB's or placement's position)."""
    baris = _baris(instansi_id, pengguna, aksi, objek, ringkasan, perubahan, induk)
    baris.save()
    naikkan_nomor_perubahan(instansi_id)
    return baris


@dataclass(frozen=True)
class Entri:
    """One object's entry in a bulk write (an import): what changed on it. `objek` may be a
    model class when the rows written are not at hand (the entry then names the kind only)."""

    objek: models.Model | type[models.Model]
    ringkasan: str
    perubahan: dict[str, Any] | None = None
    induk: models.Model | None = None


def audit_catat_banyak(
    *, instansi_id: int, pengguna: Any | None, aksi: str, entri: Iterable[Entri]
) -> int:
    """Record one audit entry per object of a bulk write, in one INSERT per 2,000 rows."""
    baris = [
        _baris(instansi_id, pengguna, aksi, e.objek, e.ringkasan, e.perubahan, e.induk)
        for e in entri
    ]
    JejakAudit.objects.bulk_create(baris, batch_size=2000)
    if baris:
        naikkan_nomor_perubahan(instansi_id)
    return len(baris)


def perubahan_field(obj: models.Model, baru: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """The (old, new) pairs of the fields that `baru` would actually change on `obj`."""
    return {
        name: (getattr(obj, name), value)
        for name, value in baru.items()
        if getattr(obj, name) != value
    }


def ubah_dan_catat(
    obj: models.Model,
    nilai: dict[str, Any],
    *,
    boleh: set[str],
    akses: Any,
    aksi: str,
    ringkasan: str,
    induk: models.Model | None = None,
) -> dict[str, tuple[Any, Any]]:
    """The edit step every `<noun>_ubah` service shares once it has checked permission:
    refuse unknown fields, apply only real changes, validate, save them, audit them."""
    tak_dikenal = set(nilai) - boleh
    if tak_dikenal:
        raise TypeError(f"{aksi} tidak menerima {sorted(tak_dikenal)}")
    perubahan = perubahan_field(obj, nilai)
    if not perubahan:
        return perubahan
    for name, (_lama, baru) in perubahan.items():
        setattr(obj, name, baru)
    obj.full_clean()
    obj.save(update_fields=list(perubahan))
    audit_catat(
        instansi_id=obj.instansi_id,
        pengguna=akses.pengguna,
        aksi=aksi,
        objek=obj,
        ringkasan=ringkasan,
        perubahan=perubahan,
        induk=induk,
    )
    return perubahan
