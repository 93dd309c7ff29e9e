"""Nomenklatur jabatan pelaksana (PermenPAN-RB 45/2022 and the Kepmen name lists).

Catalogue: ``data/nomenklatur_pelaksana.csv`` (KepmenPAN-RB 11/2024 transcription, 231 names).
Suggested 41/2018 → 45/2022 pairs: ``data/pemetaan_nomenklatur.csv`` (all [C], to confirm per
person). Checks R45-01..04 raise one exception each; :func:`periksa_nomenklatur` collects them for
a whole peta jabatan. The fuzzy matcher uses rapidfuzz.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process, utils

from .data import Sumber, baca_csv, ke_bool, ke_int
from .errors import (
    AturanError,
    NamaPelaksanaBanyakKelas,
    NamaPelaksanaMengandungAnalis,
    NomenklaturTidakBaku,
    PendidikanDiBawahMinimal,
)
from .pencarian import normalkan, peringkat
from .pendidikan import pendidikan_memenuhi
from .pengaturan import Pengaturan, atau_bawaan

_ANALIS = re.compile(r"\banalis\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class NamaPelaksana:
    nama: str
    klasifikasi: str  # Klerek | Operator | Teknisi
    pendidikan_minimal: str  # as in the list, e.g. "S-1/D-IV"
    pendidikan_minimal_kode: str  # lowest accepted level, project code
    kelas_indikatif: int | None  # only where a data set states one; not law
    kedudukan: str
    versi_daftar: str  # the Kepmen list the row comes from
    sumber: Sumber


@dataclass(frozen=True, slots=True)
class PemetaanNama:
    nama_lama: str
    kelas_lama: int | None
    nama_baru: str
    nama_baru_alternatif: str | None
    alasan: str
    sumber: Sumber


@dataclass(frozen=True, slots=True)
class Saran:
    nama: str  # catalogue name
    skor: float  # rapidfuzz score 0–100
    melalui: str | None = None  # the 41/2018 name matched when the suggestion comes from the map


@dataclass(frozen=True, slots=True)
class PelaksanaInput:
    """One pelaksana position of a peta jabatan (for :func:`periksa_nomenklatur`)."""

    nama: str
    kelas: int | None = None
    pendidikan: str | None = None  # education of the holder, project code


def _sumber(r: dict[str, str]) -> Sumber:
    return Sumber(r["dasar_hukum"], r["sumber"], r["keyakinan"], ke_bool(r["verified"]))


@cache
def katalog_nomenklatur() -> dict[str, NamaPelaksana]:
    """The catalogue keyed by name."""
    return {
        r["nama"]: NamaPelaksana(
            r["nama"],
            r["klasifikasi"],
            r["pendidikan_minimal"],
            r["pendidikan_minimal_kode"],
            ke_int(r["kelas_indikatif"]),
            r["kedudukan"],
            r["versi_daftar"],
            _sumber(r),
        )
        for r in baca_csv("nomenklatur_pelaksana.csv")
    }


@cache
def pemetaan_nomenklatur() -> tuple[PemetaanNama, ...]:
    """Suggested 41/2018 → 45/2022 pairs (penyederhanaan.md §4.3; every pair [C])."""
    return tuple(
        PemetaanNama(
            r["nama_lama"],
            ke_int(r["kelas_lama"]),
            r["nama_baru"],
            r["nama_baru_alternatif"] or None,
            r["alasan"],
            _sumber(r),
        )
        for r in baca_csv("pemetaan_nomenklatur.csv")
    )


def _normal(nama: str) -> str:
    """Comparison key of a name: lower case, no punctuation, single spaces."""
    return " ".join(utils.default_process(nama).split())


@cache
def _kunci_katalog() -> dict[str, str]:
    return {_normal(n): n for n in katalog_nomenklatur()}


def _cari(nama: str) -> NamaPelaksana | None:
    baku = _kunci_katalog().get(_normal(nama))
    return katalog_nomenklatur()[baku] if baku else None


def cari_nama_pelaksana(nama: str) -> NamaPelaksana | None:
    """The catalogue row of a name, matched exactly after normalisation (case, punctuation,
    spaces), or None: cheap enough to call for every position of a version, unlike the fuzzy
    suggestions of :func:`cocokkan_nomenklatur`."""
    return _cari(nama)


def mengandung_analis(nama: str) -> bool:
    """R45-03 without raising: True when :func:`periksa_bukan_analis` would refuse the name."""
    return bool(_ANALIS.search(nama)) and _cari(nama) is None


def cocokkan_nomenklatur(
    teks: str,
    *,
    batas: float | None = None,
    jumlah: int = 5,
    pengaturan: Pengaturan | None = None,
) -> list[Saran]:
    """Catalogue names closest to a free-text title, best first, with rapidfuzz scores.

    A title that matches a 41/2018 name of the suggested map also proposes that name's successor
    (``melalui`` says which old name matched). ``batas`` defaults to the setting
    ``batas_skor_nomenklatur``.
    """
    ambang = atau_bawaan(pengaturan).batas_skor_nomenklatur if batas is None else batas
    terbaik: dict[str, Saran] = {}

    def tambah(saran: Saran) -> None:
        lama = terbaik.get(saran.nama)
        if lama is None or saran.skor > lama.skor:
            terbaik[saran.nama] = saran

    kunci = _kunci_katalog()
    for cocok, skor, _ in process.extract(
        teks, list(kunci), scorer=fuzz.WRatio, processor=_normal, limit=jumlah
    ):
        tambah(Saran(kunci[cocok], round(skor, 1)))
    peta = pemetaan_nomenklatur()
    for cocok, skor, i in process.extract(
        teks,
        [p.nama_lama for p in peta],
        scorer=fuzz.WRatio,
        processor=_normal,
        limit=jumlah,
    ):
        for nama in (peta[i].nama_baru, peta[i].nama_baru_alternatif):
            if nama:
                tambah(Saran(nama, round(skor, 1), melalui=cocok))
    urut = sorted(terbaik.values(), key=lambda s: (-s.skor, s.melalui is not None, s.nama))
    return [s for s in urut if s.skor >= ambang][:jumlah]


def periksa_nama_baku(nama: str) -> NamaPelaksana:
    """R45-01: the name must be in the current list; returns its catalogue row."""
    baris = _cari(nama)
    if baris is None:
        raise NomenklaturTidakBaku(nama, [s.nama for s in cocokkan_nomenklatur(nama, jumlah=3)])
    return baris


def periksa_satu_kelas(pasangan: Iterable[tuple[str, int]]) -> None:
    """R45-02: within one agency, each name has exactly one kelas."""
    kelas: defaultdict[str, set[int]] = defaultdict(set)
    for nama, k in pasangan:
        kunci = _normal(nama)
        kelas[kunci].add(k)
        if len(kelas[kunci]) > 1:
            raise NamaPelaksanaBanyakKelas(nama, kelas[kunci])


def periksa_bukan_analis(nama: str) -> None:
    """R45-03: a pelaksana name must not contain the word "Analis" (analysis belongs to JF).

    A name that is itself in the list (Analis Perkara Peradilan, restricted to the Mahkamah Agung)
    is allowed: the list wins over the principle.
    """
    if mengandung_analis(nama):
        raise NamaPelaksanaMengandungAnalis(nama)


def periksa_pendidikan_pelaksana(nama: str, pendidikan: str) -> None:
    """R45-04: the holder's education must reach the name's minimum education."""
    baris = periksa_nama_baku(nama)
    if not pendidikan_memenuhi(pendidikan, baris.pendidikan_minimal_kode):
        raise PendidikanDiBawahMinimal(baris.nama, pendidikan, baris.pendidikan_minimal)


def periksa_nomenklatur(posisi: Iterable[PelaksanaInput]) -> list[AturanError]:
    """All R45-01..04 findings of a peta jabatan, as exception objects (nothing raised)."""
    temuan: list[AturanError] = []
    kelas: defaultdict[str, set[int]] = defaultdict(set)
    nama_tampil: dict[str, str] = {}
    for p in posisi:
        try:
            periksa_bukan_analis(p.nama)
        except NamaPelaksanaMengandungAnalis as e:
            temuan.append(e)
        try:
            periksa_nama_baku(p.nama)
            if p.pendidikan is not None:
                periksa_pendidikan_pelaksana(p.nama, p.pendidikan)
        except (NomenklaturTidakBaku, PendidikanDiBawahMinimal) as e:
            temuan.append(e)
        if p.kelas is not None:
            kunci = _normal(p.nama)
            kelas[kunci].add(p.kelas)
            nama_tampil.setdefault(kunci, p.nama)
    temuan.extend(
        NamaPelaksanaBanyakKelas(nama_tampil[k], ks) for k, ks in kelas.items() if len(ks) > 1
    )
    return temuan


@dataclass(frozen=True, slots=True)
class KandidatPelaksana:
    """One ranked answer of :func:`cari_pelaksana_kandidat`."""

    nama: str  # catalogue spelling (KepmenPAN-RB 11/2024 list)
    skor: float  # 0–100
    alasan: str
    melalui: str | None = None  # the 41/2018 name matched, when the answer is its successor


@cache
def _kunci_normal() -> dict[str, str]:
    return {normalkan(n): n for n in katalog_nomenklatur()}


@cache
def _kunci_lama() -> dict[str, tuple[PemetaanNama, ...]]:
    peta: dict[str, list[PemetaanNama]] = defaultdict(list)
    for p in pemetaan_nomenklatur():
        peta[normalkan(p.nama_lama)].append(p)
    return {k: tuple(v) for k, v in peta.items()}


def cari_pelaksana_kandidat(
    teks: str, batas: int = 5, *, skor_minimal: float = 60.0
) -> list[KandidatPelaksana]:
    """Pelaksana names of the catalogue closest to ``teks``, best first, with score and reason.

    Abbreviations are written out first (``data/singkatan.csv``); a 41/2018 name of the suggested
    map also proposes its 45/2022 successor(s), the reason saying so. Nothing is applied.
    """
    terbaik: dict[str, KandidatPelaksana] = {}

    def tambah(k: KandidatPelaksana) -> None:
        lama = terbaik.get(k.nama)
        if lama is None or k.skor > lama.skor:
            terbaik[k.nama] = k

    kunci = _kunci_normal()
    for c in peringkat(teks, list(kunci), batas=batas, skor_minimal=skor_minimal):
        tambah(KandidatPelaksana(kunci[c.kunci], c.skor, c.alasan))
    lama = _kunci_lama()
    for c in peringkat(teks, list(lama), batas=batas, skor_minimal=skor_minimal):
        for p in lama[c.kunci]:
            for nama in (p.nama_baru, p.nama_baru_alternatif):
                if nama:
                    alasan = f"nama lama {p.nama_lama} (41/2018) → {nama}; {c.alasan}"
                    tambah(KandidatPelaksana(nama, c.skor, alasan, melalui=p.nama_lama))
    urut = sorted(terbaik.values(), key=lambda k: (-k.skor, k.melalui is not None, k.nama))
    return urut[:batas]
