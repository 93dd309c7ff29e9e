"""The Surat Edaran that opens a penataan round (tata naskah dinas layout: letterhead, addressee,
"SURAT EDARAN NOMOR … TENTANG …", A. Dasar, B. Isi Edaran, C. Penutup, the signatory).

Not a registry report: it belongs to one `KegiatanPenataan`, not to a version and OPD. Other
code calls `surat_edaran_berkas(akses=, kegiatan_id=, format=)` (the round's pages add the
download link); the CLI is `ramping ekspor surat-edaran --instansi K --kegiatan ID`.
"""

from dataclasses import dataclass

from django.conf import settings

from ramping.akun.akses import Akses
from ramping.laporan.dokumen import (
    BULAT,
    Baris,
    Daftar,
    Dokumen,
    Judul,
    Kolom,
    Tabel,
    Teks,
)
from ramping.laporan.format import slug, tanggal
from ramping.laporan.kop import TITIK, identitas, kop_surat, pengesahan_penandatangan
from ramping.laporan.renderers import MIME, render
from ramping.laporan.selectors import KegiatanL, kegiatan_surat
from ramping.organisasi.pengaturan import kop_instansi

# What each part asked means for an OPD, in the letter's words (ramping.penataan.models.Bagian).
BAGIAN = {
    "anjab": "analisis jabatan (ANJAB) seluruh jabatan pada unit kerjanya: ikhtisar, uraian "
    "tugas, hasil kerja, bahan dan perangkat kerja, tanggung jawab, wewenang, dan syarat jabatan",
    "abk": "analisis beban kerja (ABK): hasil kerja, volume, dan waktu penyelesaian setiap "
    "uraian tugas, sebagai dasar perhitungan kebutuhan pegawai",
    "evaluasi": "evaluasi jabatan: informasi faktor jabatan, nilai jabatan, dan kelas jabatan",
    "nomenklatur": "penyesuaian nomenklatur jabatan pelaksana pada peta jabatan",
}


@dataclass(frozen=True)
class BerkasSurat:
    isi: bytes
    nama: str
    mime: str


