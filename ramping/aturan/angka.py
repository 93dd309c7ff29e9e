"""Decimal arithmetic used by every rule: exact sums and the single rounding helper.

Rounding happens in one place (:func:`bulatkan`) so the rule is written down once
(STYLE.md §14). Sums and products run in :data:`EKSAK`, a context that raises instead of
rounding silently, so the per-object and batch forms of ABK give identical results.
"""

from __future__ import annotations

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
from typing import Final

from .errors import ModePembulatanTidakDikenal, NilaiNegatif, TipeAngkaTidakDidukung

# Additions and multiplications of finite decimals are exact at MAX_PREC; Inexact/Rounded are
# trapped so a silent rounding can never make two forms of one formula disagree.
EKSAK: Final = Context(prec=MAX_PREC, traps=[Inexact, Rounded, InvalidOperation])

# Quotients (Σ beban ÷ WKE) are not finite in general; they are rounded once, with the standard
# 28 significant digits, independent of the caller's thread-local context.
HASIL: Final = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation])

MODE_PEMBULATAN: Final = {"half_up": ROUND_HALF_UP, "ceil": ROUND_CEILING}


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


def bulatkan(nilai: Decimal, tempat: int = 0, mode: str = "half_up") -> Decimal:
    """Round ``nilai`` to ``tempat`` decimal places with ``mode`` (``half_up`` or ``ceil``).

    The only rounding helper of the package: kebutuhan pegawai (0 places), EJ/EU (2 places) and
    money (0 places) all go through it.
    """
    try:
        pembulatan = MODE_PEMBULATAN[mode]
    except KeyError:
        raise ModePembulatanTidakDikenal(mode) from None
    return nilai.quantize(Decimal(1).scaleb(-tempat), rounding=pembulatan)
