"""The catalogue per Kepmen list and the re-check of names against a newer list."""

import pytest

from ramping.aturan import versi_nomenklatur as vn
from ramping.aturan.nomenklatur import katalog_nomenklatur
from ramping.aturan.saran_nomenklatur import daftar_nomenklatur
from tests.nomenklatur import daftar_uji


def test_daftar_yang_dimuat_punya_berkas_dan_282_tidak_dimuat():
    dimuat = vn.daftar_dimuat()
    assert dimuat, "at least the list in force is loaded"
    for d in dimuat:
        katalog = vn.katalog_daftar(d.kode)
        assert katalog and all(n.nama == k for k, n in katalog.items())
    d282 = next(d for d in daftar_nomenklatur() if d.kode == "kepmenpanrb-282-2025")
    assert not d282.dimuat and not d282.berkas and not d282.verified
    with pytest.raises(vn.DaftarTidakDimuat):
        vn.katalog_daftar("kepmenpanrb-282-2025")
    with pytest.raises(vn.DaftarTidakDimuat):
        vn.periksa_terhadap_daftar(["Pengemudi"], "tidak-ada")


def test_daftar_berlaku_sama_dengan_katalog():
    assert set(vn.katalog_daftar("kepmenpanrb-11-2024")) == set(katalog_nomenklatur())


def test_periksa_terhadap_daftar_baru(monkeypatch, tmp_path):
    kode = daftar_uji.pasang(monkeypatch, tmp_path)
    katalog = vn.katalog_daftar(kode)
    assert set(katalog) == {n for n, _, _ in daftar_uji.NAMA}
    assert katalog["Pengatur Layanan Kendaraan"].klasifikasi == "Operator"
    hasil = vn.periksa_terhadap_daftar(
        ["pengolah data  dan informasi", "Sopir", "Pengadministrasi Umum", "Sopir"], kode
    )
    assert [(h.status, h.nama_baru) for h in hasil] == [
        (vn.ADA, "Pengolah Data dan Informasi"),
        (vn.BERGANTI, "Pengatur Layanan Kendaraan"),
        (vn.HILANG, None),
        (vn.BERGANTI, "Pengatur Layanan Kendaraan"),
    ]
    saran = hasil[2].saran
    assert 1 <= len(saran) <= 3
    assert saran[0].nama == "Pengadministrasi Layanan Umum"
    assert {s.nama for s in saran} <= set(katalog)  # from the newer list only
    assert [s.skor for s in saran] == sorted((s.skor for s in saran), reverse=True)
    # the list in force is untouched
    assert "Pengadministrasi Perkantoran" in katalog_nomenklatur()
    assert "Pengadministrasi Layanan Umum" not in katalog_nomenklatur()


def test_saran_lemah_tidak_ditawarkan():
    from ramping.aturan.versi_nomenklatur import SKOR_SARAN_MINIMAL, periksa_terhadap_daftar

    # "Pengemudi" has no close name in the 11/2024 list (Operator Layanan Operasional is the
    # regulation's successor, by meaning not by spelling): nothing under the floor is offered.
    (hasil,) = periksa_terhadap_daftar(["Pengemudi"], "kepmenpanrb-11-2024")
    assert all(s.skor >= SKOR_SARAN_MINIMAL for s in hasil.saran)
    assert "Penyelam Scuba" not in [s.nama for s in hasil.saran]
