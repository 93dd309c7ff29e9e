"""Unit kinds of central agencies and local government with the eselon of their head."""

import pytest

from ramping import aturan
from ramping.organisasi.models import UnitKerja


def test_setiap_jenis_unit_model_punya_aturan_dan_sebaliknya():
    assert set(aturan.daftar_jenis_unit()) == set(UnitKerja.Jenis.values)
    for j in aturan.daftar_jenis_unit().values():
        assert j.dasar_hukum and j.lingkup in {"pusat", "daerah", "semua"}
        assert all(e in aturan.ESELON for e in j.eselon)


@pytest.mark.parametrize(
    ("jenis", "eselon"),
    [
        # Perpres 7/2015 Pasal 132 (kept by Perpres 68/2019)
        ("sekretariat_jenderal", "I.a"),
        ("direktorat_jenderal", "I.a"),
        ("inspektorat_jenderal", "I.a"),
        ("deputi", "I.a"),
        ("badan", "I.a"),
        ("biro", "II.a"),
        ("direktorat", "II.a"),
        ("pusat", "II.a"),
        ("inspektorat", "II.a"),
        ("sekretariat", "II.a"),  # Sekretariat Ditjen/Badan/Itjen
        ("bagian", "III.a"),
        ("subdirektorat", "III.a"),
        ("bidang", "III.a"),
        ("subbagian", "IV.a"),
        ("seksi", "IV.a"),
        ("subbidang", "IV.a"),
        # local government keeps working
        ("dinas", "II.b"),
        ("subbagian", "V.a"),
        ("kelompok_jf", ""),
        ("direktorat", ""),  # head's eselon not set yet: not judged
    ],
)
def test_eselon_sah(jenis, eselon):
    aturan.periksa_eselon_unit(jenis, eselon)


@pytest.mark.parametrize(
    ("jenis", "eselon", "pesan"),
    [
        ("direktorat", "III.a", "Kepala Direktorat bereselon II.a, bukan III.a (Perpres 7/2015"),
        ("subdirektorat", "IV.a", "bereselon III.a"),
        ("sekretariat_jenderal", "II.a", "bereselon I.a"),
        ("kelompok_jf", "IV.a", "tidak memiliki kepala bereselon"),
    ],
)
def test_eselon_tidak_sah(jenis, eselon, pesan):
    with pytest.raises(aturan.EselonUnitTidakSesuai, match=pesan.replace("(", r"\(")):
        aturan.periksa_eselon_unit(jenis, eselon)


def test_jenis_unit_menurut_jenis_instansi():
    pusat = {j.kode for j in aturan.jenis_unit_untuk("kementerian")}
    daerah = {j.kode for j in aturan.jenis_unit_untuk("kota")}
    assert {"biro", "direktorat", "subdirektorat", "bagian", "seksi"} <= pusat
    assert "dinas" not in pusat and "biro" not in daerah
    assert {"dinas", "bagian", "seksi", "kelompok_jf"} <= daerah
