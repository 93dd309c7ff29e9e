"""Education levels (pendidikan) and their order, used by 17/2021 and 45/2022 checks.

Codes used across the project: SD, SMP, SLTA, D-I, D-II, D-III, D-IV, S-1, S-2, S-3. D-IV and S-1
rank equally: the regulations state requirements as "S-1/D-IV" (PermenPAN-RB 17/2021 R17-05;
KepmenPAN-RB 11/2024 lists).
"""

from __future__ import annotations

import re
from typing import Final

from .errors import PendidikanTidakDikenal

# Rank of each code; equal rank = equivalent for requirements.
URUTAN_PENDIDIKAN: Final = {
    "SD": 1,
    "SMP": 2,
    "SLTA": 3,
    "D-I": 4,
    "D-II": 5,
    "D-III": 6,
    "D-IV": 7,
    "S-1": 7,
    "S-2": 8,
    "S-3": 9,
}

# Spellings seen in the catalogues and in staff data → project code.
_ALIAS: Final = (
    (r"^(SD|SEKOLAH DASAR)\b", "SD"),
    (r"^(SMP|SLTP|MTS)\b", "SMP"),
    (r"^(SLTA|SMA|SMK|MA)\b", "SLTA"),
    (r"^D-?(III|3)\b", "D-III"),
    (r"^D-?(II|2)\b", "D-II"),
    (r"^D-?(IV|4)\b", "D-IV"),
    (r"^D-?(I|1)\b", "D-I"),
    (r"^S-?(1)\b", "S-1"),
    (r"^S-?(2)\b", "S-2"),
    (r"^S-?(3)\b", "S-3"),
)


def kode_pendidikan(teks: str) -> str:
    """Normalise an education text (``"S-1/D-IV"``, ``"SLTA/sederajat"``, ``"D3"``) to a code.

    The first level named wins, which is the lowest one in the catalogue notation.
    """
    bersih = teks.strip().upper()
    if bersih in URUTAN_PENDIDIKAN:
        return bersih
    for pola, kode in _ALIAS:
        if re.match(pola, bersih):
            return kode
    raise PendidikanTidakDikenal(teks)


def urutan_pendidikan(kode: str) -> int:
    """Rank of an education code (higher = higher education)."""
    try:
        return URUTAN_PENDIDIKAN[kode]
    except KeyError:
        raise PendidikanTidakDikenal(kode) from None


def pendidikan_memenuhi(dimiliki: str, syarat: str) -> bool:
    """True when education ``dimiliki`` is at least ``syarat`` (D-IV counts as S-1)."""
    return urutan_pendidikan(dimiliki) >= urutan_pendidikan(syarat)
