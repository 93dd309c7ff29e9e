"""Editing a unit's 25/2021 exception attributes and texts on a draft version."""

import pytest

from ramping.audit.models import JejakAudit
from ramping.organisasi.models import UnitKerja

DATA = {
    "nama": "Bidang Satu",
    "singkatan": "",
    "tugas": "Menyusun kebijakan",
    "fungsi": "",
    "kewilayahan": "on",
}


def _url(dunia):
    return f"/i/{dunia.instansi.kode}/unit/{dunia.bidang_a.pk}/ubah/"


@pytest.mark.parametrize(
    ("persona", "status", "ditulis"),
    [
        ("analis", 302, True),
        ("operator_a", 302, True),
        ("operator_b", 403, False),
        ("pimpinan", 403, False),
        ("orang_luar", 404, False),
    ],
)
def test_hanya_yang_berhak_mengubah_unit(client, dunia, persona, status, ditulis):
    client.force_login(getattr(dunia, persona).pengguna)
    r = client.post(_url(dunia), DATA)
    assert r.status_code == status
    unit = UnitKerja.objects.get(pk=dunia.bidang_a.pk)
    assert unit.kewilayahan is ditulis
    assert JejakAudit.objects.filter(aksi="unit_ubah", objek_id=unit.pk).exists() is ditulis
    if status in (403, 404):
        assert client.get(_url(dunia)).status_code == status


def test_tamu_diarahkan_ke_halaman_masuk(client, dunia):
    assert client.get(_url(dunia)).status_code == 302


def test_versi_berlaku_tidak_menampilkan_formulir(client, dunia):
    dunia.struktur.status, dunia.struktur.berlaku_mulai = "berlaku", "2024-01-01"
    dunia.struktur.save()
    client.force_login(dunia.analis.pengguna)
    html = client.get(_url(dunia)).content.decode()
    assert "Salin versi menjadi skenario" in html
    assert 'name="kewilayahan"' not in html


def test_halaman_unit_menampilkan_pengecualian_dan_tombol_ubah(client, dunia):
    UnitKerja.objects.filter(pk=dunia.bidang_a.pk).update(kepala_satker=True)
    client.force_login(dunia.analis.pengguna)
    html = client.get(f"/i/{dunia.instansi.kode}/unit/{dunia.bidang_a.pk}/").content.decode()
    assert "kepala satker" in html and "Ubah unit" in html
