"""The round's documents: its Surat Edaran, and the Perwal appendix of the peta jabatan printed
from what the round approved (each approved OPD's frozen snapshot), not from today's tables."""

from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.laporan.exporters.lampiran import LampiranPetaJabatan
from ramping.laporan.exporters.surat_edaran import BerkasSurat, surat_edaran_berkas
from ramping.laporan.renderers import MIME
from ramping.laporan.selectors import SimpulL
from ramping.penataan.cuplikan import pohon_dari_cuplikan
from ramping.penataan.models import Cuplikan, KegiatanPenataan

__all__ = ["LampiranPetaHasil", "dokumen_kegiatan"]


class LampiranPetaHasil(LampiranPetaJabatan):
    """LAMPIRAN I of the Perwal: the approved peta jabatan of every approved OPD of a round."""

    kode = "lampiran-peta-hasil"
    judul = "Lampiran peraturan: peta jabatan hasil kegiatan penataan"

    def __init__(self, *, akses: Akses, kegiatan: KegiatanPenataan, **kw):
        super().__init__(akses=akses, struktur=kegiatan.struktur, **kw)
        self.kegiatan = kegiatan

    def baca_pohon(self) -> list[SimpulL]:
        """One query: the newest approved snapshot of each OPD, in tree order."""
        akar: list[SimpulL] = []
        sudah: set[int] = set()
        for c in (
            Cuplikan.objects.filter(peserta__kegiatan=self.kegiatan, jenis=Cuplikan.Jenis.DISETUJUI)
            .order_by("peserta__opd__path", "-dibuat", "-id")
            .only("peserta_id", "data")
        ):
            if c.peserta_id not in sudah:
                sudah.add(c.peserta_id)
                akar += pohon_dari_cuplikan(c.data)
        return akar

    def nama_dasar(self) -> str:
        return f"lampiran-peta-jabatan-hasil-{self.kegiatan.pk}"


def dokumen_kegiatan(
    *, akses: Akses, kegiatan: KegiatanPenataan, dokumen: str, format: str
) -> BerkasSurat:
    """`surat-edaran` (every member of the agency may read it) or `lampiran-peta` (the approved
    result) as a file."""
    akses.pastikan_instansi(kegiatan)
    if dokumen == "surat-edaran":
        return surat_edaran_berkas(akses=akses, kegiatan_id=kegiatan.pk, format=format)
    if dokumen == "lampiran-peta" and format in LampiranPetaHasil.format:
        e = LampiranPetaHasil(akses=akses, kegiatan=kegiatan)
        return BerkasSurat(e.ekspor(format), e.nama_berkas(format), MIME[format])
    raise TidakDitemukan("Dokumen tidak dikenal.")
