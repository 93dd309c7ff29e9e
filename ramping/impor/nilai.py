"""Reading cell values the way Indonesian spreadsheets write them.

Each parser takes what the spreadsheet reader gives (str, int, float, date, datetime or
None) and returns a clean value, or raises NilaiTidakValid with an Indonesian message; the
importer adds the sheet, row and column.
"""

import math
import re
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache

from ramping import aturan
from ramping.aturan import tampil
from ramping.pegawai.golongan import GOLONGAN_PNS, GOLONGAN_PPPK


class NilaiTidakValid(ValueError):
    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


def tercetak(nilai: object) -> None:
    """A text cell must be printable (ramping.aturan.periksa_teks); the reader has already
    turned Excel's _xHHHH_ escapes into the characters they stand for."""
    if isinstance(nilai, str):
        try:
            aturan.periksa_teks(nilai)
        except aturan.TeksTidakDapatDicetak as exc:
            raise NilaiTidakValid(exc.pesan) from None


def teks(nilai: object) -> str:
    """Text with stray and repeated spaces removed ("  Dinas  Kesehatan " → "Dinas Kesehatan")."""
    if nilai is None:
        return ""
    if isinstance(nilai, float) and nilai.is_integer():
        nilai = int(nilai)  # a code typed as a number: 12.0 → "12"
    return " ".join(str(nilai).split())  # str.split: the same Unicode spaces as \s


# Numbers written as text. An Indonesian-locale file writes "1.250,5" (dot groups thousands,
# comma marks decimals); an English-locale one "1,250.5". Each shape is read in both locales:
# where only one reading is valid the shape decides the locale ("1.080,00", "1,5", "1.5",
# "0.250"); where both are valid and differ ("5.000", "18.000", "1,250") the text is ambiguous
# and is read with the locale decided for its column (`putuskan_lokal`), never guessed.
# A thousands group never starts with 0, so "0.250" is 0,25 in any file.
_BENTUK = {
    "id": re.compile(r"^-?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d+))?$"),
    "en": re.compile(r"^-?(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.(\d+))?$"),
}
_TITIK = tampil.PEMISAH  # (thousands, decimal) separators
LOKAL_NAMA = {"id": "format Indonesia", "en": "format Inggris"}
# The largest magnitude a cell may hold: above any real volume, time or K (the field limits
# are checked by the rules engine); stops "1e30" or a runaway formula before any arithmetic.
ANGKA_MAKS = Decimal("1e15")


_SPASI = re.compile(r"[\s\u00a0\u202f]")


def _bersih(nilai: object) -> str:
    # Spaces of any kind (NBSP, narrow NBSP) group thousands in some files: dropped.
    return _SPASI.sub("", teks(nilai))


def bacaan(nilai: object) -> dict[str, Decimal]:
    """The readings of a text cell in each locale whose shape it fits ({"id": .., "en": ..})."""
    return dict(_bacaan(nilai if isinstance(nilai, str) else teks(nilai)))


@lru_cache(maxsize=8192)  # a few MB at most: bounded whatever the number of rows
def _bacaan(nilai: str) -> tuple[tuple[str, Decimal], ...]:
    # Memoised (Decimal is immutable): a column of 100,000 volumes repeats its texts, and the
    # column's locale vote and the reading both ask (issue #15 item 6).
    s = _bersih(nilai)
    hasil = []
    for lokal, pola in _BENTUK.items():
        if pola.match(s):
            ribu, desimal = _TITIK[lokal]
            hasil.append((lokal, Decimal(s.replace(ribu, "").replace(desimal, "."))))
    return tuple(hasil)


def suara_lokal(nilai: object) -> str | None:
    """The locale a cell's shape proves, or None (a native number, plain digits, ambiguous)."""
    if not isinstance(nilai, str):
        return None
    b = bacaan(nilai)
    if len(b) == 1:
        return next(iter(b))
    return None


def putuskan_lokal(nilai_nilai) -> str | None:
    """One locale for a column: the one its unambiguous cells prove, if they agree."""
    suara = {s for v in nilai_nilai if (s := suara_lokal(v))}
    return suara.pop() if len(suara) == 1 else None


def format_angka(x: Decimal, lokal: str = "id") -> str:
    """A reading shown back to the user in the locale it belongs to (5000 → "5.000")."""
    # a hyphen, not the typographic minus: the reading must parse back as the user typed it
    return tampil.angka(Decimal(x), ringkas=True, bahasa=lokal).replace(tampil.MINUS, "-")


def _terhingga(x: Decimal, asli: object) -> Decimal:
    if not x.is_finite():
        raise NilaiTidakValid(f"'{asli}' bukan angka yang terhingga (NaN/tak hingga)")
    if abs(x) > ANGKA_MAKS:
        raise NilaiTidakValid(f"'{asli}' terlalu besar (paling besar {format_angka(ANGKA_MAKS)})")
    return x


