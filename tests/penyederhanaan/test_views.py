from datetime import date

import pytest
from django.urls import reverse

from ramping.organisasi.models import Struktur
from ramping.penyederhanaan.models import Penyetaraan
from ramping.penyederhanaan.services import terapkan_rekomendasi


@pytest.fixture
def hasil(dunia, skema):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="berlaku", berlaku_mulai=date(2021, 1, 1)
    )
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    return baru


def _url(kode, baru, lama, p):
    u = lambda n, *a: reverse(f"penyederhanaan:{n}", args=[kode, *a])  # noqa: E731
    q = f"?lama={lama.pk}&baru={baru.pk}"
    return {
        "beranda": u("beranda"),
        "kriteria": u("kriteria", lama.pk),
        "skenario": u("skenario", baru.pk),
        "struktur_terbitkan": u("struktur_terbitkan", baru.pk),
        "bandingkan": u("bandingkan") + q,
        "bandingkan_xlsx": u("bandingkan_unduh", "xlsx") + q,
        "bandingkan_pdf": u("bandingkan_unduh", "pdf") + q,
        "register": u("register") + f"?versi={baru.pk}",
        "register_xlsx": u("register_unduh", "register") + f"?versi={baru.pk}",
        "usulan_xlsx": u("register_unduh", "usulan") + f"?versi={baru.pk}",
        "penyetaraan": u("penyetaraan", p.pk),
        "tunjangan": u("tunjangan"),
        "riwayat": u("riwayat", baru.pk),
    }


@pytest.fixture
def urls(dunia, hasil):
    return _url(
        dunia.instansi.kode,
        hasil,
        dunia.struktur,
        Penyetaraan.objects.filter(instansi=dunia.instansi).first(),
    )


@pytest.mark.parametrize("persona", ["analis", "operator_a", "pimpinan"])
def test_semua_halaman_terbuka_untuk_anggota(client, dunia, urls, persona):
    client.force_login(getattr(dunia, persona).pengguna)
    for nama, url in urls.items():
        assert client.get(url).status_code == 200, nama


def test_orang_luar_tidak_melihat_apa_pun(client, dunia, urls):
    client.force_login(dunia.orang_luar.pengguna)
    for nama, url in urls.items():
        assert client.get(url).status_code == 404, nama


def test_operator_tidak_menerbitkan_lewat_web(client, dunia, hasil):
    client.force_login(dunia.operator_a.pengguna)
    url = reverse("penyederhanaan:struktur_terbitkan", args=[dunia.instansi.kode, hasil.pk])
    r = client.post(url, {"dasar_hukum_nomor": "P", "dasar_hukum_tanggal": "2023-01-02"})
    assert r.status_code == 403
    hasil.refresh_from_db()
    assert hasil.status == "draft"


def test_operator_tidak_mengubah_skenario_opd_lain(client, dunia, skema, hasil):
    client.force_login(dunia.operator_b.pengguna)
    unit = hasil.unit_set.get(asal=skema.seksi_wilayah)
    url = reverse("penyederhanaan:ubah", args=[dunia.instansi.kode, hasil.pk])
    r = client.post(url, {"aksi": "unit_hapus", "unit": unit.pk}, follow=True)
    assert "tidak berhak" in r.content.decode()
    assert hasil.unit_set.filter(pk=unit.pk).exists()


def test_analis_menerbitkan_lewat_web(client, dunia, hasil):
    client.force_login(dunia.analis.pengguna)
    url = reverse("penyederhanaan:struktur_terbitkan", args=[dunia.instansi.kode, hasil.pk])
    r = client.post(
        url, {"dasar_hukum_nomor": "Perwal 9/2023", "dasar_hukum_tanggal": "2023-01-02"}
    )
    assert r.status_code == 302
    dunia.struktur.refresh_from_db()
    assert dunia.struktur.status == "arsip"


def test_kueri_halaman_perbandingan_tetap(client, dunia, skema, hasil, django_assert_num_queries):
    from ramping.jabatan.models import Jabatan

    client.force_login(dunia.analis.pengguna)
    url = _url(
        dunia.instansi.kode,
        hasil,
        dunia.struktur,
        Penyetaraan.objects.filter(instansi=dunia.instansi).first(),
    )
    client.get(url["bandingkan"])  # warm the session and settings caches
    with django_assert_num_queries(14) as ctx:
        client.get(url["bandingkan"])
    unit = hasil.unit_set.get(asal=dunia.bidang_a)
    Jabatan.objects.bulk_create(
        Jabatan(
            instansi=dunia.instansi,
            struktur=hasil,
            unit=unit,
            nama=f"Baru {i}",
            jenis="pelaksana",
            kelas=6,
        )
        for i in range(20)
    )
    with django_assert_num_queries(len(ctx.captured_queries)):
        client.get(url["bandingkan"])


@pytest.mark.parametrize("nama", ["bandingkan_xlsx", "bandingkan_pdf", "register_xlsx"])
def test_unduhan_memuat_identitas_instansi(client, dunia, urls, nama):
    """Author = the agency, "ramping" as the creating application (issue #17 item 7)."""
    from tests.laporan.bantu import identitas_berkas

    client.force_login(dunia.analis.pengguna)
    i = identitas_berkas(client.get(urls[nama]).content)
    assert i["penulis"] == "Pemerintah Kota Uji" and i["pembuat"] == "ramping"
    assert i["judul"]


def test_pdf_pimpinan_memuat_identitas_dan_kop(client, dunia, hasil):
    from tests.laporan.bantu import identitas_berkas, teks_pdf

    client.force_login(dunia.pimpinan.pengguna)
    url = reverse("penyederhanaan:pimpinan_unduh", args=[dunia.instansi.kode])
    r = client.get(url + f"?lama={dunia.struktur.pk}&baru={hasil.pk}")
    assert r.status_code == 200
    i = identitas_berkas(r.content)
    assert i["penulis"] == "Pemerintah Kota Uji" and i["pembuat"] == "ramping"
    assert teks_pdf(r.content).lstrip().startswith("PEMERINTAH KOTA UJI")


def test_pdf_perbandingan_dibuka_kop_lalu_judul(client, dunia, urls):
    """The body opens with a section heading: the renderer puts the title under the letterhead."""
    from tests.laporan.bantu import teks_pdf

    client.force_login(dunia.analis.pengguna)
    baris = [b.strip() for b in teks_pdf(client.get(urls["bandingkan_pdf"]).content).splitlines()]
    baris = [b for b in baris if b]
    kop = next(i for i, b in enumerate(baris) if b == "PEMERINTAH KOTA UJI")
    assert baris[kop + 1] == "PERBANDINGAN VERSI STRUKTUR"
