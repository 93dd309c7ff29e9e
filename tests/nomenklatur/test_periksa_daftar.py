"""Re-checking a version against a loaded Kepmen list: page and API, rights, query count."""

import re

import pytest
from django.urls import reverse

from ramping.jabatan.models import Jabatan
from tests.nomenklatur import daftar_uji
from tests.nomenklatur.test_api_cli import _get, _token


def _u(dunia, daftar=""):
    url = reverse("nomenklatur:periksa_daftar", args=[dunia.instansi.kode])
    return url + f"?versi={dunia.struktur.pk}" + (f"&daftar={daftar}" if daftar else "")


def _status(html: str) -> list[str]:
    return re.findall(r'data-periksa-status="(\w+)"', html)


def test_nama_yang_tidak_ada_dilaporkan_tepat(client, dunia, meja, monkeypatch, tmp_path):
    kode = daftar_uji.pasang(monkeypatch, tmp_path)
    client.force_login(dunia.analis.pengguna)
    r = client.get(_u(dunia, kode))
    assert r.status_code == 200
    html = r.content.decode()
    # 6 posts: "Pengolah Data dan Informasi" is in the list; Pengemudi is renamed by it; the
    # two Pengadministrasi Umum, Analis Kepegawaian and Pengadministrasi Kearsipan are missing.
    assert sorted(_status(html)) == ["berganti"] + ["hilang"] * 4
    assert "Pengatur Layanan Kendaraan" in html
    saran = re.findall(r"<li data-saran>([^<]+?) <", html)
    assert saran and set(saran) <= {n for n, _, _ in daftar_uji.NAMA}
    assert "Pengadministrasi Perkantoran" not in html  # a name of the old list only
    assert "data-belum-diverifikasi" in html and daftar_uji.DASAR in html
    assert f'value="{daftar_uji.KODE}" selected' in html
    assert "KepmenPAN-RB 282/2025" in html  # registered, shown as not loaded


def test_daftar_terverifikasi_tanpa_peringatan(client, dunia, meja, monkeypatch, tmp_path):
    kode = daftar_uji.pasang(monkeypatch, tmp_path, verified=True)
    client.force_login(dunia.analis.pengguna)
    html = client.get(_u(dunia, kode)).content.decode()
    assert "data-belum-diverifikasi" not in html


def test_bawaan_daftar_terbaru_dan_daftar_tak_dimuat_404(
    client, dunia, meja, monkeypatch, tmp_path
):
    daftar_uji.pasang(monkeypatch, tmp_path)
    client.force_login(dunia.analis.pengguna)
    assert daftar_uji.DASAR in client.get(_u(dunia)).content.decode()
    assert client.get(_u(dunia, "kepmenpanrb-282-2025")).status_code == 404
    html = client.get(_u(dunia, "kepmenpanrb-11-2024")).content.decode()
    assert sorted(_status(html)) == ["hilang"] * 5  # only the baku post is in force list


@pytest.mark.parametrize("persona", ["analis", "operator_a", "pimpinan"])
def test_terbuka_bagi_anggota(client, dunia, meja, persona):
    client.force_login(getattr(dunia, persona).pengguna)
    assert client.get(_u(dunia)).status_code == 200


def test_operator_hanya_opd_sendiri(client, dunia, meja):
    client.force_login(dunia.operator_b.pengguna)
    html = client.get(_u(dunia)).content.decode()
    assert "Analis Kepegawaian" in html and "Pengemudi" not in html


def test_orang_luar_404(client, dunia, meja):
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(_u(dunia)).status_code == 404


def test_query_tetap_berapa_pun_jabatannya(
    client, dunia, meja, monkeypatch, tmp_path, django_assert_max_num_queries
):
    kode = daftar_uji.pasang(monkeypatch, tmp_path)
    client.force_login(dunia.analis.pengguna)
    with django_assert_max_num_queries(30) as awal:
        client.get(_u(dunia, kode))
    for i in range(30):
        Jabatan.objects.create(
            instansi=dunia.instansi, struktur=dunia.struktur, unit=dunia.bidang_a,
            nama=f"Penata Arsip {i}", jenis="pelaksana", kelas=6,
        )  # fmt: skip
    with django_assert_max_num_queries(len(awal.captured_queries)):
        r = client.get(_u(dunia, kode))
    assert len(_status(r.content.decode())) == 35


def test_api_periksa_daftar(client, dunia, meja, monkeypatch, tmp_path):
    kode = daftar_uji.pasang(monkeypatch, tmp_path)
    url = f"/api/v1/struktur/{dunia.struktur.pk}/nomenklatur/periksa-daftar?daftar={kode}"
    s, data = _get(client, url, _token(dunia, "analis"))
    assert s == 200
    assert data["verified"] is False and data["jumlah"] == 6
    per_id = {b["jabatan_id"]: b for b in data["baris"]}
    assert set(per_id) == {meja.umum.pk, meja.umum2.pk, meja.pengemudi.pk, meja.analis.pk,
                           meja.arsip.pk}  # fmt: skip
    assert per_id[meja.pengemudi.pk]["status"] == "berganti"
    assert per_id[meja.pengemudi.pk]["nama_baru"] == "Pengatur Layanan Kendaraan"
    assert per_id[meja.umum.pk]["saran"][0]["nama"] == "Pengadministrasi Layanan Umum"
    s, _ = _get(client, url.replace(kode, "kepmenpanrb-282-2025"), _token(dunia, "analis"))
    assert s == 404
    s, _ = _get(client, url, _token(dunia, "orang_luar"))
    assert s == 404
