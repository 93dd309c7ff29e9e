"""Structure rules of PermenPAN-RB 25/2021 on a small hand-built tree."""

import pytest

from ramping.aturan import (
    Pengaturan,
    UnitInput,
    jumlah_jabatan_struktural,
    keputusan_penyederhanaan,
    lapisan_struktural,
    rentang_kendali,
    unit_dihapus,
)
from ramping.aturan.errors import StrukturTidakValid

U = UnitInput
POHON = [
    U("dinas", None, "Dinas Lingkungan Hidup", "dinas", "II.b"),
    U("sekretariat", "dinas", "Sekretariat", "sekretariat", "III.a"),
    U("subbag_umum", "sekretariat", "Subbagian Umum", "subbagian", "IV.a"),
    U("subbag_keu", "sekretariat", "Subbagian Keuangan", "subbagian", "IV.a", kepala_satker=True),
    U("bidang_a", "dinas", "Bidang Penaatan", "bidang", "III.b"),
    U("seksi_a1", "bidang_a", "Seksi Pengaduan", "seksi", "IV.a"),
    U("seksi_a2", "bidang_a", "Seksi Perizinan", "seksi", "IV.a", otoritas_legalisasi=True),
    U("kjf_a", "bidang_a", "Kelompok JF Penaatan", "kelompok_jf", None),
    U("bidang_b", "dinas", "Bidang Pengelolaan Sampah", "bidang", "III.b"),
    U("seksi_b1", "bidang_b", "Seksi Pengurangan Sampah", "seksi", "IV.b"),
    U("upt", "dinas", "UPT Laboratorium", "upt", "IV.a", upt_pelayanan=True),
    U("tu_upt", "upt", "Subbagian Tata Usaha UPT", "subbagian", "V.a"),
    U("kecamatan", None, "Kecamatan Grogol", "kecamatan", "III.a", kewilayahan=True),
    U("seksi_pem", "kecamatan", "Seksi Pemerintahan", "seksi", "IV.a"),
    U("kelurahan", "kecamatan", "Kelurahan Rawa Arum", "kelurahan", "IV.a", kewilayahan=True),
]


def test_unit_yang_dihapus_beserta_alasannya():
    dihapus = {k.unit_id: k.alasan for k in unit_dihapus(POHON)}
    assert dihapus == {
        "subbag_umum": "Pengawas tanpa kriteria pengecualian dihapus (R25-04)",
        "seksi_a1": "Pengawas tanpa kriteria pengecualian dihapus (R25-04)",
        "seksi_b1": "Pengawas tanpa kriteria pengecualian dihapus (R25-04)",
        "tu_upt": "Eselon V tanpa kriteria pengecualian dihapus (R25-04)",
        "seksi_pem": "Pengawas tanpa kriteria pengecualian dihapus (R25-04)",
    }


def test_unit_yang_dipertahankan_menyebut_atribut_pengecualiannya():
    keputusan = {k.unit_id: k for k in keputusan_penyederhanaan(POHON)}
    assert keputusan["subbag_keu"].pengecualian == ("kepala_satker",)
    assert keputusan["seksi_a2"].pengecualian == ("otoritas_legalisasi",)
    assert keputusan["upt"].pengecualian == ("upt_pelayanan",)
    assert keputusan["kelurahan"].pengecualian == ("kewilayahan",)
    assert keputusan["dinas"].alasan == "Pejabat Level 1 (R25-01)"
    assert keputusan["bidang_a"].alasan == "Pejabat Level 2 (R25-01)"
    assert not any(k.dihapus for k in keputusan.values() if k.pengecualian)
    assert "kjf_a" not in keputusan  # a kelompok JF is not a structural level


def test_atribut_pengecualian_adalah_pengaturan():
    p = Pengaturan(atribut_pengecualian=("kewilayahan",))
    dihapus = {k.unit_id for k in unit_dihapus(POHON, pengaturan=p)}
    assert {"subbag_keu", "seksi_a2", "upt"} <= dihapus
    assert "kelurahan" not in dihapus


def test_pengecualian_dapat_diwariskan_ke_unit_di_bawahnya():
    p = Pengaturan(pengecualian_diwariskan=True)
    dihapus = {k.unit_id for k in unit_dihapus(POHON, pengaturan=p)}
    assert dihapus == {"subbag_umum", "seksi_a1", "seksi_b1"}


def test_lapisan_di_bawah_setiap_kepala():
    lapisan = {k: (v.level, v.lapisan_di_bawah) for k, v in lapisan_struktural(POHON).items()}
    assert lapisan["dinas"] == (1, 2)
    assert lapisan["bidang_a"] == (2, 1)
    assert lapisan["upt"] == (2, 1)
    assert lapisan["tu_upt"] == (3, 0)
    assert lapisan["kecamatan"] == (1, 1)
    assert "kjf_a" not in lapisan


@pytest.mark.parametrize(
    ("unit", "struktural", "kelompok_jf", "status"),
    [
        ("dinas", 4, 0, "wajar"),
        ("bidang_a", 2, 1, "sempit"),
        ("bidang_b", 1, 0, "sempit"),
        ("seksi_a1", 0, 0, "tanpa_bawahan"),
    ],
)
def test_rentang_kendali_setiap_unit(unit, struktural, kelompok_jf, status):
    r = rentang_kendali(POHON)[unit]
    assert (r.bawahan_struktural, r.kelompok_jf, r.status) == (struktural, kelompok_jf, status)


def test_rentang_kendali_lebar_mengikuti_pengaturan():
    p = Pengaturan(rentang_kendali_minimal=1, rentang_kendali_maksimal=3)
    assert rentang_kendali(POHON, pengaturan=p)["dinas"].status == "lebar"


def test_jumlah_jabatan_struktural_per_eselon_sebelum_dan_sesudah():
    assert jumlah_jabatan_struktural(POHON) == {
        "II.b": 1,
        "III.a": 2,
        "III.b": 2,
        "IV.a": 7,
        "IV.b": 1,
        "V.a": 1,
    }
    assert jumlah_jabatan_struktural(POHON, setelah_penyederhanaan=True) == {
        "II.b": 1,
        "III.a": 2,
        "III.b": 2,
        "IV.a": 4,
    }


@pytest.mark.parametrize(
    "pohon",
    [
        [U("a", None, "A", "dinas", "II.b"), U("a", None, "A2", "dinas", "II.b")],
        [U("a", "x", "A", "dinas", "II.b")],
        [U("a", "b", "A", "bidang", "III.a"), U("b", "a", "B", "bidang", "III.a")],
        [U("a", None, "A", "dinas", "II.c")],
        [U("a", None, "A", "kelompok_jf", "IV.a")],
    ],
    ids=["id_ganda", "induk_hilang", "melingkar", "eselon_asing", "kelompok_jf_bereselon"],
)
def test_pohon_tidak_sah_ditolak(pohon):
    with pytest.raises(StrukturTidakValid):
        unit_dihapus(pohon)
