"""The agency's kelas overrides page: analis only, audited, with its legal basis; a misspelt
catalogue name is questioned ("maksud Anda …?") until confirmed; outsiders get 404."""

import pytest
from django.urls import reverse

from ramping.audit.models import JejakAudit
from ramping.jabatan.models import KelasInstansi
from ramping.jabatan.selectors import kelas_acuan

pytestmark = pytest.mark.django_db

ISIAN = {
    "jenis": "fungsional",
    "nama": "Perencana",
    "jenjang": "ahli_muda",
    "kelas": "11",
    "dasar_hukum": "Keputusan Wali Kota Uji 800/12/2025",
    "keterangan": "hasil evaluasi jabatan 2025",
}


def _url(dunia, nama="web:kelas_instansi_daftar", *args):
    return reverse(nama, args=[dunia.instansi.kode, *args])


def test_analis_menambah_mengubah_dan_menghapus(client, dunia):
    client.force_login(dunia.analis.pengguna)
    r = client.get(_url(dunia))
    assert r.status_code == 200
    assert "Belum ada kelas khusus instansi" in r.content.decode()
    r = client.post(_url(dunia), ISIAN)
    assert r.status_code == 302
    k = KelasInstansi.objects.get(instansi=dunia.instansi)
    assert (k.nama, k.jenjang, k.kelas) == ("Perencana", "ahli_muda", 11)
    # The reference now answers the agency's kelas, citing its decision.
    assert kelas_acuan(dunia.instansi.pk).kelas("fungsional", "", "Perencana", "ahli_muda") == (
        11,
        "Keputusan Wali Kota Uji 800/12/2025 (instansi)",
    )
    halaman = client.get(_url(dunia)).content.decode()
    assert "Keputusan Wali Kota Uji 800/12/2025" in halaman
    assert ">10<" in halaman  # the catalogue kelas beside it (Perencana Ahli Muda = 10)

    r = client.post(
        _url(dunia, "web:kelas_instansi_ubah", k.pk), {**ISIAN, "kelas": "12", "versi": k.versi}
    )
    assert r.status_code == 302
    k.refresh_from_db()
    assert k.kelas == 12
    # A stale version is refused, nothing changes.
    r = client.post(
        _url(dunia, "web:kelas_instansi_ubah", k.pk), {**ISIAN, "kelas": "9", "versi": 1}
    )
    assert r.status_code == 422
    assert "sudah diubah oleh pengguna lain" in r.content.decode()
    k.refresh_from_db()
    assert k.kelas == 12

    r = client.post(_url(dunia, "web:kelas_instansi_hapus", k.pk), {"versi": k.versi})
    assert r.status_code == 302
    assert not KelasInstansi.objects.filter(instansi=dunia.instansi).exists()
    aksi = list(
        JejakAudit.objects.filter(instansi=dunia.instansi, aksi__startswith="kelas_instansi")
        .order_by("pk")
        .values_list("aksi", flat=True)
    )
    assert aksi == ["kelas_instansi_simpan", "kelas_instansi_simpan", "kelas_instansi_hapus"]


@pytest.mark.parametrize(
    ("jenis", "nama", "jenjang", "maksud"),
    [
        ("fungsional", "Analis SDM Aparatur", "ahli_muda", "Analis Sumber Daya Manusia Aparatur"),
        ("pelaksana", "Pengolah Data dan Informsi", "", "Pengolah Data dan Informasi"),
    ],
)
def test_nama_salah_ketik_ditanya_lalu_boleh_dikonfirmasi(
    client, dunia, jenis, nama, jenjang, maksud
):
    client.force_login(dunia.analis.pengguna)
    isian = {**ISIAN, "jenis": jenis, "nama": nama, "jenjang": jenjang}
    r = client.post(_url(dunia), isian)
    assert r.status_code == 422
    assert f"Maksud Anda “{maksud}”?" in r.content.decode()
    assert not KelasInstansi.objects.filter(instansi=dunia.instansi).exists()
    r = client.post(_url(dunia), {**isian, "tetap": "on"})
    assert r.status_code == 302
    assert KelasInstansi.objects.get(instansi=dunia.instansi).nama == nama


def test_dasar_hukum_wajib(client, dunia):
    client.force_login(dunia.analis.pengguna)
    r = client.post(_url(dunia), {**ISIAN, "dasar_hukum": ""})
    assert r.status_code == 422
    assert not KelasInstansi.objects.filter(instansi=dunia.instansi).exists()


@pytest.mark.parametrize("persona", ["operator_a", "pimpinan"])
def test_peran_lain_ditolak(client, dunia, persona):
    client.force_login(getattr(dunia, persona).pengguna)
    assert client.get(_url(dunia)).status_code == 403
    assert client.post(_url(dunia), ISIAN).status_code == 403
    assert not KelasInstansi.objects.filter(instansi=dunia.instansi).exists()


def test_orang_luar_dan_baris_instansi_lain_404(client, dunia):
    client.force_login(dunia.analis.pengguna)
    client.post(_url(dunia), ISIAN)
    k = KelasInstansi.objects.get(instansi=dunia.instansi)
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(_url(dunia)).status_code == 404
    assert (
        client.post(_url(dunia, "web:kelas_instansi_hapus", k.pk), {"versi": k.versi}).status_code
        == 404
    )
    # In their own agency the row of the other agency does not exist either.
    lain = reverse("web:kelas_instansi_ubah", args=[dunia.instansi_lain.kode, k.pk])
    assert client.get(lain).status_code == 404
    assert KelasInstansi.objects.filter(pk=k.pk).exists()
