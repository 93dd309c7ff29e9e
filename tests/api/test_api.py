from datetime import date
from decimal import Decimal

import pytest

from ramping.akun.models import Keanggotaan, TokenApi
from ramping.audit.models import JejakAudit
from ramping.jabatan.models import Tugas
from ramping.pegawai.models import Penempatan
from ramping.pegawai.services import pegawai_buat
from tests.aturan.test_tugas import SALAH, pesan_aturan

NUL = "Teks mengandung karakter kontrol (U+0000) yang tidak dapat dicetak; hapus karakter itu."
TUGAS = {
    "uraian": "Menelaah bahan kebijakan",
    "hasil_kerja": "Telaahan",
    "satuan_hasil": "Dokumen",
    "volume": "240",
    "waktu": "2",
}


def test_tanpa_token_atau_token_dicabut_ditolak_dengan_pesan_indonesia(api, token):
    status, badan = api("get", "/api/v1/instansi")
    assert status == 401
    assert badan["kode"] == "tidak_terautentikasi" and "Token API" in badan["pesan"]
    TokenApi.objects.update(dicabut="2026-01-01T00:00:00Z")
    assert api("get", "/api/v1/instansi", token["analis"])[0] == 401


def test_token_mati_bila_peran_di_instansi_dicabut(api, token, dunia):
    Keanggotaan.objects.filter(pengguna=dunia.analis.pengguna).delete()
    assert api("get", "/api/v1/instansi", token["analis"])[0] == 401


def test_token_hanya_melihat_instansinya(api, token, dunia):
    assert api("get", "/api/v1/instansi", token["analis"])[1]["kode"] == "kota-uji"
    assert api("get", "/api/v1/instansi", token["orang_luar"])[1]["kode"] == "kab-lain"
    # Ids of another agency do not exist for the outsider.
    url_asing = [
        f"/api/v1/struktur/{dunia.struktur.pk}/unit",
        f"/api/v1/jabatan?struktur_id={dunia.struktur.pk}",
        f"/api/v1/peta-jabatan?unit_id={dunia.dinas_a.pk}",
    ]
    for url in url_asing:
        status, badan = api("get", url, token["orang_luar"])
        assert (status, badan["kode"]) == (404, "tidak_ditemukan"), url


def test_jabatan_dan_tugas_orang_luar_404_dan_tidak_menulis(api, token, jabatan_a):
    assert api("get", f"/api/v1/jabatan/{jabatan_a.pk}", token["orang_luar"])[0] == 404
    status, _ = api("post", f"/api/v1/jabatan/{jabatan_a.pk}/tugas", token["orang_luar"], **TUGAS)
    assert status == 404
    assert not Tugas.objects.filter(jabatan=jabatan_a).exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("analis", 201),
        ("operator_a", 201),
        ("operator_b", 403),
        ("pimpinan", 403),
        ("orang_luar", 404),
    ],
)
def test_izin_menambah_tugas_sama_dengan_web(api, token, jabatan_a, persona, status):
    kode, _badan = api("post", f"/api/v1/jabatan/{jabatan_a.pk}/tugas", token[persona], **TUGAS)
    assert kode == status
    assert Tugas.objects.filter(jabatan=jabatan_a).count() == (1 if status == 201 else 0)


def test_tugas_lewat_api_menghitung_k_dan_tercatat(api, token, jabatan_a):
    status, tugas = api("post", f"/api/v1/jabatan/{jabatan_a.pk}/tugas", token["analis"], **TUGAS)
    assert status == 201
    _, detail = api("get", f"/api/v1/jabatan/{jabatan_a.pk}", token["analis"])
    assert (detail["beban_kerja_jam"], detail["kebutuhan"]) == ("480.00", 1)
    assert detail["tugas"][0]["id"] == tugas["id"]
    assert JejakAudit.objects.filter(aksi="tugas_buat", objek_id=tugas["id"]).exists()


