"""Decimal arithmetic used by every rule: exact sums and the single rounding helper.

Rounding happens in one place (:func:`bulatkan`) so the rule is written down once
(STYLE.md §14). Sums and products run in :data:`EKSAK`, a context that raises instead of
rounding silently, so the per-object and batch forms of ABK give identical results.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import (
    MAX_PREC,
    ROUND_CEILING,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Rounded,
)
from itertools import repeat
from typing import Final

from .errors import ModePembulatanTidakDikenal, NilaiNegatif, TipeAngkaTidakDidukung

# Additions and multiplications of finite decimals are exact at MAX_PREC; Inexact/Rounded are
# trapped so a silent rounding can never make two forms of one formula disagree.
EKSAK: Final = Context(prec=MAX_PREC, traps=[Inexact, Rounded, InvalidOperation])

# Quotients (Σ beban ÷ WKE) are not finite in general; they are rounded once, with the standard
# 28 significant digits, independent of the caller's thread-local context.
HASIL: Final = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation])

MODE_PEMBULATAN: Final = {"half_up": ROUND_HALF_UP, "ceil": ROUND_CEILING}

# The one mode for every decimal figure that is stored or printed (beban kerja in hours,
# kebutuhan before rounding, EJ/EU): half up, "0,5 ke atas". PermenPAN-RB 1/2020 gives the ABK
# formula but no rounding rule (anjab-abk.md §1.5); half up is how the forms are checked by
# hand and what the desimal_ej setting documents, while Decimal's own default (half even)
# would print 0,125 as 0,12 on one page and 0,13 in a spreadsheet. Rounding K to whole persons
# is a separate, per-agency setting (Pengaturan.mode_pembulatan) and does not use this mode.
MODE_TAMPIL: Final = "half_up"


def ke_decimal(nilai: Decimal | int | str, nama: str) -> Decimal:
    """Convert an exact input to Decimal; floats are refused because they are not exact."""
    if isinstance(nilai, Decimal):
        return nilai
    if isinstance(nilai, bool) or not isinstance(nilai, int | str):
        raise TipeAngkaTidakDidukung(nama, type(nilai).__name__)
    try:
        return Decimal(nilai)
    except InvalidOperation:
        raise TipeAngkaTidakDidukung(nama, repr(nilai)) from None


def tidak_negatif(nilai: Decimal | int | str, nama: str) -> Decimal:
    """Convert and check that the value is not negative."""
    hasil = ke_decimal(nilai, nama)
    if hasil < 0:
        raise NilaiNegatif(nama, nilai)
    return hasil


def bulatkan(nilai: Decimal | int, tempat: int = 0, mode: str = MODE_TAMPIL) -> Decimal:
    """Round ``nilai`` to ``tempat`` decimal places with ``mode`` (``half_up`` or ``ceil``).

    The only rounding helper of the project: kebutuhan pegawai (0 places, the agency's mode),
    beban kerja (2), kebutuhan before rounding (4), EJ/EU (2) and money (0) all go through it,
    so a figure is stored, shown and exported with the same digits.
    """
    try:
        pembulatan = MODE_PEMBULATAN[mode]
    except KeyError:
        raise ModePembulatanTidakDikenal(mode) from None
    return ke_decimal(nilai, "nilai").quantize(Decimal(1).scaleb(-tempat), rounding=pembulatan)


def bulatkan_banyak(
    nilai: Iterable[Decimal], tempat: int = 0, mode: str = MODE_TAMPIL
) -> list[Decimal]:
    """:func:`bulatkan` of many Decimals at once (same quantize, same mode table), as one C loop:
    the batch forms of the rules round with this, so a figure is rounded by one rule whether it
    was computed alone or with a million others."""
    try:
        pembulatan = MODE_PEMBULATAN[mode]
    except KeyError:
        raise ModePembulatanTidakDikenal(mode) from None
    return list(
        map(Decimal.quantize, nilai, repeat(Decimal(1).scaleb(-tempat)), repeat(pembulatan))
    )
