"""The pelaksana catalogue per Kepmen list, and re-checking names against a newer list.

Every list is a row of ``data/daftar_nomenklatur.csv`` (decision, valid from/to, file, loaded,
verified). A loaded list (``dimuat``) has its own CSV file with the columns of
``nomenklatur_pelaksana.csv``; :func:`ramping.aturan.nomenklatur.katalog_nomenklatur` stays the
list in force. A newer list loads beside the old one and :func:`periksa_terhadap_daftar` says,
for each current name, whether the newer list keeps it, renames it (optional column
``nama_lama``: the earlier names a row replaces, separated by ``;``) or drops it, with up to
three ranked suggestions from that list. KepmenPAN-RB 282/2025 is listed but not loaded: its
annex has not been seen, so its names are not invented here.

Pure Python, no Django import; rapidfuzz only (through :mod:`ramping.aturan.pencarian`).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .data import Sumber, baca_csv, ke_bool, ke_int
from .nomenklatur import NamaPelaksana
from .pencarian import normalkan, peringkat
from .saran_nomenklatur import DaftarNomenklatur, daftar_nomenklatur, normal

# Status of a current name against a list.
ADA, BERGANTI, HILANG = "ada", "berganti", "hilang"


class DaftarTidakDimuat(LookupError):
    """The list code is unknown, or the list is registered but its names are not loaded."""


@dataclass(frozen=True, slots=True)
class SaranDaftar:
    nama: str  # a name of the chosen list
    skor: float  # 0–100
    alasan: str


@dataclass(frozen=True, slots=True)
class HasilPeriksaDaftar:
    nama: str  # the current name
    status: str  # ADA | BERGANTI | HILANG
    nama_baru: str | None  # ADA: the list's spelling; BERGANTI: the successor; HILANG: None
    saran: tuple[SaranDaftar, ...] = ()  # HILANG only, best first


def daftar_dimuat() -> tuple[DaftarNomenklatur, ...]:
    """The registered lists whose names are loaded, oldest first."""
    return tuple(d for d in daftar_nomenklatur() if d.dimuat and d.berkas)


def ambil_daftar(kode: str) -> DaftarNomenklatur:
    """The loaded list of that code; :class:`DaftarTidakDimuat` otherwise."""
    for d in daftar_dimuat():
        if d.kode == kode:
            return d
    raise DaftarTidakDimuat(f"Daftar nomenklatur {kode!r} tidak dikenal atau belum dimuat.")


def _baca(berkas: str) -> tuple[dict[str, str], ...]:
    """Rows of a list file: a name in the data directory, or an absolute path."""
    jalur = Path(berkas)
    if jalur.is_absolute():
        with jalur.open(encoding="utf-8", newline="") as f:
            return tuple(csv.DictReader(f))
    return baca_csv(berkas)


@dataclass(frozen=True, slots=True)
class _Indeks:
    katalog: dict[str, NamaPelaksana]
    per_kunci: dict[str, str]  # normal(name) → name
    per_lama: dict[str, str]  # normal(earlier name) → name
    kunci_cari: list[str]  # normalkan(name), for the ranking
    per_kunci_cari: dict[str, str]  # normalkan(name) → name


@cache
def _indeks(berkas: str) -> _Indeks:
    katalog: dict[str, NamaPelaksana] = {}
    per_lama: dict[str, str] = {}
    for r in _baca(berkas):
        nama = r["nama"].strip()
        if not nama:
            continue
        katalog[nama] = NamaPelaksana(
            nama,
            r["klasifikasi"],
            r["pendidikan_minimal"],
            r["pendidikan_minimal_kode"],
            ke_int(r.get("kelas_indikatif", "")),
            r.get("kedudukan", ""),
            r["versi_daftar"],
            Sumber(r["dasar_hukum"], r["sumber"], r["keyakinan"], ke_bool(r["verified"])),
        )
        for lama in (r.get("nama_lama") or "").split(";"):
            if lama.strip():
                per_lama.setdefault(normal(lama), nama)
    per_kunci_cari = {normalkan(n): n for n in katalog}
    return _Indeks(
        katalog,
        {normal(n): n for n in katalog},
        per_lama,
        list(per_kunci_cari),
        per_kunci_cari,
    )


def katalog_daftar(kode: str) -> dict[str, NamaPelaksana]:
    """The names of one loaded list, keyed by name (read from the list's own file)."""
    return _indeks(ambil_daftar(kode).berkas).katalog


def periksa_terhadap_daftar(
    nama_nama: Iterable[str], kode_baru: str, *, jumlah: int = 3
) -> list[HasilPeriksaDaftar]:
    """For each current name (in order, duplicates kept): in the list (exact after
    normalisation), renamed by it (``nama_lama`` column) or missing, the missing ones with up to
    ``jumlah`` ranked names of that list."""
    ix = _indeks(ambil_daftar(kode_baru).berkas)
    memo: dict[str, HasilPeriksaDaftar] = {}
    hasil = []
    for nama in nama_nama:
        h = memo.get(nama)
        if h is None:
            h = memo[nama] = _periksa(nama, ix, jumlah)
        hasil.append(h)
    return hasil


# Below this name similarity a "suggestion" is noise (Pengemudi → Penyelam Scuba scored 52):
# better no suggestion, and the analyst searches the list, than a wrong one offered.
SKOR_SARAN_MINIMAL = 60.0


def _periksa(nama: str, ix: _Indeks, jumlah: int) -> HasilPeriksaDaftar:
    kunci = normal(nama)
    if kunci in ix.per_kunci:
        return HasilPeriksaDaftar(nama, ADA, ix.per_kunci[kunci])
    if kunci in ix.per_lama:
        return HasilPeriksaDaftar(nama, BERGANTI, ix.per_lama[kunci])
    saran = tuple(
        SaranDaftar(ix.per_kunci_cari[c.kunci], c.skor, c.alasan)
        for c in peringkat(nama, ix.kunci_cari, batas=jumlah, skor_minimal=SKOR_SARAN_MINIMAL)
    )
    return HasilPeriksaDaftar(nama, HILANG, None, saran)
