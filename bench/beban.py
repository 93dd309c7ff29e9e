"""Benchmark: page latency under load against the production server (`ramping serve`).

Usage: python bench/beban.py [--klien 20] [--per-klien 10] [--worker N] [--database-url URL]
                             [--halaman peta_opd,dasbor,...] [--port P]

Without --database-url it builds a throwaway SQLite database with the demo agency (`migrate` +
`demo`). It then starts `manage.py serve` (gunicorn + WhiteNoise, production settings: no
DEBUG, a random secret key, behind a pretend TLS proxy: `X-Forwarded-Proto: https` with
RAMPING_PROXY_SSL_HEADER=true, as nginx would send it) on a free loopback port, logs in as the
demo analyst (GET the login form for the CSRF cookie and token, POST with an Origin header;
one login, so django-axes never counts a failure), and, page by page, drives `--klien`
concurrent clients (threads, one httpx.Client each, no think time: a closed loop) for
`--per-klien` requests each after one warm-up request per client.

Printed per page: p50 / p95 / p99 / max latency (ms), errors (status ≠ 200 or transport
errors), throughput, the server's CPU per request (the gunicorn processes' utime+stime from
/proc, divided by the requests) and the load generator's own CPU per request (this process's
CPU time). Two floors are served by the same server under the same load: a static file
(WhiteNoise) and the login page (a template through every middleware, no query). On a
closed loop with C clients and K cores, latency ≈ C × CPU per request / K: the floor line
shows what the machine itself gives at that concurrency (it is shared: read the ratio).
"""

import argparse
import contextlib
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PENGGUNA, SANDI = "analis", "ramping-demo"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(db_url: str, tmp: Path) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("RAMPING_")}
    return {
        **base,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "ramping.settings",
        "RAMPING_DEBUG": "false",
        "RAMPING_SECRET_KEY": "beban-" + os.urandom(24).hex(),
        "RAMPING_ALLOWED_HOSTS": "127.0.0.1",
        "RAMPING_PROXY_SSL_HEADER": "true",
        "RAMPING_DATABASE_URL": db_url,
        # As docs/deploy.md sets it in production: a worker keeps its connection.
        "RAMPING_DB_CONN_MAX_AGE": "60",
        "RAMPING_STATIC_ROOT": str(tmp / "statis"),
        "RAMPING_MEDIA_ROOT": str(tmp / "media"),
        "RAMPING_PENYIMPANAN": str(tmp / "penyimpanan"),
        "RAMPING_LOG_LEVEL": "ERROR",
    }


def _manage(env: dict[str, str], *args: str) -> str:
    hasil = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if hasil.returncode:
        sys.exit(f"manage.py {' '.join(args)} gagal:\n{hasil.stdout}\n{hasil.stderr}")
    return hasil.stdout


