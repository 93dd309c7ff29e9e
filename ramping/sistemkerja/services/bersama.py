"""Helpers shared by the work-system services."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from ramping.akun.akses import Akses
from ramping.errors import RampingError
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.sistemkerja import errors
from ramping.sistemkerja.models import AnggotaTim

A = AnggotaTim


@dataclass
class HasilAnggota:
    anggota: AnggotaTim
    peringatan: list[str] = field(default_factory=list)


def _pengguna(akses: Akses):
    return akses.pengguna


def _pastikan_berlaku(struktur: Struktur) -> None:
    if struktur.status != Struktur.Status.BERLAKU:
        raise errors.StrukturBukanBerlaku()


def _valid(obj) -> None:
    try:
        obj.full_clean(exclude=["instansi", "struktur", "unit", "tim", "penugasan"])
    except ValidationError as exc:
        nama, pesan = next(iter(exc.message_dict.items()))
        raise RampingError(pesan[0], field=nama) from None


def _penempatan(pegawai: Pegawai, struktur_id: int) -> Penempatan | None:
    return (
        Penempatan.objects.aktif()
        .filter(
            instansi_id=pegawai.instansi_id,
            struktur_id=struktur_id,
            pegawai=pegawai,
        )
        .select_related("jabatan__unit")
        .first()
    )


def _dalam_unit(unit: UnitKerja, induk: UnitKerja) -> bool:
    return unit.struktur_id == induk.struktur_id and unit.path.startswith(induk.path)
