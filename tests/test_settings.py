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
    ],
)
def test_pengaturan_salah_menghentikan_aplikasi_dengan_pesan_jelas(env, pesan):
    hasil = _manage("check", env=env)
    assert hasil.returncode != 0
    assert pesan in hasil.stderr


def test_zona_waktu_dan_bahasa_indonesia():
    from django.conf import settings

    assert (settings.TIME_ZONE, settings.LANGUAGE_CODE) == ("Asia/Jakarta", "id")


def test_basis_data_mengikuti_ramping_database_url(db):
    from django.db import connection

    harapan = "postgresql" if os.environ.get("RAMPING_DATABASE_URL") else "sqlite"
    assert connection.vendor == harapan
