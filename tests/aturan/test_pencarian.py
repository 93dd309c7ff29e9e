"""Catalogue search from what people type: abbreviations, jenjang words, typos, ranked with a
score; exact lookups stay exact, a fuzzy answer is only ever a question."""

import pytest

from ramping import aturan
from ramping.aturan.data import baca_csv
from ramping.aturan.pencarian import normalkan, uraikan_singkatan


@pytest.mark.parametrize(
    ("teks", "kunci"),
    [
        ("Analis SDM Aparatur", "analis sumber daya manusia aparatur"),
        ("PERANCANG PUU", "perancang peraturan perundang undangan"),
        ("Pengelola  BMN/BMD", "pengelola barang milik negara barang milik daerah"),
        ("Satpol PP", "satuan polisi pamong praja"),  # longest abbreviation first
        ("Pol PP", "polisi pamong praja"),
        # An abbreviation inside a word is not one: "Tim" keeps its "ti".
        ("Tim Teknis", "tim teknis"),
    ],
)
def test_normalkan_menguraikan_singkatan(teks, kunci):
    assert normalkan(teks) == kunci


def test_singkatan_bersumber_dan_dilaporkan():
    for r in baca_csv("singkatan.csv"):
        assert r["singkatan"] and r["kepanjangan"] and r["sumber"], r
        assert r["keyakinan"] in {"A", "B", "C"} and r["verified"] in {"true", "false"}
    _, dipakai = uraikan_singkatan("Analis Keuangan APBN TI")
    assert [s.singkatan for s in dipakai] == ["APBN", "TI"]


@pytest.mark.parametrize(
    ("teks", "nama_jf", "jenjang", "skor_min"),
    [
        ("Analis SDM Aparatur", "Analis Sumber Daya Manusia Aparatur", None, 100),
        ("Pranata SDM Aparatur Terampil", "Pranata Sumber Daya Manusia Aparatur", "terampil", 100),
        ("analis sdm aparatur ahli muda", "Analis Sumber Daya Manusia Aparatur", "ahli_muda", 100),
        ("Perancang PUU Ahli Madya", "Perancang Peraturan Perundang-undangan", "ahli_madya", 100),
        ("Penerjemah Ahli Pertama", "Penerjemah", "ahli_pertama", 100),
        # Old jenjang names (before PermenPAN-RB 13/2019) map to today's codes.
        ("Perencana Madya", "Perencana", "ahli_madya", 100),
        ("Pranata Komputer Pelaksana Lanjutan", "Pranata Komputer", "mahir", 100),
        ("pranata humas", "Pranata Hubungan Masyarakat", None, 100),
        # A typo still ranks the right JF first, below 100.
        ("Pranata Komptuer Mahir", "Pranata Komputer", "mahir", 90),
        # Short form: the full name first.
        ("Analis SDM", "Analis Sumber Daya Manusia Aparatur", None, 90),
    ],
)
def test_cari_jf_kandidat_teratas(teks, nama_jf, jenjang, skor_min):
    calon = aturan.cari_jf_kandidat(teks)
    assert calon, teks
    teratas = calon[0]
    assert (teratas.nama_jf, teratas.jenjang) == (nama_jf, jenjang)
    assert teratas.skor >= skor_min
    assert [c.skor for c in calon] == sorted((c.skor for c in calon), reverse=True)
    assert len(calon) <= 5


def test_jenjang_yang_tidak_dimiliki_jf_disebut_dalam_alasan():
    # Pranata SDM Aparatur is keterampilan: "Ahli Muda" is not one of its jenjang.
    teratas = aturan.cari_jf_kandidat("Pranata SDM Aparatur Ahli Muda")[0]
    assert teratas.nama_jf == "Pranata Sumber Daya Manusia Aparatur"
    assert teratas.jenjang is None
    assert "jenjang ahli muda tidak ada" in teratas.alasan


