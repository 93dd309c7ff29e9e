"""Settings fail loudly on bad configuration and are deploy-clean in production mode."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUKSI = {
    "RAMPING_DEBUG": "false",
    "RAMPING_SECRET_KEY": "uji-" + "x" * 60,
    "RAMPING_ALLOWED_HOSTS": "ramping.example.go.id",
}
# Production is the default; the checks of other variables run in development mode unless the
# case sets RAMPING_DEBUG itself.
PENGEMBANGAN = {"RAMPING_DEBUG": "true"}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("RAMPING_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
    )


def test_check_deploy_bersih_dengan_pengaturan_produksi():
    hasil = _manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUKSI)
    assert hasil.returncode == 0, hasil.stderr
    assert "no issues" in hasil.stdout


@pytest.mark.parametrize(
    ("env", "pesan"),
    [
        ({"RAMPING_DEBUG": "false"}, "RAMPING_SECRET_KEY wajib diisi"),
        ({"RAMPING_DEBUG": "false", "RAMPING_SECRET_KEY": " "}, "RAMPING_SECRET_KEY wajib diisi"),
        ({**PRODUKSI, "RAMPING_PROXY_SSL_HEADER": "nginx"}, "RAMPING_PROXY_SSL_HEADER harus"),
        ({"RAMPING_SQLITE_TIMEOUT": "lama"}, "RAMPING_SQLITE_TIMEOUT harus bilangan bulat"),
        ({"RAMPING_DEBUG": "mungkin"}, "RAMPING_DEBUG harus true/false"),
        ({"RAMPING_DB_CONN_MAX_AGE": "lama"}, "RAMPING_DB_CONN_MAX_AGE harus bilangan bulat"),
        ({"RAMPING_URL_DASAR": "ramping.kota.go.id"}, "RAMPING_URL_DASAR harus alamat lengkap"),
        ({"RAMPING_EMAIL_DARI": "ramping"}, "RAMPING_EMAIL_DARI harus alamat surel"),
        (
            {"RAMPING_EMAIL_HOST": "smtp.kota.go.id", "RAMPING_EMAIL_PORT": "smtp"},
            "RAMPING_EMAIL_PORT harus bilangan bulat",
        ),
        (
            {"RAMPING_EMAIL_HOST": "smtp.kota.go.id", "RAMPING_EMAIL_PORT": "70000"},
            "RAMPING_EMAIL_PORT harus 1–65535",
        ),
        (
            {"RAMPING_EMAIL_HOST": "smtp.kota.go.id", "RAMPING_EMAIL_TLS": "kadang"},
            "RAMPING_EMAIL_TLS harus true/false",
        ),
    ],
)
def test_pengaturan_salah_menghentikan_aplikasi_dengan_pesan_jelas(env, pesan):
    hasil = _manage("check", env={**PENGEMBANGAN, **env})
    assert hasil.returncode != 0
    assert pesan in hasil.stderr


def _pengaturan(env: dict[str, str], *nama: str) -> list[str]:
    """The values of some settings as the process would see them with `env`."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("RAMPING_")}
    kode = (
        "import django; django.setup(); from django.conf import settings as s; "
        f"print(*[repr(getattr(s, n)) for n in {list(nama)!r}], sep='\\n')"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode],
        cwd=ROOT,
        env={**base, **PENGEMBANGAN, **env, "DJANGO_SETTINGS_MODULE": "ramping.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    return hasil.stdout.splitlines()


def test_surel_ke_konsol_tanpa_server_smtp():
    assert _pengaturan({}, "EMAIL_BACKEND", "RAMPING_URL_DASAR") == [
        "'django.core.mail.backends.console.EmailBackend'",
        "''",
    ]


def test_surel_lewat_smtp_dari_variabel_lingkungan():
    env = {
        "RAMPING_EMAIL_HOST": "smtp.kota.go.id",
        "RAMPING_EMAIL_PORT": "2525",
        "RAMPING_EMAIL_USER": "ramping",
        "RAMPING_EMAIL_PASSWORD": "rahasia",
        "RAMPING_EMAIL_TLS": "false",
        "RAMPING_EMAIL_DARI": "Bagian Organisasi <organisasi@kota.go.id>",
        "RAMPING_URL_DASAR": "https://ramping.kota.go.id/",
    }
    nama = ["EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER"]
    nama += ["EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL", "RAMPING_URL_DASAR"]
    assert _pengaturan(env, *nama) == [
        "'django.core.mail.backends.smtp.EmailBackend'",
        "'smtp.kota.go.id'",
        "2525",
        "'ramping'",
        "'rahasia'",
        "False",
        "'Bagian Organisasi <organisasi@kota.go.id>'",
        "'https://ramping.kota.go.id'",
    ]


def test_zona_waktu_dan_bahasa_indonesia():
    from django.conf import settings

    assert (settings.TIME_ZONE, settings.LANGUAGE_CODE) == ("Asia/Jakarta", "id")


def test_basis_data_mengikuti_ramping_database_url(db):
    from django.db import connection

    harapan = "postgresql" if os.environ.get("RAMPING_DATABASE_URL") else "sqlite"
    assert connection.vendor == harapan


def test_tanpa_ramping_debug_mode_produksi_dan_kunci_rahasia_wajib():
    hasil = _manage("check", env={})
    assert hasil.returncode != 0
    assert "RAMPING_SECRET_KEY wajib diisi bila RAMPING_DEBUG=false" in hasil.stderr
    assert "secrets.token_urlsafe" in hasil.stderr  # says how to make one
    assert "Traceback" not in hasil.stderr  # one clear line, not a stack

    kunci = "uji-" + "y" * 60
    kode = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.SECRET_KEY == " + repr(kunci) + ")"
    )
    hasil = _manage("shell", "-v", "0", "-c", kode, env={"RAMPING_SECRET_KEY": kunci})
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.split() == ["False", "True", "True", "31536000", "True"]


