"""Forms: Indonesian messages next to the field, nothing written on error."""

import pytest
from django.urls import reverse

from ramping.pegawai.models import Penempatan


@pytest.fixture
def form_url(dunia):
    return reverse("web:penempatan_buat", args=[dunia.instansi.kode])


def kirim(client, url, **data):
    sebelum = Penempatan.objects.count()
    response = client.post(url, data)
    assert response.status_code == 200
    assert Penempatan.objects.count() == sebelum, "nothing is written when the form is invalid"
    return response.content.decode()


def pesan_di_medan(html: str, field: str, pesan: str) -> bool:
    """The message is rendered in the error paragraph that belongs to that field."""
    awal = html.find(f'id="id_{field}_galat"')
    return awal != -1 and pesan in html[awal : awal + 400]


def test_isian_kosong_ditolak_dengan_pesan_per_medan(client, dunia, isi, form_url):
    client.force_login(dunia.analis.pengguna)
    html = kirim(client, form_url, nip="", jabatan="", tmt_mulai="")
    assert pesan_di_medan(html, "nip", "NIP pegawai wajib diisi.")
    assert pesan_di_medan(html, "jabatan", "Pilih jabatan tujuan.")
    assert pesan_di_medan(html, "tmt_mulai", "TMT mulai wajib diisi.")
    assert 'aria-invalid="true"' in html


@pytest.mark.parametrize(
    ("nip", "pesan"),
    [
        ("12345", "NIP harus terdiri dari 18 angka."),
        ("199901012020011099", "Tidak ada pegawai dengan NIP ini di instansi ini."),
    ],
)
def test_nip_salah_ditolak(client, dunia, isi, form_url, nip, pesan):
    client.force_login(dunia.analis.pengguna)
    html = kirim(client, form_url, nip=nip, jabatan=isi.pelaksana_a.pk, tmt_mulai="2026-11-30")
    assert pesan_di_medan(html, "nip", pesan)


def test_tanggal_salah_ditolak(client, dunia, isi, form_url):
    client.force_login(dunia.analis.pengguna)
    html = kirim(
        client,
        form_url,
        nip=isi.pegawai_bebas.nip,
        jabatan=isi.pelaksana_a.pk,
        tmt_mulai="31-02-2026",
    )
    assert pesan_di_medan(html, "tmt_mulai", "Tanggal tidak valid")


def test_pegawai_yang_masih_menjabat_ditolak_oleh_layanan(client, dunia, isi, form_url):
    """The service's Indonesian error (one active placement per version) lands on the NIP."""
    client.force_login(dunia.analis.pengguna)
    html = kirim(
        client, form_url, nip=isi.pegawai_a.nip, jabatan=isi.pelaksana_a.pk, tmt_mulai="2026-11-30"
    )
    assert pesan_di_medan(html, "nip", "masih menjabat Kepala Dinas A")


def test_penempatan_berhasil_mengarah_ke_halaman_pegawai(client, dunia, isi, form_url):
    client.force_login(dunia.operator_a.pengguna)
    response = client.post(
        form_url,
        {"nip": f"{isi.pegawai_bebas.nip[:8]} {isi.pegawai_bebas.nip[8:]}",
         "jabatan": isi.pelaksana_a.pk, "tmt_mulai": "30-11-2026", "nomor_sk": "800/1/2026"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].startswith(
        reverse("web:pegawai", args=[dunia.instansi.kode, isi.pegawai_bebas.pk])
    )
    aktif = Penempatan.objects.get(pegawai=isi.pegawai_bebas, tmt_selesai__isnull=True)
    assert aktif.jabatan == isi.pelaksana_a
    assert str(aktif.tmt_mulai) == "2026-11-30"
    halaman = client.get(response["Location"]).content.decode()
    assert "ditempatkan sebagai Pengadministrasi Perkantoran" in halaman


def test_operator_hanya_ditawari_jabatan_opdnya(client, dunia, isi, form_url):
    client.force_login(dunia.operator_b.pengguna)
    html = client.get(form_url).content.decode()
    assert "Kepala Dinas B" in html
    assert "Pengadministrasi Perkantoran" not in html


@pytest.mark.parametrize(
    ("bup", "pesan"),
    [("-1", "Tidak boleh kurang dari 0 tahun."), ("x", "Isi dengan bilangan bulat")],
)
def test_saringan_pegawai_menolak_bup_salah(client, dunia, isi, bup, pesan):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:pegawai_daftar", args=[dunia.instansi.kode])
    html = client.get(url, {"bup": bup}).content.decode()
    assert pesan_di_medan(html, "bup", pesan)


def test_login_salah_memberi_pesan_indonesia(client, dunia):
    response = client.post(reverse("web:masuk"), {"username": "analis", "password": "salah"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nama pengguna atau kata sandi salah." in html
    assert not client.session.get("_auth_user_id")
