"""Reads for leaders and analysts over the API: the structure check of a version (25/2021 per
kind of perangkat daerah) and the leader summary of two versions. Same selectors as the pages
(`temuan_periksa`, `ringkasan_pimpinan`, `pasangan_bawaan`)."""

from decimal import Decimal

from ninja import Router, Schema

from ramping.api.skema import Galat
from ramping.errors import TidakDitemukan
from ramping.organisasi.selectors import struktur_ambil, struktur_versi
from ramping.penyederhanaan.pemeriksaan import temuan_periksa
from ramping.penyederhanaan.perbandingan import pasangan_bawaan
from ramping.penyederhanaan.pimpinan import ringkasan_pimpinan

router = Router(tags=["penyederhanaan"])
GALAT = {400: Galat, 403: Galat, 404: Galat, 422: Galat}


class TemuanOut(Schema):
    kode: str
    pesan: str
    dasar_hukum: str
    tingkat: str
    terverifikasi: bool
    objek: str  # unit | jabatan: what to fix
    objek_id: int
    unit_id: int | None
    opd: str


class AngkaOut(Schema):
    kunci: str
    label: str
    sebelum: Decimal
    sesudah: Decimal
    selisih: Decimal
    rupiah: bool


class RingkasanOut(Schema):
    lama_id: int
    lama: str
    baru_id: int
    baru: str
    angka: list[AngkaOut]
    kalimat: list[str]
    dijamin_per_bulan: Decimal
    jumlah_dijamin: int
    pejabat_disetarakan: int
    pegawai_pindah: int
    dasar_hukum: list[str]


@router.get(
    "/struktur/{struktur_id}/temuan",
    response={200: list[TemuanOut], **GALAT},
    summary="Temuan pemeriksaan struktur per jenis perangkat daerah (PermenPAN-RB 25/2021)",
    operation_id="temuan_periksa",
)
def temuan(request, struktur_id: int):
    s = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    return [
        {
            "kode": b.temuan.kode,
            "pesan": b.temuan.pesan,
            "dasar_hukum": b.temuan.dasar_hukum,
            "tingkat": b.temuan.tingkat,
            "terverifikasi": b.temuan.terverifikasi,
            "objek": b.temuan.objek,
            "objek_id": int(b.temuan.objek_id),
            "unit_id": b.unit.pk if b.unit else None,
            "opd": b.opd,
        }
        for b in temuan_periksa(akses=request.auth, struktur=s)
    ]


@router.get(
    "/ringkasan-pimpinan",
    response={200: RingkasanOut, **GALAT},
    summary="Ringkasan penyederhanaan untuk pimpinan (bawaan: sebelum penyederhanaan → berlaku)",
    operation_id="ringkasan_pimpinan",
)
def ringkasan(request, lama: int | None = None, baru: int | None = None):
    akses = request.auth
    if lama is not None and baru is not None:
        v_lama = struktur_ambil(akses=akses, struktur_id=lama)
        v_baru = struktur_ambil(akses=akses, struktur_id=baru)
    else:
        versi, _pilih = struktur_versi(akses=akses, struktur_id=None)
        if len(versi) < 2:
            raise TidakDitemukan("Perlu sedikitnya dua versi struktur untuk ringkasan ini.")
        v_lama, v_baru = pasangan_bawaan(akses.instansi_id, versi)
    r = ringkasan_pimpinan(akses=akses, lama=v_lama, baru=v_baru)
    return {
        "lama_id": v_lama.pk,
        "lama": v_lama.nama,
        "baru_id": v_baru.pk,
        "baru": v_baru.nama,
        "angka": [
            {
                "kunci": a.kunci,
                "label": a.label,
                "sebelum": a.lama,
                "sesudah": a.baru,
                "selisih": a.selisih,
                "rupiah": a.rupiah,
            }
            for a in r.angka
        ],
        "kalimat": r.kalimat,
        "dijamin_per_bulan": r.dijamin,
        "jumlah_dijamin": r.jumlah_dijamin,
        "pejabat_disetarakan": len(r.b.disetarakan),
        "pegawai_pindah": r.b.orang_pindah,
        "dasar_hukum": r.dasar_hukum,
    }
