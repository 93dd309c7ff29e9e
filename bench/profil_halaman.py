"""Profile one page request in-process: time, queries, and where the CPU goes.

Usage: python bench/profil_halaman.py PATH [--ulang N] [--pengguna analis] [--teratas 25]
                                      [--tanpa-potongan]

Runs against RAMPING_DATABASE_URL (a database with the demo loaded; e.g. after
`manage.py migrate && manage.py demo`), with production settings' template caching (the
cached loader is on whenever DEBUG is off; this script turns DEBUG off after setup). Prints the
best wall and CPU time of N requests, the number of queries, and a cProfile (CPU time) of one
more request sorted by cumulative and own time.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--ulang", type=int, default=10)
    ap.add_argument("--pengguna", default="analis")
    ap.add_argument("--teratas", type=int, default=25)
    ap.add_argument(
        "--tanpa-potongan",
        action="store_true",
        help="page fragments not cached (ramping.web.potongan): the 'before' of the cache",
    )
    arg = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    os.environ.setdefault("RAMPING_DEBUG", "true")
    import django

    django.setup()
    from django.conf import settings

    if arg.tanpa_potongan:
        # Before the first use of the cache alias, so every request builds its fragments.
        settings.CACHES["potongan"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from ramping.akun.models import Pengguna

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    c = Client()
    c.force_login(Pengguna.objects.get(username=arg.pengguna))
    r = c.get(arg.path)
    assert r.status_code == 200, r.status_code
    terbaik = cpu = float("inf")
    for _ in range(arg.ulang):
        t, p = time.perf_counter(), time.process_time()
        c.get(arg.path)
        terbaik = min(terbaik, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - p)
    with CaptureQueriesContext(connection) as q:
        c.get(arg.path)
    print(
        f"{arg.path}: terbaik {terbaik * 1000:.1f} ms (CPU {cpu * 1000:.1f} ms), {len(q)} kueri, "
        f"{len(r.content)} bita"
    )
    # CPU time, not wall time: the machine may be shared while profiling.
    prof = cProfile.Profile(time.process_time)
    prof.enable()
    c.get(arg.path)
    prof.disable()
    for urut in ("cumulative", "tottime"):
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats(urut).print_stats(arg.teratas)
        print(s.getvalue())


if __name__ == "__main__":
    main()
