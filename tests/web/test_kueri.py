"""No N+1: each page runs the same number of queries for a 3-unit agency and the full demo."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Pegawai
from tests.web.conftest import url_halaman

# Upper bounds (session, user, agencies, membership, versions + the page's own reads).
HALAMAN = {
    "dasbor": 8,
    "pohon": 7,
    "bagan": 7,
    "bagan_unit": 8,
    "unit": 9,
    "peta": 8,
    "peta_unit": 9,
    "jabatan": 8,
    "pegawai_daftar": 10,
    "pegawai": 7,
}
SARINGAN = {
    "pegawai_daftar": "?cari=a&status=PNS&jenis=pelaksana&bup=30&pendidikan=S-1",
    "peta": "?kurang=on&jenis=pelaksana",
}


def _dengan(url: str, tambahan: str) -> str:
    if not tambahan:
        return url
    return url + ("&" if "?" in url else "?") + tambahan.lstrip("?")


def _hitung(client, url) -> int:
    client.get(url)  # first visit stores the chosen agency in the session (one write)
    with CaptureQueriesContext(connection) as kueri:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(kueri)


def _url_demo(demo):
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    # The biggest OPD: the one with most positions.
    opd = max(
        UnitKerja.objects.filter(struktur=struktur, kedalaman=0),
        key=lambda u: Jabatan.objects.filter(
            struktur=struktur, unit__path__startswith=u.path
        ).count(),
    )
    # A position one level below the OPD, like the small agency's (breadcrumbs cost one query).
    jabatan = Jabatan.objects.filter(
        struktur=struktur, unit__path__startswith=opd.path, unit__kedalaman=1
    ).first()
    pegawai = Pegawai.objects.filter(instansi=demo).first()
    return url_halaman(demo.kode, unit_id=opd.pk, jabatan_id=jabatan.pk, pegawai_id=pegawai.pk)


@pytest.mark.parametrize("nama", sorted(HALAMAN))
def test_jumlah_kueri_tetap_dari_instansi_kecil_ke_demo(
    client, dunia, halaman_dunia, demo, analis_demo, nama
):
    client.force_login(dunia.analis.pengguna)
    tambahan = SARINGAN.get(nama, "")
    kecil = _hitung(client, _dengan(halaman_dunia[nama], tambahan))
    client.force_login(analis_demo)
    besar = _hitung(client, _dengan(_url_demo(demo)[nama], tambahan))
    assert kecil == besar
    assert besar <= HALAMAN[nama]
