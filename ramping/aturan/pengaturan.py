"""Settings for the rules whose source is uncertain (rounding, WKE, EJ bands, F6, BUP, teams…).

Defaults are not constants in code: they are read from ``data/pengaturan.toml``, where each value
sits next to its legal basis, source, confidence mark and ``verified`` flag (storage rule of the
reference README). :func:`keterangan_pengaturan` returns that metadata; the Django app uses the same
file to seed per-agency settings. Pass ``Pengaturan(...)`` (or ``PENGATURAN_BAWAAN.ganti(...)``) as
the ``pengaturan=`` keyword of any rule function to override.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .data import Sumber, baca_toml, sumber_dari
from .errors import PengaturanTidakValid

BERKAS = "pengaturan.toml"


@dataclass(frozen=True, slots=True)
class PitaEJ:
    """One EJ/PJ band: EJ above (``inklusif=False``) or at least (``True``) ``batas`` → ``kode``."""

    kode: str
    batas: Decimal
    inklusif: bool
    label: str


def _pita(nilai: list[dict[str, Any]]) -> tuple[PitaEJ, ...]:
    return tuple(
        PitaEJ(p["kode"], Decimal(p["batas"]), bool(p["inklusif"]), p["label"]) for p in nilai
    )


def _opsional_str(nilai: str) -> str | None:
    return nilai or None


def _opsional_int(nilai: int) -> int | None:
    # TOML has no null: 0 means "no limit".
    return nilai or None


# How each TOML value becomes the Python value of the field.
_KONVERSI: dict[str, Callable[[Any], Any]] = {
    "wke_jam": Decimal,
    "batas_k_wajar": Decimal,
    "pita_ej": _pita,
    "f6_tingkat_berlaku": tuple,
    "bup_tambahan": dict,
    "ketua_tim_jenis": tuple,
    "ketua_tim_jenjang_minimal": _opsional_str,
    "maks_tim_per_orang": _opsional_int,
    "atribut_pengecualian": tuple,
    "eselon_level_1": tuple,
    "eselon_level_2": tuple,
}


def _bawaan(nama: str) -> Callable[[], Any]:
    def buat() -> Any:
        nilai = baca_toml(BERKAS)[nama]["nilai"]
        return _KONVERSI.get(nama, lambda x: x)(nilai)

    return buat


@dataclass(frozen=True, slots=True)
class Pengaturan:
    """All tunable rules; see data/pengaturan.toml for the basis and confidence of each default."""

    # ABK (PermenPAN-RB 1/2020)
    wke_jam: Decimal = field(default_factory=_bawaan("wke_jam"))
    mode_pembulatan: str = field(default_factory=_bawaan("mode_pembulatan"))
    minimal_satu: bool = field(default_factory=_bawaan("minimal_satu"))
    desimal_ej: int = field(default_factory=_bawaan("desimal_ej"))
    pita_ej: tuple[PitaEJ, ...] = field(default_factory=_bawaan("pita_ej"))
    # Impor ABK: volumes per day/week (Kepmenpan 75/2004) → per year; plausibility ceiling of K
    hari_kerja_tahun: int = field(default_factory=_bawaan("hari_kerja_tahun"))
    minggu_kerja_tahun: int = field(default_factory=_bawaan("minggu_kerja_tahun"))
    batas_k_wajar: Decimal = field(default_factory=_bawaan("batas_k_wajar"))
    # Evaluasi jabatan (PermenPAN-RB 34/2011), F6 situasi khusus
    f6_situasi_khusus: bool = field(default_factory=_bawaan("f6_situasi_khusus"))
    f6_situasi_minimal: int = field(default_factory=_bawaan("f6_situasi_minimal"))
    f6_tingkat_berlaku: tuple[str, ...] = field(default_factory=_bawaan("f6_tingkat_berlaku"))
    # BUP (PP 11/2017; UU 20/2023 unverified)
    bup_versi: str = field(default_factory=_bawaan("bup_versi"))
    bup_tambahan: Mapping[str, int] = field(default_factory=_bawaan("bup_tambahan"))
    aturan_tanggal_pensiun: str = field(default_factory=_bawaan("aturan_tanggal_pensiun"))
    # Penyetaraan (PermenPAN-RB 17/2021)
    penghasilan_dijamin: bool = field(default_factory=_bawaan("penghasilan_dijamin"))
    # Sistem kerja (PermenPAN-RB 7/2022)
    ketua_tim_jenis: tuple[str, ...] = field(default_factory=_bawaan("ketua_tim_jenis"))
    ketua_tim_jenjang_minimal: str | None = field(
        default_factory=_bawaan("ketua_tim_jenjang_minimal")
    )
    maks_tim_per_orang: int | None = field(default_factory=_bawaan("maks_tim_per_orang"))
    # Struktur (PermenPAN-RB 25/2021)
    atribut_pengecualian: tuple[str, ...] = field(default_factory=_bawaan("atribut_pengecualian"))
    pengecualian_diwariskan: bool = field(default_factory=_bawaan("pengecualian_diwariskan"))
    eselon_level_1: tuple[str, ...] = field(default_factory=_bawaan("eselon_level_1"))
    eselon_level_2: tuple[str, ...] = field(default_factory=_bawaan("eselon_level_2"))
    rentang_kendali_minimal: int = field(default_factory=_bawaan("rentang_kendali_minimal"))
    rentang_kendali_maksimal: int = field(default_factory=_bawaan("rentang_kendali_maksimal"))
    # Nomenklatur (PermenPAN-RB 45/2022)
    batas_skor_nomenklatur: int = field(default_factory=_bawaan("batas_skor_nomenklatur"))

    def __post_init__(self) -> None:
        if self.wke_jam <= 0:
            raise PengaturanTidakValid("wke_jam", self.wke_jam, "harus lebih besar dari nol")
        if not 0 < self.minggu_kerja_tahun <= 53 or not 0 < self.hari_kerja_tahun <= 366:
            raise PengaturanTidakValid(
                "hari_kerja_tahun", self.hari_kerja_tahun, "hari 1–366, minggu 1–53"
            )
        if self.mode_pembulatan not in ("half_up", "ceil"):
            raise PengaturanTidakValid("mode_pembulatan", self.mode_pembulatan, "half_up/ceil")
        if self.rentang_kendali_minimal > self.rentang_kendali_maksimal:
            raise PengaturanTidakValid(
                "rentang_kendali_minimal", self.rentang_kendali_minimal, "melebihi maksimal"
            )

    def ganti(self, **perubahan: Any) -> Pengaturan:
        """Copy with some settings changed."""
        return dataclasses.replace(self, **perubahan)


PENGATURAN_BAWAAN = Pengaturan()


def atau_bawaan(pengaturan: Pengaturan | None) -> Pengaturan:
    """The given settings, or the defaults."""
    return PENGATURAN_BAWAAN if pengaturan is None else pengaturan


def keterangan_pengaturan(nama: str | None = None) -> dict[str, Sumber]:
    """Legal basis, source, confidence and ``verified`` flag of each setting's default."""
    data = baca_toml(BERKAS)
    nama_field = [f.name for f in dataclasses.fields(Pengaturan)]
    pilihan = nama_field if nama is None else [nama]
    return {n: sumber_dari(data[n]) for n in pilihan}
