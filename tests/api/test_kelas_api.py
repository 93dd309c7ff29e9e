"""Kelas overrides and catalogue search over the API: same rules as the page."""

import pytest

from ramping.jabatan.models import KelasInstansi

pytestmark = pytest.mark.django_db

BARU = {
    "jenis": "pelaksana",
    "nama": "Pengolah Data dan Informasi",
    "kelas": 7,
    "dasar_hukum": "Keputusan Wali Kota Uji 800/12/2025",
}


def test_analis_siklus_lengkap(api, token, dunia):
    status, isi = api("post", "/api/v1/kelas-instansi", token["analis"], **BARU)
    assert status == 201, isi
    assert (isi["kelas"], isi["kelas_katalog"]) == (7, 6)  # catalogue: indicative kelas 6
    status, daftar = api("get", "/api/v1/kelas-instansi", token["analis"])
    assert status == 200 and [d["id"] for d in daftar] == [isi["id"]]
    status, ubah = api(
        "patch", f"/api/v1/kelas-instansi/{isi['id']}", token["analis"], versi=isi["versi"], kelas=8
    )
    assert status == 200 and ubah["kelas"] == 8 and ubah["nama"] == BARU["nama"]
    status, _ = api(
        "patch", f"/api/v1/kelas-instansi/{isi['id']}", token["analis"], versi=isi["versi"], kelas=9
    )
    assert status == 409
    status, _ = api(
        "delete", f"/api/v1/kelas-instansi/{isi['id']}?versi={ubah['versi']}", token["analis"]
    )
    assert status == 204
    assert not KelasInstansi.objects.filter(instansi=dunia.instansi).exists()


def test_nama_salah_ketik_422_lalu_tetap(api, token, dunia):
    data = {**BARU, "jenis": "fungsional", "nama": "Analis SDM Aparatur", "jenjang": "ahli_muda"}
    status, isi = api("post", "/api/v1/kelas-instansi", token["analis"], **data)
    assert status == 400 and isi["field"] == "nama"
    assert "Analis Sumber Daya Manusia Aparatur" in isi["pesan"]
    status, _ = api("post", "/api/v1/kelas-instansi", token["analis"], **data, tetap=True)
    assert status == 201


@pytest.mark.parametrize("persona", ["operator_a", "pimpinan"])
def test_peran_lain_403(api, token, dunia, persona):
    assert api("get", "/api/v1/kelas-instansi", token[persona])[0] == 403
    assert api("post", "/api/v1/kelas-instansi", token[persona], **BARU)[0] == 403


def test_instansi_lain_tidak_melihat(api, token, dunia):
    _, isi = api("post", "/api/v1/kelas-instansi", token["analis"], **BARU)
    status, daftar = api("get", "/api/v1/kelas-instansi", token["orang_luar"])
    assert status == 200 and daftar == []
    status, _ = api("delete", f"/api/v1/kelas-instansi/{isi['id']}?versi=1", token["orang_luar"])
    assert status == 404


def test_cari_katalog(api, token):
    status, isi = api(
        "get", "/api/v1/katalog/jf", token["operator_a"], q="Analis SDM Aparatur Ahli Muda"
    )
    assert status == 200
    assert (isi[0]["nama"], isi[0]["jenjang"], isi[0]["skor"]) == (
        "Analis Sumber Daya Manusia Aparatur",
        "ahli_muda",
        100.0,
    )
    status, isi = api(
        "get", "/api/v1/katalog/pelaksana", token["operator_a"], q="Pengadministrasi Umum", batas=1
    )
    assert status == 200 and [k["nama"] for k in isi] == ["Pengadministrasi Perkantoran"]
    assert api("get", "/api/v1/katalog/jf", token["operator_a"], q="")[0] == 422
