"""Opening an uploaded workbook safely and finding its header row.

A workbook is a zip archive: it is checked before any parser sees it (size, a real zip,
no bomb, not too many rows), then read with python-calamine (fast, read-only). The header
is the first row, within the first rows, that names enough known columns — so title rows
and merged headings above the table are tolerated.
"""

import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook

from ramping.aturan.tampil import angka
from ramping.impor.nilai import bacaan, suara_lokal, teks

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


def normal_lepas(s: str) -> str:
    """`normal` without the memo: for text that is different on every row (a task's uraian),
    which would only fill the memo (issue #15 item 6: memory bounded)."""
    return _BUKAN_ALNUM.sub("", s.lower())


_normal = lru_cache(maxsize=16384)(normal_lepas)


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
    # (row number, cells): a `BarisArus` read again on each pass, or a list (Word import)
    baris: Sequence[tuple[int, list]] = field(default_factory=list)
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


_ALNUM_PERTAMA = re.compile(r"[a-z0-9]")
_AWAL_SUBTOTAL = frozenset("sjtpgk")  # the first letters SUBTOTAL's words can start with


def _subtotal(sel: object) -> bool:
    """`SUBTOTAL.match(normal(sel))`, answered for most cells by their first letter (the first
    of `normal`), without normalising — and memoising — a different text on every row."""
    if not isinstance(sel, str):
        return False
    m = _ALNUM_PERTAMA.search(sel.lower())
    return (
        m is not None
        and m.group() in _AWAL_SUBTOTAL
        and SUBTOTAL.match(normal_lepas(sel)) is not None
    )


def _label_subtotal(row: list, kolom: dict[str, int]) -> str | None:
    """The label of a total row ("JUMLAH", "Pembulatan"), or None for a task row."""
    calon = [row[kolom["uraian"]]] if "uraian" in kolom and kolom["uraian"] < len(row) else []
    pertama = next((c for c in row if isinstance(c, str) and c.strip()), None)
    for sel in (*calon, pertama):
        if _subtotal(sel):
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


def _buka(buku, nama: str):
    """One sheet, loaded by calamine (its cells stay on calamine's side); refused when longer
    than `BARIS_MAKS` data rows or damaged."""
    try:
        lembar = buku.get_sheet_by_name(nama)
        tinggi = lembar.height
    except Exception:  # calamine's XmlError and kin: the sheet's XML is damaged
        raise _rusak(nama) from None
    if tinggi > BARIS_MAKS + BARIS_CARI_JUDUL:
        raise BerkasDitolak(
            f"Lembar '{nama}' berisi {angka(tinggi)} baris; paling banyak "
            f"{angka(BARIS_MAKS)} baris per impor. Bagi berkas menjadi beberapa bagian."
        )
    return lembar


def _baca_rows(lembar, nama: str, awal: int = 0, sampai: int | None = None) -> Iterator[list]:
    """The sheet's rows `awal`…`sampai` one by one: Python sees one row at a time, so a
    100,000-row sheet is not copied into Python lists whole."""
    try:
        baris = islice(lembar.iter_rows(), awal, sampai)
    except Exception:
        raise _rusak(nama) from None
    while True:
        try:
            row = next(baris)
        except StopIteration:
            return
        except Exception:
            raise _rusak(nama) from None
        yield row


@dataclass(frozen=True)
class _Tata:
    """Where one sheet's table sits: enough to read its rows again, one at a time."""

    lembar: object  # the CalamineSheet (its cells stay in calamine, not in Python)
    nama: str
    judul: int  # index of the header row
    kolom: dict[str, int]
    letak: tuple[tuple[int | None, object], ...]  # per field: (column, value from the title rows)


def _sel_baris(row: list, letak) -> list:
    """A row's cells in the order of the importer's fields."""
    lebar = len(row)
    return [dari_atas if j is None else (row[j] if j < lebar else None) for j, dari_atas in letak]