def test_ubah_tugas_dengan_versi_usang_409(api, token, jabatan_a):
    _, tugas = api("post", f"/api/v1/jabatan/{jabatan_a.pk}/tugas", token["analis"], **TUGAS)
    url = f"/api/v1/tugas/{tugas['id']}"
    assert api("patch", url, token["analis"], versi=1, volume="300")[0] == 200
    status, badan = api("patch", url, token["operator_a"], versi=1, volume="100")
    assert (status, badan["kode"]) == (409, "konflik")
    assert Tugas.objects.get(pk=tugas["id"]).volume == 300
    assert api("delete", url + "?versi=2", token["analis"])[0] == 204


def test_data_tidak_valid_mendapat_galat_terstruktur(api, token, jabatan_a):
    status, badan = api(
        "post",
        f"/api/v1/jabatan/{jabatan_a.pk}/tugas",
        token["analis"],
        **{**TUGAS, "volume": "-1", "waktu": "0"},
    )
    # Both wrong fields in one answer (issue #17 item 4): 422 with one entry per field.
    assert status == 422
    assert (badan["kode"], badan["field"]) == ("tidak_valid", "volume")
    assert badan["galat"] == [
        {"lokasi": ["volume"], "pesan": pesan_aturan("volume", Decimal(-1))},
        {"lokasi": ["waktu"], "pesan": pesan_aturan("waktu", Decimal(0))},
    ]
    assert not Tugas.objects.filter(jabatan=jabatan_a).exists()


@pytest.mark.parametrize(("field", "_ketik", "nilai"), SALAH)
def test_api_memakai_pesan_aturan_tugas(api, token, jabatan_a, field, _ketik, nilai):
    # Same bad input, same message as the web form and the import.
    url = f"/api/v1/jabatan/{jabatan_a.pk}/tugas"
    status, badan = api("post", url, token["analis"], **{**TUGAS, field: str(nilai)})
    assert (status, badan["field"]) == (422, field)
    assert badan["pesan"] == pesan_aturan(field, nilai)
    _, tugas = api("post", url, token["analis"], **TUGAS)
    status, badan = api(
        "patch", f"/api/v1/tugas/{tugas['id']}", token["analis"], versi=1, **{field: str(nilai)}
    )
    assert (status, badan["field"], badan["pesan"]) == (422, field, pesan_aturan(field, nilai))


def test_api_menolak_karakter_kontrol(api, token, jabatan_a):
    url = f"/api/v1/jabatan/{jabatan_a.pk}/tugas"
    status, badan = api("post", url, token["analis"], **{**TUGAS, "uraian": "Menelaah\u0000"})
    assert status == 422
    assert [(g["lokasi"][-1], g["pesan"]) for g in badan["galat"]] == [("uraian", NUL)]
    status, badan = api("post", url, token["analis"], **{**TUGAS, "hasil_kerja": "a_x0000_b"})
    assert status == 422 and "_x0000_" in badan["galat"][0]["pesan"]
    assert not Tugas.objects.filter(jabatan=jabatan_a).exists()


def test_penempatan_lewat_api_memakai_layanan_yang_sama(api, token, dunia, jabatan_a):
    budi = pegawai_buat(
        akses=dunia.analis,
        instansi=dunia.instansi,
        nip="198609262015051001",
        nama="Budi",
        jenis_kelamin="L",
        tanggal_lahir=date(1986, 9, 26),
        status_asn="PNS",
        tmt_pengangkatan=date(2015, 5, 1),
        golongan="III/b",
        pendidikan="S-1",
    )
    data = {"pegawai_id": budi.pk, "jabatan_id": jabatan_a.pk, "tmt_mulai": "2024-01-02"}
    assert api("post", "/api/v1/penempatan", token["operator_b"], **data)[0] == 403
    assert api("post", "/api/v1/penempatan", token["operator_a"], **data)[0] == 201
    status, badan = api("post", "/api/v1/penempatan", token["analis"], **data)
    assert (status, badan["field"]) == (400, "pegawai")
    assert Penempatan.objects.filter(pegawai=budi).count() == 1
    _, pegawai = api("get", f"/api/v1/pegawai/{budi.pk}", token["pimpinan"])
    assert pegawai["penempatan"][0]["jabatan_id"] == jabatan_a.pk


