from datetime import date, datetime
from decimal import Decimal

import pytest

from ramping.impor import nilai as n


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        ("1.250,5", "1250.5"),
        ("1250.5", "1250.5"),
        ("1,5", "1.5"),
        ("1,250.75", "1250.75"),
        (" 240 ", "240"),
        (12, "12"),
        (12.5, "12.5"),
        (0.1, "0.1"),
        ("1.234.567,25", "1234567.25"),
        ("-3", "-3"),
    ],
)
def test_angka_indonesia_dan_inggris(masuk, keluar):
    assert n.angka(masuk) == Decimal(keluar)


@pytest.mark.parametrize("masuk", ["dua", "1,2,3", "", None, "12a", True])
def test_teks_di_sel_angka_ditolak(masuk):
    with pytest.raises(n.NilaiTidakValid):
        n.angka(masuk)


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        ("30-11-2026", date(2026, 11, 30)),
        ("30/11/2026", date(2026, 11, 30)),
        ("2026-11-30", date(2026, 11, 30)),
        ("30 November 2026", date(2026, 11, 30)),
        ("30 Nop 2026", date(2026, 11, 30)),
        ("1 Agt 1990", date(1990, 8, 1)),
        ("5 Mei 2001", date(2001, 5, 5)),
        (datetime(2020, 1, 2, 0, 0), date(2020, 1, 2)),
    ],
)
def test_tanggal_dalam_bentuk_yang_lazim(masuk, keluar):
    assert n.tanggal(masuk) == keluar


@pytest.mark.parametrize("masuk", ["31-02-2020", "kemarin", "30 Novembre 2026", "2026/30/11"])
def test_tanggal_tidak_sah_ditolak(masuk):
    with pytest.raises(n.NilaiTidakValid):
        n.tanggal(masuk)


@pytest.mark.parametrize(
    ("masuk", "status", "keluar"),
    [
        ("III/b", "PNS", "III/b"),
        ("iii/B", "PNS", "III/b"),
        ("3b", "PNS", "III/b"),
        ("Penata Muda Tk. I (III/b)", "PNS", "III/b"),
        ("IV/e", "PNS", "IV/e"),
        ("IX", "PPPK", "IX"),
        ("9", "PPPK", "IX"),
    ],
)
def test_golongan(masuk, status, keluar):
    assert n.golongan(masuk, status) == keluar


@pytest.mark.parametrize(("masuk", "status"), [("III/f", "PNS"), ("V/a", "PNS"), ("XX", "PPPK")])
def test_golongan_tidak_dikenal(masuk, status):
    with pytest.raises(n.NilaiTidakValid):
        n.golongan(masuk, status)


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        ("S1", "S-1"),
        ("S-1", "S-1"),
        ("Sarjana", "S-1"),
        ("D3", "D-III"),
        ("D-III", "D-III"),
        ("SMA", "SLTA"),
        ("SMK", "SLTA"),
        ("S2", "S-2"),
        ("D IV", "D-IV"),
    ],
)
def test_pendidikan(masuk, keluar):
    assert n.pendidikan(masuk) == keluar
