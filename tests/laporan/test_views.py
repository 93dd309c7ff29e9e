"""Permission matrix for every laporan URL, the downloads, and the ZIP job with progress."""

import zipfile
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ramping.laporan.exporters import LAPORAN
from ramping.pekerjaan.models import Pekerjaan
from tests.laporan.bantu import baris_xlsx

PERSONA = ["analis", "operator_a", "operator_b", "pimpinan", "orang_luar", "anonim"]


@pytest.fixture(autouse=True)
def _penyimpanan(antrean):
    """Jobs write into the test's folder; `antrean` runs the real worker loop."""


def masuk(client, dunia, persona):
    if persona != "anonim":
        client.force_login(getattr(dunia, persona).pengguna)


def _harapan(response, persona, berhasil=200):
    if persona == "anonim":
        assert response.status_code == 302 and reverse("web:masuk") in response["Location"]
    elif persona == "orang_luar":
        assert response.status_code == 404
    else:
        assert response.status_code == berhasil


def _unduh(kode, laporan, format, **param):
    query = "&".join(f"{k}={v}" for k, v in {"format": format, **param}.items())
    return reverse("laporan:unduh", args=[kode, laporan]) + "?" + query


@pytest.mark.parametrize("persona", PERSONA)
def test_halaman_laporan_per_persona(client, dunia, kecil, persona):
    masuk(client, dunia, persona)
    response = client.get(reverse("laporan:indeks", args=[dunia.instansi.kode]))
    _harapan(response, persona)
    if response.status_code == 200:
        teks = response.content.decode()
        for e in LAPORAN.values():
            assert e.judul in teks
        # The ZIP builder offers an operator only their own OPD.
        zip_form = teks[teks.index('id="zip-opd"') :]
        assert ("Dinas B" in zip_form.split("</select>")[0]) == (persona != "operator_a")


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize(
    ("laporan", "format"),
    [(k, f) for k, e in LAPORAN.items() for f in e.format],
)
def test_unduh_setiap_laporan_per_persona(client, dunia, kecil, persona, laporan, format):
    masuk(client, dunia, persona)
    response = client.get(_unduh(dunia.instansi.kode, laporan, format, opd="DINAS-A"))
    _harapan(response, persona)
    if response.status_code == 200:
        assert response["Content-Disposition"].startswith("attachment;")
        assert len(response.content) > 1000


def test_unduh_anjab_satu_jabatan_dan_laporan_tak_dikenal(client, dunia, kecil):
    masuk(client, dunia, "operator_b")
    kode = dunia.instansi.kode
    ok = client.get(_unduh(kode, "anjab", "docx", jabatan=kecil.pelaksana.pk))
    assert ok.status_code == 200 and "jabatan" in ok["Content-Disposition"]
    assert client.get(_unduh(kode, "anjab", "xlsx", opd="DINAS-A")).status_code == 404
    assert client.get(_unduh(kode, "tidak-ada", "pdf")).status_code == 404
    # Needs an OPD: the form again with the Indonesian error on its OPD field, no bare 404.
    tanpa_opd = client.get(_unduh(kode, "anjab", "pdf"))
    assert tanpa_opd.status_code == 400
    html = tanpa_opd.content.decode()
    assert 'id="opd-anjab-galat"' in html and "Pilih perangkat daerah untuk laporan ini." in html
    assert 'aria-describedby="opd-anjab-galat"' in html
    assert client.get(_unduh(kode, "peta-jabatan", "xlsx", opd="TIDAK-ADA")).status_code == 404


def test_unduh_jabatan_instansi_lain_tidak_ada(client, dunia, kecil):
    masuk(client, dunia, "orang_luar")
    kode = dunia.instansi_lain.kode
    response = client.get(_unduh(kode, "anjab", "pdf", jabatan=kecil.pelaksana.pk))
    assert response.status_code == 404