def test_nama_yang_berbagi_satu_kata_tidak_mendekati_skor_cocok():
    # WRatio alone would give ~86 here; the ranking keeps it well below a real match.
    skor = {c.nama_jf: c.skor for c in aturan.cari_jf_kandidat("Pranata SDM Aparatur", 10)}
    assert skor["Pranata Sumber Daya Manusia Aparatur"] == 100
    assert skor.get("Pranata Komputer", 0) < 70


def test_teks_tak_bermakna_tanpa_kandidat():
    assert aturan.cari_jf_kandidat("qwxz zzkq") == []
    assert aturan.cari_jf_kandidat("") == []
    assert aturan.cari_pelaksana_kandidat("   ") == []


@pytest.mark.parametrize(
    ("teks", "nama", "melalui"),
    [
        ("Pengadministrasi Perkantoran", "Pengadministrasi Perkantoran", None),
        ("pengolah data dan informasi", "Pengolah Data dan Informasi", None),
        # A 41/2018 name proposes its 45/2022 successor, saying so.
        ("Pengadministrasi Umum", "Pengadministrasi Perkantoran", "Pengadministrasi Umum"),
        ("Analis SDM Aparatur", "Penelaah Teknis Kebijakan", "Analis SDM Aparatur"),
    ],
)
def test_cari_pelaksana_kandidat(teks, nama, melalui):
    teratas = aturan.cari_pelaksana_kandidat(teks)[0]
    assert (teratas.nama, teratas.melalui) == (nama, melalui)
    assert teratas.skor == 100
    if melalui:
        assert "41/2018" in teratas.alasan


@pytest.mark.parametrize(
    ("teks", "maksud"),
    [
        ("Analis SDM Aparatur", "Analis Sumber Daya Manusia Aparatur"),
        ("Perencana Ahli Madya", "Perencana"),  # jenjang typed into the JF name
        ("Pranata Komptuer", "Pranata Komputer"),
        ("Perencana", None),  # already a catalogue name
        ("perencana", None),  # case does not matter
        ("Analis Tata Ruang Laut Nasional", None),  # not close to any: a JF not catalogued yet
    ],
)
def test_maksud_jf(teks, maksud):
    assert aturan.maksud_jf(teks) == maksud


def test_pencarian_longgar_tetap_tepat():
    jf = aturan.cari_jf_longgar("Analis SDM Aparatur", "ahli_muda")
    assert jf is not None and jf.nama_jf == "Analis Sumber Daya Manusia Aparatur"
    assert aturan.cari_jf("Analis SDM Aparatur", "ahli_muda") is None  # exact stays exact
    assert aturan.cari_jf_longgar("Analis SDM", "ahli_muda") is None  # no fuzzy pick


@pytest.mark.parametrize(
    ("nama_jf", "kategori", "jenjang", "dasar", "verified"),
    [
        ("Penerjemah", "keahlian", "ahli_muda", "PER/24/M.PAN/5/2006", True),
        ("Analis Legislatif", "keahlian", "ahli_madya", "PermenPAN-RB 11/2022", True),
        ("Perisalah Legislatif", "keahlian", "ahli_utama", "PermenPAN-RB 26/2017", True),
        ("Asisten Perisalah Legislatif", "keterampilan", "mahir", "PermenPAN-RB 27/2017", False),
        (
            "Analis Pemantauan Peraturan Perundang-undangan",
            "keahlian",
            "ahli_pertama",
            "PermenPAN-RB 12/2025",
            False,
        ),
    ],
)
def test_jf_yang_ditambahkan_dengan_dasar_hukum(nama_jf, kategori, jenjang, dasar, verified):
    jf = aturan.cari_jf(nama_jf, jenjang)
    assert jf is not None
    assert jf.kategori == kategori
    assert dasar in jf.sumber.dasar_hukum
    assert jf.sumber.verified is verified
    assert jf.kelas_jabatan is None  # no kelas invented: the agency's decision sets it
