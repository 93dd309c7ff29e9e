"""Appendices of the head of region's regulation (Perwal/Perbup): the peta jabatan (LAMPIRAN I)
and the pola koordinasi (LAMPIRAN II, in the style of Perwal Cilegon 6/2023: the relations
between units as a table grouped by unit, then a diagram).

Each starts with the appendix header ("LAMPIRAN I PERATURAN WALI KOTA … NOMOR … TANGGAL …
TENTANG …") and ends with the head of region's approval block, both from `ramping.laporan.kop`
fed by the agency's settings; pages are numbered "Halaman x dari y" (PDF footer, DOCX field).

The read step is one method per appendix, `baca_pohon()` and `baca_relasi()`, returning plain
data (`SimpulL` trees, `RelasiL` rows). The penataan round's code replaces it to print what was
approved rather than the live tables (`ramping.penataan.dokumen.LampiranPetaHasil`), e.g.::

    class LampiranPetaBeku(LampiranPetaJabatan):
        def __init__(self, *, snapshot, **kw):
            super().__init__(**kw)
            self.snapshot = snapshot

        def baca_pohon(self):
            return pohon_dari_cuplikan(self.snapshot)  # the same SimpulL/JabatanL dataclasses

`dokumen()` never queries, so the frozen data is all the document shows.
"""

from abc import abstractmethod
from datetime import date
from typing import ClassVar

from ramping.akun.akses import Akses
from ramping.laporan.dokumen import (
    BULAT,
    DATA,
    Baris,
    Diagram,
    Dokumen,
    GantiHalaman,
    Garis,
    Judul,
    Kolom,
    Simpul,
    Tabel,
    Teks,
)
from ramping.laporan.exporters.dasar import Exporter
from ramping.laporan.exporters.peta_jabatan import KETERANGAN, KOLOM, _sel_jabatan, _sel_rekap
from ramping.laporan.exporters.pohon import baris_pohon
from ramping.laporan.kop import kepala_lampiran, pengesahan_kepala_daerah
from ramping.laporan.selectors import RelasiL, SimpulL, pohon_laporan, relasi_laporan
from ramping.organisasi.models import Struktur, UnitKerja

MENGOORDINASIKAN, DIKOORDINASIKAN, BEKERJA_SAMA = (
    "mengoordinasikan",
    "dikoordinasikan",
    "bekerja_sama",
)  # ramping.sistemkerja.models.RelasiKoordinasi.Jenis, without importing the app here
LABEL_RELASI = {
    MENGOORDINASIKAN: "Mengoordinasikan",
    DIKOORDINASIKAN: "Dikoordinasikan oleh",
    BEKERJA_SAMA: "Bekerja sama dengan",
}
KEBALIKAN = {
    MENGOORDINASIKAN: DIKOORDINASIKAN,
    DIKOORDINASIKAN: MENGOORDINASIKAN,
    BEKERJA_SAMA: BEKERJA_SAMA,
}


class LampiranPeraturan(Exporter):
    """An appendix of the head of region's regulation: header, content, approval block."""

    format = ("pdf", "docx")
    lampiran_ke: ClassVar[int]
    # Extra keyword options the CLI and the download accept (`--nomor`, `--tentang`).
    opsi: ClassVar[tuple[str, ...]] = ("nomor", "tentang")

    def __init__(
        self,
        *,
        akses: Akses,
        struktur: Struktur,
        opd: UnitKerja | None = None,
        jabatan_id: int | None = None,
        tanggal: date | None = None,
        nomor: str | None = None,
        tentang: str | None = None,
    ):
        """`nomor`, `tanggal`, `tentang` of the regulation; number and date default to the
        version's legal basis (`dasar_hukum_nomor`/`dasar_hukum_tanggal`), else dotted lines
        to fill in by hand; `tentang` defaults to the appendix's subject."""
        super().__init__(
            akses=akses, struktur=struktur, opd=opd, jabatan_id=jabatan_id, tanggal=tanggal
        )
        self.nomor = nomor if nomor is not None else struktur.dasar_hukum_nomor
        self.tanggal_peraturan = tanggal if tanggal is not None else struktur.dasar_hukum_tanggal
        self.tentang = tentang or ""

    def muat_data(self) -> None:
        self.kop_instansi = self.konteks.kop  # read with the title block's context
        self.baca()

    def baca(self) -> None:
        """The appendix's own reads (overridable: see the module docstring)."""

    @abstractmethod
    def tentang_bawaan(self) -> str:
        """The regulation's subject when the user gave none."""

    @abstractmethod
    def isi(self) -> list:
        """The appendix's blocks between its header and the approval block."""

    def dokumen(self) -> Dokumen:
        kop = self.kop_instansi
        tentang = self.tentang or self.tentang_bawaan()
        return Dokumen(
            judul=f"Lampiran {self.lampiran_ke} — {tentang}",
            kop=self.kop(),
            identitas=self.identitas(),
            blok=[
                kepala_lampiran(
                    kop,
                    ke=self.lampiran_ke,
                    nomor=self.nomor,
                    tanggal_=self.tanggal_peraturan,
                    tentang=tentang,
                ),
                *self.isi(),
                pengesahan_kepala_daerah(kop, self.tanggal_peraturan),
            ],
            kepala_halaman=False,
            kaki=f"Lampiran {self.lampiran_ke} {kop.jenis_peraturan} — {tentang}",
        )


