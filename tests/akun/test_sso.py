"""SSO through a real OpenID Connect provider on loopback (oidc-provider-mock, `sso` fixture).

The Django test client starts the flow, the provider's form is submitted as the person, and
the callback finishes it: the same requests a browser makes (the browser test clicks them).
"""

from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.models import JejakAudit
from ramping.inti.lingkup import lingkup_instansi

TANPA_PERAN = "Akun SSO Anda belum memiliki peran di ramping; hubungi admin instansi."


def masuk_sso(client, sso, sub: str, *, tolak: bool = False):
    """The whole code flow; returns the callback's response (not followed)."""
    mulai = client.get("/oidc/authenticate/")
    assert mulai.status_code == 302
    kembali = urlsplit(sso.setujui(mulai["Location"], sub, tolak=tolak))
    assert kembali.path == "/oidc/callback/"
    return client.get(f"{kembali.path}?{kembali.query}")


def pesan(client) -> list[str]:
    halaman = client.get("/masuk/")
    return [str(m) for m in halaman.context["messages"]]


def peran_pengguna(pengguna) -> dict[str, tuple[str, str]]:
    return {
        k.instansi.kode: (k.peran, k.opd_kode)
        for k in Keanggotaan.objects.filter(pengguna=pengguna).select_related("instansi")
    }


def test_tanpa_sso_tidak_ada_tombol_dan_alamatnya_404(client, db):
    assert "Masuk dengan SSO" not in client.get("/masuk/").content.decode()
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404


def test_halaman_masuk_menampilkan_tombol_sso_bila_diatur(client, db, sso):
    isi = client.get("/masuk/?next=/i/kota-uji/").content.decode()
    assert "Masuk dengan SSO" in isi
    assert 'href="/oidc/authenticate/?next=/i/kota-uji/"' in isi


def test_orang_baru_dibuat_dengan_peran_dari_grup_dan_diaudit(client, dunia, sso):
    sso.pengguna(
        "sub-siti",
        preferred_username="siti",
        email="siti@kota-uji.go.id",
        given_name="Siti",
        family_name="Aminah",
        nip="199001012015032001",
        groups=["ramping:kota-uji:operator:DINAS-A", "aplikasi-lain:admin", "/offline_access"],
    )
    jawaban = masuk_sso(client, sso, "sub-siti")
    assert jawaban.status_code == 302 and jawaban["Location"] == "/"

    siti = Pengguna.objects.get(oidc_sub="sub-siti")
    assert (siti.username, siti.email, siti.nip) == ("siti", "siti@kota-uji.go.id",
                                                     "199001012015032001")  # fmt: skip
    assert siti.get_full_name() == "Siti Aminah"
    assert not siti.has_usable_password()  # only SSO can log this account in
    assert peran_pengguna(siti) == {"kota-uji": (Peran.OPERATOR, "DINAS-A")}
    jejak = JejakAudit.objects.get(instansi=dunia.instansi, aksi="keanggotaan_atur")
    assert jejak.pengguna == siti and "(SSO)" in jejak.ringkasan
    # Logged in: the home page sends the operator on to the agency.
    assert client.get("/")["Location"] == "/i/kota-uji/"


def test_grup_berubah_keanggotaan_ikut_berubah_dan_diaudit(client, dunia, sso):
    sub = "sub-budi"
    sso.pengguna(sub, preferred_username="budi", groups=["ramping:kota-uji:operator:DINAS-A"])
    masuk_sso(client, sso, sub)
    budi = Pengguna.objects.get(oidc_sub=sub)
    client.logout()

    sso.pengguna(
        sub,
        preferred_username="budi",
        groups=["ramping:kota-uji:pimpinan", "ramping:kab-lain:analis"],
    )
    masuk_sso(client, sso, sub)
    assert peran_pengguna(budi) == {
        "kota-uji": (Peran.PIMPINAN, ""),
        "kab-lain": (Peran.ANALIS, ""),
    }
    ubah = JejakAudit.objects.filter(instansi=dunia.instansi, aksi="keanggotaan_atur").latest("pk")
    assert ubah.perubahan == {"peran": ["operator", "pimpinan"], "opd_kode": ["DINAS-A", ""]}
    assert JejakAudit.objects.filter(instansi=dunia.instansi_lain, aksi="keanggotaan_atur").count()
    client.logout()

    sso.pengguna(sub, preferred_username="budi", groups=["ramping:kab-lain:analis"])
    masuk_sso(client, sso, sub)
    assert peran_pengguna(budi) == {"kab-lain": (Peran.ANALIS, "")}
    hapus = JejakAudit.objects.get(instansi=dunia.instansi, aksi="keanggotaan_hapus")
    assert hapus.perubahan["peran"] == "pimpinan" and hapus.pengguna == budi
    # Unchanged roles write nothing.
    jumlah = JejakAudit.objects.count()
    client.logout()
    masuk_sso(client, sso, sub)
    assert JejakAudit.objects.count() == jumlah


