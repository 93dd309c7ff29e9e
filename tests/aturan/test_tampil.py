"""The one formatter of numbers and dates (ramping.aturan.tampil): worked examples in
Indonesian and English, the typographic minus, None, large values, rounding, dates."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from ramping.aturan import tampil

ANGKA = [
    # nilai, Indonesian, English
    (0, "0", "0"),
    (7, "7", "7"),
    (999, "999", "999"),
    (1000, "1.000", "1,000"),
    (1250, "1.250", "1,250"),
    (-1250, "−1.250", "−1,250"),
    (12_500_000, "12.500.000", "12,500,000"),
    (10**15, "1.000.000.000.000.000", "1,000,000,000,000,000"),
    (Decimal("1380.30"), "1.380,30", "1,380.30"),
    (Decimal("1250.00"), "1.250,00", "1,250.00"),
    (Decimal("1250"), "1.250", "1,250"),
    (Decimal("0.25"), "0,25", "0.25"),
    (Decimal("-0.5"), "−0,5", "−0.5"),
    (Decimal("-3"), "−3", "−3"),
    (Decimal("-0.00"), "0,00", "0.00"),
    (Decimal("9999999999.99"), "9.999.999.999,99", "9,999,999,999.99"),
    (Decimal("1E+3"), "1.000", "1,000"),
    (1250.5, "1.250,5", "1,250.5"),
    ("1250", "1.250", "1,250"),
    (None, "–", "–"),
    ("", "–", "–"),
    ("bukan angka", "bukan angka", "bukan angka"),
]


@pytest.mark.parametrize("nilai, indonesia, inggris", ANGKA)
def test_angka_dua_bahasa(nilai, indonesia, inggris):
    assert tampil.angka(nilai) == indonesia
    assert tampil.angka(nilai, bahasa="id") == indonesia
    assert tampil.angka(nilai, bahasa="en") == inggris
    assert tampil.angka(nilai, bahasa="en-us") == inggris


@pytest.mark.parametrize(
    "nilai, harapan",
    [
        (Decimal("1250.00"), "1.250"),
        (Decimal("2.50"), "2,5"),
        (Decimal("99999999.9999"), "99.999.999,9999"),
        (Decimal("-1500.10"), "−1.500,1"),
        (Decimal("0.000"), "0"),
    ],
)
def test_ringkas(nilai, harapan):
    assert tampil.angka(nilai, ringkas=True) == harapan


@pytest.mark.parametrize(
    "nilai, desimal, harapan",
    [
        (Decimal("1250.5"), 2, "1.250,50"),
        (Decimal("106.00"), 0, "106"),
        (Decimal("0.125"), 2, "0,13"),  # half up, the rules' one rounding (aturan.bulatkan)
        (Decimal("-0.125"), 2, "−0,13"),
        (1250, 2, "1.250,00"),
        (1250, 0, "1.250"),
        (12.25, 1, "12,3"),  # a float (seconds in the CLI) through its shortest repr
        (None, 2, "–"),
    ],
)
def test_dokumen_membulatkan_lalu_menulis(nilai, desimal, harapan):
    from ramping.laporan.format import angka

    assert angka(nilai, desimal) == harapan


@pytest.mark.parametrize(
    "nilai, indonesia, inggris",
    [(None, "–", "–"), (2, "+2", "+2"), (-1500, "−1.500", "−1,500"), (0, "0", "0")],
)
def test_selisih(nilai, indonesia, inggris):
    assert tampil.selisih(nilai) == indonesia
    assert tampil.selisih(nilai, bahasa="en") == inggris


@pytest.mark.parametrize(
    "nilai, indonesia, inggris",
    [
        (date(2026, 11, 30), "30 November 2026", "30 November 2026"),
        (date(2027, 1, 5), "5 Januari 2027", "5 January 2027"),
        (date(2026, 8, 17), "17 Agustus 2026", "17 August 2026"),
        (datetime(2026, 5, 1, 23, 59), "1 Mei 2026", "1 May 2026"),
        (None, "–", "–"),
    ],
)
def test_tanggal(nilai, indonesia, inggris):
    assert tampil.tanggal(nilai) == indonesia
    assert tampil.tanggal(nilai, bahasa="en") == inggris


def test_dokumen_dan_halaman_memakai_formatter_yang_sama():
    """laporan.format (documents) and web.angka (pages) give the core's output."""
    from django.utils import translation

    from ramping.laporan import format as fmt_dokumen
    from ramping.web.angka import format_angka, pemformat_angka

    for nilai, indonesia, inggris in ANGKA:
        if nilai is None or nilai == "" or isinstance(nilai, str):
            continue
        with translation.override("id"):
            assert format_angka(nilai) == indonesia
            assert pemformat_angka()(nilai) == indonesia
        with translation.override("en"):
            assert format_angka(nilai) == inggris
            assert pemformat_angka()(nilai) == inggris
    assert fmt_dokumen.angka(Decimal("1250.5"), 2) == "1.250,50"
    assert fmt_dokumen.angka(-3) == "−3"
    assert fmt_dokumen.tanggal(date(2026, 11, 30)) == "30 November 2026"


@pytest.mark.parametrize(
    "nilai, indonesia, inggris",
    [
        (datetime(2026, 11, 11, 9, 0), "11 November 2026 pukul 09.00", "11 November 2026 at 09:00"),
        (datetime(2026, 8, 17, 23, 59, 59), "17 Agustus 2026 pukul 23.59",
         "17 August 2026 at 23:59"),
        (datetime(2027, 1, 5, 0, 5), "5 Januari 2027 pukul 00.05", "5 January 2027 at 00:05"),
        (date(2026, 5, 1), "1 Mei 2026", "1 May 2026"),  # a date stays a date
        (None, "–", "–"),
    ],
)  # fmt: skip
def test_tanggal_waktu(nilai, indonesia, inggris):
    assert tampil.tanggal_waktu(nilai) == indonesia
    assert tampil.tanggal_waktu(nilai, bahasa="id") == indonesia
    assert tampil.tanggal_waktu(nilai, bahasa="en-gb") == inggris


@pytest.mark.parametrize(
    "nilai, indonesia, inggris",
    [
        (time(9, 0), "09.00", "09:00"),
        (datetime(2026, 11, 11, 13, 7), "13.07", "13:07"),
        (time(0, 0), "00.00", "00:00"),
        (None, "–", "–"),
    ],
)
def test_jam(nilai, indonesia, inggris):
    assert tampil.jam(nilai) == indonesia
    assert tampil.jam(nilai, bahasa="en") == inggris
