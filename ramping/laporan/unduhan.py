"""One report as a file: the same choices (report, format, version, OPD or position) for the
web download, the API and the command line."""

from dataclasses import dataclass

from ramping.akun.akses import Akses
from ramping.errors import RampingError, TidakDitemukan
from ramping.jabatan.selectors import jabatan_ambil
from ramping.laporan.exporters import LAPORAN
from ramping.laporan.renderers import MIME
from ramping.laporan.selectors import PILIH_OPD, opd_ambil
from ramping.organisasi.models import Struktur


@dataclass(frozen=True)
class Berkas:
    isi: bytes
    nama: str
    mime: str


def buat_laporan(
    *,
    akses: Akses,
    kode: str,
    format: str,
    struktur: Struktur | None,
    opd_kode: str = "",
    jabatan_id: int | None = None,
    versi_dipilih: bool = False,
    opsi: dict[str, str] | None = None,
) -> Berkas:
    """Render one report. A position names its own version unless one was picked explicitly."""
    kelas = LAPORAN.get(kode)
    if kelas is None or format not in kelas.format:
        raise TidakDitemukan("Laporan atau format tidak dikenal.")
    opd = None
    if kelas.per_jabatan and jabatan_id is not None:
        jabatan = jabatan_ambil(akses=akses, jabatan_id=jabatan_id)
        if not versi_dipilih:
            struktur = jabatan.struktur
        elif struktur is None or jabatan.struktur_id != struktur.pk:
            raise TidakDitemukan("Jabatan tidak ada pada versi struktur ini.")
    elif opd_kode:
        if struktur is None:
            raise TidakDitemukan("Instansi belum memiliki versi struktur.")
        opd = opd_ambil(akses=akses, struktur=struktur, kode=opd_kode)
    elif kelas.perlu_opd:
        raise RampingError(PILIH_OPD, field="opd")
    if struktur is None:
        raise TidakDitemukan("Instansi belum memiliki versi struktur.")
    # Only the options the report declares (a regulation appendix's nomor, tentang); blank
    # values keep the report's defaults.
    tambahan = {k: v for k, v in (opsi or {}).items() if k in kelas.opsi and v}
    exporter = kelas(akses=akses, struktur=struktur, opd=opd, jabatan_id=jabatan_id, **tambahan)
    return Berkas(exporter.ekspor(format), exporter.nama_berkas(format), MIME[format])
