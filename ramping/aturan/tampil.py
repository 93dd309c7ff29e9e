"""The one formatter of numbers and dates for people to read: pages, messages and documents.

Every figure a user reads goes through :func:`angka` (and every date through :func:`tanggal`):
the ``angka`` filter of the pages (``ramping.web.angka.format_angka``), the documents
(``ramping.laporan.format``), the messages of the rules (``ramping.aturan.errors``), services,
checks and imports. Pure Python, no Django import, so the rules engine can use it.

Decisions (DESIGN.md §4; docs/glosarium.md "Format angka"):
- Indonesian notation: ``.`` groups thousands, ``,`` marks decimals: 1380.30 → "1.380,30".
  English (the English interface) swaps them: "1,380.30".
- A message built by a service or a rule is an Indonesian sentence, so its numbers are
  Indonesian whatever the interface language (``bahasa="id"``, the default). Only text rendered
  by a page through the active language (the ``angka`` filter, ``format_angka``) follows the
  reader's language; an official document is always Indonesian.
- Negative numbers carry the typographic minus U+2212 ("−1.500"), as the ± columns print it.
- The digits of a Decimal are kept as stored (1380.30 → "1.380,30", a stored figure shows its
  two places); ``ringkas`` drops trailing zeros (1250.00 → "1.250", 2.50 → "2,5") for limits
  and readings. Rounding to a number of places is the rules' job (``aturan.angka.bulatkan``);
  ``laporan.format.angka(nilai, desimal)`` rounds with it and then writes through here. This
  module imports nothing of ramping, so the rules' errors can use it without an import cycle.
- ``None`` (and the empty string) is "–", an unknown value.
- Dates spell the month (no "11/12/2026" that reads differently in Indonesia and the US); a
  moment is "11 November 2026 pukul 09.00" in Indonesian (the time with a dot, as PUEBI writes
  it) and "11 November 2026 at 09:00" in English. A moment is converted to the local time zone by
  the caller (the pages' filters do it with Django's ``expects_localtime``); this module only
  writes what it is given.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Final

KOSONG: Final = "–"  # an unknown value (K before the ABK is computed, EJ without holders)
MINUS: Final = "\u2212"  # the typographic minus

# (thousands separator, decimal mark) per interface language.
PEMISAH: Final = {"id": (".", ","), "en": (",", ".")}

BULAN: Final = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def _pemisah(bahasa: str) -> tuple[str, str]:
    return PEMISAH.get(bahasa[:2].lower(), PEMISAH["id"]) if bahasa else PEMISAH["id"]


def _bulat(n: int, ribu: str) -> str:
    teks = f"{n:,}"
    return teks if ribu == "," else teks.replace(",", ribu)


def angka(
    nilai: int | Decimal | float | str | None,
    *,
    bahasa: str = "id",
    ringkas: bool = False,
    kosong: str = KOSONG,
) -> str:
    """A number for reading: 1250 → "1.250"; Decimal("1380.30") → "1.380,30"; −3 → "−3".

    ``ringkas`` drops trailing zeros; text that is not a number is returned unchanged (a page
    may pass a label through the filter).
    """
    if nilai is None or nilai == "":
        return kosong
    ribu, koma = _pemisah(bahasa)
    if type(nilai) is int:  # the common case: counts, B, K, ±, kelas
        return f"{MINUS}{_bulat(-nilai, ribu)}" if nilai < 0 else _bulat(nilai, ribu)
    try:
        d = Decimal(repr(nilai)) if isinstance(nilai, float) else Decimal(nilai)
    except (InvalidOperation, TypeError, ValueError):
        return str(nilai)
    if not d.is_finite():
        return str(nilai)
    if ringkas:
        d = d.quantize(Decimal(1)) if d == d.to_integral() else d.normalize()
    tanda = MINUS if d < 0 else ""
    bulat, _, pecahan = f"{abs(d):f}".partition(".")
    teks = _bulat(int(bulat), ribu)
    return f"{tanda}{teks}{koma}{pecahan}" if pecahan else f"{tanda}{teks}"


def selisih(nilai: int | None, *, bahasa: str = "id") -> str:
    """± with an explicit sign: +2, −3, 0; None → "–"."""
    if nilai is None:
        return KOSONG
    teks = angka(nilai, bahasa=bahasa)
    return f"+{teks}" if nilai > 0 else teks


def _bahasa(bahasa: str) -> str:
    return "en" if bahasa and bahasa[:2].lower() == "en" else "id"


def tanggal(nilai: date | None, *, bahasa: str = "id") -> str:
    """30 November 2026 (the month in the language); None → "–"."""
    if nilai is None:
        return KOSONG
    bulan = BULAN[_bahasa(bahasa)]
    return f"{nilai.day} {bulan[nilai.month - 1]} {nilai.year}"


def jam(nilai: time | datetime | None, *, bahasa: str = "id") -> str:
    """The time of day on a 24-hour clock: 09.00 (Indonesian), 09:00 (English); None → "–"."""
    if nilai is None:
        return KOSONG
    pemisah = ":" if _bahasa(bahasa) == "en" else "."
    return f"{nilai.hour:02d}{pemisah}{nilai.minute:02d}"


def tanggal_waktu(nilai: datetime | date | None, *, bahasa: str = "id") -> str:
    """11 November 2026 pukul 09.00 (Indonesian), 11 November 2026 at 09:00 (English).

    A date without a time is written as a date; None → "–".
    """
    if nilai is None:
        return KOSONG
    if not isinstance(nilai, datetime):
        return tanggal(nilai, bahasa=bahasa)
    kata = "at" if _bahasa(bahasa) == "en" else "pukul"
    return f"{tanggal(nilai, bahasa=bahasa)} {kata} {jam(nilai, bahasa=bahasa)}"