def _sasaran(env: dict[str, str]) -> dict[str, str]:
    """Ids of the pages to drive, found in the database: the biggest OPD of the version in
    force (most positions), one of its positions (most tasks), the agency code."""
    kode = r"""
import django; django.setup()
from django.db.models import Count
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.jabatan.models import Jabatan
i = Instansi.objects.order_by("pk").first()
with lingkup_instansi(i.pk):
    s = Struktur.objects.get(instansi=i, status="berlaku")
    # Unit paths repeat in every version: each filter names the version in force.
    di_s = Jabatan.objects.filter(unit__struktur=s)
    opd = max(UnitKerja.objects.filter(struktur=s, kedalaman=0),
              key=lambda u: di_s.filter(unit__path__startswith=u.path).count())
    j = (di_s.filter(unit__path__startswith=opd.path)
         .annotate(n=Count("tugas_set")).order_by("-n", "pk").first())
    print(i.kode, opd.pk, j.pk, di_s.count(), di_s.filter(unit__path__startswith=opd.path).count())
"""
    keluar = subprocess.run(
        [sys.executable, "-c", kode], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if keluar.returncode:
        sys.exit(keluar.stderr)
    kode_i, opd, jab, n_instansi, n_opd = keluar.stdout.split()
    return {"kode": kode_i, "opd": opd, "jabatan": jab, "n": n_instansi, "n_opd": n_opd}


def halaman(s: dict[str, str], statis: str) -> dict[str, tuple[str, str]]:
    """name → (level, path). Level: floor / OPD / agency (whole-agency pages)."""
    i = f"/i/{s['kode']}"
    return {
        "statis": ("lantai", statis),
        "masuk": ("lantai", "/masuk/"),
        "dasbor": ("opd", f"{i}/"),
        "peta_opd": ("opd", f"{i}/peta/{s['opd']}/"),
        "unit_opd": ("opd", f"{i}/unit/{s['opd']}/"),
        "jabatan": ("opd", f"{i}/jabatan/{s['jabatan']}/"),
        "tab_tugas": ("opd", f"{i}/jabatan/{s['jabatan']}/tab/tugas/"),
        "bagan_opd": ("opd", f"{i}/bagan/{s['opd']}/"),
        "peta_instansi": ("instansi", f"{i}/peta/"),
        "bagan_instansi": ("instansi", f"{i}/bagan/?kedalaman=9"),
        "pohon": ("instansi", f"{i}/pohon/"),
        "pegawai": ("instansi", f"{i}/pegawai/"),
    }


@dataclass
class Hasil:
    durasi: list[float] = field(default_factory=list)
    galat: int = 0
    contoh_galat: str = ""


def _cpu_server(pid_induk: int) -> float:
    """utime+stime (s) of gunicorn's master and workers, from /proc."""
    detik = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    pids = [pid_induk]
    try:
        anak = Path(f"/proc/{pid_induk}/task/{pid_induk}/children").read_text().split()
        pids += [int(p) for p in anak]
    except OSError:
        pass
    for pid in pids:
        try:
            bagian = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # Fields 14 and 15 (utime, stime) → indices 11, 12 after the ")" split.
        detik += (int(bagian[11]) + int(bagian[12])) / tick
    return detik


def _cpu_sendiri() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _masuk(dasar: str, kepala: dict[str, str]) -> str:
    """Log in once; returns the session cookie value. The cookies are Secure (production), so
    they are carried by hand over the loopback's plain HTTP."""
    with httpx.Client(base_url=dasar, headers=kepala, timeout=60) as c:
        r = c.get("/masuk/")
        r.raise_for_status()
        csrf = r.cookies.get("csrftoken") or re.search(r"csrftoken=([^;]+)", str(r.headers))[1]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.text)[1]
        r = c.post(
            "/masuk/",
            data={"username": PENGGUNA, "password": SANDI, "csrfmiddlewaretoken": token},
            headers={
                "Cookie": f"csrftoken={csrf}",
                "Origin": f"https://{c.base_url.host}:{c.base_url.port}",
                "Referer": f"https://{c.base_url.host}:{c.base_url.port}/masuk/",
            },
        )
        sesi = r.cookies.get("sessionid")
        if r.status_code != 302 or not sesi:
            sys.exit(f"Gagal masuk sebagai {PENGGUNA}: HTTP {r.status_code}")
        return sesi


def _jalankan(dasar, kepala, jalur, klien, per_klien, pid) -> tuple[Hasil, float, float, float]:
    hasil = Hasil()
    kunci = threading.Lock()
    mulai_bersama = threading.Barrier(klien + 1)

    def kerja():
        with httpx.Client(base_url=dasar, headers=kepala, timeout=120) as c:
            with contextlib.suppress(httpx.HTTPError):
                c.get(jalur)  # warm-up (connection, worker caches); not counted
            mulai_bersama.wait()
            for _ in range(per_klien):
                t0 = time.perf_counter()
                try:
                    r = c.get(jalur)
                    r.read()
                    salah = "" if r.status_code == 200 else f"HTTP {r.status_code}"
                except httpx.HTTPError as exc:
                    salah = type(exc).__name__
                dt = time.perf_counter() - t0
                with kunci:
                    hasil.durasi.append(dt)
                    if salah:
                        hasil.galat += 1
                        hasil.contoh_galat = salah

    benang = [threading.Thread(target=kerja) for _ in range(klien)]
    for b in benang:
        b.start()
    mulai_bersama.wait()
    cpu_s0, cpu_k0, t0 = _cpu_server(pid), _cpu_sendiri(), time.perf_counter()
    for b in benang:
        b.join()
    dinding = time.perf_counter() - t0
    return hasil, dinding, _cpu_server(pid) - cpu_s0, _cpu_sendiri() - cpu_k0


