"""Finding a catalogue name from what people type: normalisation, abbreviations, rapidfuzz.

Position names reach ramping typed by hand or copied from agency documents: "Analis SDM
Aparatur", "Pranata Komputer Ahli Muda", "PERANCANG PUU". The catalogues spell names in full
("Analis Sumber Daya Manusia Aparatur"). One comparison key serves both catalogues (JF in
:mod:`.katalog`, pelaksana in :mod:`.nomenklatur`):

1. lower case, accents and punctuation removed, single spaces (rapidfuzz ``default_process``);
2. each abbreviation of ``data/singkatan.csv`` (with its source per row) replaced by its long
   form, longest first so "satpol pp" wins over "pol pp";
3. a score 0–100: the mean of rapidfuzz ``token_sort_ratio`` (word order does not matter,
   typos cost little) and ``token_set_ratio`` (a name typed short, "Analis SDM", still reaches
   its full form). ``WRatio`` alone gives ~85 to any two names sharing one word ("Pranata
   Komputer" for "Pranata SDM"), too close to a real match to rank by.

Nothing here changes data: the lookups return ranked candidates with a score and a reason, and
the caller decides. Exact lookups (:func:`.katalog.cari_jf`,
:func:`.nomenklatur.cari_nama_pelaksana`) stay exact; a fuzzy candidate is shown as a suggestion
("maksud Anda …?"), never applied silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process, utils

from .data import Sumber, baca_csv, ke_bool

# A suggestion at or above this score is worth asking "maksud Anda …?" about; a lower one is
# noise (WRatio gives ~50 to unrelated names sharing one word).
SKOR_SARAN = 80.0


@dataclass(frozen=True, slots=True)
class Singkatan:
    singkatan: str
    kepanjangan: str
    sumber: Sumber


@cache
def daftar_singkatan() -> tuple[Singkatan, ...]:
    """The abbreviation table, longest abbreviation first."""
    baris = [
        Singkatan(
            r["singkatan"],
            r["kepanjangan"],
            Sumber("", r["sumber"], r["keyakinan"], ke_bool(r["verified"]), r["catatan"]),
        )
        for r in baca_csv("singkatan.csv")
    ]
    return tuple(sorted(baris, key=lambda s: (-len(s.singkatan), s.singkatan)))


def _dasar(teks: str) -> str:
    return " ".join(utils.default_process(teks or "").split())


@cache
def _pola_singkatan() -> tuple[re.Pattern[str], dict[str, Singkatan]]:
    peta = {_dasar(s.singkatan): s for s in daftar_singkatan()}
    urut = sorted(peta, key=len, reverse=True)
    pola = re.compile(r"(?<!\S)(" + "|".join(re.escape(k) for k in urut) + r")(?!\S)")
    return pola, peta


def uraikan_singkatan(teks: str) -> tuple[str, tuple[Singkatan, ...]]:
    """The comparison key of ``teks`` and the abbreviations expanded on the way."""
    dasar = _dasar(teks)
    pola, peta = _pola_singkatan()
    dipakai: list[Singkatan] = []

    def ganti(m: re.Match[str]) -> str:
        s = peta[m[1]]
        dipakai.append(s)
        return _dasar(s.kepanjangan)

    return pola.sub(ganti, dasar), tuple(dipakai)


def normalkan(teks: str) -> str:
    """Comparison key: lower case, no punctuation, abbreviations written out."""
    return uraikan_singkatan(teks)[0]


def skor(a: str, b: str, **_: object) -> float:
    """Similarity of two comparison keys, 0–100 (see the module docstring)."""
    return (fuzz.token_sort_ratio(a, b) + fuzz.token_set_ratio(a, b)) / 2


@dataclass(frozen=True, slots=True)
class Cocok:
    """One catalogue key matched against a query key."""

    kunci: str
    skor: float
    alasan: str


def peringkat(
    teks: str, kunci: list[str], *, batas: int = 5, skor_minimal: float = 0.0
) -> list[Cocok]:
    """The ``batas`` best keys for ``teks`` (keys are already :func:`normalkan`-ed), best first,
    each with a score 0–100 and a reason in Indonesian."""
    q, dipakai = uraikan_singkatan(teks)
    if not q or not kunci:
        return []
    ket = ""
    if dipakai:
        ket = "; singkatan " + ", ".join(f"{s.singkatan} = {s.kepanjangan}" for s in dipakai)
    hasil = []
    for cocok, nilai, _ in process.extract(
        q, kunci, scorer=skor, processor=None, limit=batas, score_cutoff=skor_minimal
    ):
        if cocok == q:
            alasan, nilai = "sama setelah normalisasi" + ket, 100.0
        else:
            alasan = f"mirip (skor {nilai:.0f})" + ket
        hasil.append(Cocok(cocok, round(float(nilai), 1), alasan))
    hasil.sort(key=lambda c: (-c.skor, c.kunci))
    return hasil
