"""Education codes and their order (D-IV = S-1)."""

import pytest

from ramping.aturan import kode_pendidikan, pendidikan_memenuhi, urutan_pendidikan
from ramping.aturan.errors import PendidikanTidakDikenal

URUT = ["SD", "SMP", "SLTA", "D-I", "D-II", "D-III", "D-IV", "S-2", "S-3"]


def test_urutan_pendidikan_naik():
    assert [urutan_pendidikan(k) for k in URUT] == sorted(urutan_pendidikan(k) for k in URUT)
    assert urutan_pendidikan("D-IV") == urutan_pendidikan("S-1")


@pytest.mark.parametrize(
    ("dimiliki", "syarat", "hasil"),
    [
        ("S-1", "D-IV", True),
        ("D-IV", "S-1", True),
        ("D-III", "S-1", False),
        ("S-3", "S-2", True),
        ("SLTA", "SLTA", True),
        ("SMP", "SLTA", False),
    ],
)
def test_pendidikan_memenuhi_syarat(dimiliki, syarat, hasil):
    assert pendidikan_memenuhi(dimiliki, syarat) is hasil


@pytest.mark.parametrize(
    ("teks", "kode"),
    [
        ("S-1/D-IV", "S-1"),
        ("SLTA/sederajat", "SLTA"),
        ("SLTP/sederajat", "SMP"),
        ("SD/SLTP sederajat", "SD"),
        ("D-III Kebidanan", "D-III"),
        ("D3", "D-III"),
        ("D4", "D-IV"),
        ("d-i", "D-I"),
        ("SMA", "SLTA"),
        ("S2", "S-2"),
    ],
)
def test_teks_pendidikan_dinormalisasi_ke_kode(teks, kode):
    assert kode_pendidikan(teks) == kode


@pytest.mark.parametrize("teks", ["Ners (pendidikan profesi)", "Sarjana", ""])
def test_teks_pendidikan_yang_bukan_jenjang_ditolak(teks):
    with pytest.raises(PendidikanTidakDikenal):
        kode_pendidikan(teks)
