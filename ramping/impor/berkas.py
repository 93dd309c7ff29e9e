"""Opening an uploaded workbook safely and finding its header row.

A workbook is a zip archive: it is checked before any parser sees it (size, a real zip,
no bomb, not too many rows), then read with python-calamine (fast, read-only). The header
is the first row, within the first rows, that names enough known columns — so title rows
and merged headings above the table are tolerated.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

from python_calamine import CalamineWorkbook

UKURAN_MAKS = 20 * 1024 * 1024  # 20 MiB uploaded
ISI_MAKS = 200 * 1024 * 1024  # 200 MiB unpacked: a genuine 100,000-row sheet is far below
RASIO_MAKS = 200  # unpacked ÷ packed; XML compresses well, but not thousands of times
BARIS_MAKS = 50_000
BARIS_CARI_JUDUL = 15


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


def normal(judul: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(judul or "").lower())


@dataclass
class Lembar:
    nama: str
    kolom: dict[str, int]  # field name → column index
    judul_kolom: dict[str, str]  # field name → the header as written in the file
    baris: list[tuple[int, list]] = field(default_factory=list)  # (row number, cells)

    def sel(self, cells: list, nama: str) -> object:
        i = self.kolom.get(nama)
        return cells[i] if i is not None and i < len(cells) else None


def _periksa_zip(data: bytes) -> None:
    if not data:
        raise BerkasDitolak("Berkas kosong.")
    if len(data) > UKURAN_MAKS:
        raise BerkasDitolak(f"Berkas lebih besar dari {UKURAN_MAKS // 1024 // 1024} MB.")
    if not data.startswith(b"PK"):
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


def baca_lembar(data: bytes, daftar_kolom: tuple[Kolom, ...]) -> Lembar:
    """The first sheet whose header names the required columns; its data rows."""
    _periksa_zip(data)
    try:
        buku = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises its own error types for every kind of damage
        raise BerkasDitolak("Berkas .xlsx rusak dan tidak dapat dibaca.") from None
    wajib = {k.nama for k in daftar_kolom if k.wajib}
    kurang_terbaik: set[str] | None = None
    for nama in buku.sheet_names:
        lembar = buku.get_sheet_by_name(nama)
        if lembar.height > BARIS_MAKS + BARIS_CARI_JUDUL:
            raise BerkasDitolak(
                f"Lembar '{nama}' berisi {lembar.height:,} baris; paling banyak "
                f"{BARIS_MAKS:,} baris per impor. Bagi berkas menjadi beberapa bagian.".replace(
                    ",", "."
                )
            )
        rows = lembar.to_python(skip_empty_area=False)
        i, kolom, judul = _cari_judul(rows, daftar_kolom)
        kurang = wajib - set(kolom)
        if i >= 0 and not kurang:
            data_baris = [
                (i + 2 + n, row)
                for n, row in enumerate(rows[i + 1 :])
                if any(str(c).strip() for c in row if c is not None)
            ]
            return Lembar(nama=nama, kolom=kolom, judul_kolom=judul, baris=data_baris)
        if kurang_terbaik is None or len(kurang) < len(kurang_terbaik):
            kurang_terbaik = kurang
    nama_kolom = {k.nama: k.judul for k in daftar_kolom}
    hilang = ", ".join(sorted(nama_kolom[n] for n in (kurang_terbaik or wajib)))
    raise BerkasDitolak(f"Kolom wajib tidak ditemukan: {hilang}. Gunakan templat impor.")
