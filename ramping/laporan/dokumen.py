"""The neutral document every exporter produces and every renderer reads.

An exporter states *what* a report says (title block, headings, tables with typed columns, row
kinds, signature blocks); `renderers/` decide *how* it looks in XLSX, PDF or DOCX. This is
pretix's `ListExporter` split (rows once, renderers shared) widened from lists to the blocks
an official Indonesian document needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

Nilai = str | int | Decimal | date | datetime | None

# Column kinds: how a cell is typed in XLSX and formatted in PDF/DOCX.
TEKS, KODE, BULAT, DESIMAL, SELISIH = "teks", "kode", "bulat", "desimal", "selisih"
ANGKA = (BULAT, DESIMAL, SELISIH)
# Dates: a `date` (TANGGAL) or a moment (WAKTU) value. XLSX writes a real date cell with one
# number format (renderers/xlsx.py FORMAT_TANGGAL), PDF/DOCX "11 November 2026" and
# "11 November 2026 pukul 09.00" (ramping.aturan.tampil). A moment is written in the local time
# zone (settings.TIME_ZONE).
TANGGAL, WAKTU = "tanggal", "waktu"

# Row kinds.
DATA, UNIT, SUBTOTAL, TOTAL = "data", "unit", "subtotal", "total"


@dataclass(frozen=True, slots=True)
class Kolom:
    judul: str
    jenis: str = TEKS
    lebar: float = 12  # characters in XLSX; a proportion of the line in PDF/DOCX
    desimal: int = 0
    grup: str = ""  # group heading above the column (merged across equal neighbours)
    # DESIMAL: a value prints with as many decimals as it has, up to `desimal` (106 → "106",
    # 2.5 → "2,5"); `tetap` prints exactly `desimal` places (the unrounded K "0,7680" and EJ
    # "1,00", as the worked example of PermenPAN-RB 1/2020's ABK form prints them).
    tetap: bool = False


@dataclass(slots=True)
class Baris:
    sel: tuple[Nilai, ...]
    gaya: str = DATA
    tingkat: int = 0  # indentation of the table's name column
    kunci: str = ""  # the unit a unit/subtotal row belongs to (its tree path)
    kepala: bool = False  # the position heads its unit (the peta PDF puts it in the card header)


@dataclass(slots=True)
class Tabel:
    kolom: tuple[Kolom, ...]
    baris: list[Baris] = field(default_factory=list)
    kolom_nama: int = 1  # index of the column indented by `Baris.tingkat`
    nama_lembar: str = ""  # XLSX sheet title

    @property
    def berkelompok(self) -> bool:
        return any(k.grup for k in self.kolom)


@dataclass(frozen=True, slots=True)
class Judul:
    """A heading; `nilai` prints on the same line after a colon ("1. NAMA JABATAN : …")."""

    teks: str
    tingkat: int = 1
    nilai: str = ""


@dataclass(frozen=True, slots=True)
class Teks:
    teks: str
    rata: str = "kiri"  # kiri | tengah | penuh
    tebal: bool = False


@dataclass(frozen=True, slots=True)
class Isian:
    """Label : value lines without borders (unit chain, kualifikasi, syarat jabatan)."""

    pasangan: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Daftar:
    """A numbered list (tanggung jawab, wewenang)."""

    butir: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Penanda:
    jabatan: str
    nama: str = ""
    nip: str = ""


@dataclass(frozen=True, slots=True)
class TandaTangan:
    penanda: tuple[Penanda, ...]
    tempat_tanggal: str = ""  # printed above the last column ("Cilegon, 30 November 2026")
    kolom: int = 2


@dataclass(frozen=True, slots=True)
class GantiHalaman:
    pass


# --- Official documents (letters, regulation appendices): built by `ramping.laporan.kop` ------


@dataclass(frozen=True, slots=True)
class KopSurat:
    """The letterhead: logo left, bold centred lines, the address, a double rule below."""

    baris: tuple[str, ...]  # "PEMERINTAH KOTA CILEGON", "SEKRETARIAT DAERAH"
    alamat: str = ""
    logo: bytes | None = None  # PNG or JPEG, checked when uploaded


@dataclass(frozen=True, slots=True)
class KepalaLampiran:
    """The appendix header in the right half of the first page of a regulation's appendix:
    "LAMPIRAN I / PERATURAN WALI KOTA CILEGON" then "NOMOR : …", "TANGGAL : …", "TENTANG : …"."""

    baris: tuple[str, ...]
    pasangan: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Pengesahan:
    """One official's approval block in the right half: "Ditetapkan di …", "pada tanggal …",
    the office ("WALI KOTA CILEGON,"), room for the signature, the name, then rank and NIP."""

    atas: tuple[str, ...]
    jabatan: str
    nama: str
    bawah: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Simpul:
    kunci: str
    label: str
    kelompok: str = ""  # nodes of one group (an OPD) sit next to each other


@dataclass(frozen=True, slots=True)
class Garis:
    dari: str
    ke: str
    berarah: bool = True  # an arrow dari → ke; False: a dashed line (working together)


@dataclass(frozen=True, slots=True)
class Diagram:
    """Boxes and lines (the pola koordinasi); `renderers/diagram.py` lays it out."""

    simpul: tuple[Simpul, ...]
    garis: tuple[Garis, ...]
    keterangan: tuple[str, ...] = ()  # the legend, one line per line style


Blok = (
    Judul | Teks | Isian | Daftar | Tabel | TandaTangan | GantiHalaman
    | KopSurat | KepalaLampiran | Pengesahan | Diagram
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Identitas:
    """Who issues a document and what it covers: every renderer derives the file's metadata
    (title, author, subject, creator), the letterhead on top of the first page (PDF/DOCX) and
    the title rows of each sheet (XLSX) from this (`renderers/identitas.py`)."""

    instansi: str  # the author: the agency's name
    lingkup: str = ""  # the OPD, or "Seluruh perangkat daerah"
    versi: str = ""  # the structure version (or the round, the scenario) the document shows
    dasar_hukum: str = ""  # the version's legal basis
    tanggal: date | None = None  # the date the document was produced
    kop_surat: KopSurat | None = None  # the agency's letterhead (settings → Kop)
    perihal: str = ""  # what a one-item document is about (the position of one ANJAB)


@dataclass(slots=True)
class Dokumen:
    judul: str
    kop: tuple[str, ...]  # title-block lines: agency, scope, version, legal basis
    blok: list[Blok] = field(default_factory=list)
    ukuran: str = "A4"  # A4 | A3
    mendatar: bool = False  # landscape
    kaki: str = ""  # footer text (the regulation the layout follows)
    # The small running header (agency · scope, title) on every page; an official letter or
    # appendix carries its own letterhead or appendix header instead.
    kepala_halaman: bool = True
    identitas: Identitas | None = None

    def tabel(self) -> list[Tabel]:
        return [b for b in self.blok if isinstance(b, Tabel)]
