"""API tokens: expiry, revocation, listing per persona (web and CLI) and the rate limit."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ramping.akun.models import Keanggotaan, Pengguna, Peran, TokenApi
from ramping.akun.token import token_buat
from ramping.audit.models import JejakAudit

pytestmark = pytest.mark.django_db


def _get(client, token):
    r = client.get("/api/v1/instansi", HTTP_AUTHORIZATION=f"Bearer {token}")
    return r.status_code, r.json(), r


@pytest.fixture
def admin(dunia):
    p = Pengguna.objects.create_user(username="admin_uji", password="rahasia-uji-123")
    Keanggotaan.objects.create(instansi=dunia.instansi, pengguna=p, peran=Peran.ADMIN_INSTANSI)
    return p


def test_token_kedaluwarsa_401_dengan_pesan(client, dunia):
    baris, token = token_buat(
        pengguna=dunia.analis.pengguna, instansi=dunia.instansi, nama="skrip", berlaku_hari=1
    )
    assert baris.kedaluwarsa - timezone.now() > timedelta(hours=23)
    assert _get(client, token)[0] == 200
    TokenApi.objects.filter(pk=baris.pk).update(kedaluwarsa=timezone.now() - timedelta(1))
    status, badan, _ = _get(client, token)
    assert status == 401
    assert badan["kode"] == "tidak_terautentikasi" and "kedaluwarsa" in badan["pesan"]


def test_masa_berlaku_bawaan_dan_batas(dunia, settings):
    settings.RAMPING_TOKEN_HARI = 30
    baris, _ = token_buat(pengguna=dunia.analis.pengguna, instansi=dunia.instansi, nama="a")
    assert timedelta(days=29) < baris.kedaluwarsa - timezone.now() <= timedelta(days=30)
    from ramping.errors import RampingError

    with pytest.raises(RampingError, match="1–3650 hari"):
        token_buat(
            pengguna=dunia.analis.pengguna, instansi=dunia.instansi, nama="b", berlaku_hari=0
        )


def test_token_dicabut_dari_web_401(client, dunia):
    baris, token = token_buat(pengguna=dunia.analis.pengguna, instansi=dunia.instansi, nama="x")
    client.force_login(dunia.analis.pengguna)
    r = client.post(reverse("web:token_cabut", args=[dunia.instansi.kode, baris.pk]))
    assert r.status_code == 302
    status, badan, _ = _get(client, token)
    assert status == 401 and "dicabut" in badan["pesan"]
    assert JejakAudit.objects.filter(aksi="token_cabut", objek_id=baris.pk).exists()


def test_halaman_token_membuat_dan_menampilkan_sekali(client, dunia):
    client.force_login(dunia.operator_a.pengguna)
    url = reverse("web:token_daftar", args=[dunia.instansi.kode])
    r = client.post(url, {"nama": "integrasi SIMPEG", "berlaku_hari": "7"})
    teks = r.content.decode()
    assert r.status_code == 200 and "Salin sekarang" in teks
    baris = TokenApi.objects.get(nama="integrasi SIMPEG")
    assert baris.pengguna == dunia.operator_a.pengguna
    assert "rmp_" in teks and baris.awalan in teks
    # Listed afterwards, never shown again.
    teks2 = client.get(url).content.decode()
    assert "integrasi SIMPEG" in teks2 and "Salin sekarang" not in teks2


@pytest.mark.parametrize(
    ("persona", "status", "lihat_milik_lain"),
    [
        ("admin", 200, True),
        ("analis", 200, False),
        ("operator_a", 200, False),
        ("pimpinan", 200, False),
        ("orang_luar", 404, False),
    ],
)
def test_daftar_token_per_persona(client, dunia, admin, persona, status, lihat_milik_lain):
    token_buat(pengguna=dunia.operator_b.pengguna, instansi=dunia.instansi, nama="milik-b")
    pengguna = admin if persona == "admin" else getattr(dunia, persona).pengguna
    client.force_login(pengguna)
    r = client.get(reverse("web:token_daftar", args=[dunia.instansi.kode]))
    assert r.status_code == status
    if status == 200:
        assert ("milik-b" in r.content.decode()) == lihat_milik_lain


@pytest.mark.parametrize(
    ("persona", "status"),
    [("admin", 302), ("analis", 403), ("operator_a", 403), ("pimpinan", 403), ("orang_luar", 404)],
)
def test_cabut_token_orang_lain_per_persona(client, dunia, admin, persona, status):
    baris, _ = token_buat(pengguna=dunia.operator_b.pengguna, instansi=dunia.instansi, nama="b")
    pengguna = admin if persona == "admin" else getattr(dunia, persona).pengguna
    client.force_login(pengguna)
    r = client.post(reverse("web:token_cabut", args=[dunia.instansi.kode, baris.pk]))
    assert r.status_code == status
    baris.refresh_from_db()
    assert (baris.dicabut is not None) == (status == 302)


def test_batas_permintaan_429_terstruktur(client, dunia, settings):
    settings.RAMPING_API_BATAS_PER_MENIT = 3
    _, token = token_buat(pengguna=dunia.analis.pengguna, instansi=dunia.instansi, nama="x")
    _, lain = token_buat(pengguna=dunia.analis.pengguna, instansi=dunia.instansi, nama="y")
    for _ in range(3):
        assert _get(client, token)[0] == 200
    status, badan, r = _get(client, token)
    assert status == 429
    assert badan["kode"] == "terlalu_banyak_permintaan"
    assert "3 per menit" in badan["pesan"] and badan["coba_lagi_detik"] >= 1
    assert int(r["Retry-After"]) >= 1
    # Counted per token: another token of the same person still works.
    assert _get(client, lain)[0] == 200


def test_cli_buat_daftar_cabut(dunia):
    keluar, galat = StringIO(), StringIO()
    call_command(
        "token_api", "--instansi", "kota-uji", "--pengguna", "analis", "--hari", "10",
        stdout=keluar, stderr=galat,
    )  # fmt: skip
    token = keluar.getvalue().strip()
    assert token.startswith("rmp_") and "Berlaku sampai" in galat.getvalue()
    daftar = StringIO()
    call_command("token_api", "--instansi", "kota-uji", "--daftar", stdout=daftar)
    assert token[:8] in daftar.getvalue() and "aktif" in daftar.getvalue()
    call_command("token_api", "--instansi", "kota-uji", "--cabut", token[:8], stdout=StringIO())
    assert TokenApi.objects.get(awalan=token[:8]).dicabut is not None
    daftar = StringIO()
    call_command("token_api", "--instansi", "kota-uji", "--daftar", stdout=daftar)
    assert "dicabut" in daftar.getvalue()
