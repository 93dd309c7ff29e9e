"""The whole-agency peta jabatan folded per OPD, its rows loaded per OPD (`?potongan=baris`),
and the rows written in Python (ramping.web.peta_html) — same figures as before."""

import re

import pytest
from django.urls import reverse

from tests.web.test_akses import PERSONA, dialihkan_ke_login, masuk


def _html(client, url, **param) -> str:
    response = client.get(url, param)
    assert response.status_code == 200
    return response.content.decode()


def test_seluruh_instansi_dilipat_per_opd_dengan_subtotal(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    html = _html(client, reverse("web:peta", args=[dunia.instansi.kode]))
    tbody = re.findall(r'<tbody class="opd-lipat">.*?</tbody>', html)
    assert len(tbody) == 2  # Dinas A, Dinas B: one row each, no position rows
    assert "Pengadministrasi Perkantoran" not in html
    # Dinas A: B 2, K 4, ± −2 (subtotal); Dinas B: K unknown → "–" and one position without K.
    assert '<td class="angka">2</td><td class="angka">4</td>' in tbody[0]
    assert '<span class="selisih kurang">−2</span>' in tbody[0]
    assert "(1 tanpa K)" in tbody[1]
    url_a = reverse("web:peta_unit", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    assert f'hx-get="{url_a}?potongan=baris&amp;mulai=0"' in tbody[0]
    # Dinas B's rows are numbered after Dinas A's two positions.
    assert "potongan=baris&amp;mulai=2" in tbody[1]
    tfoot = html[html.index("<tfoot>") :]
    assert ">2<" in tfoot and ">4<" in tfoot


def test_versi_dibawa_ke_baris_yang_dimuat(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:peta", args=[dunia.instansi.kode])
    html = _html(client, url, versi=dunia.struktur.pk)
    assert f"mulai=0&amp;versi={dunia.struktur.pk}" in html


@pytest.mark.parametrize(
    "param, lipat",
    [
        ({}, True),
        ({"semua": "1"}, False),
        ({"kurang": "on"}, False),
        ({"jenis": "pelaksana"}, False),
    ],
)
def test_saringan_atau_semua_menampilkan_baris(client, dunia, isi, param, lipat):
    client.force_login(dunia.analis.pengguna)
    html = _html(client, reverse("web:peta", args=[dunia.instansi.kode]), **param)
    assert ('class="opd-lipat"' in html) is lipat
    assert ("Pengadministrasi Perkantoran" in html) is not lipat


def test_baris_satu_opd_bernomor_lanjut(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:peta_unit", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    html = _html(client, url, potongan="baris", mulai="5")
    assert html.startswith('<tbody class="opd-terbuka">') and html.endswith("</tbody>")
    assert "<html" not in html
    assert re.findall(r'<td class="no">(\d+)</td>', html) == ["6", "7"]
    url_j = reverse("web:jabatan", args=[dunia.instansi.kode, isi.pelaksana_a.pk])
    assert f'<a href="{url_j}">Pengadministrasi Perkantoran</a>' in html
    # Kelas 5, B 1, K 3, ± −2.
    assert (
        '<td class="angka">5</td><td class="angka">1</td><td class="angka">3</td>'
        '<td class="angka"><span class="selisih kurang">−2</span></td>'
    ) in html
    # A number that is not one starts at 1.
    html = _html(client, url, potongan="baris", mulai="x")
    assert re.findall(r'<td class="no">(\d+)</td>', html) == ["1", "2"]


def test_nama_di_escape(client, dunia, isi):
    isi.pelaksana_a.nama = "Pengadministrasi <b>Perkantoran</b> & Arsip"
    isi.pelaksana_a.save(update_fields=["nama"])
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:peta_unit", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    html = _html(client, url)
    assert "Pengadministrasi &lt;b&gt;Perkantoran&lt;/b&gt; &amp; Arsip" in html
    assert "<b>Perkantoran</b>" not in html


@pytest.mark.parametrize("persona", PERSONA)
def test_baris_opd_per_persona(client, dunia, isi, persona):
    """Reading follows the peta page: every member of the agency, 404 for an outsider."""
    masuk(client, dunia, persona)
    url = reverse("web:peta_unit", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    response = client.get(url, {"potongan": "baris"})
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    elif persona == "orang_luar":
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert "Pengadministrasi Perkantoran" in response.content.decode()


def test_baris_opd_tanpa_kueri_per_baris(client, dunia, isi, django_assert_max_num_queries):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:peta_unit", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    client.get(url, {"potongan": "baris"})
    with django_assert_max_num_queries(10):
        client.get(url, {"potongan": "baris"})


def test_pohon_unit_ditulis_dengan_tautan_dan_rekap(client, dunia, isi):
    dunia.dinas_b.nama = "Dinas <B> & Co"
    dunia.dinas_b.save(update_fields=["nama"])
    client.force_login(dunia.analis.pengguna)
    html = _html(client, reverse("web:pohon", args=[dunia.instansi.kode]))
    kode = dunia.instansi.kode
    url_a = reverse("web:unit", args=[kode, dunia.dinas_a.pk])
    url_kepala = reverse("web:jabatan", args=[kode, isi.kepala_a.pk])
    assert f'<li data-nama="{dunia.dinas_a.nama.lower()} kepala dinas a">' in html
    assert f'<a href="{url_a}">{dunia.dinas_a.nama}</a>' in html
    assert f'<span class="simpul-kepala"><a href="{url_kepala}">Kepala Dinas A</a></span>' in html
    # Dinas A's subtree: B 2, K 4, ± −2; Dinas B: K unknown.
    assert '<span>2</span><span>4</span><span><span class="selisih kurang">−2</span></span>' in html
    assert "<span>1</span><span>–</span><span>–</span>" not in html
    assert "Dinas &lt;B&gt; &amp; Co" in html and "<B>" not in html
    # A small agency opens fully; the leaf closes its parents' lists.
    assert html.count("<details open>") == 1
    assert html.count("</ul></details></li>") == 1
