"""The document jobs run by the worker (`ramping.pekerjaan`): an OPD's ZIP package and the
OPD-wide ANJAB and evaluasi documents, which take long because they cover every position.

`periksa` runs in the request (permission, validation, the file name); `jalankan` in the worker,
inside the agency's scope, with the owner's current standing. Registered by `LaporanConfig`.
"""

from typing import BinaryIO

from ramping.akun.akses import Akses
from ramping.akun.models import Peran
from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.laporan.exporters import LAPORAN
from ramping.laporan.format import slug
from ramping.laporan.paket import pekerjaan_paket, tulis_zip
from ramping.laporan.renderers.kemajuan import kemajuan_render
from ramping.laporan.selectors import opd_ambil
from ramping.laporan.unduhan import buat_laporan
from ramping.organisasi.models import Struktur
from ramping.organisasi.selectors import struktur_versi
from ramping.pekerjaan.jenis import Kemajuan, Rencana, daftarkan

PAKET = "paket-zip"
DOKUMEN = "dokumen-opd"
# Reports covering every position of an OPD: built by the worker when asked for a whole OPD.
LAPORAN_LATAR = tuple(k for k, e in LAPORAN.items() if e.per_jabatan)


def boleh_zip(akses: Akses, opd_kode: str) -> bool:
    """Agency-wide roles and leaders for any OPD; an operator for their own OPD only."""
    return akses.peran != Peran.OPERATOR or akses.opd_kode == opd_kode


def _struktur(akses: Akses, struktur_id: int | None) -> Struktur:
    _, struktur = struktur_versi(akses=akses, struktur_id=struktur_id)
    if struktur is None:
        raise TidakDitemukan("Instansi belum memiliki versi struktur.")
    return struktur


def _opd_paket(akses: Akses, struktur_id: int | None, opd_kode: str):
    struktur = _struktur(akses, struktur_id)
    opd = opd_ambil(akses=akses, struktur=struktur, kode=opd_kode)
    if not boleh_zip(akses, opd.kode):
        raise TidakBerhak("Operator hanya dapat membuat paket dokumen OPD-nya sendiri.")
    return struktur, opd


def paket_periksa(*, akses: Akses, struktur_id: int | None, opd_kode: str) -> Rencana:
    struktur, opd = _opd_paket(akses, struktur_id, opd_kode)
    return Rencana(
        judul=f"Paket dokumen {opd.nama}",
        nama_berkas=f"dokumen-{slug(opd.kode)}-{slug(struktur.nama, 40)}.zip",
        parameter={"struktur_id": struktur.pk, "opd_kode": opd.kode},
    )


def paket_jalankan(*, akses: Akses, parameter: dict, berkas: BinaryIO, kemajuan: Kemajuan):
    struktur, opd = _opd_paket(akses, parameter["struktur_id"], parameter["opd_kode"])
    kemajuan(0, 0, "Membaca data")
    kerja = pekerjaan_paket(akses=akses, struktur=struktur, opd=opd)
    tulis_zip(berkas, kerja, lambda n, nama: kemajuan(n, len(kerja), nama))


def dokumen_periksa(
    *, akses: Akses, struktur_id: int | None, kode: str, format: str, opd_kode: str
) -> Rencana:
    kelas = LAPORAN.get(kode)
    if kode not in LAPORAN_LATAR or format not in kelas.format:
        raise TidakDitemukan("Laporan atau format tidak dikenal.")
    struktur = _struktur(akses, struktur_id)
    opd = opd_ambil(akses=akses, struktur=struktur, kode=opd_kode)
    exporter = kelas(akses=akses, struktur=struktur, opd=opd)
    return Rencana(
        judul=f"{kelas.judul} — {opd.nama} ({format.upper()})",
        nama_berkas=exporter.nama_berkas(format),
        parameter={"struktur_id": struktur.pk, "kode": kode, "format": format, "opd": opd.kode},
    )


def dokumen_jalankan(*, akses: Akses, parameter: dict, berkas: BinaryIO, kemajuan: Kemajuan):
    judul = LAPORAN[parameter["kode"]].judul
    kemajuan(0, 1, judul)
    # The renderer reports its blocks (DOCX) or placed flowables (PDF) as it goes.
    with kemajuan_render(lambda selesai, total: kemajuan(selesai, total, judul)):
        hasil = buat_laporan(
            akses=akses,
            kode=parameter["kode"],
            format=parameter["format"],
            struktur=_struktur(akses, parameter["struktur_id"]),
            opd_kode=parameter["opd"],
        )
    berkas.write(hasil.isi)
    kemajuan(1, 1, "")


def daftarkan_semua() -> None:
    daftarkan(PAKET, periksa=paket_periksa, jalankan=paket_jalankan)
    daftarkan(DOKUMEN, periksa=dokumen_periksa, jalankan=dokumen_jalankan)