def test_tanpa_grup_ditolak_dengan_pesan_dan_tidak_ada_yang_dibuat(client, dunia, sso):
    sso.pengguna("sub-tamu", preferred_username="tamu", email="tamu@contoh.go.id")
    sebelum = (Pengguna.objects.count(), Keanggotaan.objects.count(), JejakAudit.objects.count())

    jawaban = masuk_sso(client, sso, "sub-tamu")

    assert jawaban.status_code == 302 and jawaban["Location"] == "/masuk/"
    assert pesan(client) == [TANPA_PERAN]
    assert "_auth_user_id" not in client.session
    assert sebelum == (
        Pengguna.objects.count(),
        Keanggotaan.objects.count(),
        JejakAudit.objects.count(),
    )


def test_grup_instansi_atau_opd_tak_dikenal_diabaikan(client, dunia, sso):
    sso.pengguna("sub-x", groups=["ramping:tidak-ada:analis", "ramping:kota-uji:operator:ZZZ"])
    masuk_sso(client, sso, "sub-x")
    assert pesan(client) == [TANPA_PERAN]
    assert not Pengguna.objects.filter(oidc_sub="sub-x").exists()

    sso.pengguna(
        "sub-x",
        groups=["ramping:tidak-ada:analis", "ramping:kota-uji:bos", "ramping:kota-uji:pimpinan"],
    )
    masuk_sso(client, sso, "sub-x")
    assert peran_pengguna(Pengguna.objects.get(oidc_sub="sub-x")) == {
        "kota-uji": (Peran.PIMPINAN, "")
    }


def test_beberapa_grup_satu_instansi_peran_terluas_menang(client, dunia, sso):
    sso.pengguna(
        "sub-y",
        groups=["ramping:kota-uji:pimpinan", "/ramping:kota-uji:analis", "ramping:kota-uji:"
                "operator:DINAS-B"],
    )  # fmt: skip
    masuk_sso(client, sso, "sub-y")
    assert peran_pengguna(Pengguna.objects.get(oidc_sub="sub-y")) == {
        "kota-uji": (Peran.ANALIS, "")
    }


def test_akun_lokal_dicocokkan_lewat_nip_dan_tetap_bisa_masuk_lokal(client, dunia, sso):
    analis = dunia.analis.pengguna
    analis.nip = "198501012010011001"
    analis.save()
    sso.pengguna(
        "sub-analis",
        preferred_username="analis.sso",
        nip="198501012010011001",
        email="lain@kota-uji.go.id",
        groups=["ramping:kota-uji:admin_instansi"],
    )
    masuk_sso(client, sso, "sub-analis")

    analis.refresh_from_db()
    assert analis.oidc_sub == "sub-analis" and analis.username == "analis"
    assert int(client.session["_auth_user_id"]) == analis.pk
    assert peran_pengguna(analis) == {"kota-uji": (Peran.ADMIN_INSTANSI, "")}
    client.logout()
    # The local password still works, through the same login page.
    jawaban = client.post("/masuk/", {"username": "analis", "password": "rahasia-uji-123"})
    assert jawaban.status_code == 302
    assert int(client.session["_auth_user_id"]) == analis.pk


