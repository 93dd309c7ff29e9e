"""The agency's ABK and import settings page: saving recomputes K of the versions in use."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ramping.audit.models import JejakAudit
from ramping.jabatan.models import Jabatan, Tugas
from ramping.organisasi.models import PengaturanInstansi, Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi

pytestmark = pytest.mark.django_db


@pytest.fixture
def jabatan(dunia):
    j = Jabatan.objects.create(
        instansi=dunia.instansi, struktur=dunia.struktur, unit=dunia.bidang_a,
        nama="Pengolah Data dan Informasi", jenis="pelaksana", kelas=6,
    )  # fmt: skip
    # 1,500 hours a year: K = 1500 / 1250 = 1.2 → 1 (PermenPAN-RB 1/2020, half up).
    Tugas.objects.create(
        instansi=dunia.instansi, jabatan=j, uraian="Mengolah data", hasil_kerja="Data",
        satuan_hasil="berkas", volume=1500, waktu=1,
    )  # fmt: skip
    from ramping.jabatan.services import abk_hitung_ulang

    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    j.refresh_from_db()
    assert j.kebutuhan == 1
    return j


def _url(dunia):
    return reverse("web:pengaturan_aturan", args=[dunia.instansi.kode])


ISIAN = {
    "wke_jam": "1000",
    "mode_pembulatan": "ceil",
    "minimal_satu": "on",
    "dasar_hukum": "Perwal Kota Uji 12/2024 tentang ABK",
    "hari_kerja_tahun": "240",
    "minggu_kerja_tahun": "",
    "batas_k_wajar": "30",
}


def test_analis_menyimpan_dan_k_dihitung_ulang(client, dunia, jabatan):
    arsip = Struktur.objects.create(
        instansi=dunia.instansi, nama="SOTK lama", status=Struktur.Status.ARSIP,
        berlaku_mulai=date(2019, 1, 2),
    )  # fmt: skip
    client.force_login(dunia.analis.pengguna)
    assert client.get(_url(dunia)).status_code == 200
    r = client.post(_url(dunia), ISIAN, follow=True)
    isi = r.content.decode()
    assert "Pengaturan ABK disimpan." in isi and "Draf uji (1 jabatan)" in isi
    assert "SOTK lama" not in isi.split("K dihitung ulang")[1].split("</p>")[0]
    p = pengaturan_instansi(instansi_id=dunia.instansi.pk)
    assert (p.wke_jam, p.mode_pembulatan, p.hari_kerja_tahun, p.minggu_kerja_tahun) == (
        Decimal(1000), "ceil", 240, 47,
    )  # fmt: skip
    assert p.batas_k_wajar == Decimal(30)
    jabatan.refresh_from_db()
    assert jabatan.kebutuhan == 2  # 1500 / 1000 = 1.5, always up
    assert JejakAudit.objects.filter(aksi="pengaturan_aturan_ubah").count() == 1
    # The archived version was not recomputed (no audit entry names it).
    assert not JejakAudit.objects.filter(aksi="abk_hitung_ulang", objek_id=arsip.pk).exists()


@pytest.mark.parametrize(
    ("ubah", "medan"),
    [({"wke_jam": "0"}, "wke_jam"), ({"hari_kerja_tahun": "400"}, "hari_kerja_tahun"),
     ({"mode_pembulatan": "entah"}, "mode_pembulatan"), ({"batas_k_wajar": "-1"}, "batas_k_wajar")],
)  # fmt: skip
def test_isian_salah_ditolak_tanpa_menulis(client, dunia, jabatan, ubah, medan):
    client.force_login(dunia.analis.pengguna)
    r = client.post(_url(dunia), ISIAN | ubah)
    assert r.status_code == 422
    assert medan in r.context["form"].errors
    # Indonesian, beside the field, without the engine's key or a Decimal('…') repr.
    assert "Decimal(" not in str(r.context["form"].errors) and "'" not in str(
        r.context["form"].errors[medan]
    )
    assert not PengaturanInstansi.objects.filter(instansi=dunia.instansi).exists()
    jabatan.refresh_from_db()
    assert jabatan.kebutuhan == 1


@pytest.mark.parametrize(
    ("persona", "status"), [("operator_a", 403), ("pimpinan", 403), ("orang_luar", 404)]
)
def test_yang_tidak_berhak_ditolak(client, dunia, jabatan, persona, status):
    client.force_login(getattr(dunia, persona).pengguna)
    assert client.get(_url(dunia)).status_code == status
    assert client.post(_url(dunia), ISIAN).status_code == status
    assert not PengaturanInstansi.objects.filter(instansi=dunia.instansi).exists()


def test_hanya_perubahan_yang_mempengaruhi_k_menghitung_ulang(client, dunia, jabatan):
    from ramping.organisasi.services_pengaturan import pengaturan_aturan_ubah

    # The defaults in force are WKE 1250, half up, minimum one: saving them again plus a new
    # import ceiling changes no K, so nothing is recomputed (and nothing claims it was).
    sebelum = JejakAudit.objects.filter(aksi="abk_hitung_ulang").count()
    hasil = pengaturan_aturan_ubah(
        akses=dunia.analis, wke_jam=Decimal(1250), mode_pembulatan="half_up",
        minimal_satu=True, batas_k_wajar=Decimal(40),
    )  # fmt: skip
    assert hasil == {}
    assert JejakAudit.objects.filter(aksi="abk_hitung_ulang").count() == sebelum
    assert pengaturan_instansi(instansi_id=dunia.instansi.pk).batas_k_wajar == Decimal(40)
