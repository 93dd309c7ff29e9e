"""Permission matrix: every page, every persona. Another agency's user gets 404, never 403."""

import pytest
from django.urls import reverse

from ramping.pegawai.models import Penempatan

PERSONA = ["analis", "operator_a", "operator_b", "pimpinan", "orang_luar", "anonim"]
HALAMAN_BACA = [
    "dasbor",
    "struktur_daftar",
    "pohon",
    "bagan",
    "bagan_cetak",
    "bagan_unit",
    "bagan_unit_cetak",
    "unit",
    "peta",
    "peta_unit",
    "jabatan",
    "pegawai_daftar",
    "pegawai",
]
# Placing people: agency-wide roles and operators may open the form; a leader may not.
STATUS_FORM = {
    "analis": 200,
    "operator_a": 200,
    "operator_b": 200,
    "pimpinan": 403,
    "orang_luar": 404,
}
# Placing in a position of DINAS-A: only the analyst and DINAS-A's operator succeed.
STATUS_SIMPAN = {
    "analis": 302,
    "operator_a": 302,
    "operator_b": 403,
    "pimpinan": 403,
    "orang_luar": 404,
}


def masuk(client, dunia, persona):
    if persona != "anonim":
        client.force_login(getattr(dunia, persona).pengguna)


def dialihkan_ke_login(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("web:masuk"))


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("nama", HALAMAN_BACA)
def test_halaman_baca_per_persona(client, dunia, halaman_dunia, persona, nama):
    masuk(client, dunia, persona)
    response = client.get(halaman_dunia[nama])
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    elif persona == "orang_luar":
        assert response.status_code == 404
    else:
        assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONA)
def test_form_penempatan_per_persona(client, dunia, halaman_dunia, persona):
    masuk(client, dunia, persona)
    response = client.get(halaman_dunia["penempatan_baru"])
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code == STATUS_FORM[persona]


@pytest.mark.parametrize("persona", PERSONA)
def test_simpan_penempatan_per_persona(client, dunia, isi, halaman_dunia, persona):
    masuk(client, dunia, persona)
    sebelum = Penempatan.objects.count()
    response = client.post(
        halaman_dunia["penempatan_baru"],
        {"nip": isi.pegawai_bebas.nip, "jabatan": isi.pelaksana_a.pk, "tmt_mulai": "2026-11-30"},
    )
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code == STATUS_SIMPAN[persona]
    ditulis = Penempatan.objects.count() - sebelum
    assert ditulis == (1 if response.status_code == 302 and persona != "anonim" else 0)


@pytest.mark.parametrize("persona", ["analis", "operator_a", "pimpinan"])
def test_objek_instansi_lain_lewat_url_sendiri_tidak_ditemukan(client, dunia, isi, persona):
    """An id of agency B's data under agency A's URL is 404 too (no guessing ids)."""
    from ramping.akun.akses import Akses
    from ramping.organisasi.services import struktur_buat, unit_buat

    lain = dunia.instansi_lain
    sistem = Akses.sistem(lain)
    struktur = struktur_buat(akses=sistem, instansi=lain, nama="Draf lain")
    unit = unit_buat(
        akses=sistem, struktur=struktur, induk=None, kode="X", nama="Dinas X", jenis="dinas",
        eselon="II.b",
    )  # fmt: skip
    masuk(client, dunia, persona)
    kode = dunia.instansi.kode
    for url in (
        reverse("web:unit", args=[kode, unit.pk]),
        reverse("web:bagan_unit", args=[kode, unit.pk]),
        reverse("web:peta_unit", args=[kode, unit.pk]),
        reverse("web:dasbor", args=[kode]) + f"?versi={struktur.pk}",
    ):
        assert client.get(url).status_code == 404, url


def test_instansi_yang_tidak_ada_tidak_ditemukan(client, dunia):
    masuk(client, dunia, "analis")
    assert client.get(reverse("web:dasbor", args=["tidak-ada"])).status_code == 404


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("nama", ["beranda", "sandi"])
def test_halaman_akun_butuh_login(client, dunia, persona, nama):
    masuk(client, dunia, persona)
    response = client.get(reverse(f"web:{nama}"))
    if persona == "anonim":
        assert dialihkan_ke_login(response)
    else:
        assert response.status_code in (200, 302)
        assert not dialihkan_ke_login(response)
