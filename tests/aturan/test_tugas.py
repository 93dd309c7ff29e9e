"""The one rule of a valid task (Tugas.baru): the limits, tabled once for every entry point."""

from decimal import Decimal as D

import pytest

from ramping.aturan import Pengaturan, Tugas, TugasTidakValid, keterangan_pita_pj
from ramping.aturan.pengaturan import PitaEJ

DASAR = "PermenPAN-RB 1/2020 tentang ABK"

# (field, as typed the Indonesian way, the value) — the same bad input at every entry point
# (tests/web, tests/api, tests/impor) must give the message of pesan_aturan.
SALAH = [
    ("volume", "-3", D(-3)),
    ("waktu", "0", D(0)),
    ("waktu", "0,33333", D("0.33333")),
    ("volume", "10.000.000.000", D("10000000000")),
]


def pesan_aturan(field: str, nilai: D) -> str:
    masukan = {"volume": D(1), "waktu": D(1), field: nilai}
    with pytest.raises(TugasTidakValid) as galat:
        Tugas.baru(masukan["volume"], masukan["waktu"])
    assert galat.value.field == field
    return galat.value.pesan


@pytest.mark.parametrize(
    ("volume", "waktu", "field", "pesan"),
    [
        (D(-1), D(1), "volume", "Jumlah hasil tidak boleh negatif (diterima −1;"),
        (D("-0.01"), D(1), "volume", "Jumlah hasil tidak boleh negatif"),
        (D(1), D(0), "waktu", "Waktu penyelesaian harus lebih dari nol (diterima 0;"),
        (D(1), D(-2), "waktu", "Waktu penyelesaian tidak boleh negatif"),
        (D("1.005"), D(1), "volume", "Jumlah hasil paling banyak dua angka desimal"),
        (D(1), D("0.33333"), "waktu", "ditulis dalam menit"),
        (D(1), D("0.33333"), "waktu", "paling banyak empat angka desimal"),
        (D("10000000000"), D(1), "volume", "Jumlah hasil paling besar 9.999.999.999,99"),
        (D(1), D("100000000"), "waktu", "Waktu penyelesaian paling besar 99.999.999,99"),
        (D("NaN"), D(1), "volume", "Jumlah hasil harus angka"),
        (D(1), D("Infinity"), "waktu", "Waktu penyelesaian harus angka"),
        (1.5, D(1), "volume", "Jumlah hasil harus angka"),
        (D(1), None, "waktu", "Waktu penyelesaian harus angka"),
    ],
)
def test_tugas_di_luar_batas_ditolak_dengan_nama_field_dan_dasar(volume, waktu, field, pesan):
    with pytest.raises(TugasTidakValid) as galat:
        Tugas.baru(volume, waktu)
    assert galat.value.field == field
    assert pesan in galat.value.pesan and DASAR in galat.value.pesan


@pytest.mark.parametrize(
    ("volume", "waktu"),
    [
        (D(0), D("0.01")),  # a task with no output this year is still a task
        (D("9999999999.99"), D("99999999.99")),
        (D("1.50"), D("0.25")),
        (D("1.500"), D(2)),  # trailing zero: still two decimals
        (240, "2"),
    ],
)
def test_tugas_dalam_batas_diterima(volume, waktu):
    t = Tugas.baru(volume, waktu, "menit")
    assert (t.volume, t.waktu, t.satuan) == (D(volume), D(waktu), "menit")


def test_konstruktor_tetap_menerima_data_lama_dengan_waktu_nol():
    # Stored rows are recomputed, never refused: the rule guards new input only.
    assert Tugas(D(5), D(0)).beban_jam == 0


def test_keterangan_pj_dari_pengaturan():
    assert keterangan_pita_pj() == "A > 1,00; B 0,90–1,00; C 0,70–0,89; D 0,50–0,69; E < 0,50"
    lain = Pengaturan().ganti(
        pita_ej=(
            PitaEJ("A", D("1.10"), False, "Sangat Baik"),
            PitaEJ("B", D("0.85"), True, "Baik"),
            PitaEJ("E", D("0"), True, "Kurang"),
        )
    )
    assert keterangan_pita_pj(pengaturan=lain) == "A > 1,10; B 0,85–1,10; E < 0,85"
