"""Benchmark: the national dataset generator on PostgreSQL, then work at that size (#15 item 7).

Usage: python bench/nasional.py [--instansi N] [--templat K] [--ulang R] [--db-url URL]

Without ``--db-url`` it starts a throwaway PostgreSQL cluster (``scripts/with_postgres.py``),
runs ``ramping generate --skala nasional --instansi N --templat K`` (K agencies generated through
the ORM with distinct seeds, the other N−K copied server-side by ``ramping.demo.salin``), and
prints the time of each phase, rows and positions per agency, and the extrapolation to the
national size (800 agencies: K templates + 800−K copies at the measured rates). Then, at that
size, for the first agency: the ABK recompute of its version against a bare GROUP BY, the peta
jabatan tree and the peta jabatan XLSX export (best of R).
"""

import argparse
import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--instansi", type=int, default=40)
    p.add_argument("--templat", type=int, default=8)
    p.add_argument("--ulang", type=int, default=5)
    p.add_argument("--db-url")
    a = p.parse_args()
    if not a.db_url:
        perintah = [
            sys.executable,
            str(ROOT / "scripts/with_postgres.py"),
            sys.executable,
            __file__,
            "--instansi",
            str(a.instansi),
            "--templat",
            str(a.templat),
            "--ulang",
            str(a.ulang),
            "--db-url",
            "dari-lingkungan",
        ]
        sys.exit(subprocess.run(perintah).returncode)
    if a.db_url != "dari-lingkungan":
        os.environ["RAMPING_DATABASE_URL"] = a.db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    os.environ.setdefault("RAMPING_DEBUG", "true")  # a measurement, not a deployment
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False
    from django.core.management import call_command
    from django.db import connection

    import ramping.demo.management.commands.generate as gen
    from ramping.demo import salin
    from ramping.inti.lingkup import semua_instansi
    from ramping.jabatan.models import Jabatan
    from ramping.organisasi.models import Instansi
    from ramping.pegawai.models import Pegawai

    call_command("migrate", verbosity=0)
    # Time the two phases separately by wrapping the copy function.
    waktu = {}
    asli = salin.salin_instansi

    def terukur(**kw):
        mulai = time.perf_counter()
        try:
            return asli(**kw)
        finally:
            waktu["salin"] = time.perf_counter() - mulai

    gen.salin_instansi = terukur
    mulai = time.perf_counter()
    call_command(
        "generate",
        skala="nasional",
        instansi=a.instansi,
        templat=a.templat,
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    total = time.perf_counter() - mulai
    t_salin = waktu.get("salin", 0.0)
    t_templat = total - t_salin
    k = min(a.templat, a.instansi)
    n_salin = a.instansi - k
    with semua_instansi():  # a count over every agency, for the report only
        n_jab, n_peg = Jabatan.objects.count(), Pegawai.objects.count()
    with connection.cursor() as cur:
        cur.execute("SELECT pg_database_size(current_database())")
        ukuran = cur.fetchone()[0] / 2**30
        cur.execute("SHOW server_version")
        versi = cur.fetchone()[0]
    per_templat = t_templat / k
    per_salin = t_salin / n_salin if n_salin else float("nan")
    perkiraan = a.templat * per_templat + (800 - a.templat) * per_salin
    print(f"PostgreSQL {versi}: {a.instansi} instansi ({k} dibangkitkan, {n_salin} salinan)")
    print(f"  {n_jab:,} jabatan, {n_peg:,} pegawai, basis data {ukuran:.2f} GiB")
    print(f"  dibangkitkan : {t_templat:8.1f} s ({per_templat:.1f} s/instansi)")
    print(f"  salinan      : {t_salin:8.1f} s ({per_salin:.2f} s/instansi)")
    if a.instansi >= 800:  # the national size itself: measured, not extrapolated
        print(f"  ukuran nasional diukur: {total / 60:.1f} menit seluruhnya")
    else:
        print(
            f"  perkiraan 800 instansi ({a.templat} dibangkitkan + {800 - a.templat} salinan): "
            f"{perkiraan / 60:.1f} menit, ≈{n_jab / a.instansi * 800:,.0f} jabatan, "
            f"≈{n_peg / a.instansi * 800:,.0f} pegawai"
        )

    import hitung_ulang
    import skala

    satu = Instansi.objects.order_by("pk").first()
    hasil = hitung_ulang.ukur(satu, a.ulang)
    print(f"Pada ukuran ini, instansi pertama ({satu.kode}); loadavg {os.getloadavg()}:")
    hitung_ulang.cetak(hasil, awalan="  ")
    for nama, fungsi in skala._kerja(satu).items():
        if "hitung ulang" in nama:
            continue
        print(f"  {nama:<36} {skala._ukur(fungsi, a.ulang, satu.pk) * 1000:>9.1f} ms")


if __name__ == "__main__":
    main()