def test_akun_lokal_dicocokkan_lewat_surel_bila_tidak_dinyatakan_belum_terverifikasi(
    client, dunia, sso
):
    pimpinan, operator = dunia.pimpinan.pengguna, dunia.operator_b.pengguna
    Pengguna.objects.filter(pk=pimpinan.pk).update(email="Pimpinan@Kota-Uji.go.id")
    Pengguna.objects.filter(pk=operator.pk).update(email="opb@kota-uji.go.id")

    sso.pengguna("sub-pimpinan", email="pimpinan@kota-uji.go.id", email_verified=True,
                 groups=["ramping:kota-uji:pimpinan"])  # fmt: skip
    masuk_sso(client, sso, "sub-pimpinan")
    pimpinan.refresh_from_db()
    assert pimpinan.oidc_sub == "sub-pimpinan"
    assert int(client.session["_auth_user_id"]) == pimpinan.pk
    client.logout()

    # An address the provider itself calls unverified does not open someone else's account.
    sso.pengguna("sub-palsu", email="opb@kota-uji.go.id", email_verified=False,
                 groups=["ramping:kota-uji:pimpinan"])  # fmt: skip
    masuk_sso(client, sso, "sub-palsu")
    baru = Pengguna.objects.get(oidc_sub="sub-palsu")
    assert baru != operator and baru.username.startswith("sso-")
    assert peran_pengguna(operator) == {"kota-uji": (Peran.OPERATOR, "DINAS-B")}


def test_akun_yang_sudah_tertaut_ke_sub_lain_ditolak(client, dunia, sso):
    operator = dunia.operator_a.pengguna
    Pengguna.objects.filter(pk=operator.pk).update(oidc_sub="sub-asli", nip="197001012000011001")
    sso.pengguna("sub-lain", nip="197001012000011001", groups=["ramping:kota-uji:analis"])
    masuk_sso(client, sso, "sub-lain")
    assert "sudah tertaut ke akun SSO lain" in pesan(client)[0]
    assert peran_pengguna(operator) == {"kota-uji": (Peran.OPERATOR, "DINAS-A")}


def test_akun_nonaktif_ditolak(client, dunia, sso):
    Pengguna.objects.filter(pk=dunia.analis.pengguna.pk).update(oidc_sub="sub-nonaktif",
                                                                is_active=False)  # fmt: skip
    sso.pengguna("sub-nonaktif", groups=["ramping:kota-uji:analis"])
    masuk_sso(client, sso, "sub-nonaktif")
    assert pesan(client) == ["Akun ramping Anda dinonaktifkan; hubungi admin instansi."]


def test_penyedia_mati_pesan_jelas_bukan_500(client, dunia, sso, settings):
    sso.pengguna("sub-z", groups=["ramping:kota-uji:analis"])
    mulai = client.get("/oidc/authenticate/")
    kembali = urlsplit(sso.setujui(mulai["Location"], "sub-z"))
    settings.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/oauth2/token"  # discard port: refused
    jawaban = client.get(f"{kembali.path}?{kembali.query}")
    assert jawaban["Location"] == "/masuk/"
    assert "Layanan SSO sedang tidak dapat dihubungi" in pesan(client)[0]


def test_state_tidak_cocok_pesan_jelas_bukan_400(client, dunia, sso):
    sso.pengguna("sub-z", groups=["ramping:kota-uji:analis"])
    mulai = client.get("/oidc/authenticate/")
    kembali = urlsplit(sso.setujui(mulai["Location"], "sub-z"))
    palsu = kembali.query.replace("state=", "state=palsu")
    jawaban = client.get(f"{kembali.path}?{palsu}")
    assert jawaban.status_code == 302 and jawaban["Location"] == "/masuk/"
    assert "Sesi masuk SSO tidak cocok atau sudah kedaluwarsa" in pesan(client)[0]
    # Another browser (no SSO session at all) replaying the link: the same message.
    client.cookies.clear()
    client.get(f"{kembali.path}?{kembali.query}")
    assert "Sesi masuk SSO tidak cocok" in pesan(client)[0]


def test_ditolak_di_penyedia(client, dunia, sso):
    jawaban = masuk_sso(client, sso, "", tolak=True)
    assert jawaban["Location"] == "/masuk/"
    assert pesan(client) == ["Masuk dengan SSO dibatalkan atau ditolak oleh layanan SSO."]


