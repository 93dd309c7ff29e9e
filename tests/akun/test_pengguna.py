"""The agency's user management: admin instansi only, per persona; accounts shared with another
agency are out of one agency admin's reach; every change audited."""

import pytest
from django.urls import reverse

from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.akun.services import anggota_tambah, sandi_atur_ulang
from ramping.audit.models import JejakAudit
from ramping.errors import RampingError, TidakBerhak

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(dunia):
    p = Pengguna.objects.create_user(username="admin_uji", password="rahasia-uji-123")
    Keanggotaan.objects.create(instansi=dunia.instansi, pengguna=p, peran=Peran.ADMIN_INSTANSI)
    return p


@pytest.fixture
def admin_lain(dunia):
    p = Pengguna.objects.create_user(username="admin_lain", password="rahasia-uji-123")
    Keanggotaan.objects.create(instansi=dunia.instansi_lain, pengguna=p, peran=Peran.ADMIN_INSTANSI)
    return p


def _url(dunia, nama="pengguna_daftar", *args):
    return reverse(f"web:{nama}", args=[dunia.instansi.kode, *args])


def _masuk(client, dunia, admin, persona):
    client.force_login(admin if persona == "admin" else getattr(dunia, persona).pengguna)


STATUS_HALAMAN = {"admin": 200, "analis": 403, "operator_a": 403, "pimpinan": 403,
                  "orang_luar": 404}  # fmt: skip


@pytest.mark.parametrize("persona", list(STATUS_HALAMAN))
def test_halaman_pengguna_per_persona(client, dunia, admin, persona):
    _masuk(client, dunia, admin, persona)
    r = client.get(_url(dunia))
    assert r.status_code == STATUS_HALAMAN[persona]
    if persona == "admin":
        teks = r.content.decode()
        assert "operator_a" in teks and "DINAS-A" in teks and "orang_luar" not in teks


@pytest.mark.parametrize("persona", list(STATUS_HALAMAN))
def test_atur_ulang_sandi_per_persona(client, dunia, admin, persona):
    _masuk(client, dunia, admin, persona)
    target = dunia.operator_a.pengguna
    r = client.post(_url(dunia, "pengguna_ubah", target.pk), {"aksi": "sandi"})
    assert r.status_code == STATUS_HALAMAN[persona]
    target.refresh_from_db()
    assert target.wajib_ganti_sandi == (persona == "admin")
    assert JejakAudit.objects.filter(aksi="sandi_atur_ulang").exists() == (persona == "admin")
    if persona == "admin":
        sandi = r.context["sandi"]
        assert target.check_password(sandi) and sandi in r.content.decode()


def test_tambah_pengguna_baru_dengan_sandi_sementara_lalu_wajib_ganti(client, dunia, admin):
    client.force_login(admin)
    r = client.post(
        _url(dunia),
        {"username": "staf_baru", "nama_depan": "Siti", "email": "siti@kota.go.id",
         "peran": "operator", "opd_kode": "DINAS-B"},
    )  # fmt: skip
    assert r.status_code == 200
    sandi = r.context["sandi_baru"]
    baru = Pengguna.objects.get(username="staf_baru")
    assert baru.check_password(sandi) and baru.wajib_ganti_sandi
    assert Keanggotaan.objects.get(pengguna=baru).opd_kode == "DINAS-B"
    assert {"pengguna_buat", "keanggotaan_atur"} <= set(
        JejakAudit.objects.filter(instansi=dunia.instansi).values_list("aksi", flat=True)
    )
    client.logout()
    r = client.post(reverse("web:masuk"), {"username": "staf_baru", "password": sandi})
    assert r.status_code == 302
    r = client.get(reverse("web:dasbor", args=[dunia.instansi.kode]))
    assert r["Location"] == reverse("web:sandi")


def test_tambah_nama_yang_sudah_ada_memberi_peran(dunia, admin, admin_lain):
    from ramping.akun.akses import akses_pengguna

    akses = akses_pengguna(admin, dunia.instansi.pk)
    anggota, sandi = anggota_tambah(akses=akses, username="admin_lain", peran=Peran.PIMPINAN)
    assert sandi is None and anggota.pengguna == admin_lain
    with pytest.raises(RampingError, match="sudah menjadi anggota"):
        anggota_tambah(akses=akses, username="admin_lain", peran=Peran.PIMPINAN)
    with pytest.raises(RampingError, match="OPD"):
        anggota_tambah(akses=akses, username="baru", peran=Peran.OPERATOR, opd_kode="TIDAK")


