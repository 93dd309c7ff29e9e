"""ABK: kebutuhan pegawai, the four approaches, rounding and EJ/PJ (anjab-abk.md §1, §2, §7)."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ramping.aturan import (
    Pengaturan,
    Tugas,
    beban_kerja_jam,
    bulatkan_kebutuhan,
    efektivitas_jabatan,
    efektivitas_unit,
    jam_ke_menit,
    kebutuhan_hasil_kerja,
    kebutuhan_objek_kerja,
    kebutuhan_pegawai,
    kebutuhan_peralatan_kerja,
    label_pj,
    menit_ke_jam,
)
from ramping.aturan.errors import (
    ModePembulatanTidakDikenal,
    NilaiHarusPositif,
    NilaiNegatif,
    SatuanWaktuTidakDikenal,
    TipeAngkaTidakDidukung,
)

RINGAN = settings(database=None, deadline=None, max_examples=80)

# anjab-abk.md §7: two tasks, 960 hours, total need 0.7680.
CONTOH = [Tugas(D(240), D(2), uraian="Menelaah dokumen"), Tugas(D(12), D(40), uraian="Laporan")]


def test_contoh_kerja_960_jam_kebutuhan_0_7680():
    assert beban_kerja_jam(CONTOH) == 960
    assert kebutuhan_pegawai(CONTOH) == D("0.7680")
    assert [kebutuhan_pegawai([t]) for t in CONTOH] == [D("0.3840"), D("0.3840")]


@pytest.mark.parametrize("mode", ["half_up", "ceil"])
def test_contoh_kerja_dibulatkan_menjadi_satu_pada_kedua_mode(mode):
    assert bulatkan_kebutuhan(kebutuhan_pegawai(CONTOH), mode) == 1


def test_contoh_menit_54300_dibagi_75000_menjadi_0_724():
    # anjab-abk.md §1.4: task-based, 54,300 min ÷ 75,000 min = 0.72 person.
    assert kebutuhan_pegawai([Tugas(D(1), D(54300), satuan="menit")]) == D("0.724")


def test_tugas_jam_dan_menit_boleh_dicampur_tanpa_pembulatan_per_tugas():
    campur = [Tugas(D(240), D(120), satuan="menit"), Tugas(D(12), D(40))]
    assert kebutuhan_pegawai(campur) == D("0.768")
    assert beban_kerja_jam(campur) == 960


@pytest.mark.parametrize(("jam", "menit"), [(D(1), D(60)), (D("1.5"), D(90)), (D(1250), D(75000))])
def test_konversi_jam_dan_menit_eksplisit(jam, menit):
    assert jam_ke_menit(jam) == menit
    assert menit_ke_jam(menit) == jam


@pytest.mark.parametrize(
    ("wke", "hasil"), [(D(1250), D("0.768")), (D(1200), D("0.8")), (D(1300), D("960") / 1300)]
)
def test_wke_dapat_diganti_lewat_argumen_atau_pengaturan(wke, hasil):
    assert kebutuhan_pegawai(CONTOH, wke_jam=wke) == hasil
    assert kebutuhan_pegawai(CONTOH, pengaturan=Pengaturan(wke_jam=wke)) == hasil


def test_tanpa_tugas_kebutuhan_nol():
    assert kebutuhan_pegawai([]) == 0


@pytest.mark.parametrize(
    ("x", "half_up", "ceil"),
    [
        (D("0.7680"), 1, 1),
        (D("1.3"), 1, 2),
        (D("0.4"), 1, 1),  # half_up keeps at least 1 person when the load is > 0 (setting)
        (D("1.5"), 2, 2),
        (D("2.49"), 2, 3),
        (D("2.5"), 3, 3),
        (D("3"), 3, 3),
        (D("0"), 0, 0),
    ],
)
def test_pembulatan_kebutuhan_pada_kedua_mode(x, half_up, ceil):
    assert bulatkan_kebutuhan(x) == half_up
    assert bulatkan_kebutuhan(x, "half_up") == half_up
    assert bulatkan_kebutuhan(x, "ceil") == ceil


def test_pembulatan_tanpa_minimal_satu_mengikuti_pengaturan():
    assert bulatkan_kebutuhan(D("0.4"), pengaturan=Pengaturan(minimal_satu=False)) == 0


def test_mode_pembulatan_bawaan_dari_pengaturan():
    assert bulatkan_kebutuhan(D("1.3"), pengaturan=Pengaturan(mode_pembulatan="ceil")) == 2


def test_mode_pembulatan_tidak_dikenal_ditolak():
    with pytest.raises(ModePembulatanTidakDikenal):
        bulatkan_kebutuhan(D(1), "floor")


def test_kebutuhan_negatif_tidak_dibulatkan():
    with pytest.raises(NilaiNegatif):
        bulatkan_kebutuhan(D("-0.1"))


@pytest.mark.parametrize(
    ("fungsi", "argumen", "hasil"),
    [
        (kebutuhan_hasil_kerja, (500, 100), D(5)),  # sorter: 500 letters ÷ 100 per person
        (kebutuhan_objek_kerja, (D(1200), D(300)), D(4)),
        (kebutuhan_peralatan_kerja, (20, 1), D(20)),  # 20 cars × 1 driver
        (kebutuhan_peralatan_kerja, (20, D("0.2")), D(4)),  # 1 mechanic per 5 cars
        (kebutuhan_peralatan_kerja, (3, 1, 3), D(9)),  # 3 units, 3 shifts (jaga)
    ],
)
def test_pendekatan_hasil_objek_dan_peralatan_kerja(fungsi, argumen, hasil):
    assert fungsi(*argumen) == hasil


def test_standar_kemampuan_nol_ditolak():
    with pytest.raises(NilaiHarusPositif):
        kebutuhan_hasil_kerja(10, 0)


@pytest.mark.parametrize(
    ("argumen", "galat"),
    [
        ((D(-1), D(2)), NilaiNegatif),
        ((D(1), D(-2)), NilaiNegatif),
        ((1.5, D(2)), TipeAngkaTidakDidukung),
    ],
)
def test_tugas_dengan_nilai_tidak_sah_ditolak(argumen, galat):
    with pytest.raises(galat):
        Tugas(*argumen)


def test_satuan_waktu_tidak_dikenal_ditolak():
    with pytest.raises(SatuanWaktuTidakDikenal):
        Tugas(D(1), D(1), satuan="hari")


def test_tugas_menerima_int_dan_teks_sebagai_decimal():
    assert Tugas(240, "2").waktu == D(2)


# anjab-abk.md §2 bands with the boundary policy (EJ rounded to 2 decimals first).
@pytest.mark.parametrize(
    ("beban", "bezetting", "ej", "pj"),
    [
        (D(960), 2, D("0.38"), "E"),  # §7: EJ 0.384 → E with B = 2
        (D(1250), 1, D("1.00"), "B"),
        (D(1263), 1, D("1.01"), "A"),
        (D("1118.75"), 1, D("0.90"), "B"),  # 0.895 rounds to 0.90
        (D(1112), 1, D("0.89"), "C"),
        (D(875), 1, D("0.70"), "C"),
        (D(862), 1, D("0.69"), "D"),
        (D(625), 1, D("0.50"), "D"),
        (D(612), 1, D("0.49"), "E"),
        (D(0), 3, D("0.00"), "E"),
    ],
)
def test_efektivitas_jabatan_dan_predikatnya(beban, bezetting, ej, pj):
    assert efektivitas_jabatan(beban, bezetting) == (ej, pj)


def test_efektivitas_unit_memakai_rumus_yang_sama():
    assert efektivitas_unit(D(5000), 4) == (D("1.00"), "B")


def test_label_predikat():
    assert label_pj("E") == "Kurang"
    assert label_pj("A") == "Sangat Baik"


def test_bezetting_nol_tidak_punya_efektivitas():
    with pytest.raises(NilaiHarusPositif):
        efektivitas_jabatan(D(960), 0)


volume = st.decimals(min_value=0, max_value=10_000, places=2)
waktu = st.decimals(min_value=0, max_value=500, places=2)


@RINGAN
@given(st.lists(st.tuples(volume, waktu), max_size=15), st.integers(0, 50))
def test_kebutuhan_linear_terhadap_volume(pasangan, kali):
    dasar = [Tugas(v, w) for v, w in pasangan]
    dikali = [Tugas(v * kali, w) for v, w in pasangan]
    # Sums are exact and 1 250 h divides without remainder digits, so linearity is exact.
    assert kebutuhan_pegawai(dikali) == kebutuhan_pegawai(dasar) * kali
    assert beban_kerja_jam(dikali) == beban_kerja_jam(dasar) * kali


@RINGAN
@given(
    st.lists(st.tuples(volume, waktu), max_size=15), st.lists(st.tuples(volume, waktu), max_size=15)
)
def test_kebutuhan_aditif_antar_tugas(a, b):
    ta, tb = [Tugas(v, w) for v, w in a], [Tugas(v, w) for v, w in b]
    assert beban_kerja_jam(ta + tb) == beban_kerja_jam(ta) + beban_kerja_jam(tb)