def test_unduh_memakai_versi_yang_dipilih(client, dunia, kecil):
    masuk(client, dunia, "analis")
    response = client.get(
        _unduh(dunia.instansi.kode, "peta-jabatan", "xlsx", versi=dunia.struktur.pk)
    )
    _ws, _k, baris = baris_xlsx(response.content)
    assert sum(b[0].value is not None for b in baris) == 4
    assert (
        client.get(_unduh(dunia.instansi.kode, "peta-jabatan", "xlsx", versi=999999)).status_code
        == 404
    )


def test_unduh_peta_jumlah_kueri_tetap(client, dunia, kecil):
    masuk(client, dunia, "analis")
    url = _unduh(dunia.instansi.kode, "peta-jabatan", "xlsx")
    client.get(url)
    with CaptureQueriesContext(connection) as kueri:
        assert client.get(url).status_code == 200
    assert len(kueri) <= 9  # session, user, agencies with the membership, versions + 4 reads


# The ZIP builder: an operator only for their own OPD; the others for any OPD.
STATUS_ZIP = {"analis": 202, "operator_a": 202, "operator_b": 403, "pimpinan": 202}


@pytest.mark.parametrize("persona", PERSONA)
def test_zip_per_persona(client, dunia, kecil, persona):
    masuk(client, dunia, persona)
    url = reverse("laporan:zip_mulai", args=[dunia.instansi.kode])
    response = client.post(url, {"opd": "DINAS-A"}, headers={"HX-Request": "true"})
    _harapan(response, persona, STATUS_ZIP.get(persona))
    if response.status_code == 202:
        assert Pekerjaan.objects.get().pengguna == getattr(dunia, persona).pengguna


def test_zip_dibangun_dengan_kemajuan_lalu_diunduh(client, dunia, kecil, antrean):
    masuk(client, dunia, "operator_a")
    kode = dunia.instansi.kode
    response = client.post(
        reverse("laporan:zip_mulai", args=[kode]),
        {"opd": "DINAS-A"},
        headers={"HX-Request": "true"},
    )
    teks = response.content.decode()
    assert "antrean" in teks and "hx-trigger" in teks  # polls while it waits and builds
    token = teks.split("/pekerjaan/")[1].split("/")[0]
    antrean()
    status = client.get(
        reverse("laporan:pekerjaan", args=[kode, token]), headers={"HX-Request": "true"}
    )
    isi = status.content.decode()
    assert "11/11 dokumen" in isi and "Unduh ZIP" in isi and "hx-trigger" not in isi
    halaman = client.get(reverse("laporan:pekerjaan", args=[kode, token]))
    assert "<html" in halaman.content.decode()  # without JavaScript: a whole page
    unduh = client.get(reverse("laporan:pekerjaan_unduh", args=[kode, token]))
    with zipfile.ZipFile(BytesIO(b"".join(unduh.streaming_content))) as z:
        nama = z.namelist()
    assert len(nama) == 11
    assert sum(n.startswith("dinas-a/anjab/") for n in nama) == 3  # one DOCX per position
    assert "dinas-a/peta-jabatan-dinas-a.pdf" in nama

    # Another user of the same agency cannot read or fetch it.
    client.force_login(dunia.analis.pengguna)
    assert client.get(reverse("laporan:pekerjaan", args=[kode, token])).status_code == 404
    assert client.get(reverse("laporan:pekerjaan_unduh", args=[kode, token])).status_code == 404
    jahat = reverse("laporan:pekerjaan", args=[kode, "x" * 30]).replace("x" * 30, "..%2F..%2Fetc")
    assert client.get(jahat).status_code == 404


def test_zip_tanpa_htmx_dialihkan_ke_halaman_status(client, dunia, kecil):
    masuk(client, dunia, "analis")
    response = client.post(
        reverse("laporan:zip_mulai", args=[dunia.instansi.kode]), {"opd": "DINAS-B"}
    )
    assert response.status_code == 302 and "/pekerjaan/" in response["Location"]
    assert "menunggu giliran" in client.get(response["Location"]).content.decode()
