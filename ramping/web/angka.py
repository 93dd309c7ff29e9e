"""Numbers typed by people: Indonesian ("1.250,5") and plain ("1250.5") notation alike.

Rules, in order: with both separators, the last one is the decimal mark; a comma alone is the
decimal mark; dots alone are thousands separators when they group exactly three digits after a
non-zero integer part ("1.250", "12.500.000"), otherwise a decimal point ("1250.5", "0.250").
So "1.250" is one thousand two hundred and fifty, as ramping itself displays it.
"""

import re
from decimal import Decimal, InvalidOperation

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
    d = Decimal(nilai)
    teks = f"{d:,f}" if d != d.to_integral() else f"{d.to_integral():,}"
    if "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


# --- Display: the one formatter of numbers on pages (the `angka` filter, history values) ------
# Django's formats.number_format costs ≈10 µs a call (settings and format lookups, string
# surgery); a peta jabatan page formats ~1,000 numbers. Whole numbers, by far the most common
# (B, K, ±, kelas, counts), take a fast path with the active language's separator, looked up
# once per language; everything else (Decimal, float, numeric strings) goes through Django, so
# the output is identical either way (tests/web/test_angka_tampil.py compares both).
_PEMISAH_RIBUAN: dict[str | None, str | None] = {}


def _pemisah_ribuan() -> str | None:
    """The active language's thousands separator when it groups by three, else None."""
    from django.utils import formats, translation

    bahasa = translation.get_language()
    try:
        return _PEMISAH_RIBUAN[bahasa]
    except KeyError:
        pass
    kelompok = formats.get_format("NUMBER_GROUPING", use_l10n=True)
    pemisah = formats.get_format("THOUSAND_SEPARATOR", use_l10n=True)
    hasil = pemisah if kelompok == 3 else None
    _PEMISAH_RIBUAN[bahasa] = hasil
    return hasil


def format_angka(nilai) -> str:
    """A number for reading, grouped in the active language: 1250 → "1.250" (id), "1,250"
    (en). Same output as formats.number_format(nilai, use_l10n=True, force_grouping=True)."""
    if type(nilai) is int:
        pemisah = _pemisah_ribuan()
        if pemisah is not None:
            teks = f"{nilai:,}"
            return teks if pemisah == "," else teks.replace(",", pemisah)
    from django.utils import formats

    return formats.number_format(nilai, use_l10n=True, force_grouping=True)


def pemformat_angka():
    """`format_angka` for one page in the active language: the separator is looked up once
    (finding the active language costs more than formatting), for writers of long tables."""
    pemisah = _pemisah_ribuan()
    if pemisah is None:
        return format_angka

    def fmt(nilai) -> str:
        if type(nilai) is int:
            teks = f"{nilai:,}"
            return teks if pemisah == "," else teks.replace(",", pemisah)
        return format_angka(nilai)

    return fmt
