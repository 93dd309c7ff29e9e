"""Batas usia pensiun (BUP) and the pension date (PP 11/2017 Pasal 239-240).

BUP by jenis jabatan and JF jenjang comes from ``data/bup.toml`` (version chosen by the setting
``bup_versi``; UU 20/2023 is unverified). A JF whose BUP is set by a law (Guru, Dosen, Peneliti and
Perekayasa Ahli Utama) overrides the jenjang value (Pasal 240). The date rule is a setting ([L]).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from .data import baca_toml
from .errors import (
    AturanTanggalPensiunTidakDikenal,
    JenisJabatanTidakDikenal,
    JenjangTidakDikenal,
    JenjangWajibUntukFungsional,
    VersiBUPTidakDikenal,
)
from .jabatan import JENIS_JABATAN, JENJANG_JF
from .pengaturan import Pengaturan, atau_bawaan

ATURAN_TANGGAL = ("awal_bulan_berikutnya", "ulang_tahun", "akhir_bulan")


def _versi(kode: str) -> dict[str, Any]:
    for versi in baca_toml("bup.toml")["versi"]:
        if versi["kode"] == kode:
            return versi
    raise VersiBUPTidakDikenal(kode)


def _override_jf(jf: str, jenjang: str | None) -> int | None:
    nama = jf.strip().casefold()
    for baris in baca_toml("bup.toml")["jf"]:
        if baris["nama_jf"].casefold() == nama and baris["jenjang"] in ("", jenjang):
            return int(baris["bup"])
    return None


def batas_usia_pensiun(
    jenis_jabatan: str,
    jenjang: str | None = None,
    jf: str | None = None,
    *,
    pengaturan: Pengaturan | None = None,
) -> int:
    """BUP in years for a position kind, JF jenjang and optional JF name.

    Order: per-agency override (setting ``bup_tambahan``), then a JF set by law (Pasal 240), then
    the jenjang (fungsional) or jenis table of the chosen version (Pasal 239).
    """
    p = atau_bawaan(pengaturan)
    if jenis_jabatan not in JENIS_JABATAN:
        raise JenisJabatanTidakDikenal(jenis_jabatan)
    if jenjang is not None and jenjang not in JENJANG_JF:
        raise JenjangTidakDikenal(jenjang)
    if jenis_jabatan == "fungsional" and jenjang is None:
        raise JenjangWajibUntukFungsional()
    kunci = [jenis_jabatan]
    if jenis_jabatan == "fungsional":
        kunci = [f"fungsional:{jenjang}"]
        if jf:
            kunci = [f"jf:{jf}:{jenjang}", f"jf:{jf}", *kunci]
    for k in kunci:
        if k in p.bup_tambahan:
            return int(p.bup_tambahan[k])
    versi = _versi(p.bup_versi)
    if jenis_jabatan == "fungsional":
        assert jenjang is not None
        if jf and (bup := _override_jf(jf, jenjang)) is not None:
            return bup
        return int(versi["jenjang"][jenjang])
    return int(versi["jenis"][jenis_jabatan])


def tambah_tahun(tanggal: date, tahun: int) -> date:
    """Same day ``tahun`` years later."""
    # 29 February + n years in a non-leap year falls on 28 February.
    try:
        return tanggal.replace(year=tanggal.year + tahun)
    except ValueError:
        return tanggal.replace(year=tanggal.year + tahun, day=28)


def tanggal_pensiun(tanggal_lahir: date, bup: int, *, pengaturan: Pengaturan | None = None) -> date:
    """Date the pension starts, by the setting ``aturan_tanggal_pensiun`` ([L]).

    ``awal_bulan_berikutnya`` (default): 1st of the month after the BUP birthday;
    ``ulang_tahun``: the BUP birthday itself; ``akhir_bulan``: last day of that month.
    """
    aturan = atau_bawaan(pengaturan).aturan_tanggal_pensiun
    ulang_tahun = tambah_tahun(tanggal_lahir, bup)
    if aturan == "ulang_tahun":
        return ulang_tahun
    hari_terakhir = calendar.monthrange(ulang_tahun.year, ulang_tahun.month)[1]
    akhir = ulang_tahun.replace(day=hari_terakhir)
    if aturan == "akhir_bulan":
        return akhir
    if aturan == "awal_bulan_berikutnya":
        return akhir + timedelta(days=1)
    raise AturanTanggalPensiunTidakDikenal(aturan)


def tahun_pensiun(tanggal_lahir: date, bup: int, *, pengaturan: Pengaturan | None = None) -> int:
    """Year in which the pension starts (for the 5-year departures count)."""
    return tanggal_pensiun(tanggal_lahir, bup, pengaturan=pengaturan).year