class BarisArus(Sequence):
    """The data rows of the tables read, as (row number, cells) — read again from the workbook
    on every pass instead of held as Python lists, so a 100,000-row file costs the memory of
    one row at a time (issue #15 item 6). The number of rows and the skipped total rows are
    known after the first pass, which `baca_lembar` makes."""

    def __init__(self, tata: list[_Tata]):
        self._tata = tata
        self._jumlah = -1
        self._data: list[bytearray] = []  # per sheet, per row after the header: 1 = data row
        self.dilewati: list[tuple[str, int, str]] = []

    def _jalan(self, dilewati: list, data: list[bytearray]) -> Iterator[tuple[int, list]]:
        """The first pass: which rows hold data (one byte a row, kept), which are skipped."""
        for t in self._tata:
            setelah_jumlah = False
            kolom, letak = t.kolom, t.letak
            peta = bytearray()
            data.append(peta)
            for n, row in enumerate(_baca_rows(t.lembar, t.nama, t.judul + 1)):
                peta.append(0)
                if not any(c.strip() if isinstance(c, str) else c is not None for c in row):
                    continue  # an empty row (`_isi` of every cell, inlined for 100,000 rows)
                if (lbl := _label_subtotal(row, kolom)) is not None:
                    dilewati.append((t.nama, t.judul + 2 + n, lbl))
                    setelah_jumlah = True
                    continue
                if n < 3 and _nomor_kolom(row):
                    continue
                if setelah_jumlah and sum(_isi(c) for c in row) <= 1:
                    # A signature or note under the totals ("Kepala Dinas", "NIP …").
                    dilewati.append(
                        (t.nama, t.judul + 2 + n, teks(next(c for c in row if _isi(c))))
                    )
                    continue
                peta[n] = 1
                yield Nomor(t.judul + 2 + n, t.nama), _sel_baris(row, letak)

    def _ulang(self) -> Iterator[tuple[int, list]]:
        """A later pass: the data rows the first pass marked, without deciding again."""
        for t, peta in zip(self._tata, self._data, strict=True):
            letak = t.letak
            for n, row in enumerate(
                _baca_rows(t.lembar, t.nama, t.judul + 1, t.judul + 1 + len(peta))
            ):
                if peta[n]:
                    yield Nomor(t.judul + 2 + n, t.nama), _sel_baris(row, letak)

    def __iter__(self) -> Iterator[tuple[int, list]]:
        if self._jumlah >= 0:
            return self._ulang()
        return self._pertama()

    def _pertama(self) -> Iterator[tuple[int, list]]:
        dilewati: list[tuple[str, int, str]] = []
        data: list[bytearray] = []
        n = 0
        for baris in self._jalan(dilewati, data):
            n += 1
            yield baris
        self._jumlah, self.dilewati, self._data = n, dilewati, data

    def __len__(self) -> int:
        if self._jumlah < 0:
            for _ in self:
                pass
        return self._jumlah

    def __getitem__(self, i):  # for tests and small files; importers iterate
        return list(self)[i]

    def __eq__(self, lain: object) -> bool:
        return list(self) == list(lain) if isinstance(lain, (list, BarisArus)) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


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
    Rows are given in the order of `daftar_kolom`; total rows are skipped and listed.

    The rows are not held: `Lembar.baris` reads them again from the workbook on each pass
    (`BarisArus`). One pass here counts them, lists the skipped ones and decides the locale of
    each number column; the importer's check and its write are the next passes."""
    _periksa_zip(data)
    try:
        buku = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises its own error types for every kind of damage
        raise BerkasDitolak("Berkas .xlsx rusak dan tidak dapat dibaca.") from None
    label = {normal(x): nama for nama, xs in (judul_atas or {}).items() for x in xs}
    wajib = {k.nama for k in daftar_kolom if k.wajib}
    urutan = [k.nama for k in daftar_kolom]
    hasil = Lembar(nama="", kolom={}, judul_kolom={})
    tata: list[_Tata] = []
    dari_judul: set[str] = set()
    kurang_terbaik: set[str] | None = None
    for nama in buku.sheet_names:
        lembar = _buka(buku, nama)
        rows = list(_baca_rows(lembar, nama, 0, BARIS_CARI_JUDUL))
        i, kolom, judul = _cari_judul(rows, daftar_kolom)
        atas = _judul_atas(rows[: max(i, 0)], label) if label and i >= 0 else {}
        atas = {k: v for k, v in atas.items() if k not in kolom}
        kurang = wajib - set(kolom) - set(atas)
        if i < 0 or kurang:
            hasil.lembar_lain.append(nama)
            if kurang_terbaik is None or len(kurang) < len(kurang_terbaik):
                kurang_terbaik = kurang
            continue
        dari_judul |= set(atas)
        for f, j in kolom.items():
            hasil.kolom_asli[(nama, f)] = j
            hasil.judul_kolom.setdefault(f, judul[f])
        # Where each field's cell sits in a row (None: from the title rows or absent).
        letak = tuple((kolom.get(f), atas.get(f)) for f in urutan)
        tata.append(_Tata(lembar, nama, i, kolom, letak))
        if not banyak:
            break
    if not tata:
        nama_kolom = {k.nama: k.judul for k in daftar_kolom}
        hilang = ", ".join(sorted(nama_kolom[n] for n in (kurang_terbaik or wajib)))
        raise BerkasDitolak(f"Kolom wajib tidak ditemukan: {hilang}. Gunakan templat impor.")
    dipakai = [t.nama for t in tata]
    hasil.nama = ", ".join(dipakai) if len(dipakai) <= 3 else f"{len(dipakai)} lembar"
    ada = {f for (_, f) in hasil.kolom_asli} | dari_judul
    hasil.kolom = {f: urutan.index(f) for f in urutan if f in ada}
    hasil.baris = BarisArus(tata)
    hasil.lokal = _lokal(hasil, [k.nama for k in daftar_kolom if k.angka])  # the first pass
    hasil.dilewati = hasil.baris.dilewati
    if not banyak:
        hasil.lembar_lain = []
    return hasil


ASLI = "asli"


def _ragu(nilai: object) -> bool:
    return isinstance(nilai, str) and len(set(bacaan(nilai).values())) > 1


def _lokal(lembar: Lembar, angka: list[str]) -> dict[str, str | None]:
    """The locale of each number column, from its own unambiguous cells; a column without
    any takes the file's (when the file's columns agree). See `nilai.angka`. One pass over the
    rows: per column, the locales its cells prove and whether any cell is ambiguous."""
    kolom = [(f, lembar.kolom[f]) for f in angka if f in lembar.kolom]
    suara: dict[str, set[str]] = {f: set() for f, _ in kolom}
    ragu: set[str] = set()
    for _, cells in lembar.baris:
        for f, i in kolom:
            nilai = cells[i] if i < len(cells) else None
            if isinstance(nilai, str):
                if s := suara_lokal(nilai):
                    suara[f].add(s)
                elif f not in ragu and _ragu(nilai):
                    ragu.add(f)
    semua = set().union(*suara.values())
    hasil = {}
    for f, _ in kolom:
        lk = next(iter(suara[f])) if len(suara[f]) == 1 else None
        if lk is None and f not in ragu:
            hasil[f] = ASLI  # native numbers or unambiguous text only: nothing to decide
            continue
        if lk is None:
            # A column that mixes both shapes decides nothing; one without any takes the
            # file's, when the file's columns agree.
            lk = (next(iter(semua)) if len(semua) == 1 else None) if not suara[f] else None
        hasil[f] = lk
    return hasil
