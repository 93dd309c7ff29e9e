"""The letterhead settings page: who may edit, and the logo check (nothing written on refusal)."""

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.models import JejakAudit
from ramping.organisasi.models import PengaturanInstansi

ISIAN = {
    "kop_pemerintah": "Pemerintah Kota Uji",
    "kop_unit": "Sekretariat Daerah",
    "alamat": "Jalan Uji 1",
    "kota": "Uji",
    "jenis_peraturan": "",
    "jabatan_kepala_daerah": "Wali Kota Uji",
    "nama_kepala_daerah": "Andi Wijaya",
    "penandatangan_jabatan": "Sekretaris Daerah",
    "penandatangan_nama": "Sari Dewi",
    "penandatangan_pangkat": "Pembina Utama Madya (IV/d)",
    "penandatangan_nip": "197001011995032001",
}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _png() -> bytes:
    b = BytesIO()
    Image.new("RGB", (40, 50), "navy").save(b, "PNG")
    return b.getvalue()


def _url(dunia):
    return reverse("web:pengaturan_kop", args=[dunia.instansi.kode])


def _admin(dunia):
    p = Pengguna.objects.create_user(username="admin_uji", password="rahasia-uji-123")
    Keanggotaan.objects.create(instansi=dunia.instansi, pengguna=p, peran=Peran.ADMIN_INSTANSI)
    return p


@pytest.mark.parametrize("persona", ["analis", "admin"])
def test_analis_dan_admin_mengubah_kop_dengan_logo(client, dunia, settings, persona):
    client.force_login(_admin(dunia) if persona == "admin" else dunia.analis.pengguna)
    assert client.get(_url(dunia)).status_code == 200
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    r = client.post(_url(dunia), {**ISIAN, "berkas_logo": logo})
    assert r.status_code == 302
    p = PengaturanInstansi.objects.get(instansi=dunia.instansi)
    assert p.nama_kepala_daerah == "Andi Wijaya" and p.logo.name.startswith("logo/kota-uji-")
    assert (settings.MEDIA_ROOT / p.logo.name).read_bytes() == _png()
    assert JejakAudit.objects.filter(aksi="pengaturan_kop_ubah").count() == 1
    # The page shows the logo inline and the navigation links the page.
    teks = client.get(_url(dunia)).content.decode()
    assert "data:image/png;base64," in teks and _url(dunia) in teks


@pytest.mark.parametrize("persona", ["operator_a", "pimpinan", "orang_luar"])
def test_peran_lain_ditolak(client, dunia, persona):
    client.force_login(getattr(dunia, persona).pengguna)
    harapan = 404 if persona == "orang_luar" else 403
    assert client.get(_url(dunia)).status_code == harapan
    assert client.post(_url(dunia), ISIAN).status_code == harapan
    assert not PengaturanInstansi.objects.filter(instansi=dunia.instansi).exists()
    if persona == "operator_a":
        dasbor = client.get(reverse("web:dasbor", args=[dunia.instansi.kode]))
        assert _url(dunia) not in dasbor.content.decode()


@pytest.mark.parametrize(
    ("isi", "nama", "pesan"),
    [
        (b"bukan gambar", "logo.png", "tidak dapat dibaca sebagai gambar PNG atau JPEG"),
        (b"GIF89a" + b"\0" * 20, "logo.gif", "tidak dapat dibaca"),
        (b"\x89PNG" + b"0" * (1024 * 1024 + 10), "besar.png", "paling besar 1 MB"),
    ],
)
def test_logo_buruk_ditolak_tanpa_menulis(client, dunia, settings, isi, nama, pesan):
    client.force_login(dunia.analis.pengguna)
    r = client.post(_url(dunia), {**ISIAN, "berkas_logo": SimpleUploadedFile(nama, isi)})
    assert r.status_code == 422
    assert pesan in r.content.decode()
    assert not PengaturanInstansi.objects.filter(instansi=dunia.instansi).exists()
    assert not (settings.MEDIA_ROOT / "logo").exists()
    assert not JejakAudit.objects.filter(aksi="pengaturan_kop_ubah").exists()


def test_logo_gif_asli_ditolak(client, dunia, settings):
    b = BytesIO()
    Image.new("RGB", (10, 10)).save(b, "GIF")
    client.force_login(dunia.analis.pengguna)
    r = client.post(
        _url(dunia), {**ISIAN, "berkas_logo": SimpleUploadedFile("l.gif", b.getvalue())}
    )
    assert r.status_code == 422 and "Logo harus berupa gambar PNG atau JPEG" in r.content.decode()
    assert not (settings.MEDIA_ROOT / "logo").exists()


def test_logo_buruk_dan_isian_terlalu_panjang_dijawab_sekaligus(client, dunia, settings):
    """Issue #17 item 4: a bad logo and a too-long line in one round, nothing written."""
    from html import unescape

    client.force_login(dunia.analis.pengguna)
    data = {**ISIAN, "kop_unit": "X" * 121, "berkas_logo": SimpleUploadedFile("l.png", b"x")}
    r = client.post(_url(dunia), data)
    html = unescape(r.content.decode())
    assert r.status_code == 422
    assert "tidak dapat dibaca sebagai gambar PNG atau JPEG" in html
    assert "Baris kop: unit: " in html
    assert not PengaturanInstansi.objects.filter(instansi=dunia.instansi).exists()
    assert not (settings.MEDIA_ROOT / "logo").exists()
