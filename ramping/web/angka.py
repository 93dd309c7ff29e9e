"""Numbers typed by people: Indonesian ("1.250,5") and plain ("1250.5") notation alike.

Rules, in order: with both separators, the last one is the decimal mark; a comma alone is the
decimal mark; dots alone are thousands separators when they group exactly three digits after a
non-zero integer part ("1.250", "12.500.000"), otherwise a decimal point ("1250.5", "0.250").
So "1.250" is one thousand two hundred and fifty, as ramping itself displays it.
"""

import re
from decimal import Decimal, InvalidOperation

from ramping.aturan import tampil

_RIBUAN_TITIK = re.compile(r"[1-9]\d{0,2}(\.\d{3})+")
_ANGKA = re.compile(r"[+-]?\d+(\.\d+)?")


class BukanAngka(ValueError):
    pass


def urai_angka(teks: str) -> Decimal:
    """Parse a typed number; raises BukanAngka for anything else."""
    s = teks.strip().replace(" ", "").replace("\u00a0", "").replace("\u2212", "-")
    tanda = ""
    if s[:1] in "+-" and s:
        tanda, s = s[0], s[1:]
    if "," in s and "." in s:
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        if s.count(",") > 1:
            raise BukanAngka(teks)
        s = s.replace(",", ".")
    elif _RIBUAN_TITIK.fullmatch(s):
        s = s.replace(".", "")
    if not _ANGKA.fullmatch(s):
        raise BukanAngka(teks)
    try:
        return Decimal(tanda + s)
    except InvalidOperation:
        raise BukanAngka(teks) from None


def tulis_angka(nilai: Decimal | int | None) -> str:
    """Indonesian notation for an input field, without trailing zeros: 1250.50 → "1.250,5"."""
    if nilai is None:
        return ""
    return tampil.angka(Decimal(nilai), ringkas=True).replace(tampil.MINUS, "-")


# --- Display: the one formatter of numbers on pages (the `angka` filter, history values) ------
# `ramping.aturan.tampil.angka` in the active language: a page in English groups "1,250.5",
# in Indonesian "1.250,5"; negatives carry the typographic minus. A peta jabatan page formats
# ~1,000 numbers and finding the active language costs more than formatting one, so
# `pemformat_angka` looks it up once per page.


def _bahasa() -> str:
    from django.utils import translation

    return translation.get_language() or "id"


def format_angka(nilai) -> str:
    """A number for reading, grouped in the active language: 1250 → "1.250" (id), "1,250"
    (en), Decimal("1380.30") → "1.380,30", −3 → "−3"."""
    return tampil.angka(nilai, bahasa=_bahasa())


def pemformat_angka():
    """`format_angka` for one page in the active language (looked up once), for writers of
    long tables."""
    bahasa = _bahasa()

    def fmt(nilai) -> str:
        return tampil.angka(nilai, bahasa=bahasa)

    return fmt


def format_tanggal(nilai) -> str:
    """A date for reading in the active language: 30 November 2026."""
    return tampil.tanggal(nilai, bahasa=_bahasa())