class SuratEdaran:
    kode = "surat-edaran"
    judul = "Surat Edaran kegiatan penataan"
    format = ("pdf", "docx")

    def __init__(self, *, akses: Akses, kegiatan_id: int, url_aplikasi: str | None = None):
        self.akses = akses
        self.kegiatan_id = kegiatan_id
        self.url_aplikasi = (
            url_aplikasi if url_aplikasi is not None else getattr(settings, "RAMPING_URL", "")
        )
        self.data: KegiatanL | None = None

    def muat(self) -> None:
        if self.data is None:
            self.kop_instansi = kop_instansi(instansi_id=self.akses.instansi_id)
            self.data = self.baca()

    def baca(self) -> KegiatanL:
        """The round and its OPD (overridable, like the appendices' read step)."""
        return kegiatan_surat(akses=self.akses, kegiatan_id=self.kegiatan_id)

    def dokumen(self) -> Dokumen:
        k, kop = self.data, self.kop_instansi
        assert k is not None, "muat() first"
        perihal = k.perihal or k.nama
        nomor = k.nomor_surat or TITIK
        wilayah = f"Pemerintah {kop.wilayah}"
        blok: list = [
            kop_surat(kop),
            Teks("Yth. Kepala Perangkat Daerah"),
            Teks(f"di lingkungan {wilayah}"),
            Teks(" "),
            Teks("SURAT EDARAN", "tengah", tebal=True),
            Teks(f"NOMOR {nomor}", "tengah"),
            Teks("TENTANG", "tengah", tebal=True),
            Teks(perihal.upper(), "tengah", tebal=True),
            Teks(" "),
            Judul("A. Dasar"),
        ]
        if k.dasar_hukum:
            blok.append(Teks(k.dasar_hukum, "penuh"))
        blok.append(
            Teks(
                f"{k.nama} pada {k.struktur}, dalam rangka penataan organisasi dan tata kerja "
                f"Perangkat Daerah di lingkungan {wilayah}.",
                "penuh",
            )
        )
        diminta = [BAGIAN[b] for b in k.diminta if b in BAGIAN]
        blok += [
            Judul("B. Isi Edaran"),
            Teks(
                "Sehubungan dengan hal tersebut, setiap Kepala Perangkat Daerah diminta menyusun "
                "dan memutakhirkan dokumen berikut untuk seluruh unit kerja di lingkungannya:",
                "penuh",
            ),
            Daftar(tuple(diminta) or ("dokumen sebagaimana diminta oleh Bagian Organisasi",)),
            Teks(self._cara_penyampaian(), "penuh"),
            *self._batas_waktu(k),
        ]
        blok.append(Judul("C. Penutup"))
        for alinea in (a.strip() for a in k.isi_surat.split("\n\n")):
            if alinea:
                blok.append(Teks(alinea, "penuh"))
        blok += [
            Teks(
                "Demikian Surat Edaran ini disampaikan untuk dilaksanakan dengan penuh tanggung "
                "jawab. Atas perhatian dan kerja sama Saudara, diucapkan terima kasih.",
                "penuh",
            ),
            pengesahan_penandatangan(kop, k.tanggal_surat),
        ]
        return Dokumen(
            judul=f"Surat Edaran — {perihal}",
            kop=(kop.pemerintah.title(), k.nama),
            identitas=identitas(kop, versi=k.nama, tanggal_=k.tanggal_surat),
            blok=blok,
            kepala_halaman=False,
            kaki=f"Surat Edaran Nomor {nomor}",
        )

    def _cara_penyampaian(self) -> str:
        alamat = f" ({self.url_aplikasi})" if self.url_aplikasi else ""
        return (
            f"Dokumen tersebut disusun dan disampaikan melalui aplikasi ramping{alamat} dengan "
            "akun operator Perangkat Daerah masing-masing, lalu diajukan untuk diverifikasi oleh "
            "Bagian Organisasi. Dokumen yang dikembalikan dengan catatan agar diperbaiki dan "
            "diajukan kembali."
        )

    def _batas_waktu(self, k: KegiatanL) -> list:
        blok: list = [
            Teks(
                f"Dokumen disampaikan paling lambat tanggal {tanggal(k.tenggat)}"
                + (
                    ", kecuali bagi Perangkat Daerah yang batas waktunya ditetapkan tersendiri "
                    "dalam daftar berikut."
                    if any(p.tenggat != k.tenggat for p in k.peserta)
                    else "."
                ),
                "penuh",
            )
        ]
        if k.peserta:
            blok.append(Teks("Perangkat Daerah yang menyampaikan dokumen:"))
            kolom = (Kolom("No", BULAT, 6), Kolom("Perangkat Daerah", lebar=64),
                     Kolom("Batas Waktu", lebar=30))  # fmt: skip
            baris = [
                Baris((n, p.opd, tanggal(p.tenggat) + (" *" if p.tenggat != k.tenggat else "")))
                for n, p in enumerate(k.peserta, 1)
            ]
            blok.append(Tabel(kolom, baris, 1, "Peserta"))
            if any(p.tenggat != k.tenggat for p in k.peserta):
                blok.append(Teks("* batas waktu tersendiri bagi Perangkat Daerah tersebut."))
        return blok

    def nama_berkas(self, format: str) -> str:
        nama = (self.data.perihal or self.data.nama) if self.data else str(self.kegiatan_id)
        return f"{self.kode}-{self.kegiatan_id}-{slug(nama, 50)}.{format}"

    def ekspor(self, format: str) -> bytes:
        if format not in self.format:
            raise ValueError(f"format {format} tidak tersedia untuk {self.kode}")
        self.muat()
        return render(self.dokumen(), format)


def surat_edaran_berkas(
    *, akses: Akses, kegiatan_id: int, format: str, url_aplikasi: str | None = None
) -> BerkasSurat:
    """The round's Surat Edaran as a file (web download, CLI). Every member of the agency may
    read it: it is addressed to all the OPD; another agency's round does not exist (404)."""
    from ramping.errors import TidakDitemukan

    if format not in SuratEdaran.format:
        raise TidakDitemukan("Format tidak dikenal.")
    e = SuratEdaran(akses=akses, kegiatan_id=kegiatan_id, url_aplikasi=url_aplikasi)
    isi = e.ekspor(format)
    return BerkasSurat(isi, e.nama_berkas(format), MIME[format])
