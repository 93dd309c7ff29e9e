"""Evaluasi jabatan: factor points, nilai jabatan and kelas jabatan (PermenPAN-RB 34/2011).

Nilai jabatan is the plain sum of the points of each factor level (7 items for struktural, 9 for
fungsional), without weights or rounding (Lampiran BAB III; evaluasi-jabatan.md §5). The kelas comes
from the single 17-row table of Lampiran 3.3: the largest kelas whose lower bound the total reaches.
The tables live in ``data/evaluasi_jabatan.toml`` and ``data/kelas_jabatan.toml``.

``uraian`` (factor and level descriptions for the UI) are ramping's Indonesian paraphrases of the
reference notes, not the official Lampiran text: a level's uraian shares that level's ``sumber``
(keyakinan, ``verified=False``; for fungsional F2–F9 the wording itself rests on the US FES only)
and must be replaced once the official wording is checked.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .data import Sumber, baca_toml, sumber_dari
from .errors import (
    FaktorTidakDikenal,
    FaktorTidakLengkap,
    JenisEvaluasiTidakDikenal,
    KelasAtasanDiBawahBawahan,
    NilaiDiBawahBatasKelas,
    TingkatFaktorTidakDikenal,
)
from .pengaturan import Pengaturan, atau_bawaan

JENIS_EVALUASI = ("struktural", "fungsional")


@dataclass(frozen=True, slots=True)
class TingkatFaktor:
    kode: str
    nilai: int
    uraian: str
    sumber: Sumber


@dataclass(frozen=True, slots=True)
class Faktor:
    jenis: str
    kode: str
    nama: str
    uraian: str
    tingkat: tuple[TingkatFaktor, ...]
    dasar_hukum: str

    def cari(self, kode_tingkat: str) -> TingkatFaktor | None:
        return next((t for t in self.tingkat if t.kode == kode_tingkat), None)


@dataclass(frozen=True, slots=True)
class BatasKelas:
    kelas: int
    batas_bawah: int
    batas_atas: int | None
    sumber: Sumber


@dataclass(frozen=True, slots=True)
class RincianFaktor:
    faktor: str
    tingkat: str
    nilai: int


@dataclass(frozen=True, slots=True)
class HasilEvaluasi:
    """Result in the layout of the Formulir Hasil Evaluasi Jabatan (Perka BKN 21/2011)."""

    jenis: str
    rincian: tuple[RincianFaktor, ...]
    nilai: int
    kelas: int
    batas_bawah: int
    batas_atas: int | None

    @property
    def keterangan_kelas(self) -> str:
        atas = self.batas_atas if self.batas_atas is not None else "ke atas"
        return f"{self.kelas} ({self.batas_bawah}-{atas})"


@cache
def faktor_evaluasi(jenis: str) -> tuple[Faktor, ...]:
    """The factors of one family, in the order of the Lampiran."""
    if jenis not in JENIS_EVALUASI:
        raise JenisEvaluasiTidakDikenal(jenis)
    data = baca_toml("evaluasi_jabatan.toml")
    hasil = []
    for f in data["faktor"]:
        if f["jenis"] != jenis:
            continue
        tingkat = tuple(
            TingkatFaktor(
                kode=t["kode"],
                nilai=t["nilai"],
                uraian=t["uraian"],
                sumber=sumber_dari(t, {"dasar_hukum": f["dasar_hukum"]}),
            )
            for t in f["tingkat"]
        )
        hasil.append(
            Faktor(
                jenis=jenis,
                kode=f["kode"],
                nama=f["nama"],
                uraian=f["uraian"],
                tingkat=tingkat,
                dasar_hukum=f["dasar_hukum"],
            )
        )
    return tuple(hasil)


@cache
def tabel_kelas() -> tuple[BatasKelas, ...]:
    """The 17-row Tabel Batasan Nilai dan Kelas Jabatan, kelas 1 first."""
    data = baca_toml("kelas_jabatan.toml")
    baris = (
        BatasKelas(k["kelas"], k["batas_bawah"], k.get("batas_atas"), sumber_dari(k, data["meta"]))
        for k in data["kelas"]
    )
    return tuple(sorted(baris, key=lambda b: b.kelas))


@cache
def _batas_bawah() -> tuple[int, ...]:
    return tuple(b.batas_bawah for b in tabel_kelas())


def kelas_jabatan(nilai: int) -> int:
    """Kelas jabatan (1–17) of a nilai jabatan: the largest kelas whose lower bound it reaches.

    Every factor level is a multiple of 5, so totals fall on the bounds exactly and need no
    rounding (evaluasi-jabatan.md §3, conversion rule).
    """
    batas = _batas_bawah()
    posisi = bisect_right(batas, nilai)
    if posisi == 0:
        raise NilaiDiBawahBatasKelas(nilai, batas[0])
    return tabel_kelas()[posisi - 1].kelas


def _periksa_tingkat(jenis: str, tingkat: Mapping[str, str]) -> dict[str, TingkatFaktor]:
    faktor = {f.kode: f for f in faktor_evaluasi(jenis)}
    tidak_dikenal = [k for k in tingkat if k not in faktor]
    if tidak_dikenal:
        raise FaktorTidakDikenal(jenis, tidak_dikenal)
    kurang = [k for k in faktor if k not in tingkat]
    if kurang:
        raise FaktorTidakLengkap(jenis, kurang)
    hasil = {}
    for kode, f in faktor.items():
        t = f.cari(tingkat[kode])
        if t is None:
            raise TingkatFaktorTidakDikenal(jenis, kode, tingkat[kode])
        hasil[kode] = t
    return hasil


def _naikkan_f6(f6: TingkatFaktor, situasi_khusus: int, p: Pengaturan) -> TingkatFaktor:
    # Situasi khusus (GSSG, [US] only): one extra F6 level when enough situations apply.
    if not p.f6_situasi_khusus or situasi_khusus < p.f6_situasi_minimal:
        return f6
    if f6.kode not in p.f6_tingkat_berlaku:
        return f6
    tingkat = next(f for f in faktor_evaluasi("struktural") if f.kode == "F6").tingkat
    posisi = [t.kode for t in tingkat].index(f6.kode)
    return tingkat[min(posisi + 1, len(tingkat) - 1)]


def evaluasi_jabatan(
    jenis: str,
    tingkat: Mapping[str, str],
    *,
    situasi_khusus: int = 0,
    pengaturan: Pengaturan | None = None,
) -> HasilEvaluasi:
    """Points per factor, nilai jabatan and kelas for one position.

    ``situasi_khusus`` is the number of the 8 special situations of F6 that apply (struktural
    only); it counts only when the setting ``f6_situasi_khusus`` is on (off by default, [US]).
    """
    p = atau_bawaan(pengaturan)
    dipilih = _periksa_tingkat(jenis, tingkat)
    if jenis == "struktural":
        dipilih["F6"] = _naikkan_f6(dipilih["F6"], situasi_khusus, p)
    rincian = tuple(RincianFaktor(k, t.kode, t.nilai) for k, t in dipilih.items())
    nilai = sum(r.nilai for r in rincian)
    kelas = kelas_jabatan(nilai)
    batas = tabel_kelas()[kelas - 1]
    return HasilEvaluasi(jenis, rincian, nilai, kelas, batas.batas_bawah, batas.batas_atas)


def nilai_jabatan(
    jenis: str,
    tingkat: Mapping[str, str],
    *,
    situasi_khusus: int = 0,
    pengaturan: Pengaturan | None = None,
) -> int:
    """Nilai jabatan: sum of the points of the chosen level of every factor.

    ``jenis`` is ``"struktural"`` (F1 F2 F3 F4A F4B F5 F6) or ``"fungsional"`` (F1…F9); ``tingkat``
    maps each factor to a level code such as ``"5-4"`` or ``"4A-3"``.
    """
    return evaluasi_jabatan(
        jenis, tingkat, situasi_khusus=situasi_khusus, pengaturan=pengaturan
    ).nilai


def rentang_nilai(jenis: str) -> tuple[int, int]:
    """Lowest and highest possible nilai jabatan of a family (evaluasi-jabatan.md [D])."""
    faktor = faktor_evaluasi(jenis)
    return (
        sum(min(t.nilai for t in f.tingkat) for f in faktor),
        sum(max(t.nilai for t in f.tingkat) for f in faktor),
    )


def periksa_kelas_atasan(kelas_atasan: int, kelas_jf_bawahan: Iterable[int]) -> None:
    """A struktural post's kelas must not be below the highest kelas of the JF it directs.

    Kemendagri's example (evaluasi-jabatan.md §5, S17, [C1]): a Kepala Seksi directing a JF at
    kelas 10 must be raised to at least 10. Equal kelas is allowed.
    """
    tertinggi = max(kelas_jf_bawahan, default=None)
    if tertinggi is not None and kelas_atasan < tertinggi:
        raise KelasAtasanDiBawahBawahan(kelas_atasan, tertinggi)
