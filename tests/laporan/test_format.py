from datetime import date
from decimal import Decimal

import pytest

from ramping.laporan import format as f


@pytest.mark.parametrize(
    ("nilai", "desimal", "teks"),
    [
        (Decimal("1250.5"), 2, "1.250,50"),
        (1250, 0, "1.250"),
        (-67, 0, "−67"),
        (Decimal("0.7680"), 4, "0,7680"),
        (None, 0, "–"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
    ],
)
def test_angka_dalam_format_indonesia(nilai, desimal, teks):
    assert f.angka(nilai, desimal) == teks


def test_selisih_bertanda_dan_tanggal_indonesia():
    assert [f.selisih(2), f.selisih(-3), f.selisih(0)] == ["+2", "−3", "0"]
    assert f.tanggal(date(2026, 11, 30)) == "30 November 2026"
    assert f.hari(date(2026, 11, 30)) == "Senin"
    assert f.nip("198001012005011001") == "19800101 200501 1 001"
    assert f.slug("Dinas Kesehatan & KB") == "dinas-kesehatan-kb"
