"""Scenario steps over the API: remove or merge a unit (with a dry run), the change log, undo.

Same services as the web (`unit_hapus`, `unit_gabung`, `langkah_batalkan`), same names."""

from datetime import datetime

from ninja import Router, Schema

from ramping.api.skema import Galat
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.selectors import struktur_ambil, unit_di_versi
from ramping.penyederhanaan import services
from ramping.penyederhanaan.langkah import (
    jalankan_dengan_efek,
    langkah_ambil,
    langkah_batalkan,
    riwayat_langkah,
)

router = Router(tags=["skenario"])
GALAT = {400: Galat, 403: Galat, 404: Galat, 409: Galat, 422: Galat}


class LangkahOut(Schema):
    id: int
    urutan: int
    aksi: str
    ringkasan: str
    dibuat: datetime
    dibatalkan: datetime | None


class EfekOut(Schema):
    """What a step did (or, with `pratinjau=true`, would do)."""

    jabatan_dipindah: int
    jabatan_disetarakan: int
    jabatan_kosong_dihapus: int
    penyetaraan_baru: int
    dipindah: list[str]
    diubah: list[str]
    dihapus: list[str]
    dibuat: list[str]
    pegawai: list[str]
    pratinjau: bool


def _unit(struktur: Struktur, unit_id: int) -> UnitKerja:
    return unit_di_versi(struktur=struktur, unit_id=unit_id)


def _jalankan(fungsi, coba: bool) -> dict:
    hasil, efek = jalankan_dengan_efek(fungsi, coba=coba)
    return {
        "jabatan_dipindah": hasil.jabatan_dipindah,
        "jabatan_disetarakan": hasil.jabatan_disetarakan,
        "jabatan_kosong_dihapus": hasil.jabatan_kosong_dihapus,
        "penyetaraan_baru": len(hasil.penyetaraan),
        **vars(efek),
        "pratinjau": coba,
    }


@router.post(
    "/struktur/{struktur_id}/unit/{unit_id}/hapus",
    response={200: EfekOut, **GALAT},
    summary="Hapus unit dari skenario (pratinjau=true: hanya tampilkan akibatnya)",
    operation_id="unit_hapus",
)
def unit_hapus(
    request, struktur_id: int, unit_id: int, kelompok_jf: bool = True, pratinjau: bool = False
):
    s = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    unit = _unit(s, unit_id)
    return _jalankan(
        lambda: services.unit_hapus(akses=request.auth, unit=unit, ke_kelompok_jf=kelompok_jf),
        pratinjau,
    )


@router.post(
    "/struktur/{struktur_id}/unit/{unit_id}/gabung/{ke_id}",
    response={200: EfekOut, **GALAT},
    summary="Gabungkan unit ke unit lain (pratinjau=true: hanya tampilkan akibatnya)",
    operation_id="unit_gabung",
)
def unit_gabung(request, struktur_id: int, unit_id: int, ke_id: int, pratinjau: bool = False):
    s = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    unit, ke = _unit(s, unit_id), _unit(s, ke_id)
    return _jalankan(lambda: services.unit_gabung(akses=request.auth, unit=unit, ke=ke), pratinjau)


@router.get(
    "/struktur/{struktur_id}/langkah",
    response={200: list[LangkahOut], **GALAT},
    summary="Riwayat perubahan skenario",
    operation_id="riwayat_langkah",
)
def riwayat(request, struktur_id: int):
    s = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    return riwayat_langkah(akses=request.auth, struktur=s)


@router.post(
    "/struktur/{struktur_id}/langkah/{langkah_id}/batalkan",
    response={200: list[LangkahOut], **GALAT},
    summary="Batalkan satu langkah skenario (dan langkah sesudahnya yang bergantung padanya)",
    operation_id="langkah_batalkan",
)
def batalkan(request, struktur_id: int, langkah_id: int):
    s = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    langkah = langkah_ambil(akses=request.auth, struktur=s, langkah_id=langkah_id)
    return langkah_batalkan(akses=request.auth, langkah=langkah)