def _persentil(data: list[float], p: float) -> float:
    if len(data) < 2:
        return data[0] if data else float("nan")
    return statistics.quantiles(data, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--klien", type=int, default=20)
    ap.add_argument("--per-klien", type=int, default=10)
    ap.add_argument("--worker", type=int, default=None, help="gunicorn workers (bawaan: serve)")
    ap.add_argument("--database-url", default="")
    ap.add_argument("--halaman", default="", help="nama halaman dipisah koma (bawaan: semua)")
    ap.add_argument("--port", type=int, default=0)
    arg = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="ramping-beban-"))
    db_url = arg.database_url or f"sqlite:///{tmp / 'ramping.sqlite3'}"
    env = _env(db_url, tmp)
    if not arg.database_url:
        t = time.perf_counter()
        _manage(env, "migrate", "-v0")
        _manage(env, "demo")
        print(f"basis data demo dibuat dalam {time.perf_counter() - t:.1f} s ({db_url})")
    s = _sasaran(env)
    port = arg.port or _port_bebas()
    dasar = f"http://127.0.0.1:{port}"
    perintah = [sys.executable, "manage.py", "serve", f"--bind=127.0.0.1:{port}"]
    if arg.worker:
        perintah.append(f"--workers={arg.worker}")
    log = open(tmp / "server.log", "w")  # noqa: SIM115 — closed in the finally below
    server = subprocess.Popen(perintah, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{dasar}/masuk/", headers={"X-Forwarded-Proto": "https"}).is_success:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            sys.exit(f"server tidak menjawab; lihat {tmp / 'server.log'}")
        kepala = {"X-Forwarded-Proto": "https"}
        masuk = httpx.get(f"{dasar}/masuk/", headers=kepala)
        statis = re.search(r'href="(/static/[^"]+\.css)"', masuk.text)[1]
        sesi = _masuk(dasar, kepala)
        kepala_sesi = {**kepala, "Cookie": f"sessionid={sesi}"}
        daftar = halaman(s, statis)
        pilih = [n for n in arg.halaman.split(",") if n] or list(daftar)
        workers = len(Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split())
        print(
            f"server: ramping serve, {workers} worker gunicorn, {os.cpu_count()} core; "
            f"{arg.klien} klien × {arg.per_klien} permintaan per halaman; "
            f"instansi {s['kode']}: {s['n']} jabatan, OPD terbesar (unit {s['opd']}) "
            f"{s['n_opd']} jabatan; load {os.getloadavg()[0]:.2f}"
        )
        print(
            f"{'halaman':<15}{'tingkat':<9}{'p50':>7}{'p95':>7}{'p99':>7}{'maks':>7}"
            f"{'galat':>6}{'req/s':>7}{'cpu srv':>9}{'cpu gen':>9}  (ms)"
        )
        for nama in pilih:
            tingkat, jalur = daftar[nama]
            h, dinding, cpu_srv, cpu_gen = _jalankan(
                dasar,
                kepala if tingkat == "lantai" else kepala_sesi,
                jalur,
                arg.klien,
                arg.per_klien,
                server.pid,
            )
            n = len(h.durasi)
            ms = [d * 1000 for d in h.durasi]
            print(
                f"{nama:<15}{tingkat:<9}{_persentil(ms, 50):7.0f}{_persentil(ms, 95):7.0f}"
                f"{_persentil(ms, 99):7.0f}{max(ms):7.0f}{h.galat:6d}{n / dinding:7.1f}"
                f"{1000 * cpu_srv / n:9.1f}{1000 * cpu_gen / n:9.1f}"
                + (f"  {h.contoh_galat}" if h.galat else ""),
                flush=True,
            )
        print(f"load sesudah: {os.getloadavg()[0]:.2f}; log server: {tmp / 'server.log'}")
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        # The log stays for reading; the throwaway database and static files go.
        shutil.rmtree(tmp / "statis", ignore_errors=True)
        if not arg.database_url:
            for berkas in tmp.glob("ramping.sqlite3*"):
                berkas.unlink()


if __name__ == "__main__":
    main()