def angka(nilai: object, lokal: str | None = None) -> Decimal:
    """A number cell. `lokal` ("id"/"en") is the locale decided for the column; an ambiguous
    text with no decision is an error that gives both readings."""
    if isinstance(nilai, bool):
        raise NilaiTidakValid("harus angka")
    if isinstance(nilai, int):
        return _terhingga(Decimal(nilai), nilai)
    if isinstance(nilai, float):
        if math.isnan(nilai) or math.isinf(nilai):
            raise NilaiTidakValid("bukan angka yang terhingga (NaN/tak hingga)")
        # The reader's binary float, back to the decimal the user typed (12.3 → "12.3").
        x = Decimal(repr(nilai)).normalize() if nilai % 1 else Decimal(int(nilai))
        return _terhingga(x, nilai)
    return _angka_teks(nilai if isinstance(nilai, str) else teks(nilai), lokal)


@lru_cache(maxsize=8192)
def _angka_teks(nilai: str, lokal: str | None) -> Decimal:
    """`angka` of a text, memoised (a column of 100,000 rows repeats its texts; an error is
    raised again each time, exceptions are not cached)."""
    if not _bersih(nilai):
        raise NilaiTidakValid("wajib diisi")
    b = bacaan(nilai)
    if not b:
        raise NilaiTidakValid(f"'{teks(nilai)}' bukan angka (contoh: 1.250,5)")
    nilai_beda = set(b.values())
    if len(nilai_beda) == 1:
        return _terhingga(nilai_beda.pop(), teks(nilai))
    if lokal in b:
        return _terhingga(b[lokal], teks(nilai))
    pilihan = " atau ".join(
        f"{format_angka(x, 'id')} ({LOKAL_NAMA[lk]})" for lk, x in sorted(b.items())
    )
    raise NilaiTidakValid(
        f"'{teks(nilai)}' bisa dibaca {pilihan}, dan kolom ini tidak memuat angka lain yang "
        "menentukan formatnya; tulis tanpa pemisah ribuan (mis. 5000 atau 5,25) atau "
        "simpan sebagai sel angka"
    )


BULAN = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "pebruari": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "nop": 11,
    "nopember": 11,
    "desember": 12,
    "des": 12,
}


def tanggal(nilai: object) -> date:
    """30-11-2026, 30/11/2026, 2026-11-30, 30 November 2026, 30 Nop 2026, or a date cell."""
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    s = teks(nilai).lower().replace(".", " ")
    if not s:
        raise NilaiTidakValid("wajib diisi")
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})", s):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if (m := re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", s)) and m[2] in BULAN:
            return date(int(m[3]), BULAN[m[2]], int(m[1]))
    except ValueError:
        raise NilaiTidakValid(f"'{teks(nilai)}' bukan tanggal yang ada") from None
    raise NilaiTidakValid(f"'{teks(nilai)}' bukan tanggal (contoh: 30-11-2026)")


ROMAWI = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def golongan(nilai: object, status_asn: str) -> str:
    """III/b, III/B, 3b, 3/b, "Penata Muda Tk. I (III/b)" for PNS; IX or 9 for PPPK."""
    s = teks(nilai).upper()
    if status_asn == "PPPK":
        if s.isdigit() and 1 <= int(s) <= len(GOLONGAN_PPPK):
            return GOLONGAN_PPPK[int(s) - 1]
        if s in GOLONGAN_PPPK:
            return s
        raise NilaiTidakValid(f"golongan PPPK '{teks(nilai)}' tidak dikenal (I–XVII)")
    if m := re.search(r"\b(IV|III|II|I|[1-4])\s*/?\s*([A-E])\b", s):
        kode = f"{ROMAWI.get(m[1], m[1])}/{m[2].lower()}"
        if kode in GOLONGAN_PNS:
            return kode
    raise NilaiTidakValid(f"golongan '{teks(nilai)}' tidak dikenal (contoh: III/b)")


PENDIDIKAN = {
    "SD": "SD",
    "SMP": "SMP",
    "SLTP": "SMP",
    "MTS": "SMP",
    "SMA": "SLTA",
    "SMK": "SLTA",
    "SLTA": "SLTA",
    "MA": "SLTA",
    "SMU": "SLTA",
    "D1": "D-I",
    "DI": "D-I",
    "D2": "D-II",
    "DII": "D-II",
    "D3": "D-III",
    "DIII": "D-III",
    "D4": "D-IV",
    "DIV": "D-IV",
    "S1": "S-1",
    "SARJANA": "S-1",
    "S2": "S-2",
    "MAGISTER": "S-2",
    "S3": "S-3",
    "DOKTOR": "S-3",
}


def pendidikan(nilai: object) -> str:
    kunci = re.sub(r"[^A-Z0-9]", "", teks(nilai).upper())
    if kunci in PENDIDIKAN:
        return PENDIDIKAN[kunci]
    raise NilaiTidakValid(f"pendidikan '{teks(nilai)}' tidak dikenal (contoh: SLTA, D-III, S-1)")


def pilihan(nilai: object, sah: dict[str, str], nama: str) -> str:
    """A value from a fixed list, matched without case or punctuation (`sah`: alias → code)."""
    kunci = re.sub(r"[^a-z0-9]", "", teks(nilai).lower())
    for alias, kode in sah.items():
        if re.sub(r"[^a-z0-9]", "", alias.lower()) == kunci:
            return kode
    contoh = ", ".join(sorted(set(sah.values())))
    raise NilaiTidakValid(f"{nama} '{teks(nilai)}' tidak dikenal (pilihan: {contoh})")
