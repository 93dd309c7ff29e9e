"""Settings fail loudly on bad configuration and are deploy-clean in production mode."""

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
    hasil = _manage("check", env=env)
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
        env={**base, **env, "DJANGO_SETTINGS_MODULE": "ramping.settings"},
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
