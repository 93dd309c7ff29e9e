"""The one rounding helper: ties at several places go up (MODE_TAMPIL), not to even."""

from decimal import Decimal as D

import pytest

from ramping.aturan import (
    MODE_TAMPIL,
    bulatkan,
    bulatkan_beban,
    bulatkan_kebutuhan_desimal,
    efektivitas_jabatan,
)
from ramping.aturan.errors import ModePembulatanTidakDikenal, TipeAngkaTidakDidukung


@pytest.mark.parametrize(
    ("nilai", "tempat", "hasil"),
    [
        (D("0.5"), 0, D("1")),
        (D("1.5"), 0, D("2")),
        (D("2.5"), 0, D("3")),  # half even would give 2
        (D("0.05"), 1, D("0.1")),
        (D("0.125"), 2, D("0.13")),  # half even would give 0.12
        (D("0.135"), 2, D("0.14")),
        (D("0.895"), 2, D("0.90")),  # EJ on the PJ B/C border (anjab-abk.md §2)
        (D("0.76805"), 4, D("0.7681")),
        (D("0.76815"), 4, D("0.7682")),
        (D("1000.005"), 2, D("1000.01")),
        (D("0.124999"), 2, D("0.12")),
        (D("-0.125"), 2, D("-0.13")),  # away from zero, symmetric
        (7, 2, D("7.00")),
    ],
)
def test_pembulatan_tampil_setengah_ke_atas(nilai, tempat, hasil):
    assert MODE_TAMPIL == "half_up"
    assert bulatkan(nilai, tempat) == hasil
    assert str(bulatkan(nilai, tempat)) == str(hasil)  # same digits, not only same value


@pytest.mark.parametrize(
    ("nilai", "hasil"), [(D("0.125"), D("0.13")), (D("959.995"), D("960.00")), (0, D("0.00"))]
)
def test_beban_dua_desimal(nilai, hasil):
    assert str(bulatkan_beban(nilai)) == str(hasil)


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [(D("0.00005"), D("0.0001")), (D("0.76805"), D("0.7681")), (D("1.00045"), D("1.0005"))],
)
def test_kebutuhan_empat_desimal(nilai, hasil):
    assert str(bulatkan_kebutuhan_desimal(nilai)) == str(hasil)


def test_ceil_tetap_tersedia_untuk_pembulatan_orang():
    assert bulatkan(D("0.01"), 0, "ceil") == 1


def test_ej_memakai_mode_yang_sama():
    # 1 118,75 h / 1 250 h = 0.895 → 0.90 (half up), not 0.90 by luck of half even (0.89|5).
    assert efektivitas_jabatan(D("1118.75"), 1)[0] == bulatkan(D("0.895"), 2)


def test_mode_dan_tipe_tidak_dikenal_ditolak():
    with pytest.raises(ModePembulatanTidakDikenal):
        bulatkan(D(1), 0, "half_even")
    with pytest.raises(TipeAngkaTidakDidukung):
        bulatkan(0.125, 2)  # type: ignore[arg-type]
