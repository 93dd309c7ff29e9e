"""Opening an uploaded workbook safely and finding its header row.

A workbook is a zip archive: it is checked before any parser sees it (size, a real zip,
no bomb, not too many rows), then read with python-calamine (fast, read-only). The header
is the first row, within the first rows, that names enough known columns — so title rows
and merged headings above the table are tolerated.
"""

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, islice

from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from ramping.aturan.tampil import angka
from ramping.impor.nilai import bacaan, putuskan_lokal, suara_lokal, teks

UKURAN_MAKS = 20 * 1024 * 1024  # 20 MiB uploaded
ISI_MAKS = 200 * 1024 * 1024  # 200 MiB unpacked: a genuine 100,000-row sheet is far below
RASIO_MAKS = 200  # unpacked ÷ packed; XML compresses well, but not thousands of times
BARIS_MAKS = 100_000  # issue #15: a whole agency's 100,000 task rows in one file
BARIS_CARI_JUDUL = 15


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx encrypted with a password
ENKRIPSI = "EncryptionInfo".encode("utf-16-le")
SIMPAN_ULANG = (
    "%s. Buka di Excel atau LibreOffice Calc, hapus kata sandinya bila ada, lalu pilih "
    'Simpan Sebagai → "Buku Kerja Excel (*.xlsx)" dan unggah berkas .xlsx itu.'
)
# Rows that total a table rather than state a task: "JUMLAH", "Total", "PEMBULATAN",
# "Jumlah Pegawai yang Dibutuhkan" — recognised, skipped and listed in the preview.
SUBTOTAL = re.compile(r"^(sub)?(jumlah|total|pembulatan|grandtotal|kebutuhanpegawai)")


def _teks_csv(data: bytes) -> bool:
    awal = data[:4096]
    if b"\x00" in awal:
        return False
    try:
        isi = awal.decode("utf-8-sig")
    except UnicodeDecodeError:
        isi = awal.decode("latin-1")
    return any(p in isi for p in (",", ";", "\t"))


class BerkasDitolak(ValueError):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True)
class Kolom:
    nama: str  # field name used by the importer
    judul: str  # header written in the template
    alias: tuple[str, ...] = ()
    wajib: bool = False
    angka: bool = False  # read as a number with the locale decided for the column
    panjang: int = 0  # the field's length; longer text is a row error, never cut


_BUKAN_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def _normal(s: str) -> str:
    return _BUKAN_ALNUM.sub("", s.lower())


def normal(judul: object) -> str:
    """A header or name compared loosely ("Unit Kerja" = "UNIT_KERJA"). Memoised: a 100,000-row
    import compares the same unit and position names on every row (issue #15 item 6)."""
    return _normal(str(judul or ""))


class Nomor(int):
    """A row number that remembers its sheet (a workbook of many sheets imports as one)."""

    lembar: str = ""

    def __new__(cls, nomor: int, lembar: str = ""):
        obj = super().__new__(cls, nomor)
        obj.lembar = lembar
        return obj


@dataclass
class Lembar:
    nama: str
    kolom: dict[str, int]  # field name → column index
    judul_kolom: dict[str, str]  # field name → the header as written in the file
    baris: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells)
    lokal: dict[str, str | None] = field(default_factory=dict)  # number column → "id"/"en"
    dilewati: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet, row, label)
    lembar_lain: list[str] = field(default_factory=list)  # sheets without the table

    def sel(self, cells: list, nama: str) -> object:
        i = self.kolom.get(nama)
        return cells[i] if i is not None and i < len(cells) else None

    def tempat(self, nomor: int) -> str:
        """The sheet a row comes from."""
        return getattr(nomor, "lembar", "") or self.nama

    def alamat(self, nomor: int, nama: str) -> str:
        """The cell's address as Excel shows it ("D7")."""
        i = self.kolom_asli.get((self.tempat(nomor), nama), self.kolom.get(nama))
        return f"{get_column_letter(i + 1)}{int(nomor)}" if i is not None else f"{int(nomor)}"

    kolom_asli: dict[tuple[str, str], int] = field(default_factory=dict)