class LampiranPetaJabatan(LampiranPeraturan):
    """LAMPIRAN I: the peta jabatan of each OPD (B, K, ± per position, as `PetaJabatan`), one
    OPD per page group, as a table: the org-chart cards of `peta-jabatan` PDF stay A3 only."""

    kode = "lampiran-peta-jabatan"
    judul = "Lampiran peraturan: peta jabatan"
    lampiran_ke = 1

    def baca(self) -> None:
        self.akar = self.baca_pohon()

    def baca_pohon(self) -> list[SimpulL]:
        """The unit tree with positions, B and K: the live tables by default."""
        return pohon_laporan(akses=self.akses, struktur=self.struktur, opd=self.opd)

    def tentang_bawaan(self) -> str:
        if self.opd is not None:
            return f"Peta Jabatan {self.opd.nama}"
        return f"Peta Jabatan di Lingkungan Pemerintah {self.kop_instansi.wilayah}"

    def isi(self) -> list:
        blok: list = []
        for i, node in enumerate(self.akar):
            if i:
                blok.append(GantiHalaman())
            blok += [
                Teks(f"PETA JABATAN {node.unit.nama.upper()}", "tengah", tebal=True),
                Tabel(KOLOM, baris_pohon([node], _sel_jabatan, _sel_rekap), 1, "Peta jabatan"),
            ]
        if not self.akar:
            blok.append(Teks("Belum ada unit kerja pada versi struktur ini."))
        blok.append(Teks(KETERANGAN))
        return blok


class LampiranPolaKoordinasi(LampiranPeraturan):
    """LAMPIRAN II: the pola koordinasi. The table lists, under each unit, every relation it
    takes part in, from its own side (a unit coordinated by another reads "Dikoordinasikan
    oleh"), so one unit's page is complete; the diagram draws each relation once."""

    kode = "lampiran-pola-koordinasi"
    judul = "Lampiran peraturan: pola koordinasi"
    lampiran_ke = 2

    def baca(self) -> None:
        self.relasi = self.baca_relasi()

    def baca_relasi(self) -> list[RelasiL]:
        """The version's coordination relations: the live tables by default."""
        return relasi_laporan(akses=self.akses, struktur=self.struktur, opd=self.opd)

    def tentang_bawaan(self) -> str:
        if self.opd is not None:
            return f"Pola Koordinasi {self.opd.nama}"
        return (
            f"Pola Koordinasi Perangkat Daerah di Lingkungan Pemerintah {self.kop_instansi.wilayah}"
        )

    def _dalam_lingkup(self, path: str) -> bool:
        return self.opd is None or path.startswith(self.opd.path)

    def tabel(self) -> Tabel:
        sisi = []
        for r in self.relasi:
            sisi.append((r.dari, r.jenis, r.ke, r))
            sisi.append((r.ke, KEBALIKAN[r.jenis], r.dari, r))
        sisi = [s for s in sisi if self._dalam_lingkup(s[0].path)]
        sisi.sort(key=lambda s: (s[0].path, list(LABEL_RELASI).index(s[1]), s[2].path))
        kolom = (
            Kolom("No", BULAT, 5),
            Kolom("Unit Kerja", lebar=32),
            Kolom("Hubungan", lebar=18),
            Kolom("Unit Kerja Mitra", lebar=32),
            Kolom("Keterangan", lebar=23),
        )
        baris = []
        nomor, terakhir = 0, None
        for unit, jenis, mitra, r in sisi:
            baru = unit.id != terakhir
            nomor += baru
            terakhir = unit.id
            baris.append(
                Baris(
                    (nomor if baru else None, unit.nama if baru else "", LABEL_RELASI[jenis],
                     mitra.nama, r.keterangan),
                    DATA,
                )
            )  # fmt: skip
        return Tabel(kolom, baris, 1, "Pola koordinasi")

    def diagram(self) -> Diagram:
        units = {}
        for r in self.relasi:
            units.setdefault(r.dari.id, r.dari)
            units.setdefault(r.ke.id, r.ke)
        simpul = tuple(
            Simpul(str(u.id), u.singkatan or u.nama, u.path[:4])
            for u in sorted(units.values(), key=lambda u: u.path)
        )
        garis = []
        for r in self.relasi:
            a, b = str(r.dari.id), str(r.ke.id)
            if r.jenis == DIKOORDINASIKAN:
                a, b = b, a  # the arrow points from the coordinator to the coordinated unit
            garis.append(Garis(a, b, r.jenis != BEKERJA_SAMA))
        return Diagram(
            simpul,
            tuple(garis),
            keterangan=(
                "Garis berpanah: unit di pangkal panah mengoordinasikan unit di ujung panah.",
                "Garis putus-putus: bekerja sama.",
            ),
        )

    def isi(self) -> list:
        judul = (self.tentang or self.tentang_bawaan()).upper()
        blok: list = [Teks(judul, "tengah", tebal=True)]
        if not self.relasi:
            return [*blok, Teks("Belum ada relasi koordinasi pada versi struktur ini.")]
        return [
            *blok,
            Judul("A. HUBUNGAN KOORDINASI ANTARUNIT KERJA"),
            self.tabel(),
            Judul("B. BAGAN POLA KOORDINASI"),
            self.diagram(),
        ]