def test_mode_pengembangan_hanya_bila_diminta():
    assert _pengaturan({}, "DEBUG", "SECURE_SSL_REDIRECT", "SECRET_KEY") == [
        "True",
        "False",
        "'ramping-dev-only-not-secret'",
    ]


def test_header_proxy_https_hanya_bila_dikonfigurasi():
    """X-Forwarded-Proto is trusted only behind a proxy that says so; otherwise any client
    could claim to be on HTTPS."""
    # Unset: Django's global default, None.
    assert _pengaturan(PRODUKSI, "SECURE_PROXY_SSL_HEADER") == ["None"]
    dengan_proxy = {**PRODUKSI, "RAMPING_PROXY_SSL_HEADER": "true"}
    assert _pengaturan(dengan_proxy, "SECURE_PROXY_SSL_HEADER") == [
        "('HTTP_X_FORWARDED_PROTO', 'https')"
    ]


def test_berkas_statis_bermanifest_di_produksi_biasa_di_pengembangan():
    produksi = ast.literal_eval(_pengaturan(PRODUKSI, "STORAGES")[0])
    pengembangan = ast.literal_eval(_pengaturan({}, "STORAGES")[0])
    assert produksi["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert pengembangan["staticfiles"]["BACKEND"] == (
        "django.contrib.staticfiles.storage.StaticFilesStorage"
    )


def test_sqlite_menunggu_kunci_dan_memakai_wal():
    opsi = ast.literal_eval(_pengaturan({"RAMPING_SQLITE_TIMEOUT": "7"}, "DATABASES")[0])
    assert opsi["default"]["OPTIONS"]["timeout"] == 7
    assert "journal_mode=WAL" in opsi["default"]["OPTIONS"]["init_command"]
    bawaan = ast.literal_eval(_pengaturan({}, "DATABASES")[0])
    assert bawaan["default"]["OPTIONS"]["timeout"] == 20
