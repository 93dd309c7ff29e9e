"""`ramping serve`: the production server starts as an administrator would run it, and refuses
to start on an unmigrated database or a malformed address.

The smoke test migrates a temporary SQLite database, starts `manage.py serve` (the same command
as `ramping serve`) with production settings on a free loopback port and reads the login page,
the health check, an error page and a hashed static file through gunicorn and WhiteNoise.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _env(tmp_path: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("RAMPING_")}
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "ramping.settings",
        "RAMPING_DEBUG": "false",
        "RAMPING_SECRET_KEY": "uji-serve-" + "z" * 50,
        "RAMPING_ALLOWED_HOSTS": "127.0.0.1",
        "RAMPING_PROXY_SSL_HEADER": "true",
        "RAMPING_DATABASE_URL": f"sqlite:///{tmp_path / 'ramping.sqlite3'}",
        "RAMPING_STATIC_ROOT": str(tmp_path / "statis"),
        "RAMPING_MEDIA_ROOT": str(tmp_path / "media"),
    }


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _TanpaPengalihan(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_pembuka = urllib.request.build_opener(_TanpaPengalihan)


def _ambil(url: str, https: bool = True) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body, as nginx would forward the request (X-Forwarded-Proto)."""
    minta = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"} if https else {})
    try:
        with _pembuka.open(minta, timeout=10) as r:  # our own server on loopback
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as galat:
        return galat.code, dict(galat.headers), galat.read()


def test_server_produksi_melayani_halaman_dan_berkas_statis(tmp_path):
    env = _env(tmp_path)
    migrasi = _manage(env, "migrate", "--noinput", "-v0")
    assert migrasi.returncode == 0, migrasi.stderr
    port = _port_bebas()
    dasar = f"http://127.0.0.1:{port}"
    log = (tmp_path / "server.log").open("w+")
    server = subprocess.Popen(
        [sys.executable, "manage.py", "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        batas = time.monotonic() + 60
        while True:
            try:
                status, _, badan = _ambil(f"{dasar}/masuk/")
                break
            except OSError:
                assert server.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < batas, "server tidak menjawab dalam 60 detik"
                time.sleep(0.3)
        assert status == 200
        assert "Masuk" in badan.decode()

        # Plain HTTP from a client (no proxy header): redirected to HTTPS.
        status, kepala, _ = _ambil(f"{dasar}/masuk/", https=False)
        assert status == 301 and kepala["Location"] == f"https://127.0.0.1:{port}/masuk/"

        manifest = json.loads((tmp_path / "statis" / "staticfiles.json").read_text())
        css = manifest["paths"]["web/web.css"]
        assert css != "web/web.css"  # content-hashed name
        status, kepala, badan = _ambil(f"{dasar}/static/{css}")
        assert status == 200 and b"--utama" in badan
        assert "max-age=315360000" in kepala["Cache-Control"]
        assert "immutable" in kepala["Cache-Control"]
        # The pages link the hashed name.
        assert f"/static/{css}".encode() in _ambil(f"{dasar}/masuk/")[2]

        status, _, badan = _ambil(f"{dasar}/sehat/", https=False)  # exempt from the redirect
        assert status == 200 and json.loads(badan)["status"] == "sehat"

        status, _, badan = _ambil(f"{dasar}/tidak-ada/")
        assert status == 404 and "Halaman tidak ditemukan" in badan.decode()
        assert "Traceback" not in badan.decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    keluaran = (tmp_path / "server.log").read_text()
    assert "gunicorn di 127.0.0.1" in keluaran
    assert '"GET /masuk/ HTTP/1.1" 200' in keluaran  # access log on stdout


def test_menolak_mulai_bila_migrasi_belum_diterapkan(tmp_path):
    hasil = _manage(_env(tmp_path), "serve", "--bind", "127.0.0.1:1")
    assert hasil.returncode != 0
    assert "Basis data belum dimigrasi" in hasil.stderr
    assert "ramping migrate" in hasil.stderr
    assert not (tmp_path / "statis").exists()  # stopped before collectstatic


@pytest.mark.parametrize(
    ("argumen", "pesan"),
    [
        (["--bind", "8000"], "--bind harus HOST:PORT"),
        (["--bind", "http://0.0.0.0:80"], "--bind harus HOST:PORT"),
        (["--workers", "0"], "harus bilangan bulat paling sedikit 1, bukan '0'"),
        (["--workers", "banyak"], "harus bilangan bulat paling sedikit 1, bukan 'banyak'"),
        (["--timeout", "-5"], "harus bilangan bulat paling sedikit 1, bukan '-5'"),
    ],
)
def test_argumen_salah_diberi_pesan(tmp_path, argumen, pesan):
    hasil = _manage(_env(tmp_path), "serve", *argumen)
    assert hasil.returncode != 0
    assert pesan in hasil.stderr


def test_jumlah_worker_dari_core_dibatasi(monkeypatch):
    from ramping.web.management.commands import serve

    monkeypatch.setattr(serve.os, "sched_getaffinity", lambda pid: set(range(2)))
    assert serve.worker_bawaan() == 5
    monkeypatch.setattr(serve.os, "sched_getaffinity", lambda pid: set(range(64)))
    assert serve.worker_bawaan() == serve.WORKER_MAKS
