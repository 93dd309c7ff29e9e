"""Applying a large import in the worker (`ramping.pekerjaan`, issue #14 item 3).

A file of more than `RAMPING_IMPOR_LATAR_BARIS` rows is applied by the job kind `impor` rather
than in the request: the preview already stored the upload (`simpanan`, private storage, 0600);
`periksa` checks permission in the request, `jalankan` checks it again with the owner's standing
now and applies through the same `impor_terapkan` (check again, one transaction, all or
nothing) inside the agency's scope. The result is a short text report; a file with a bad row
makes the job fail with the rows' messages, nothing written. The upload is removed either way.
Registered by `ImporConfig`.
"""

from typing import BinaryIO

from django.conf import settings
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.aturan.tampil import angka, tanggal_waktu
from ramping.errors import RampingError, TidakDitemukan
from ramping.impor import simpanan
from ramping.impor.berkas import BerkasDitolak
from ramping.impor.daftar import JENIS_IMPOR
from ramping.impor.dasar import ImporGagal, Pengimpor, Pratinjau, impor_terapkan
from ramping.organisasi.selectors import struktur_versi
from ramping.pekerjaan.jenis import Kemajuan, Rencana, daftarkan

IMPOR = "impor"
PESAN_KEDALUWARSA = "Berkas pratinjau sudah kedaluwarsa; unggah lagi."
GALAT_DI_PESAN = 5  # row errors quoted in the failure message (it holds 500 characters)


def di_latar(baris: int) -> bool:
    """Whether a file of `baris` data rows is applied by the worker."""
    return baris > settings.RAMPING_IMPOR_LATAR_BARIS


def _pemilik(akses: Akses) -> int | None:
    return akses.pengguna.pk if akses.pengguna is not None else None


def _pengimpor(akses: Akses, struktur_id: int | None, jenis_impor: str) -> Pengimpor:
    kelas = JENIS_IMPOR.get(jenis_impor)
    if kelas is None:
        raise TidakDitemukan("Jenis impor tidak dikenal.")
    _, struktur = struktur_versi(akses=akses, struktur_id=struktur_id)
    if struktur is None:
        raise TidakDitemukan("Instansi belum memiliki versi struktur.")
    return kelas(akses=akses, struktur=struktur)  # refuses a role that may not import this


def impor_periksa(
    *,
    akses: Akses,
    struktur_id: int | None,
    jenis_impor: str,
    token: str,
    nama_berkas: str = "",
    baris: int = 0,
    duplikat: str | None = None,
    setuju_peringatan: bool = False,
) -> Rencana:
    pengimpor = _pengimpor(akses, struktur_id, jenis_impor)
    if not simpanan.ada(token):
        raise RampingError(PESAN_KEDALUWARSA)
    nama_berkas = nama_berkas[:100] or f"{jenis_impor}.xlsx"
    return Rencana(
        judul=f"Impor {pengimpor.judul}: {nama_berkas}",
        nama_berkas=f"laporan-impor-{jenis_impor}.txt",
        parameter={
            "struktur_id": pengimpor.struktur.pk,
            "jenis_impor": jenis_impor,
            "token": token,
            "nama_berkas": nama_berkas,
            "baris": baris,
            "duplikat": duplikat,
            "setuju_peringatan": bool(setuju_peringatan),
        },
    )


def pesan_gagal(pratinjau: Pratinjau) -> str:
    """The failure shown on the job's page: how many rows, and the first ones."""
    galat = pratinjau.galat
    pesan = f"Impor dibatalkan, tidak ada yang ditulis: {angka(len(galat))} baris bermasalah. "
    pesan += "; ".join(str(g) for g in galat[:GALAT_DI_PESAN])
    if len(galat) > GALAT_DI_PESAN:
        pesan += f"; dan {angka(len(galat) - GALAT_DI_PESAN)} lainnya (lihat pratinjau)."
    return pesan


def laporan_teks(parameter: dict, struktur_nama: str, hasil: Pratinjau) -> str:
    sekarang = timezone.localtime()
    waktu = tanggal_waktu(sekarang)
    baris = [
        f"Laporan impor {parameter['jenis_impor']}: {parameter['nama_berkas']}",
        f"Versi struktur: {struktur_nama}",
        f"Diterapkan: {waktu}",
        f"Baris dibaca: {angka(hasil.baris)}",
        f"Dibuat: {angka(len(hasil.dibuat))}",
        f"Diubah: {angka(len(hasil.diubah))}",
        f"Tidak berubah: {angka(hasil.tetap)}",
        "Baris bermasalah: 0",
    ]
    for judul, daftar in (("Dibuat", hasil.dibuat), ("Diubah", hasil.diubah)):
        if daftar:
            baris += ["", f"{judul}:", *(f"- {x}" for x in daftar)]
    return "\n".join(baris) + "\n"


def impor_jalankan(*, akses: Akses, parameter: dict, berkas: BinaryIO, kemajuan: Kemajuan):
    token = parameter["token"]
    try:
        pengimpor = _pengimpor(akses, parameter["struktur_id"], parameter["jenis_impor"])
        pengimpor.duplikat = parameter.get("duplikat")
        pengimpor.setuju_peringatan = bool(parameter.get("setuju_peringatan"))
        try:
            data = simpanan.baca(token, pemilik=_pemilik(akses))
        except simpanan.BukanPemilik as exc:
            raise RampingError(exc.pesan) from None
        if data is None:
            raise RampingError(PESAN_KEDALUWARSA)
        n = parameter.get("baris", 0)  # 0 from the command line, which did not count them
        mulai = f"Memeriksa dan menerapkan {angka(n)} baris" if n else "Memeriksa dan menerapkan"
        kemajuan(0, n, mulai)
        try:
            hasil = impor_terapkan(pengimpor, data)
        except ImporGagal as exc:
            raise RampingError(pesan_gagal(exc.pratinjau)) from exc
        except BerkasDitolak as exc:
            raise RampingError(exc.pesan) from exc
    finally:
        # Applied or refused, the upload has served: a new attempt starts from a new preview.
        simpanan.hapus(token)
    berkas.write(laporan_teks(parameter, pengimpor.struktur.nama, hasil).encode("utf-8"))
    kemajuan(hasil.baris, hasil.baris, "")


def daftarkan_semua() -> None:
    daftarkan(IMPOR, periksa=impor_periksa, jalankan=impor_jalankan)
