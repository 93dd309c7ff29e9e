"""Five-year projection of B, gap and hires (anjab-abk.md §5.2, §7)."""

import pytest

from ramping.aturan import proyeksi_kebutuhan
from ramping.aturan.errors import KeluarMelebihiTahunProyeksi, NilaiHarusPositif, NilaiNegatif


def test_contoh_kerja_kelebihan_diserap_pensiun():
    # §7: B = 2, K = 1, one holder reaches BUP next year → year 1: B = 1, need = 0.
    tahun1 = proyeksi_kebutuhan(2, 1, [1])[0]
    assert (tahun1.b, tahun1.k, tahun1.selisih, tahun1.rekrut) == (1, 1, 0, 0)


@pytest.mark.parametrize(
    ("b", "k", "keluar", "harapan"),
    [
        # (b, keluar, b after departures, selisih, rekrut) per year
        (3, 5, [1, 0, 2], [(3, 1, 2, -3, 3), (5, 0, 5, 0, 0), (5, 2, 3, -2, 2), (5, 0, 5, 0, 0)]),
        (6, 4, [1, 1, 1, 1, 1], [(6, 1, 5, 1, 0), (5, 1, 4, 0, 0), (4, 1, 3, -1, 1)]),
        (1, 2, [3], [(1, 3, 0, -2, 2)]),  # more departures than staff: stock floors at 0
    ],
)
def test_proyeksi_per_tahun_dengan_rekrutmen(b, k, keluar, harapan):
    hasil = proyeksi_kebutuhan(b, k, keluar)
    assert len(hasil) == 5
    got = [(t.b_awal, t.keluar, t.b, t.selisih, t.rekrut) for t in hasil[: len(harapan)]]
    assert got == harapan
    assert [t.tahun for t in hasil] == [1, 2, 3, 4, 5]


def test_proyeksi_tanpa_rekrutmen_menunjukkan_kesenjangan_kumulatif():
    hasil = proyeksi_kebutuhan(5, 5, [1, 1, 0, 2, 0], dengan_rekrutmen=False)
    assert [t.selisih for t in hasil] == [-1, -2, -2, -4, -4]
    assert all(t.rekrut == 0 for t in hasil)


def test_masa_proyeksi_dapat_diubah():
    assert len(proyeksi_kebutuhan(1, 1, [], tahun=3)) == 3


@pytest.mark.parametrize(
    ("argumen", "galat"),
    [
        ((1, 1, [0] * 6), KeluarMelebihiTahunProyeksi),
        ((-1, 1, []), NilaiNegatif),
        ((1, 1, [-1]), NilaiNegatif),
        ((1, 1, [], 0), NilaiHarusPositif),
    ],
)
def test_masukan_proyeksi_tidak_sah_ditolak(argumen, galat):
    with pytest.raises(galat):
        proyeksi_kebutuhan(*argumen)