def test_peta_jabatan_api_menjumlahkan_b_k(api, token, dunia, jabatan_a):
    api(
        "post",
        f"/api/v1/jabatan/{jabatan_a.pk}/tugas",
        token["analis"],
        **{**TUGAS, "volume": "1250", "waktu": "2"},
    )
    _, peta = api("get", f"/api/v1/peta-jabatan?struktur_id={dunia.struktur.pk}", token["pimpinan"])
    assert (peta["jumlah_jabatan"], peta["b"], peta["k"], peta["selisih"]) == (1, 0, 2, -2)
    assert peta["baris"][0]["selisih"] == -2


def test_daftar_jabatan_berhalaman_dengan_query_tetap(
    api, token, demo, django_assert_max_num_queries
):
    from ramping.akun.models import Pengguna
    from ramping.akun.token import token_buat

    Keanggotaan.objects.create(
        instansi=demo, pengguna=(p := Pengguna.objects.create(username="t")), peran="pimpinan"
    )
    kunci = token_buat(pengguna=p, instansi=demo, nama="uji")[1]
    with django_assert_max_num_queries(8):
        status, halaman = api("get", "/api/v1/jabatan?page=3", kunci)
    assert status == 200 and halaman["count"] > 1000 and len(halaman["items"]) == 200


def test_dokumen_openapi_dan_halaman_docs_tersedia(client):
    skema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/jabatan/{jabatan_id}/tugas" in skema["paths"]
    assert client.get("/api/v1/docs").status_code == 200


def test_laporan_diunduh_lewat_api_dan_terbaca(client, token, dunia, jabatan_a):
    import io

    from openpyxl import load_workbook

    kepala = {"HTTP_AUTHORIZATION": f"Bearer {token['pimpinan']}"}
    r = client.get(
        f"/api/v1/laporan/peta-jabatan?format=xlsx&struktur_id={dunia.struktur.pk}", **kepala
    )
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    teks = [
        c
        for row in load_workbook(io.BytesIO(r.content)).active.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    ]
    assert "Penelaah Teknis Kebijakan" in teks
    r = client.get(f"/api/v1/laporan/anjab?format=docx&jabatan_id={jabatan_a.pk}", **kepala)
    assert r.status_code == 200 and r.content[:2] == b"PK"


def test_laporan_format_salah_atau_instansi_lain(api, token, dunia):
    assert api("get", "/api/v1/laporan/abk?format=pdf", token["analis"])[0] == 404
    assert api("get", "/api/v1/laporan/abk?format=csv", token["analis"])[0] == 422
    url = f"/api/v1/laporan/peta-jabatan?format=xlsx&struktur_id={dunia.struktur.pk}"
    assert api("get", url, token["orang_luar"])[0] == 404


def test_operasi_tulis_bernama_seperti_layanannya():
    """One name per action: the OpenAPI operationId of a write is its service's name."""
    from ramping.api.api import api
    from ramping.jabatan import services as jabatan_services
    from ramping.jabatan.services import kelas_instansi as kelas_services
    from ramping.nomenklatur import services as nomenklatur_services
    from ramping.pegawai import services as pegawai_services
    from ramping.penataan import services as penataan_services
    from ramping.penyederhanaan import langkah
    from ramping.penyederhanaan import services as penyederhanaan_services

    skema = api.get_openapi_schema()
    ids = {
        op["operationId"]
        for jalur in skema["paths"].values()
        for metode, op in jalur.items()
        if metode in ("post", "patch", "put", "delete")
    }
    assert ids == {
        "tugas_buat", "tugas_ubah", "tugas_hapus", "penempatan_buat",
        "peserta_ajukan", "peserta_kembalikan", "peserta_setujui",
        "kelas_instansi_simpan", "kelas_instansi_ubah", "kelas_instansi_hapus",
        "unit_hapus", "unit_gabung", "langkah_batalkan", "nomenklatur_putuskan",
    }  # fmt: skip
    layanan = (
        jabatan_services,
        pegawai_services,
        penataan_services,
        penyederhanaan_services,
        langkah,
        kelas_services,
        nomenklatur_services,
    )
    for nama in ids:
        assert any(hasattr(m, nama) for m in layanan)
