"""Ranked renaming suggestions (ramping.aturan.saran_nomenklatur) and their measured hit rate."""

import csv
from collections import Counter
from pathlib import Path

import pytest

from ramping.aturan.saran_nomenklatur import PosInput, preseden_dari, sarankan, sarankan_banyak

TABEL = Path(__file__).with_name("pasangan_nomenklatur.csv")


def _pasangan() -> list[dict[str, str]]:
    with TABEL.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_tabel_pasangan_bersumber_dan_nama_baru_baku():
    from ramping.aturan.nomenklatur import katalog_nomenklatur

    baris = _pasangan()
    assert len(baris) >= 60
    for r in baris:
        assert r["sumber"].startswith(("PETA", "URAIAN")), r
        assert r["nama_baru"] in katalog_nomenklatur(), r["nama_baru"]


def test_tingkat_ketepatan_saran(capsys):
    """Top-1 and top-3 hit rates over the pair table (aim: top-3 ≥ 90 %)."""
    baris = _pasangan()
    hasil = sarankan_banyak(
        [PosInput(r["nama_lama"], r["tugas"], (r["pendidikan"],)) for r in baris]
    )
    top1 = sum(
        h.saran[:1] and h.saran[0].nama == r["nama_baru"] for r, h in zip(baris, hasil, strict=True)
    )
    top3 = sum(
        r["nama_baru"] in [s.nama for s in h.saran] for r, h in zip(baris, hasil, strict=True)
    )
    luar_peta = [
        (r, h) for r, h in zip(baris, hasil, strict=True) if r["sumber"].startswith("URAIAN")
    ]
    top3_luar = sum(r["nama_baru"] in [s.nama for s in h.saran] for r, h in luar_peta)
    with capsys.disabled():
        print(
            f"\nsaran nomenklatur: {len(baris)} pasangan, top-1 {top1 / len(baris):.1%}, "
            f"top-3 {top3 / len(baris):.1%}; di luar peta usulan ({len(luar_peta)}): "
            f"top-3 {top3_luar / len(luar_peta):.1%}"
        )
    assert top3 / len(baris) >= 0.9
    assert top1 / len(baris) >= 0.8


@pytest.mark.parametrize(
    ("nama", "pendidikan", "pertama", "sinyal"),
    [
        ("Pengadministrasi Umum", ("SLTA",), "Pengadministrasi Perkantoran", {"peta", "rumpun"}),
        ("Pengemudi", ("SLTA",), "Operator Layanan Operasional", {"peta", "rumpun"}),
        ("Pramu Bakti", ("SMP",), "Pengelola Umum Operasional", {"peta", "rumpun"}),
        ("Analis Kepegawaian", ("S-1",), "Penelaah Teknis Kebijakan", {"peta", "pendidikan"}),
        ("Pengolah Data Kepegawaian", ("D-III",), "Pengolah Data dan Informasi", {"nama"}),
    ],
)
def test_saran_teratas_dengan_alasan(nama, pendidikan, pertama, sinyal):
    h = sarankan(PosInput(nama, "", pendidikan))
    assert not h.baku
    assert h.saran[0].nama == pertama
    assert sinyal <= {a.sinyal for a in h.saran[0].alasan}
    assert 0 < h.saran[0].skor <= 100
    assert len(h.saran) <= 3
    assert [s.skor for s in h.saran] == sorted((s.skor for s in h.saran), reverse=True)


def test_nama_baku_tidak_diberi_saran():
    h = sarankan(PosInput("pengolah data dan informasi", "", ("D-III",)))
    assert h.baku and h.saran == ()


def test_pendidikan_di_bawah_minimal_mengurangi_poin():
    cukup = sarankan(PosInput("Analis Kepegawaian", "", ("S-1",))).saran[0]
    kurang = sarankan(PosInput("Analis Kepegawaian", "", ("SLTA",))).saran[0]
    assert cukup.nama == kurang.nama == "Penelaah Teknis Kebijakan"
    assert cukup.skor - kurang.skor == pytest.approx(8.0)
    ket = next(a for a in kurang.alasan if a.sinyal == "pendidikan").keterangan
    assert ket == "0 dari 1 pemangku memenuhi pendidikan minimal S-1/D-IV"


