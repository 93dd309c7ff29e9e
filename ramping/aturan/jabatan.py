"""Codes shared by all rules: jenis jabatan, JF jenjang, eselon.

Jenjang names follow UU 5/2014 (keahlian: Ahli Pertama–Utama; keterampilan: Pemula–Penyelia).
"""

from __future__ import annotations

from typing import Final

from .data import baca_toml
from .errors import EselonTidakDikenal, JenjangTidakDikenal

JENIS_JABATAN: Final = (
    "jpt_utama",
    "jpt_madya",
    "jpt_pratama",
    "administrator",
    "pengawas",
    "pelaksana",
    "fungsional",
)

# Highest first within each category.
JENJANG_KEAHLIAN: Final = ("ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama")
JENJANG_KETERAMPILAN: Final = ("penyelia", "mahir", "terampil", "pemula")
JENJANG_JF: Final = JENJANG_KEAHLIAN + JENJANG_KETERAMPILAN

# Rank used where a minimum jenjang is asked (sistem kerja); keterampilan below keahlian.
URUTAN_JENJANG: Final = {
    "pemula": 1,
    "terampil": 2,
    "mahir": 3,
    "penyelia": 4,
    "ahli_pertama": 5,
    "ahli_muda": 6,
    "ahli_madya": 7,
    "ahli_utama": 8,
}

# Eselon codes and their group (UU 5/2014: III = Administrator, IV = Pengawas, V = Pelaksana),
# from data/eselon.toml.
_KELOMPOK_ESELON: Final = {e["kode"]: e["kelompok"] for e in baca_toml("eselon.toml")["eselon"]}
ESELON: Final = tuple(_KELOMPOK_ESELON)


def label_jenjang(kode: str) -> str:
    """``"ahli_madya"`` → ``"Ahli Madya"``."""
    if kode not in JENJANG_JF:
        raise JenjangTidakDikenal(kode)
    return kode.replace("_", " ").title()


def kode_jenjang(label: str) -> str:
    """``"Ahli Madya"`` → ``"ahli_madya"``; also accepts the old keterampilan names.

    PermenPAN-RB 13/2016 renamed Pelaksana → Terampil and Pelaksana Lanjutan → Mahir
    (jabatan-fungsional.md §3.1, [B]).
    """
    lama = {"pelaksana pemula": "pemula", "pelaksana": "terampil", "pelaksana lanjutan": "mahir"}
    bersih = " ".join(label.strip().lower().split())
    kode = lama.get(bersih, bersih.replace(" ", "_"))
    if kode not in JENJANG_JF:
        raise JenjangTidakDikenal(label)
    return kode


def kelompok_eselon(eselon: str) -> str:
    """``"jpt"``, ``"administrator"``, ``"pengawas"`` or ``"eselon_v"`` for an eselon code."""
    try:
        return _KELOMPOK_ESELON[eselon]
    except KeyError:
        raise EselonTidakDikenal(eselon) from None
