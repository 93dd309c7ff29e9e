"""Coordination relations between units (pola koordinasi administratif)."""

from __future__ import annotations

from django.db import transaction

from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat
from ramping.errors import RampingError, TidakBerhak
from ramping.organisasi.models import UnitKerja
from ramping.sistemkerja import errors
from ramping.sistemkerja.akses import (
    boleh_ubah_koordinasi,
)
from ramping.sistemkerja.models import (
    RelasiKoordinasi,
)

# --- Relasi koordinasi ---------------------------------------------------------------------


def _pastikan_koordinasi(akses: Akses) -> None:
    if not boleh_ubah_koordinasi(akses):
        raise TidakBerhak("Pola koordinasi dikelola oleh analis organisasi.")


@transaction.atomic
def relasi_buat(
    *,
    akses: Akses,
    unit_dari: UnitKerja,
    unit_ke: UnitKerja,
    jenis: str,
    dasar_hukum: str = "",
    keterangan: str = "",
) -> RelasiKoordinasi:
    akses.pastikan_instansi(unit_dari)
    akses.pastikan_instansi(unit_ke)
    _pastikan_koordinasi(akses)
    if unit_dari.pk == unit_ke.pk:
        raise errors.RelasiDiriSendiri(field="unit_ke")
    if unit_dari.struktur_id != unit_ke.struktur_id:
        raise errors.UnitBedaVersi(field="unit_ke")
    if jenis not in RelasiKoordinasi.Jenis.values:
        raise RampingError("Jenis relasi tidak dikenal.", field="jenis")
    if RelasiKoordinasi.objects.filter(unit_dari=unit_dari, unit_ke=unit_ke, jenis=jenis).exists():
        raise errors.RelasiSudahAda(field="unit_ke")
    r = RelasiKoordinasi.objects.create(
        instansi_id=unit_dari.instansi_id,
        struktur_id=unit_dari.struktur_id,
        unit_dari=unit_dari,
        unit_ke=unit_ke,
        jenis=jenis,
        dasar_hukum=dasar_hukum.strip(),
        keterangan=keterangan.strip(),
    )
    audit_catat(
        instansi_id=r.instansi_id,
        pengguna=akses.pengguna,
        aksi="relasi_buat",
        objek=r,
        ringkasan=f"Relasi koordinasi: {r}",
    )
    return r


@transaction.atomic
def relasi_hapus(*, akses: Akses, relasi: RelasiKoordinasi) -> None:
    akses.pastikan_instansi(relasi)
    _pastikan_koordinasi(akses)
    audit_catat(
        instansi_id=relasi.instansi_id,
        pengguna=akses.pengguna,
        aksi="relasi_hapus",
        objek=relasi,
        ringkasan=f"Relasi koordinasi dihapus: {relasi}",
    )
    relasi.delete()
