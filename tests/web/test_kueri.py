"""No N+1: each page runs the same number of queries for a 3-unit agency and the full demo."""

from datetime import date

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur
from ramping.pegawai.models import Pegawai, Penempatan
from tests.conftest import opd_paling_besar
from tests.web.conftest import url_halaman

# Upper bounds (session, user, agencies with the membership, versions + the page's own reads; the
# position tree is three reads: units, positions, B per position).
# +1 on the dashboard (the running penataan round's totals) and on the position page (its open
# verifier's notes): constant, whatever the size.
HALAMAN = {
    "dasbor": 9,
    "pohon": 7,
    "bagan": 7,
    "bagan_unit": 8,
    "unit": 9,
    "peta": 8,
    "peta_unit": 9,
    "jabatan": 13,  # its ANJAB tab: + units, positions, agency for atasan langsung/korelasi
    "pegawai_daftar": 9,
    "pegawai": 6,
}
SARINGAN = {
    "pegawai_daftar": "?cari=a&status=PNS&jenis=pelaksana&bup=30&pendidikan=S-1",
    "peta": "?kurang=on&jenis=pelaksana",
}


def _dengan(url: str, tambahan: str) -> str:
    if not tambahan:
        return url
    return url + ("&" if "?" in url else "?") + tambahan.lstrip("?")


def _hitung(client, url, *, tanpa_potongan: bool = False) -> int:
    """Queries of the second visit; `tanpa_potongan`: with the page fragments
    (ramping.web.potongan) dropped first, i.e. what a visit after a write costs."""
    client.get(url)  # first visit stores the chosen agency in the session (one write)
    if tanpa_potongan:
        caches["potongan"].clear()
    with CaptureQueriesContext(connection) as kueri:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(kueri)


def _url_demo(demo):
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    opd = opd_paling_besar(struktur)
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


# The position page, tab by tab: session, user, agencies with the membership, versions; the position
# with B; its ancestors; the agency's settings; then the tab's own reads (ANJAB + tasks; tasks;
# evaluation + the kelas check of `jabatan.kewajaran`: the agency's kelas reference and the
# positions of the unit's subtree and ancestors, for every post; one page of holders + the
# latest ended placements). ANJAB adds the structure around the position for the atasan
# langsung and korelasi (units of the OPD, their positions, the agency: jabatan.hubungan).
# Each counted on a cache miss (after a write): + the change counter's read. Served from the
# fragments (header data and the tab's data), the page costs the common reads, the counter and,
# for whoever does not manage the whole agency, the penataan lock (rights stay per request).
TAB_JABATAN = {"anjab": 14, "tugas": 10, "evaluasi": 12, "pemangku": 11}
TAB_JABATAN_DARI_POTONGAN = {"analis": 5, "operator": 6}


def _jabatan_demo(demo, struktural: bool) -> Jabatan:
    """The demo's biggest case: the Guru position with most holders, or the structural head
    with the biggest subtree."""
    from django.db.models import Count, Q

    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    qs = Jabatan.objects.filter(struktur=struktur, unit__kedalaman__gt=0)
    if struktural:
        return qs.filter(jenis="administrator", is_kepala=True).order_by("unit__path").first()
    return (
        qs.filter(nama_jf="Guru")
        .annotate(b=Count("penempatan_set", filter=Q(penempatan_set__tmt_selesai__isnull=True)))
        .order_by("-b")
        .first()
    )


@pytest.mark.parametrize("struktural", [False, True], ids=["fungsional", "struktural"])
@pytest.mark.parametrize("tab", sorted(TAB_JABATAN))
def test_halaman_jabatan_kueri_tetap_untuk_guru_dengan_ratusan_pemangku(
    client, dunia, isi, demo, analis_demo, tab, struktural
):
    from django.urls import reverse

    from tests.web.conftest import _jabatan

    # One level below the OPD on both sides, like the demo's (breadcrumbs cost one query).
    kecil = isi.pelaksana_a
    if struktural:
        kecil = _jabatan(dunia.bidang_a, "Kepala Bidang Satu", "administrator", is_kepala=True)
        Penempatan.objects.create(
            instansi=dunia.instansi, struktur=dunia.struktur, pegawai=isi.pegawai_bebas,
            jabatan=kecil, tmt_mulai=date(2024, 1, 2),
        )  # fmt: skip
    besar = _jabatan_demo(demo, struktural)
    if not struktural:
        assert besar.b > 300  # a Guru position with hundreds of holders (paged by 50)
    client.force_login(dunia.analis.pengguna)
    url_kecil = reverse("web:jabatan", args=[dunia.instansi.kode, kecil.pk]) + f"?tab={tab}"
    n_kecil = _hitung(client, url_kecil, tanpa_potongan=True)
    client.force_login(analis_demo)
    url_besar = reverse("web:jabatan", args=[demo.kode, besar.pk]) + f"?tab={tab}"
    n_besar = _hitung(client, url_besar, tanpa_potongan=True)
    assert n_kecil == n_besar
    assert n_besar <= TAB_JABATAN[tab]
    assert _hitung(client, url_besar) == TAB_JABATAN_DARI_POTONGAN["analis"]
    client.force_login(dunia.operator_a.pengguna)
    assert _hitung(client, url_kecil) == TAB_JABATAN_DARI_POTONGAN["operator"]
