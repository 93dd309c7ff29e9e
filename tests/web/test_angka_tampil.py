"""The display formatter of numbers on pages (`ramping.web.angka.format_angka`, the `angka`
filter) is `ramping.aturan.tampil.angka` in the active language: the same output as Django's
number_format with grouping, in Indonesian and in English, for every kind of value the pages
pass, except that a negative carries the typographic minus (−) instead of a hyphen."""

from decimal import Decimal

import pytest
from django.utils import formats, translation

from ramping.web.angka import format_angka
from ramping.web.templatetags.ramping_web import angka, selisih

CONTOH = [
    (0, "0", "0"),
    (7, "7", "7"),
    (999, "999", "999"),
    (1000, "1.000", "1,000"),
    (1250, "1.250", "1,250"),
    (-1250, "−1.250", "−1,250"),
    (12_500_000, "12.500.000", "12,500,000"),
    (-999_999, "−999.999", "−999,999"),
    (10**15, "1.000.000.000.000.000", "1,000,000,000,000,000"),
    (Decimal("1250.50"), "1.250,50", "1,250.50"),
    (Decimal("0.25"), "0,25", "0.25"),
    (Decimal("-3"), "−3", "−3"),
    (1250.5, "1.250,5", "1,250.5"),
    ("1250", "1.250", "1,250"),
    ("17", "17", "17"),
]


@pytest.mark.parametrize("nilai, indonesia, inggris", CONTOH)
def test_sama_dengan_number_format_django(nilai, indonesia, inggris):
    for bahasa, harapan in (("id", indonesia), ("en", inggris)):
        with translation.override(bahasa):
            assert format_angka(nilai) == harapan
            django = formats.number_format(nilai, use_l10n=True, force_grouping=True)
            assert format_angka(nilai) == django.replace("-", "−")


@pytest.mark.parametrize(
    "nilai, teks_angka, teks_selisih",
    [(None, "–", "–"), ("", "–", ""), (2, "2", "+2"), (-1500, "−1.500", "−1.500"), (0, "0", "0")],
)
def test_filter_angka_dan_selisih(nilai, teks_angka, teks_selisih):
    with translation.override("id"):
        assert angka(nilai) == teks_angka
        if nilai != "":
            assert selisih(nilai) == teks_selisih


def test_bool_tidak_lewat_jalur_cepat():
    # True is an int to isinstance but not a count; Django writes "T.rue", the formatter 1.
    with translation.override("id"):
        assert format_angka(True) == "1"


@pytest.mark.parametrize("nilai, indonesia, inggris", CONTOH)
def test_pemformat_per_halaman_sama(nilai, indonesia, inggris):
    from ramping.web.angka import pemformat_angka

    for bahasa, harapan in (("id", indonesia), ("en", inggris)):
        with translation.override(bahasa):
            assert pemformat_angka()(nilai) == harapan
