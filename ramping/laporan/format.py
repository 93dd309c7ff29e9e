"""Indonesian formats for PDF and DOCX (DESIGN.md §4: 1.250,50; 30 November 2026).

Written out here rather than taken from Django's active language: documents are also built by
the CLI and by the ZIP builder's thread, where no request sets the language, and an official
document is Indonesian whatever the reader's interface language.
"""

import re
import unicodedata
from datetime import date
from decimal import Decimal

from ramping.aturan import bulatkan, tampil

BULAN = tampil.BULAN["id"]
HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
KOSONG = tampil.KOSONG  # an unknown value (K before the ABK is computed, EJ without holders)
MINUS = tampil.MINUS  # U+2212, the typographic minus the web pages also use


def angka(nilai: int | Decimal | float | None, desimal: int = 0) -> str:
    """Rounded to ``desimal`` places with the rules' one rounding, then written by the one
    formatter (``aturan.tampil``): 1250.5 → "1.250,50" (desimal=2); None → "–"."""
    if nilai is None or (type(nilai) is int and not desimal):
        return tampil.angka(nilai)
    d = Decimal(repr(nilai)) if isinstance(nilai, float) else Decimal(nilai)
    return tampil.angka(bulatkan(d, desimal))


def selisih(nilai: int | None) -> str:
    """± with an explicit sign: +2, −3, 0."""
    return tampil.selisih(nilai)


def tanggal(nilai: date | None) -> str:
    """30 November 2026."""
    return tampil.tanggal(nilai)


def hari(nilai: date) -> str:
    return HARI[nilai.weekday()]


def nip(nilai: str) -> str:
    """An 18-digit NIP grouped as printed on official documents: 19800101 200501 1 001."""
    if len(nilai) != 18 or not nilai.isdigit():
        return nilai
    return f"{nilai[:8]} {nilai[8:14]} {nilai[14]} {nilai[15:]}"


def slug(teks: str, panjang: int = 60) -> str:
    """A file-name-safe ASCII slug ("Dinas Kesehatan" → "dinas-kesehatan")."""
    ascii_ = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:panjang].rstrip("-") or "dokumen"
