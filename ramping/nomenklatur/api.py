"""Nomenklatur over the API: the ranked suggestions of a version's pelaksana posts and a
decision, through the same selectors and services (and so the same permissions)."""

from typing import Annotated

from ninja import Field, Query, Router, Schema

from ramping.api.skema import Galat, Teks
from ramping.aturan.versi_nomenklatur import DaftarTidakDimuat
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jabatan
from ramping.nomenklatur import selectors as sel
from ramping.nomenklatur import services as svc
from ramping.organisasi.selectors import struktur_ambil

router = Router(tags=["nomenklatur"])
GALAT = {400: Galat, 403: Galat, 404: Galat, 409: Galat, 422: Galat}


class AlasanOut(Schema):
    sinyal: str
    poin: float
    keterangan: str


class SaranOut(Schema):
    nama: str
    skor: float
    kelas_indikatif: int | None
    pendidikan_minimal: str
    alasan: list[AlasanOut]


class PemangkuOut(Schema):
    nip: str
    nama: str
    pendidikan: str


class BarisOut(Schema):
    jabatan_id: int
    nama: str
    nama_lama: str
    opd_kode: str
    unit: str
    kelas: int | None
    status: str
    klasifikasi: str
    mirip_jf: str | None
    pemangku: list[PemangkuOut]
    saran: list[SaranOut]


IdJabatan = Annotated[int, Field(ge=1, le=2_147_483_647)]


class PutuskanIn(Schema):
    jabatan_id: list[IdJabatan] = Field(min_length=1, max_length=10_000)
    nama_baru: Teks = Field(max_length=250)
    kelas: int | None = Field(default=None, ge=1, le=17)


class HasilOut(Schema):
    jumlah: int
    ringkasan: str


@router.get(
    "/struktur/{struktur_id}/nomenklatur/saran",
    response={200: list[BarisOut], **GALAT},
    summary="Saran nama baku (PermenPAN-RB 45/2022) untuk setiap jabatan pelaksana",
    operation_id="nomenklatur_saran",
)
def saran(
    request,
    struktur_id: int,
    opd: str = Query("", max_length=40, pattern=r"^[A-Za-z0-9._-]*$"),
    status: str = Query("", max_length=20, pattern=r"^[a-z]*$"),
):
    struktur = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    baris = sel.baris_meja(akses=request.auth, struktur=struktur, opd_kode=opd, status=status)
    return [
        {
            "jabatan_id": b.jabatan.pk,
            "nama": b.jabatan.nama,
            "nama_lama": b.nama_lama,
            "opd_kode": b.opd.kode,
            "unit": " › ".join(x for x in (b.opd.nama, b.jalur) if x),
            "kelas": b.jabatan.kelas,
            "status": b.status,
            "klasifikasi": b.klasifikasi,
            "mirip_jf": b.mirip_jf,
            "pemangku": [vars_pemangku(p) for p in b.pemangku],
            "saran": [
                {
                    "nama": s.nama,
                    "skor": s.skor,
                    "kelas_indikatif": s.kelas_indikatif,
                    "pendidikan_minimal": s.pendidikan_minimal,
                    "alasan": [
                        {"sinyal": a.sinyal, "poin": a.poin, "keterangan": a.keterangan}
                        for a in s.alasan
                    ],
                }
                for s in b.saran
            ],
        }
        for b in baris
    ]


def vars_pemangku(p: sel.Pemangku) -> dict:
    return {"nip": p.nip, "nama": p.nama, "pendidikan": p.pendidikan}


class SaranDaftarOut(Schema):
    nama: str
    skor: float
    alasan: str


class BarisDaftarOut(Schema):
    jabatan_id: int
    nama: str
    opd_kode: str
    unit: str
    status: str  # berganti | hilang
    nama_baru: str | None
    saran: list[SaranDaftarOut]


class PeriksaDaftarOut(Schema):
    daftar: str
    dasar_hukum: str
    berlaku_mulai: str
    berlaku_sampai: str
    verified: bool
    jumlah: int
    baris: list[BarisDaftarOut]


@router.get(
    "/struktur/{struktur_id}/nomenklatur/periksa-daftar",
    response={200: PeriksaDaftarOut, **GALAT},
    summary="Jabatan pelaksana yang namanya tidak ada dalam satu daftar KepmenPAN-RB yang dimuat",
    operation_id="nomenklatur_periksa_daftar",
)
def periksa_daftar(
    request,
    struktur_id: int,
    daftar: str = Query(..., max_length=60, pattern=r"^[a-z0-9-]+$"),
):
    struktur = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    try:
        p = sel.periksa_daftar(akses=request.auth, struktur=struktur, kode=daftar)
    except DaftarTidakDimuat as e:
        raise TidakDitemukan("Daftar nomenklatur tidak dikenal atau belum dimuat.") from e
    d = p.daftar
    return {
        "daftar": d.kode,
        "dasar_hukum": d.dasar_hukum,
        "berlaku_mulai": d.berlaku_mulai,
        "berlaku_sampai": d.berlaku_sampai,
        "verified": d.verified,
        "jumlah": p.jumlah,
        "baris": [
            {
                "jabatan_id": b.jabatan.pk,
                "nama": b.jabatan.nama,
                "opd_kode": b.opd.kode,
                "unit": " › ".join(x for x in (b.opd.nama, b.jalur) if x),
                "status": b.hasil.status,
                "nama_baru": b.hasil.nama_baru,
                "saran": [
                    {"nama": x.nama, "skor": x.skor, "alasan": x.alasan} for x in b.hasil.saran
                ],
            }
            for b in p.baris
        ],
    }


@router.post(
    "/struktur/{struktur_id}/nomenklatur/putuskan",
    response={200: HasilOut, **GALAT},
    summary="Ubah nama jabatan pelaksana ke satu nama baku (langkah skenario)",
    operation_id="nomenklatur_putuskan",
)
def putuskan(request, struktur_id: int, data: PutuskanIn):
    struktur = struktur_ambil(akses=request.auth, struktur_id=struktur_id)
    ids = set(data.jabatan_id)
    jab = list(
        Jabatan.objects.filter(struktur=struktur, pk__in=ids).select_related("unit", "struktur")
    )
    if len(jab) != len(ids):
        raise TidakDitemukan("Jabatan tidak ditemukan pada versi ini.")
    h = svc.nomenklatur_putuskan(
        akses=request.auth, jabatan_list=jab, nama_baru=data.nama_baru, kelas=data.kelas
    )
    return {"jumlah": h.jumlah, "ringkasan": h.ringkasan}
