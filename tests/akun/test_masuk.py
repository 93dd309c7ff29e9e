"""Login throttling (django-axes), the audit of lockouts, and the optional second factor."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import TOTP

from ramping.akun.dua_faktor import dua_faktor_aktifkan, dua_faktor_siapkan
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.models import JejakAudit

pytestmark = pytest.mark.django_db
SANDI = "rahasia-uji-123"
PESAN = "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit atau hubungi admin."


def _masuk(client, username, sandi):
    return client.post(reverse("web:masuk"), {"username": username, "password": sandi})


def _gagal(client, username, kali):
    for _ in range(kali):
        r = _masuk(client, username, "salah-sekali")
    return r


def test_lima_gagal_mengunci_walau_sandi_benar_dan_tercatat_di_audit(client, dunia):
    r = _gagal(client, "analis", 4)
    assert r.status_code == 200 and "Nama pengguna atau kata sandi salah" in r.content.decode()
    r = _gagal(client, "analis", 1)
    assert r.status_code == 429 and PESAN in r.content.decode()
    r = _masuk(client, "analis", SANDI)
    assert r.status_code == 429 and PESAN in r.content.decode()
    assert "_auth_user_id" not in client.session
    # The lockout once in the agency's trail (not again for the attempt during it).
    jejak = JejakAudit.objects.filter(aksi="login_terkunci")
    assert [(j.instansi_id, j.objek_id) for j in jejak] == [
        (dunia.instansi.pk, dunia.analis.pengguna.pk)
    ]
    from axes.models import AccessAttempt

    assert AccessAttempt.objects.get(username="analis").failures_since_start == 6


def test_orang_lain_dari_alamat_sama_tidak_ikut_terkunci(client, dunia):
    _gagal(client, "analis", 5)
    assert _masuk(client, "pimpinan", SANDI).status_code == 302


def test_kunci_lepas_setelah_masa_tunggu(client, dunia, settings):
    from datetime import timedelta

    _gagal(client, "analis", 5)
    assert _masuk(client, "analis", SANDI).status_code == 429
    # Cool-off over: axes ignores attempts older than AXES_COOLOFF_TIME.
    settings.AXES_COOLOFF_TIME = timedelta(seconds=0)
    r = _masuk(client, "analis", SANDI)
    assert r.status_code == 302 and r["Location"] == reverse("web:beranda")


def test_nama_pengguna_tak_dikenal_terkunci_tanpa_audit_instansi(client, dunia, caplog):
    r = _gagal(client, "tidak-ada", 5)
    assert r.status_code == 429
    assert not JejakAudit.objects.filter(aksi="login_terkunci").exists()
    assert "tidak-ada" in caplog.text


def test_axes_reset_melepas_kunci(client, dunia):
    from axes.utils import reset

    _gagal(client, "analis", 5)
    reset(username="analis")
    assert _masuk(client, "analis", SANDI).status_code == 302


# --- Two-factor ----------------------------------------------------------------------------------


def _kode(perangkat, geser=0):
    totp = TOTP(perangkat.bin_key, perangkat.step, perangkat.t0, perangkat.digits, perangkat.drift)
    totp.time = time.time() + geser
    return f"{totp.token():06d}"


@pytest.fixture
def dua_faktor(dunia, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code does not delay the next one here
    pengguna = dunia.analis.pengguna
    perangkat = dua_faktor_siapkan(pengguna=pengguna)
    return dua_faktor_aktifkan(pengguna=pengguna, kode=_kode(perangkat))


def test_dua_faktor_aktif_meminta_kode_salah_ditolak_benar_masuk(client, dunia, dua_faktor):
    r = _masuk(client, "analis", SANDI)
    assert r.status_code == 302 and r["Location"] == reverse("web:masuk_kode")
    assert "_auth_user_id" not in client.session  # not logged in before the code
    assert client.get(reverse("web:beranda")).status_code == 302
    r = client.post(reverse("web:masuk_kode"), {"kode": "000000"})
    assert r.status_code == 200 and "Kode salah atau sudah lewat" in r.content.decode()
    assert "_auth_user_id" not in client.session
    # The code of the next 30-second step (the current one was spent on enabling).
    r = client.post(reverse("web:masuk_kode"), {"kode": _kode(dua_faktor, geser=30)})
    assert r.status_code == 302 and r["Location"] == reverse("web:beranda")
    assert client.session["_auth_user_id"] == str(dunia.analis.pengguna.pk)
    assert JejakAudit.objects.filter(aksi="dua_faktor_aktifkan").count() == 1


def test_kode_salah_beruntun_ditahan_django_otp(client, dunia, dua_faktor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 10
    _masuk(client, "analis", SANDI)
    client.post(reverse("web:masuk_kode"), {"kode": "000000"})
    r = client.post(reverse("web:masuk_kode"), {"kode": _kode(dua_faktor, geser=30)})
    assert "Terlalu banyak kode yang salah" in r.content.decode()
    assert "_auth_user_id" not in client.session


def test_halaman_dua_faktor_aktifkan_dan_matikan(client, dunia, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client.force_login(dunia.operator_a.pengguna)
    r = client.get(reverse("web:dua_faktor"))
    assert r.status_code == 200 and "<svg" in r.content.decode()
    perangkat = dua_faktor_siapkan(pengguna=dunia.operator_a.pengguna)
    r = client.post(reverse("web:dua_faktor"), {"kode": "123"})
    assert "Kode salah" in r.content.decode()
    r = client.post(reverse("web:dua_faktor"), {"kode": _kode(perangkat)})
    assert r.status_code == 302
    assert "Status: aktif" in client.get(reverse("web:dua_faktor")).content.decode()
    r = client.post(reverse("web:dua_faktor"), {"kode": _kode(perangkat, geser=30)})
    assert r.status_code == 302
    assert "belum aktif" in client.get(reverse("web:dua_faktor")).content.decode()
    aksi = set(JejakAudit.objects.values_list("aksi", flat=True))
    assert {"dua_faktor_aktifkan", "dua_faktor_matikan"} <= aksi


def test_dua_faktor_wajib_untuk_analis_bila_diatur(client, dunia, settings):
    settings.RAMPING_2FA_WAJIB_ANALIS = True
    client.force_login(dunia.analis.pengguna)
    r = client.get(reverse("web:dasbor", args=[dunia.instansi.kode]))
    assert r.status_code == 302 and r["Location"] == reverse("web:dua_faktor")
    # An operator is not obliged.
    client.force_login(dunia.operator_a.pengguna)
    assert client.get(reverse("web:dasbor", args=[dunia.instansi.kode])).status_code == 200


# --- The user's own password -------------------------------------------------------------------


def test_ganti_sandi_sendiri_tercatat_dan_mengakhiri_sandi_sementara(client, dunia):
    p = dunia.operator_a.pengguna
    Pengguna.objects.filter(pk=p.pk).update(wajib_ganti_sandi=True)
    client.force_login(p)
    r = client.get(reverse("web:dasbor", args=[dunia.instansi.kode]))
    assert r.status_code == 302 and r["Location"] == reverse("web:sandi")
    r = client.post(
        reverse("web:sandi"),
        {"old_password": SANDI, "new_password1": "Kuda-Lari-Cepat-42", "new_password2":
         "Kuda-Lari-Cepat-42"},
    )  # fmt: skip
    assert r.status_code == 302
    p.refresh_from_db()
    assert not p.wajib_ganti_sandi and p.check_password("Kuda-Lari-Cepat-42")
    assert client.get(reverse("web:dasbor", args=[dunia.instansi.kode])).status_code == 200
    assert JejakAudit.objects.filter(aksi="sandi_ubah", objek_id=p.pk).count() == 1


def test_admin_demo_bukan_superuser(db):
    from ramping.demo.muat import buat_pengguna_demo
    from ramping.organisasi.services import instansi_buat

    instansi = instansi_buat(nama="Kota Demo", kode="kota-demo", jenis="kota")
    buat_pengguna_demo(instansi)
    admin = Pengguna.objects.get(username="admin")
    assert not admin.is_superuser and not admin.is_staff
    assert Keanggotaan.objects.get(pengguna=admin).peran == Peran.ADMIN_INSTANSI
