"""Nomenklatur pelaksana (PermenPAN-RB 45/2022): catalogue, map, R45-01..04, fuzzy matcher."""

from collections import Counter

import pytest

from ramping.aturan import (
    PelaksanaInput,
    cocokkan_nomenklatur,
    katalog_nomenklatur,
    pemetaan_nomenklatur,
    periksa_bukan_analis,
    periksa_nama_baku,
    periksa_nomenklatur,
    periksa_pendidikan_pelaksana,
    periksa_satu_kelas,
)
from ramping.aturan.errors import (
    NamaPelaksanaBanyakKelas,
    NamaPelaksanaMengandungAnalis,
    NomenklaturTidakBaku,
    PendidikanDiBawahMinimal,
)


def test_katalog_berisi_231_nama_dalam_tiga_klasifikasi():
    katalog = katalog_nomenklatur()
    assert len(katalog) == 231
    assert Counter(n.klasifikasi for n in katalog.values()) == {
        "Klerek": 45,
        "Operator": 144,
        "Teknisi": 42,
    }
    assert all(n.sumber.dasar_hukum.startswith("PermenPAN-RB 45/2022") for n in katalog.values())
    assert not any(n.sumber.verified for n in katalog.values())


@pytest.mark.parametrize(
    ("nama", "klasifikasi", "pendidikan", "kelas"),
    [
        ("Penelaah Teknis Kebijakan", "Klerek", "S-1", 7),
        ("Pengolah Data dan Informasi", "Klerek", "D-III", 6),
        ("Pengadministrasi Perkantoran", "Klerek", "SLTA", 5),
        ("Teknisi Sarana dan Prasarana", "Operator", "S-1", None),
        ("Pengelola Umum Operasional", "Operator", "SD", None),
    ],
)
def test_baris_katalog_sesuai_referensi(nama, klasifikasi, pendidikan, kelas):
    n = katalog_nomenklatur()[nama]
    assert (n.klasifikasi, n.pendidikan_minimal_kode, n.kelas_indikatif) == (
        klasifikasi,
        pendidikan,
        kelas,
    )


def test_setiap_nama_baru_pada_pemetaan_ada_di_katalog():
    katalog = katalog_nomenklatur()
    for p in pemetaan_nomenklatur():
        assert p.nama_baru in katalog
        assert p.nama_baru_alternatif is None or p.nama_baru_alternatif in katalog
        assert p.sumber.keyakinan == "C" and p.sumber.verified is False


@pytest.mark.parametrize(
    ("teks", "nama"),
    [
        ("pengadministrasi umum", "Pengadministrasi Perkantoran"),
        ("Pengadministrasi Kepegawaian", "Pengadministrasi Perkantoran"),
        ("PENGOLAH DATA", "Pengolah Data dan Informasi"),
        ("Analis Kepegawaian", "Penelaah Teknis Kebijakan"),
        ("Penelah Teknis Kebijakn", "Penelaah Teknis Kebijakan"),
        ("pengadministrasi perkantor", "Pengadministrasi Perkantoran"),
        (
            "Penata Kelola Sistem dan Teknologi Infromasi",
            "Penata Kelola Sistem dan Teknologi Informasi",
        ),
        ("pramu bakti", "Pengelola Umum Operasional"),
    ],
)
def test_saran_teratas_pencocokan_nama(teks, nama):
    saran = cocokkan_nomenklatur(teks)
    assert saran[0].nama == nama
    assert saran == sorted(saran, key=lambda s: -s.skor)


def test_saran_lewat_pemetaan_menyebut_nama_lama():
    teratas = cocokkan_nomenklatur("pengadministrasi umum")[0]
    assert teratas.melalui == "Pengadministrasi Umum"
    assert teratas.skor == 100


def test_batas_dan_jumlah_saran():
    assert len(cocokkan_nomenklatur("pengolah", jumlah=2)) <= 2
    assert cocokkan_nomenklatur("qwxz zzkq", batas=90) == []


@pytest.mark.parametrize("nama", ["Penelaah Teknis Kebijakan", "penelaah  teknis kebijakan"])
def test_nama_baku_diterima(nama):
    assert periksa_nama_baku(nama).nama == "Penelaah Teknis Kebijakan"


def test_r45_01_nama_tidak_baku_ditolak_dengan_saran():
    with pytest.raises(NomenklaturTidakBaku) as e:
        periksa_nama_baku("Pengadministrasi Umum")
    assert "Pengadministrasi Perkantoran" in e.value.saran


def test_r45_02_satu_nama_satu_kelas():
    periksa_satu_kelas([("Pengolah Data dan Informasi", 6), ("Pengolah Data dan Informasi", 6)])
    with pytest.raises(NamaPelaksanaBanyakKelas) as e:
        periksa_satu_kelas([("Pengolah Data dan Informasi", 6), ("pengolah data dan informasi", 7)])
    assert e.value.kelas == (6, 7)


@pytest.mark.parametrize("nama", ["Analis Kepegawaian", "analis data", "Pengelola Data Analis"])
def test_r45_03_nama_pelaksana_tidak_memuat_analis(nama):
    with pytest.raises(NamaPelaksanaMengandungAnalis):
        periksa_bukan_analis(nama)


@pytest.mark.parametrize(
    "nama", ["Jurnalis", "Analis Perkara Peradilan", "Penelaah Teknis Kebijakan"]
)
def test_r45_03_kata_lain_dan_nama_dalam_daftar_lolos(nama):
    periksa_bukan_analis(nama)


@pytest.mark.parametrize(
    ("nama", "pendidikan", "lolos"),
    [
        ("Penelaah Teknis Kebijakan", "S-1", True),
        ("Penelaah Teknis Kebijakan", "D-IV", True),
        ("Penelaah Teknis Kebijakan", "D-III", False),
        ("Pengadministrasi Perkantoran", "SLTA", True),
        ("Pengadministrasi Perkantoran", "SMP", False),
        ("Pengolah Data dan Informasi", "S-2", True),
    ],
)
def test_r45_04_pendidikan_minimal(nama, pendidikan, lolos):
    if lolos:
        periksa_pendidikan_pelaksana(nama, pendidikan)
    else:
        with pytest.raises(PendidikanDiBawahMinimal):
            periksa_pendidikan_pelaksana(nama, pendidikan)


def test_periksa_nomenklatur_mengumpulkan_semua_temuan_peta_jabatan():
    temuan = periksa_nomenklatur(
        [
            PelaksanaInput("Pengolah Data dan Informasi", 6, "D-III"),
            PelaksanaInput("Pengolah Data dan Informasi", 7, "S-1"),
            PelaksanaInput("Analis Kepegawaian", 7, "S-1"),
            PelaksanaInput("Penelaah Teknis Kebijakan", 7, "SLTA"),
        ]
    )
    assert sorted(type(t).__name__ for t in temuan) == [
        "NamaPelaksanaBanyakKelas",
        "NamaPelaksanaMengandungAnalis",
        "NomenklaturTidakBaku",
        "PendidikanDiBawahMinimal",
    ]
    assert all(t.pesan for t in temuan)
