"""Income before and after penyetaraan (PermenPAN-RB 17/2021 R17-10/R17-11).

Monthly income compared here = tunjangan jabatan (struktural, per eselon) or tunjangan fungsional
(per JF and jenjang) + TPP per kelas. Gaji pokok is left out: it follows the golongan, which
penyetaraan does not change (R17-02). The amounts are the caller's (Perpres and Perkada of the
agency); ``data/tunjangan_contoh.toml`` is example data only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .angka import EKSAK
from .data import Sumber, baca_toml, sumber_dari
from .errors import TunjanganTidakDitemukan
from .pengaturan import Pengaturan, atau_bawaan


@dataclass(frozen=True, slots=True)
class TabelTunjangan:
    """Allowance amounts per month, supplied by the caller.

    ``tunjangan_fungsional`` is keyed by ``(nama_jf, jenjang)`` or by ``jenjang`` alone (the
    fallback for every JF). ``tpp_per_kelas`` is keyed by kelas jabatan.
    """

    tunjangan_jabatan: Mapping[str, Decimal]
    tunjangan_fungsional: Mapping[tuple[str, str] | str, Decimal]
    tpp_per_kelas: Mapping[int, Decimal]
    sumber: Sumber = field(default_factory=lambda: Sumber("", "pengguna", "", False))


@dataclass(frozen=True, slots=True)
class PerbandinganPenghasilan:
    lama: Decimal  # tunjangan jabatan + TPP of the old post
    baru: Decimal  # tunjangan fungsional + TPP of the JF post
    selisih: Decimal  # baru − lama
    dijamin: Decimal  # amount paid on top so income does not fall (0 when not needed)
    diterima: Decimal  # baru + dijamin


def tabel_tunjangan_contoh() -> TabelTunjangan:
    """EXAMPLE allowance table (round illustrative amounts, verified=False)."""
    data = baca_toml("tunjangan_contoh.toml")
    return TabelTunjangan(
        {k: Decimal(v) for k, v in data["tunjangan_jabatan"].items()},
        {k: Decimal(v) for k, v in data["tunjangan_fungsional"].items()},
        {int(k): Decimal(v) for k, v in data["tpp_per_kelas"].items()},
        sumber_dari(data["meta"]),
    )


def _ambil(tabel: Mapping[object, Decimal], kunci: object, jenis: str) -> Decimal:
    try:
        return tabel[kunci]
    except KeyError:
        raise TunjanganTidakDitemukan(jenis, kunci) from None


def bandingkan_penghasilan(
    *,
    eselon_lama: str,
    kelas_lama: int,
    jf: str,
    jenjang_baru: str,
    kelas_baru: int,
    tabel: TabelTunjangan,
    pengaturan: Pengaturan | None = None,
) -> PerbandinganPenghasilan:
    """Old vs new monthly income and the guaranteed difference.

    When the setting ``penghasilan_dijamin`` is on (R17-10 [B]; mechanism R17-11 [C]) a drop in
    income is paid as a supplement (``dijamin``) so the official receives at least the old amount.
    """
    p = atau_bawaan(pengaturan)
    lama = EKSAK.add(
        _ambil(tabel.tunjangan_jabatan, eselon_lama, "tunjangan jabatan"),
        _ambil(tabel.tpp_per_kelas, kelas_lama, "TPP kelas"),
    )
    fungsional = tabel.tunjangan_fungsional
    kunci_jf: tuple[str, str] | str = (jf, jenjang_baru)
    if kunci_jf not in fungsional:
        kunci_jf = jenjang_baru
    baru = EKSAK.add(
        _ambil(fungsional, kunci_jf, "tunjangan fungsional"),
        _ambil(tabel.tpp_per_kelas, kelas_baru, "TPP kelas"),
    )
    selisih = EKSAK.subtract(baru, lama)
    dijamin = -selisih if (p.penghasilan_dijamin and selisih < 0) else Decimal(0)
    return PerbandinganPenghasilan(lama, baru, selisih, dijamin, EKSAK.add(baru, dijamin))