def test_akun_yang_juga_di_instansi_lain_tidak_bisa_direset(client, dunia, admin):
    from ramping.akun.akses import akses_pengguna

    ganda = dunia.operator_a.pengguna
    Keanggotaan.objects.create(instansi=dunia.instansi_lain, pengguna=ganda, peran=Peran.PIMPINAN)
    akses = akses_pengguna(admin, dunia.instansi.pk)
    anggota = Keanggotaan.objects.get(instansi=dunia.instansi, pengguna=ganda)
    with pytest.raises(TidakBerhak, match="juga anggota instansi lain"):
        sandi_atur_ulang(akses=akses, anggota=anggota)
    client.force_login(admin)
    r = client.post(_url(dunia, "pengguna_ubah", ganda.pk), {"aksi": "nonaktif"})
    assert r.status_code == 403
    ganda.refresh_from_db()
    assert ganda.is_active
    # Their role here is still this agency's to set.
    r = client.post(_url(dunia, "pengguna_ubah", ganda.pk), {"aksi": "peran", "peran": "pimpinan"})
    assert r.status_code == 302
    assert Keanggotaan.objects.get(instansi=dunia.instansi, pengguna=ganda).peran == "pimpinan"


def test_admin_instansi_lain_tidak_menyentuh_pengguna_instansi_ini(client, dunia, admin_lain):
    client.force_login(admin_lain)
    target = dunia.operator_a.pengguna
    assert client.get(_url(dunia)).status_code == 404
    assert (
        client.post(_url(dunia, "pengguna_ubah", target.pk), {"aksi": "sandi"}).status_code == 404
    )
    # Nor through its own agency's URL: not a member there.
    url_sendiri = reverse("web:pengguna_ubah", args=[dunia.instansi_lain.kode, target.pk])
    assert client.post(url_sendiri, {"aksi": "nonaktif"}).status_code == 404
    target.refresh_from_db()
    assert target.is_active and not target.wajib_ganti_sandi


def test_nonaktifkan_dan_aktifkan_teraudit_dan_menutup_login(client, dunia, admin):
    client.force_login(admin)
    target = dunia.pimpinan.pengguna
    assert (
        client.post(_url(dunia, "pengguna_ubah", target.pk), {"aksi": "nonaktif"}).status_code
        == 302
    )
    target.refresh_from_db()
    assert not target.is_active
    client.logout()
    r = client.post(reverse("web:masuk"), {"username": "pimpinan", "password": "rahasia-uji-123"})
    assert r.status_code == 200
    client.force_login(admin)
    client.post(_url(dunia, "pengguna_ubah", target.pk), {"aksi": "aktif"})
    target.refresh_from_db()
    assert target.is_active
    aksi = list(JejakAudit.objects.filter(objek_id=target.pk).values_list("aksi", flat=True))
    assert {"pengguna_nonaktif", "pengguna_aktif"} <= set(aksi)


def test_admin_terakhir_tidak_bisa_diturunkan(client, dunia, admin):
    from ramping.akun.akses import akses_pengguna
    from ramping.akun.services import keanggotaan_atur

    akses = akses_pengguna(admin, dunia.instansi.pk)
    with pytest.raises(RampingError, match="sedikitnya satu admin"):
        keanggotaan_atur(akses=akses, instansi=dunia.instansi, pengguna=admin, peran="analis")
    client.force_login(admin)
    r = client.post(_url(dunia, "pengguna_ubah", admin.pk), {"aksi": "keluarkan"}, follow=True)
    assert "sedikitnya satu admin" in r.content.decode()
    assert Keanggotaan.objects.filter(pengguna=admin).exists()


def test_superuser_instalasi_tidak_diatur_admin_instansi(dunia, admin):
    from ramping.akun.akses import akses_pengguna

    su = Pengguna.objects.create_superuser("root", password="rahasia-uji-123")
    Keanggotaan.objects.create(instansi=dunia.instansi, pengguna=su, peran=Peran.ANALIS)
    anggota = Keanggotaan.objects.get(pengguna=su)
    with pytest.raises(TidakBerhak, match="superuser"):
        sandi_atur_ulang(akses=akses_pengguna(admin, dunia.instansi.pk), anggota=anggota)


def test_perubahan_akun_di_admin_django_teraudit(client, dunia):
    su = Pengguna.objects.create_superuser("root", password="rahasia-uji-123")
    client.force_login(su)
    target = dunia.pimpinan.pengguna
    url = reverse("admin:auth_user_password_change", args=[target.pk])
    r = client.post(url, {"password1": "Kuda-Lari-Cepat-42", "password2": "Kuda-Lari-Cepat-42",
                          "usable_password": "true"})  # fmt: skip
    assert r.status_code == 302
    assert JejakAudit.objects.filter(
        aksi="sandi_atur_ulang", objek_id=target.pk, instansi=dunia.instansi
    ).exists()
