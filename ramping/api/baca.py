"""Read endpoints. Every query is scoped to the token's agency by the selectors."""

from typing import Literal

from django.http import HttpResponse
from ninja import Query, Router
from ninja.pagination import paginate

from ramping import aturan
from ramping.api import selectors as s
from ramping.api.halaman import Halaman
from ramping.api.skema import (
    EvaluasiOut,
    Galat,
    InstansiOut,
    JabatanDetail,
    JabatanOut,
    PegawaiDetail,
    PegawaiOut,
    PetaOut,
    StrukturOut,
    UnitOut,
)
from ramping.jabatan.kewajaran import kewajaran_jabatan
from ramping.jabatan.models import JenisJabatan
from ramping.jabatan.selectors import jabatan_ambil, pohon_jabatan, rekap_total
from ramping.laporan.exporters import LAPORAN
from ramping.laporan.unduhan import buat_laporan
from ramping.organisasi.models import Instansi
from ramping.organisasi.selectors import struktur_daftar, unit_ambil
from ramping.pegawai.selectors import pegawai_ambil, penempatan_riwayat

router = Router(tags=["baca"])
KodeJenis = Literal[tuple(JenisJabatan.values)]  # the model's choices, checked at the door
# Search text: no control characters (PostgreSQL rejects NUL bytes in a query).
TEKS_CARI = r"^[^\x00-\x1f\x7f]*$"


@router.get("/instansi", response=InstansiOut, summary="Instansi pemilik token")
def instansi(request):
    return Instansi.objects.get(pk=request.auth.instansi_id)


@router.get("/struktur", response=list[StrukturOut], summary="Semua versi struktur (SOTK)")
def struktur(request):
    return list(struktur_daftar(akses=request.auth).order_by("-berlaku_mulai", "-id"))


@router.get("/struktur/{struktur_id}/unit", response=list[UnitOut], summary="Unit kerja satu versi")
@paginate(Halaman, page_size=200)
def unit(request, struktur_id: int):
    versi = s.versi_dipilih(akses=request.auth, struktur_id=struktur_id)
    return s.unit_daftar(akses=request.auth, struktur=versi)


@router.get("/jabatan", response=list[JabatanOut], summary="Jabatan satu versi (bawaan: berlaku)")
@paginate(Halaman, page_size=200)
def jabatan(
    request,
    struktur_id: int | None = None,
    unit_id: int | None = None,
    jenis: KodeJenis | Literal[""] = "",
):
    versi = s.versi_dipilih(akses=request.auth, struktur_id=struktur_id)
    return s.jabatan_daftar(akses=request.auth, struktur=versi, unit_id=unit_id, jenis=jenis)


@router.get(
    "/jabatan/{jabatan_id}", response=JabatanDetail, summary="Jabatan dengan tugas dan evaluasi"
)
def jabatan_detail(request, jabatan_id: int):
    j = jabatan_ambil(akses=request.auth, jabatan_id=jabatan_id)
    ej = pj = None
    if j.b and j.beban_kerja_jam is not None:
        ej, pj = aturan.efektivitas_jabatan(j.beban_kerja_jam, j.b)
    return {
        **{f: getattr(j, f) for f in JabatanOut.model_fields},
        "ej": ej,
        "pj": pj,
        "tugas": list(j.tugas_set.all()),
        "evaluasi": _evaluasi(j),
    }


def _evaluasi(j) -> dict | None:
    """The evaluation with the same kelas warnings the evaluasi tab shows."""
    ev = getattr(j, "evaluasi", None)
    if ev is None:
        return None
    k = kewajaran_jabatan(j)
    kewajaran = {
        "kelas_acuan": k.kelas_acuan,
        "sumber_acuan": k.sumber_acuan,
        "peringatan": [{"kode": p.kode, "pesan": p.pesan} for p in k.peringatan],
        "catatan": k.catatan,
        "dicatat": k.dicatat,
        "perlu_tindakan": k.perlu_tindakan,
    }
    isi = {f: getattr(ev, f) for f in EvaluasiOut.model_fields if f != "kewajaran"}
    return isi | {"kewajaran": kewajaran}


@router.get("/pegawai", response=list[PegawaiOut], summary="Cari pegawai menurut NIP atau nama")
@paginate(Halaman, page_size=100)
def pegawai(request, q: str = Query("", max_length=100, pattern=TEKS_CARI)):
    return s.pegawai_cari(akses=request.auth, q=q)


@router.get("/pegawai/{pegawai_id}", response=PegawaiDetail, summary="Pegawai dan penempatannya")
def pegawai_detail(request, pegawai_id: int):
    p = pegawai_ambil(akses=request.auth, pegawai_id=pegawai_id)
    return {
        **{f: getattr(p, f) for f in PegawaiOut.model_fields},
        "penempatan": penempatan_riwayat(akses=request.auth, pegawai=p),
    }


@router.get("/peta-jabatan", response=PetaOut, summary="Peta jabatan (B, K, ±) dihitung")
def peta_jabatan(request, struktur_id: int | None = None, unit_id: int | None = None):
    versi = s.versi_dipilih(akses=request.auth, struktur_id=struktur_id)
    unit_pilih = unit_ambil(akses=request.auth, unit_id=unit_id) if unit_id else None
    if unit_pilih is not None and unit_pilih.struktur_id != versi.pk:
        versi = unit_pilih.struktur
    akar = pohon_jabatan(akses=request.auth, struktur=versi, unit=unit_pilih)
    total = rekap_total(akar)
    baris = [
        {
            "unit_id": node.unit.pk,
            "unit_nama": node.unit.nama,
            "kedalaman": node.unit.kedalaman,
            "jabatan_id": j.id,
            "nama": j.nama,
            "jenis": j.jenis,
            "kelas": j.kelas,
            "b": j.b,
            "k": j.kebutuhan,
            "selisih": j.selisih,
        }
        for simpul in akar
        for node in simpul.telusuri()
        for j in node.jabatan
    ]
    return {
        "struktur_id": versi.pk,
        "jumlah_jabatan": total.jumlah,
        "b": total.b,
        "k": total.k,
        "k_belum_dihitung": total.k_kosong,
        "selisih": total.selisih,
        "baris": baris,
    }


KodeLaporan = Literal[tuple(LAPORAN)]  # the exporters' registry
FormatLaporan = Literal["xlsx", "pdf", "docx"]


@router.get(
    "/laporan/{kode}",
    response={200: None, 404: Galat},
    summary="Unduh laporan resmi (peta jabatan, ANJAB, ABK, evaluasi, berita acara, kebutuhan)",
)
def laporan(
    request,
    kode: KodeLaporan,
    format: FormatLaporan,
    struktur_id: int | None = None,
    opd: str = Query("", max_length=40, pattern=r"^[A-Za-z0-9._-]*$"),
    jabatan_id: int | None = None,
):
    versi = s.versi_dipilih(akses=request.auth, struktur_id=struktur_id)
    berkas = buat_laporan(
        akses=request.auth,
        kode=kode,
        format=format,
        struktur=versi,
        opd_kode=opd,
        jabatan_id=jabatan_id,
        versi_dipilih=struktur_id is not None,
    )
    respons = HttpResponse(berkas.isi, content_type=berkas.mime)
    respons["Content-Disposition"] = f'attachment; filename="{berkas.nama}"'
    return respons
