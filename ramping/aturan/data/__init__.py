"""Reference tables of ``ramping.aturan`` and their loader (read once, cached).

This package holds the TOML/CSV files; the functions below read them. (It is a package rather
than a ``data.py`` module because the data files live in the same directory.)

Every table carries its legal basis (``dasar_hukum``), source keys (``sumber``), confidence mark
(``keyakinan``) and ``verified`` flag. The Django app seeds its editable per-agency tables from the
same files; this module only reads them.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

PAKET_DATA = "ramping.aturan.data"


@dataclass(frozen=True, slots=True)
class Sumber:
    """Legal basis and confidence of one reference value."""

    dasar_hukum: str
    sumber: str
    keyakinan: str
    verified: bool
    catatan: str = ""


def baca_toml(nama: str) -> dict[str, Any]:
    """Parsed TOML file from the data directory (cached, do not mutate)."""
    return _baca_toml(nama)


@cache
def _baca_toml(nama: str) -> dict[str, Any]:
    with resources.files(PAKET_DATA).joinpath(nama).open("rb") as berkas:
        return tomllib.load(berkas)


@cache
def baca_csv(nama: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV file from the data directory, as dicts of strings (cached)."""
    with resources.files(PAKET_DATA).joinpath(nama).open(encoding="utf-8", newline="") as berkas:
        return tuple(csv.DictReader(berkas))


def ke_bool(teks: str) -> bool:
    """CSV boolean cell (``true``/``false``)."""
    return teks.strip().lower() in {"true", "ya", "1"}


def ke_int(teks: str) -> int | None:
    """CSV integer cell; empty means unknown."""
    teks = teks.strip()
    return int(teks) if teks else None


def sumber_dari(baris: dict[str, Any], bawaan: dict[str, Any] | None = None) -> Sumber:
    """Build a :class:`Sumber` from a row, falling back to table-level ``meta`` values."""
    bawaan = bawaan or {}

    def ambil(kunci: str, kosong: Any = "") -> Any:
        return baris.get(kunci, bawaan.get(kunci, kosong))

    verified = ambil("verified", False)
    return Sumber(
        dasar_hukum=str(ambil("dasar_hukum")),
        sumber=str(ambil("sumber")),
        keyakinan=str(ambil("keyakinan")),
        verified=ke_bool(verified) if isinstance(verified, str) else bool(verified),
        catatan=str(ambil("catatan")),
    )
