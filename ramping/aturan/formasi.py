"""Five-year staffing projection per position (Peraturan BKN 9/2022; anjab-abk.md §5.2).

For year t = 1..T: ``B_t = B_0 − Σ_{s≤t} keluar_s + Σ_{s<t} rekrut_s`` and
``rekrut_t = max(0, K − B_t)``; the gap is ``selisih_t = B_t − K`` (negative = kekurangan).
Departures are PNS reaching BUP plus PPPK contracts ending, per year.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .errors import KeluarMelebihiTahunProyeksi, NilaiHarusPositif, NilaiNegatif

TAHUN_PROYEKSI = 5  # UU 5/2014 Pasal 56; PP 11/2017 Pasal 5: plan for 5 years, per year


@dataclass(frozen=True, slots=True)
class ProyeksiTahun:
    """One year of the projection of one position."""

    tahun: int  # 1 = the year after the stock date (31 December)
    b_awal: int  # staff at the start of the year, after last year's hires
    keluar: int  # BUP + PPPK contracts ending in this year
    b: int  # staff after this year's departures, before hiring
    k: int  # kebutuhan (rounded ABK result)
    selisih: int  # B − K: negative = shortage, positive = excess
    rekrut: int  # hires proposed for this year


def proyeksi_kebutuhan(
    b: int,
    k: int,
    keluar_per_tahun: Sequence[int],
    tahun: int = TAHUN_PROYEKSI,
    *,
    dengan_rekrutmen: bool = True,
) -> list[ProyeksiTahun]:
    """Per-year B, gap and hires for one position.

    ``keluar_per_tahun`` lists departures for years 1, 2, …; a shorter list means no departures
    in the remaining years. With ``dengan_rekrutmen=False`` nobody is hired (a pure projection of
    the gap), as in the "no hires" form of anjab-abk.md §5.2.
    """
    if tahun < 1:
        raise NilaiHarusPositif("Masa proyeksi (tahun)", tahun)
    for nama, nilai in (("Bezetting (B)", b), ("Kebutuhan (K)", k)):
        if nilai < 0:
            raise NilaiNegatif(nama, nilai)
    if len(keluar_per_tahun) > tahun:
        raise KeluarMelebihiTahunProyeksi(len(keluar_per_tahun), tahun)
    if any(x < 0 for x in keluar_per_tahun):
        raise NilaiNegatif("Pegawai keluar", min(keluar_per_tahun))
    keluar = [*keluar_per_tahun, *([0] * (tahun - len(keluar_per_tahun)))]

    hasil = []
    stok = b
    for t, pergi in enumerate(keluar, start=1):
        # More departures than staff cannot happen; stock stays at zero.
        sisa = max(0, stok - pergi)
        rekrut = max(0, k - sisa) if dengan_rekrutmen else 0
        hasil.append(ProyeksiTahun(t, stok, pergi, sisa, k, sisa - k, rekrut))
        stok = sisa + rekrut
    return hasil
