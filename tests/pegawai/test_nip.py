from datetime import date

import pytest

from ramping.pegawai.nip import NipTidakValid, urai_nip

HARI_INI = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("nip", "status", "lahir", "tmt_tahun", "tmt_bulan", "kelamin", "urut"),
    [
        ("198609262015051001", "PNS", date(1986, 9, 26), 2015, 5, "L", 1),
        ("196804111993032009", "PNS", date(1968, 4, 11), 1993, 3, "P", 9),
        ("19960818 202204 1 001", "PNS", date(1996, 8, 18), 2022, 4, "L", 1),
        ("200002292024011123", "PNS", date(2000, 2, 29), 2024, 1, "L", 123),  # leap day
        ("198503122023212019", "PPPK", date(1985, 3, 12), 2023, None, "P", 19),
        ("199001012019211001", "PPPK", date(1990, 1, 1), 2019, None, "L", 1),
    ],
)
def test_nip_valid_diurai_menjadi_bagiannya(
    nip, status, lahir, tmt_tahun, tmt_bulan, kelamin, urut
):
    isi = urai_nip(nip, status_asn=status, hari_ini=HARI_INI)
    assert (isi.tanggal_lahir, isi.tmt_tahun, isi.tmt_bulan) == (lahir, tmt_tahun, tmt_bulan)
    assert (isi.jenis_kelamin, isi.nomor_urut) == (kelamin, urut)


@pytest.mark.parametrize(
    ("nip", "status", "pesan"),
    [
        ("19860926201505100", "PNS", "18 angka"),  # 17 digits
        ("1986092620150510011", "PNS", "18 angka"),  # 19 digits
        ("19860926201505100A", "PNS", "18 angka"),
        ("198602302015051001", "PNS", "Tanggal lahir"),  # 30 February
        ("198613262015051001", "PNS", "Tanggal lahir"),  # month 13
        ("193512012015051001", "PNS", "tidak masuk akal"),  # born 1935
        ("202801012015051001", "PNS", "tidak masuk akal"),  # born in the future
        ("198609262015131001", "PNS", "Bulan TMT CPNS"),  # TMT month 13
        ("198609262015001001", "PNS", "Bulan TMT CPNS"),  # TMT month 00
        ("198609262027011001", "PNS", "masa depan"),  # TMT after today
        ("200001012015011001", "PNS", "sebelum berusia 18"),  # CPNS at 15
        ("198609262015053001", "PNS", "jenis kelamin"),  # gender digit 3
        ("198609262015051000", "PNS", "000"),
        ("198503122018212019", "PPPK", "Tahun pengangkatan PPPK"),  # before 2019
        ("198503122023212019", "PNS", "Bulan TMT CPNS"),  # a PPPK NIP checked as PNS
    ],
)
def test_nip_tidak_valid_ditolak_dengan_alasan(nip, status, pesan):
    with pytest.raises(NipTidakValid) as err:
        urai_nip(nip, status_asn=status, hari_ini=HARI_INI)
    assert pesan in err.value.pesan
