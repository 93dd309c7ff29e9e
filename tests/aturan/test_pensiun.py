"""BUP (PP 11/2017 Pasal 239-240) and the pension date rule (a setting)."""

from datetime import date

import pytest

from ramping.aturan import Pengaturan, batas_usia_pensiun, tahun_pensiun, tanggal_pensiun
from ramping.aturan.errors import (
    AturanTanggalPensiunTidakDikenal,
    JenisJabatanTidakDikenal,
    JenjangTidakDikenal,
    JenjangWajibUntukFungsional,
    VersiBUPTidakDikenal,
)


@pytest.mark.parametrize(
    ("jenis", "jenjang", "jf", "bup"),
    [
        ("jpt_utama", None, None, 60),
        ("jpt_madya", None, None, 60),
        ("jpt_pratama", None, None, 60),
        ("administrator", None, None, 58),
        ("pengawas", None, None, 58),
        ("pelaksana", None, None, 58),
        ("fungsional", "ahli_utama", None, 65),
        ("fungsional", "ahli_madya", None, 60),
        ("fungsional", "ahli_muda", None, 58),
        ("fungsional", "ahli_pertama", None, 58),
        ("fungsional", "penyelia", None, 58),
        ("fungsional", "mahir", None, 58),
        ("fungsional", "terampil", None, 58),
        ("fungsional", "pemula", None, 58),
        ("fungsional", "ahli_pertama", "Guru", 60),  # UU 14/2005 via Pasal 240
        ("fungsional", "ahli_utama", "Guru", 60),
        ("fungsional", "ahli_utama", "Peneliti", 70),
        ("fungsional", "ahli_madya", "Peneliti", 60),
        ("fungsional", "ahli_madya", "Analis Kebijakan", 60),
    ],
)
def test_batas_usia_pensiun_per_jenis_jenjang_dan_jf(jenis, jenjang, jf, bup):
    assert batas_usia_pensiun(jenis, jenjang, jf) == bup


def test_bup_dapat_ditimpa_per_instansi():
    p = Pengaturan(bup_tambahan={"administrator": 60, "jf:Arsiparis:ahli_muda": 59})
    assert batas_usia_pensiun("administrator", pengaturan=p) == 60
    assert batas_usia_pensiun("fungsional", "ahli_muda", "Arsiparis", pengaturan=p) == 59
    assert batas_usia_pensiun("pengawas", pengaturan=p) == 58


def test_versi_bup_uu_20_2023_dapat_dipilih():
    p = Pengaturan(bup_versi="UU 20/2023")
    assert batas_usia_pensiun("jpt_pratama", pengaturan=p) == 60


@pytest.mark.parametrize(
    ("argumen", "galat"),
    [
        (("fungsional",), JenjangWajibUntukFungsional),
        (("kepala_dinas",), JenisJabatanTidakDikenal),
        (("fungsional", "ahli_super"), JenjangTidakDikenal),
    ],
)
def test_masukan_bup_tidak_sah_ditolak(argumen, galat):
    with pytest.raises(galat):
        batas_usia_pensiun(*argumen)


def test_versi_bup_tidak_dikenal_ditolak():
    with pytest.raises(VersiBUPTidakDikenal):
        batas_usia_pensiun("pengawas", pengaturan=Pengaturan(bup_versi="PP 99/2030"))


@pytest.mark.parametrize(
    ("aturan", "lahir", "bup", "tanggal"),
    [
        ("awal_bulan_berikutnya", date(1967, 5, 14), 58, date(2025, 6, 1)),
        ("awal_bulan_berikutnya", date(1967, 12, 31), 58, date(2026, 1, 1)),
        ("awal_bulan_berikutnya", date(1964, 2, 29), 61, date(2025, 3, 1)),
        ("ulang_tahun", date(1967, 5, 14), 58, date(2025, 5, 14)),
        ("ulang_tahun", date(1964, 2, 29), 61, date(2025, 2, 28)),
        ("akhir_bulan", date(1967, 5, 14), 58, date(2025, 5, 31)),
    ],
)
def test_tanggal_pensiun_menurut_aturan_yang_dipilih(aturan, lahir, bup, tanggal):
    p = Pengaturan(aturan_tanggal_pensiun=aturan)
    assert tanggal_pensiun(lahir, bup, pengaturan=p) == tanggal


def test_aturan_tanggal_bawaan_awal_bulan_berikutnya():
    assert tanggal_pensiun(date(1967, 5, 14), 58) == date(2025, 6, 1)
    assert tahun_pensiun(date(1967, 12, 31), 58) == 2026


def test_aturan_tanggal_tidak_dikenal_ditolak():
    with pytest.raises(AturanTanggalPensiunTidakDikenal):
        tanggal_pensiun(date(1967, 5, 14), 58, pengaturan=Pengaturan(aturan_tanggal_pensiun="x"))
