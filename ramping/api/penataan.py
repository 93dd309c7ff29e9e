"""The penataan cycle over the API: a round's status, an OPD's findings and the submit / return
/ approve actions, through the same selectors and services (and so the same permissions)."""

from datetime import date

from ninja import Router, Schema
from ninja.responses import Status

from ramping.api.skema import Galat, Teks
from ramping.penataan import selectors as sel
from ramping.penataan import services as svc

router = Router(tags=["penataan"])
GALAT = {400: Galat, 403: Galat, 404: Galat, 409: Galat, 422: Galat}


class PesertaOut(Schema):
    id: int
    opd_kode: str
    opd_nama: str
    status: str
    batas_waktu: date
    terlambat: bool
    dikunci: bool
    versi: int
    temuan_galat: int
    temuan_peringatan: int
    catatan_terbuka: int
    kelengkapan: dict[str, int | None]


class KegiatanOut(Schema):
    id: int
    nama: str
    struktur_id: int
    status: str
    diminta: list[str]
    batas_waktu: date
    nomor_surat: str
    peserta: list[PesertaOut]


class TemuanOut(Schema):
    kode: str
    tingkat: str
    pesan: str
    dasar: str
    objek: str
    tautan: str
    ditanggapi: bool


class AksiIn(Schema):
    versi: int
    catatan: Teks = ""


@router.get("/penataan/{kegiatan_id}", response={200: KegiatanOut, **GALAT},
            summary="Status kegiatan penataan per perangkat daerah")  # fmt: skip
def kegiatan(request, kegiatan_id: int):
    k = sel.kegiatan_ambil(akses=request.auth, kegiatan_id=kegiatan_id)
    papan = sel.papan(akses=request.auth, kegiatan=k)
    return {
        "id": k.pk,
        "nama": k.nama,
        "struktur_id": k.struktur_id,
        "status": k.status,
        "diminta": k.diminta,
        "batas_waktu": k.tenggat,
        "nomor_surat": k.nomor_surat,
        "peserta": [
            {
                "id": b.peserta.pk,
                "opd_kode": b.peserta.opd.kode,
                "opd_nama": b.peserta.opd.nama,
                "status": b.peserta.status,
                "batas_waktu": b.peserta.batas(),
                "terlambat": b.terlambat,
                "dikunci": b.peserta.dikunci,
                "versi": b.peserta.versi,
                "temuan_galat": b.galat,
                "temuan_peringatan": b.peringatan,
                "catatan_terbuka": b.catatan_terbuka,
                "kelengkapan": b.kelengkapan,
            }
            for b in papan.baris
        ],
    }


@router.get("/penataan/{kegiatan_id}/opd/{peserta_id}/temuan",
            response={200: list[TemuanOut], **GALAT},
            summary="Temuan pemeriksaan kesiapan satu perangkat daerah")  # fmt: skip
def temuan(request, kegiatan_id: int, peserta_id: int):
    k = sel.kegiatan_ambil(akses=request.auth, kegiatan_id=kegiatan_id)
    p = sel.peserta_ambil(akses=request.auth, kegiatan=k, peserta_id=peserta_id)
    hal = sel.halaman_peserta(akses=request.auth, peserta=p)
    return [
        {
            "kode": t.kode,
            "tingkat": t.tingkat,
            "pesan": t.pesan,
            "dasar": t.dasar,
            "objek": t.objek,
            "tautan": t.tautan,
            "ditanggapi": (t.kode, t.objek) in hal.diakui,
        }
        for t in hal.temuan
    ]


def _aksi(request, kegiatan_id: int, peserta_id: int, aksi: str, data: AksiIn):
    k = sel.kegiatan_ambil(akses=request.auth, kegiatan_id=kegiatan_id)
    p = sel.peserta_ambil(akses=request.auth, kegiatan=k, peserta_id=peserta_id)
    p = svc.AKSI_PESERTA[aksi](akses=request.auth, peserta=p, versi=data.versi,
                               catatan=data.catatan)  # fmt: skip
    return Status(200, {"id": p.pk, "status": p.status, "versi": p.versi})


class HasilAksi(Schema):
    id: int
    status: str
    versi: int


@router.post("/penataan/{kegiatan_id}/opd/{peserta_id}/ajukan",
             response={200: HasilAksi, **GALAT}, operation_id="peserta_ajukan",
             summary="Ajukan hasil perangkat daerah (operator OPD)")  # fmt: skip
def ajukan(request, kegiatan_id: int, peserta_id: int, data: AksiIn):
    return _aksi(request, kegiatan_id, peserta_id, "ajukan", data)


@router.post("/penataan/{kegiatan_id}/opd/{peserta_id}/kembalikan",
             response={200: HasilAksi, **GALAT}, operation_id="peserta_kembalikan",
             summary="Kembalikan untuk revisi dengan catatan (analis)")  # fmt: skip
def kembalikan(request, kegiatan_id: int, peserta_id: int, data: AksiIn):
    return _aksi(request, kegiatan_id, peserta_id, "kembalikan", data)


@router.post("/penataan/{kegiatan_id}/opd/{peserta_id}/setujui",
             response={200: HasilAksi, **GALAT}, operation_id="peserta_setujui",
             summary="Setujui hasil perangkat daerah (analis)")  # fmt: skip
def setujui(request, kegiatan_id: int, peserta_id: int, data: AksiIn):
    return _aksi(request, kegiatan_id, peserta_id, "setujui", data)