def test_preseden_instansi_mengubah_urutan():
    """Names the agency already chose for the same old name rise to the top."""
    pos = PosInput("Pengelola Protokol", "", ("D-III",))
    assert sarankan(pos).saran[0].nama == "Pengelola Keprotokolan"
    preseden = preseden_dari([("Pengelola  protokol", "Penata Keprotokolan")] * 3)
    assert preseden == {"pengelola protokol": Counter({"Penata Keprotokolan": 3})}
    h = sarankan(pos, preseden=preseden)
    assert h.saran[0].nama == "Penata Keprotokolan"
    assert any(a.sinyal == "preseden" and a.poin == 25.0 for a in h.saran[0].alasan)


def test_nama_instansi_teknis_didenda_kecuali_diizinkan():
    pos = PosInput("Pengatur Perjalanan KA", "", ("D-III",))
    milik = [a for s in sarankan(pos).saran for a in s.alasan if a.sinyal == "instansi_teknis"]
    assert milik and milik[0].keterangan == "nama milik Kementerian Perhubungan"
    boleh = sarankan(pos, instansi_teknis_boleh={"Kementerian Perhubungan"})
    assert all("Perhubungan" not in a.keterangan for s in boleh.saran for a in s.alasan)


@pytest.mark.parametrize(
    ("nama", "tugas", "jf"),
    [
        ("Pengadministrasi Umum", "Menata arsip dinamis dan menyusun daftar arsip", "Arsiparis"),
        ("Pengelola Perpustakaan", "", "Pustakawan"),
        ("Pengadministrasi Umum", "Menerima dan mencatat surat masuk", None),
    ],
)
def test_tugas_mirip_jf(nama, tugas, jf):
    assert sarankan(PosInput(nama, tugas)).mirip_jf == jf


def test_tugas_menambah_alasan_ikhtisar():
    h = sarankan(
        PosInput(
            "Pelaksana Pelayanan",
            "dukungan administrasi perkantoran pemerintahan dan pelayanan publik customer service",
            ("SLTA",),
        )
    )
    assert h.saran[0].nama == "Pengadministrasi Perkantoran"
    assert any(a.sinyal == "tugas" for a in h.saran[0].alasan)


def test_demo_cilegon_2021_ke_2023():
    """The demo's 41/2018 names (2021 version) get the names its 2023 version carries; the one
    exception is where the demo and the suggested map disagree (Analis Data dan Informasi: the
    demo took Penata Kelola Sistem dan Teknologi Informasi, the map Penelaah Teknis Kebijakan)."""
    from ramping.demo.katalog import PELAKSANA_BARU, PELAKSANA_LAMA

    beda = []
    for nama, pendidikan, _kelas in PELAKSANA_LAMA:
        teratas = sarankan(PosInput(nama, "", (pendidikan,))).saran[0].nama
        if teratas != PELAKSANA_BARU[nama][0]:
            beda.append((nama, teratas))
    assert beda == [("Analis Data dan Informasi", "Penelaah Teknis Kebijakan")]


def test_daftar_nomenklatur_berversi_dan_282_tidak_dimuat():
    from ramping.aturan.nomenklatur import katalog_nomenklatur
    from ramping.aturan.saran_nomenklatur import daftar_nomenklatur, info_katalog

    daftar = {d.kode: d for d in daftar_nomenklatur()}
    lama, baru = daftar["kepmenpanrb-11-2024"], daftar["kepmenpanrb-282-2025"]
    assert lama.dimuat and lama.berkas == "nomenklatur_pelaksana.csv"
    assert not baru.dimuat and not baru.verified and baru.berkas == ""
    assert lama.berlaku_sampai == baru.berlaku_mulai == "2025-07-15"
    # Every catalogue row names the loaded list it comes from.
    assert {i.versi_daftar for i in info_katalog().values()} == {"KepmenPAN-RB 11/2024"}
    assert len(katalog_nomenklatur()) == 231