def test_token_dari_penerbit_lain_ditolak(client, dunia, sso, settings):
    sso.pengguna("sub-z", groups=["ramping:kota-uji:analis"])
    settings.RAMPING_OIDC_PENERBIT = "https://sso.lain.go.id/realms/spbe"
    masuk_sso(client, sso, "sub-z")
    assert pesan(client) == ["Tanggapan layanan SSO tidak sah. Silakan coba masuk lagi."]
    assert not Pengguna.objects.filter(oidc_sub="sub-z").exists()


@pytest.mark.lingkup_ketat
def test_sinkronisasi_membuka_lingkup_instansi_sendiri(client, db, sso):
    """Outside the test suite's all-agencies scope, as in production: the login opens each
    agency's scope itself."""
    from ramping.organisasi.services import instansi_buat

    instansi = instansi_buat(nama="Kota Ketat", kode="kota-ketat", jenis="kota")
    sso.pengguna("sub-ketat", groups=["ramping:kota-ketat:analis"])
    masuk_sso(client, sso, "sub-ketat")
    pengguna = Pengguna.objects.get(oidc_sub="sub-ketat")
    with lingkup_instansi(instansi.pk):
        assert Keanggotaan.objects.get(pengguna=pengguna).peran == Peran.ANALIS


def test_oidc_periksa_mencetak_endpoint_dari_discovery(sso, settings, capsys):
    settings.RAMPING_OIDC_PENERBIT = ""
    call_command("oidc_periksa", sso.url)
    keluar = capsys.readouterr().out
    assert f"RAMPING_OIDC_PENERBIT={sso.url}\n" in keluar
    assert f"RAMPING_OIDC_TOKEN_ENDPOINT={sso.url}/oauth2/token\n" in keluar
    assert f"RAMPING_OIDC_JWKS_ENDPOINT={sso.url}/jwks\n" in keluar


def test_oidc_periksa_membandingkan_pengaturan(sso, settings, capsys):
    call_command("oidc_periksa")
    assert "cocok" in capsys.readouterr().err
    settings.OIDC_OP_USER_ENDPOINT = f"{sso.url}/salah"
    with pytest.raises(CommandError, match="RAMPING_OIDC_USERINFO_ENDPOINT"):
        call_command("oidc_periksa")
    with pytest.raises(CommandError, match="tidak dapat dibaca"):
        call_command("oidc_periksa", "http://127.0.0.1:9")


@pytest.mark.parametrize(
    ("env", "pesan"),
    [
        (
            {"RAMPING_OIDC_PENERBIT": "https://sso.kota.go.id/realms/spbe"},
            "SSO belum lengkap: isi juga RAMPING_OIDC_KLIEN_ID, RAMPING_OIDC_KLIEN_RAHASIA",
        ),
        (
            {
                "RAMPING_DEBUG": "false",
                "RAMPING_SECRET_KEY": "uji-" + "x" * 60,
                "RAMPING_OIDC_PENERBIT": "http://sso.kota.go.id/realms/spbe",
                "RAMPING_OIDC_KLIEN_ID": "ramping",
                "RAMPING_OIDC_KLIEN_RAHASIA": "rahasia",
                **{
                    f"RAMPING_OIDC_{nama}_ENDPOINT": f"https://sso.kota.go.id/{nama.lower()}"
                    for nama in ("AUTHORIZATION", "TOKEN", "USERINFO", "JWKS")
                },
            },
            "RAMPING_OIDC_PENERBIT harus https:// bila RAMPING_DEBUG=false",
        ),
        ({"RAMPING_OIDC_SCOPES": "email profile"}, "RAMPING_OIDC_SCOPES harus memuat openid"),
    ],
)
def test_pengaturan_sso_setengah_jadi_menghentikan_aplikasi(env, pesan):
    from tests.test_settings import _manage

    # Development mode unless the case sets production itself (production is the default).
    hasil = _manage("check", env={"RAMPING_DEBUG": "true", **env})
    assert hasil.returncode != 0
    assert pesan in hasil.stderr