def _periksa_zip(data: bytes) -> None:
    if not data:
        raise BerkasDitolak("Berkas kosong.")
    if len(data) > UKURAN_MAKS:
        raise BerkasDitolak(f"Berkas lebih besar dari {UKURAN_MAKS // 1024 // 1024} MB.")
    if data.startswith(OLE):
        raise BerkasDitolak(
            SIMPAN_ULANG % "Berkas ini dilindungi kata sandi"
            if ENKRIPSI in data
            else SIMPAN_ULANG % "Berkas ini berformat Excel 97–2003 (.xls)"
        )
    if not data.startswith(b"PK"):
        if _teks_csv(data):
            raise BerkasDitolak(SIMPAN_ULANG % "Berkas ini berformat teks/CSV")
        raise BerkasDitolak("Berkas bukan lembar kerja Excel (.xlsx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            isi = sum(info.file_size for info in arsip.infolist())
            if "[Content_Types].xml" not in arsip.namelist():
                raise BerkasDitolak("Berkas bukan lembar kerja Excel (.xlsx).")
    except zipfile.BadZipFile:
        raise BerkasDitolak("Berkas rusak atau bukan .xlsx.") from None
    if isi > ISI_MAKS or isi > RASIO_MAKS * len(data):
        raise BerkasDitolak("Isi berkas terlalu besar setelah dibuka (kemungkinan zip bomb).")


def _cari_judul(rows: list[list], daftar_kolom: tuple[Kolom, ...]) -> tuple[int, dict, dict]:
    """Index of the header row and the column of each known field."""
    kenal = {normal(a): k.nama for k in daftar_kolom for a in (k.judul, k.nama, *k.alias)}
    terbaik: tuple[int, dict, dict] = (-1, {}, {})
    for i, row in enumerate(rows[:BARIS_CARI_JUDUL]):
        kolom: dict[str, int] = {}
        judul: dict[str, str] = {}
        for j, sel in enumerate(row):
            nama = kenal.get(normal(sel))
            if nama and nama not in kolom:
                kolom[nama], judul[nama] = j, str(sel).strip()
        if len(kolom) > len(terbaik[1]):
            terbaik = (i, kolom, judul)
    return terbaik


def _isi(sel: object) -> bool:
    return sel is not None and str(sel).strip() != ""


def _label_subtotal(row: list, kolom: dict[str, int]) -> str | None:
    """The label of a total row ("JUMLAH", "Pembulatan"), or None for a task row."""
    calon = [row[kolom["uraian"]]] if "uraian" in kolom and kolom["uraian"] < len(row) else []
    pertama = next((c for c in row if isinstance(c, str) and c.strip()), None)
    for sel in (*calon, pertama):
        if isinstance(sel, str) and SUBTOTAL.match(normal(sel)):
            return teks(sel)
    return None


def _nomor_kolom(row: list) -> bool:
    """The row of column numbers under a form's header ("1 2 3 4 5 6 7")."""
    isi = [c for c in row if _isi(c)]
    try:
        angka = [int(float(str(c))) for c in isi]
    except ValueError:
        return False
    return len(angka) >= 3 and angka == list(range(angka[0], angka[0] + len(angka)))


def _judul_atas(rows: list[list], label: dict[str, str]) -> dict[str, str]:
    """Values written in the title rows above a table ("NAMA JABATAN : Analis SDM")."""
    nilai: dict[str, str] = {}
    for row in rows:
        sel = [teks(c) for c in row]
        for j, isi in enumerate(sel):
            kiri, titik, kanan = isi.partition(":")
            nama = label.get(normal(kiri))
            if not nama:
                continue
            if titik and kanan.strip(" :"):
                v = kanan.strip(" :")
            else:
                v = next((x.strip(" :") for x in sel[j + 1 :] if x.strip(" :")), "")
            if v and v != "-":
                nilai[nama] = v  # a later (deeper) unit level replaces an earlier one
    return nilai


def _rusak(nama: str) -> BerkasDitolak:
    return BerkasDitolak(
        f"Lembar '{nama}' rusak (isi XML tidak sah) dan tidak dapat dibaca. "
        + SIMPAN_ULANG % "Perbaiki berkas"
    )


def _baca_rows(buku, nama: str) -> Iterator[list]:
    """The sheet's rows one by one (calamine holds the cells; Python sees one row at a time,
    so a 100,000-row sheet is not copied into Python lists whole)."""
    try:
        lembar = buku.get_sheet_by_name(nama)
        tinggi = lembar.height
        baris = lembar.iter_rows()
    except Exception:  # calamine's XmlError and kin: the sheet's XML is damaged
        raise _rusak(nama) from None
    if tinggi > BARIS_MAKS + BARIS_CARI_JUDUL:
        raise BerkasDitolak(
            f"Lembar '{nama}' berisi {angka(tinggi)} baris; paling banyak "
            f"{angka(BARIS_MAKS)} baris per impor. Bagi berkas menjadi beberapa bagian."
        )
    while True:
        try:
            row = next(baris)
        except StopIteration:
            return
        except Exception:
            raise _rusak(nama) from None
        yield row


def baca_lembar(
    data: bytes,
    daftar_kolom: tuple[Kolom, ...],
    *,
    banyak: bool = False,
    judul_atas: dict[str, tuple[str, ...]] | None = None,
) -> Lembar:
    """The table of the first sheet whose header names the required columns, or with
    `banyak` of every such sheet (one sheet per position, as the ABK form is filled); fields
    missing from a sheet's header may come from its title rows (`judul_atas`: field → labels).
    Rows are returned in the order of `daftar_kolom`; total rows are skipped and listed."""
    _periksa_zip(data)
    try:
        buku = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises its own error types for every kind of damage
        raise BerkasDitolak("Berkas .xlsx rusak dan tidak dapat dibaca.") from None
    label = {normal(x): nama for nama, xs in (judul_atas or {}).items() for x in xs}
    wajib = {k.nama for k in daftar_kolom if k.wajib}
    urutan = [k.nama for k in daftar_kolom]
    hasil = Lembar(nama="", kolom={}, judul_kolom={})
    dipakai: list[str] = []
    dari_judul: set[str] = set()
    kurang_terbaik: set[str] | None = None
    for nama in buku.sheet_names:
        arus = _baca_rows(buku, nama)
        rows = list(islice(arus, BARIS_CARI_JUDUL))
        i, kolom, judul = _cari_judul(rows, daftar_kolom)
        atas = _judul_atas(rows[: max(i, 0)], label) if label and i >= 0 else {}
        atas = {k: v for k, v in atas.items() if k not in kolom}
        kurang = wajib - set(kolom) - set(atas)
        if i < 0 or kurang:
            hasil.lembar_lain.append(nama)
            if kurang_terbaik is None or len(kurang) < len(kurang_terbaik):
                kurang_terbaik = kurang
            continue
        dipakai.append(nama)
        dari_judul |= set(atas)
        for f, j in kolom.items():
            hasil.kolom_asli[(nama, f)] = j
            hasil.judul_kolom.setdefault(f, judul[f])
        setelah_jumlah = False
        # Where each field's cell sits in a row (None: from the title rows or absent).
        letak = [(kolom.get(f), atas.get(f)) for f in urutan]
        for n, row in enumerate(chain(rows[i + 1 :], arus)):
            nomor = Nomor(i + 2 + n, nama)
            if not any(c.strip() if isinstance(c, str) else c is not None for c in row):
                continue  # an empty row (`_isi` of every cell, inlined for 100,000 rows)
            if (lbl := _label_subtotal(row, kolom)) is not None:
                hasil.dilewati.append((nama, int(nomor), lbl))
                setelah_jumlah = True
                continue
            if n < 3 and _nomor_kolom(row):
                continue
            if setelah_jumlah and sum(_isi(c) for c in row) <= 1:
                # A signature or note under the totals ("Kepala Dinas", "NIP …").
                hasil.dilewati.append((nama, int(nomor), teks(next(c for c in row if _isi(c)))))
                continue
            lebar = len(row)
            cells = [
                dari_atas if j is None else (row[j] if j < lebar else None)
                for j, dari_atas in letak
            ]
            hasil.baris.append((nomor, cells))
        if not banyak:
            break
    if not dipakai:
        nama_kolom = {k.nama: k.judul for k in daftar_kolom}
        hilang = ", ".join(sorted(nama_kolom[n] for n in (kurang_terbaik or wajib)))
        raise BerkasDitolak(f"Kolom wajib tidak ditemukan: {hilang}. Gunakan templat impor.")
    hasil.nama = ", ".join(dipakai) if len(dipakai) <= 3 else f"{len(dipakai)} lembar"
    ada = {f for (_, f) in hasil.kolom_asli} | dari_judul
    hasil.kolom = {f: urutan.index(f) for f in urutan if f in ada}
    hasil.lokal = _lokal(hasil, [k.nama for k in daftar_kolom if k.angka])
    if not banyak:
        hasil.lembar_lain = []
    return hasil


ASLI = "asli"


def _ragu(nilai: object) -> bool:
    return isinstance(nilai, str) and len(set(bacaan(nilai).values())) > 1


def _lokal(lembar: Lembar, angka: list[str]) -> dict[str, str | None]:
    """The locale of each number column, from its own unambiguous cells; a column without
    any takes the file's (when the file's columns agree). See `nilai.angka`."""
    per_kolom = {
        f: putuskan_lokal(lembar.sel(c, f) for _, c in lembar.baris)
        for f in angka
        if f in lembar.kolom
    }
    semua = putuskan_lokal(lembar.sel(c, f) for f in per_kolom for _, c in lembar.baris)
    hasil = {}
    for f, lk in per_kolom.items():
        if lk is None and not any(_ragu(lembar.sel(c, f)) for _, c in lembar.baris):
            hasil[f] = ASLI  # native numbers or unambiguous text only: nothing to decide
            continue
        if lk is None:
            suara = {s for _, c in lembar.baris if (s := suara_lokal(lembar.sel(c, f)))}
            lk = semua if not suara else None  # a column that mixes both shapes decides nothing
        hasil[f] = lk
    return hasil
