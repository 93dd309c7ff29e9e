"""The agency's kelas overrides and the catalogue search over the API, through the same
selectors and services as the page `/i/<kode>/kelas-instansi/` (analis and admin instansi only;
every write audited, changes carry the version read)."""

from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.responses import Status

from ramping import aturan
from ramping.api.baca import TEKS_CARI
from ramping.api.skema import Galat, Teks
from ramping.jabatan.models import KelasInstansi
from ramping.jabatan.selectors_kelas import (
    kelas_instansi_ambil,
    kelas_instansi_daftar,
    maksud_nama,
)
from ramping.jabatan.services.kelas_instansi import (
    KelasInstansiTidakSah,
    kelas_instansi_hapus,
    kelas_instansi_simpan,
    kelas_instansi_ubah,
)

router = Router(tags=["kelas instansi"])
GALAT = {400: Galat, 403: Galat, 404: Galat, 409: Galat, 422: Galat}
JenisKelas = Literal["fungsional", "pelaksana"]
JenjangKelas = Literal[
    "", "ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil",
    "pemula",
]  # fmt: skip


class KelasInstansiOut(Schema):
    id: int
    jenis: str
    nama: str
    jenjang: str
    kelas: int
    dasar_hukum: str
    keterangan: str
    versi: int
    kelas_katalog: int | None
    sumber_katalog: str


class KelasInstansiIn(Schema):
    jenis: JenisKelas
    nama: Teks = Field(min_length=1, max_length=250)
    jenjang: JenjangKelas = ""
    kelas: int = Field(ge=1, le=17)
    dasar_hukum: Teks = Field(min_length=1, max_length=250)
    keterangan: Teks = Field("", max_length=5000)
    tetap: bool = Field(False, description="Simpan nama yang tidak ada di katalog apa adanya")


class KelasInstansiUbah(Schema):
    versi: int = Field(description="Versi yang dibaca; versi usang ditolak (409)")
    nama: Teks | None = Field(None, min_length=1, max_length=250)
    jenjang: JenjangKelas | None = None
    kelas: int | None = Field(None, ge=1, le=17)
    dasar_hukum: Teks | None = Field(None, min_length=1, max_length=250)
    keterangan: Teks | None = Field(None, max_length=5000)
    tetap: bool = False


class KandidatOut(Schema):
    nama: str
    jenjang: str | None = None
    skor: float
    alasan: str


def _keluar(b) -> dict:
    k = b.objek
    return {
        **{f: getattr(k, f) for f in ("id", "jenis", "nama", "jenjang", "kelas", "versi")},
        "dasar_hukum": k.dasar_hukum,
        "keterangan": k.keterangan,
        "kelas_katalog": b.kelas_katalog,
        "sumber_katalog": b.sumber_katalog,
    }


def _satu(request, objek: KelasInstansi) -> dict:
    baris = next(b for b in kelas_instansi_daftar(akses=request.auth) if b.objek.pk == objek.pk)
    return _keluar(baris)


def _periksa_nama(jenis: str, nama: str, tetap: bool) -> None:
    if tetap:
        return
    maksud = maksud_nama(jenis, nama)
    if maksud and maksud.casefold() != nama.strip().casefold():
        raise KelasInstansiTidakSah(
            f"“{nama}” tidak ada di katalog. Maksud Anda “{maksud}”? "
            "Kirim tetap=true untuk menyimpan nama ini apa adanya.",
            field="nama",
        )


@router.get("/kelas-instansi", response={200: list[KelasInstansiOut], **GALAT},
            summary="Kelas jabatan yang ditetapkan instansi (beserta kelas katalog)",
            operation_id="kelas_instansi_daftar")  # fmt: skip
def daftar(request):
    return [_keluar(b) for b in kelas_instansi_daftar(akses=request.auth)]


@router.post("/kelas-instansi", response={201: KelasInstansiOut, **GALAT},
             summary="Tetapkan kelas instansi untuk jenjang JF atau nama pelaksana",
             operation_id="kelas_instansi_simpan")  # fmt: skip
def tambah(request, data: KelasInstansiIn):
    nilai = data.dict()
    _periksa_nama(data.jenis, data.nama, nilai.pop("tetap"))
    objek = kelas_instansi_simpan(akses=request.auth, **nilai)
    return Status(201, _satu(request, objek))


@router.patch("/kelas-instansi/{kelas_id}", response={200: KelasInstansiOut, **GALAT},
              summary="Ubah kelas instansi (dengan versi)",
              operation_id="kelas_instansi_ubah")  # fmt: skip
def perbarui(request, kelas_id: int, data: KelasInstansiUbah):
    objek = kelas_instansi_ambil(akses=request.auth, kelas_id=kelas_id)
    baru = data.dict(exclude_none=True)
    versi, tetap = baru.pop("versi"), baru.pop("tetap")
    nilai = {
        f: baru.get(f, getattr(objek, f))
        for f in ("nama", "jenjang", "kelas", "dasar_hukum", "keterangan")
    }
    if "nama" in baru:
        _periksa_nama(objek.jenis, nilai["nama"], tetap)
    kelas_instansi_ubah(akses=request.auth, jenis=objek.jenis, objek=objek, versi=versi, **nilai)
    return _satu(request, objek)


@router.delete("/kelas-instansi/{kelas_id}", response={204: None, **GALAT},
               summary="Hapus kelas instansi (kembali ke katalog)",
               operation_id="kelas_instansi_hapus")  # fmt: skip
def buang(request, kelas_id: int, versi: int):
    objek = kelas_instansi_ambil(akses=request.auth, kelas_id=kelas_id)
    kelas_instansi_hapus(akses=request.auth, objek=objek, versi=versi)
    return Status(204, None)


@router.get("/katalog/jf", response={200: list[KandidatOut], **GALAT},
            summary="Cari JF di katalog (singkatan dan salah ketik diterima; kandidat berskor)",
            operation_id="katalog_jf_cari")  # fmt: skip
def cari_jf(
    request,
    q: str = Query(..., min_length=1, max_length=250, pattern=TEKS_CARI),
    batas: int = Query(5, ge=1, le=20),
):
    return [
        {"nama": k.nama_jf, "jenjang": k.jenjang, "skor": k.skor, "alasan": k.alasan}
        for k in aturan.cari_jf_kandidat(q, batas)
    ]


@router.get("/katalog/pelaksana", response={200: list[KandidatOut], **GALAT},
            summary="Cari nama jabatan pelaksana di katalog 45/2022 (kandidat berskor)",
            operation_id="katalog_pelaksana_cari")  # fmt: skip
def cari_pelaksana(
    request,
    q: str = Query(..., min_length=1, max_length=250, pattern=TEKS_CARI),
    batas: int = Query(5, ge=1, le=20),
):
    return [
        {"nama": k.nama, "skor": k.skor, "alasan": k.alasan}
        for k in aturan.cari_pelaksana_kandidat(q, batas)
    ]
