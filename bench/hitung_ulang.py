"""Benchmark: set-based ABK recompute of one version against a bare GROUP BY (issue #15, item 1).

Usage: python bench/hitung_ulang.py [--instansi N] [--ulang R] [--postgres] [--db-url URL]

Builds a throwaway database (SQLite in a temp folder; ``--postgres`` runs the same inside
``scripts/with_postgres.py``; ``--db-url`` uses an existing database that already holds agencies),
loads one demo-shaped agency (1,251 positions in its current version), optionally N−1 more with
the scale generator, and times for the demo agency's current version, best of R:

1. the lower bound: a bare ``SELECT jabatan_id, SUM(volume * waktu) … GROUP BY`` of its tasks;
   on PostgreSQL also the same query with parallel workers off (often the faster plan here);
2. ``abk_hitung_ulang`` (K, beban, kebutuhan; set-based) when nothing changes;
3. the same after a change of WKE, so every position's figures are rewritten;
4. the previous implementation (per-position Tugas lists + ``bulk_update``) for reference.

(1)–(3) run back to back in every round (best of R each), so a change of the machine's load
touches them alike. Prints the load average, absolute times and the ratios to (1).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _siapkan(db_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["RAMPING_DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    os.environ.setdefault("RAMPING_DEBUG", "true")  # a measurement, not a deployment
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # no query log: production's cursor


def _terbaik(fungsi, ulang: int) -> float:
    terbaik = float("inf")
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        terbaik = min(terbaik, time.perf_counter() - mulai)
    return terbaik


def _cara_lama(struktur, pengaturan) -> None:
    """The implementation before issue #15 (kept here as the reference point)."""
    from collections import defaultdict

    from django.db import transaction

    from ramping import aturan
    from ramping.jabatan.models import Jabatan, Tugas
    from ramping.jabatan.services.abk import _hasil_abk

    with transaction.atomic():
        jabatan = Jabatan.objects.filter(instansi_id=struktur.instansi_id, struktur=struktur)
        per: dict[int, list] = defaultdict(list)
        rows = Tugas.objects.filter(jabatan__in=jabatan.values("id"))
        for jid, v, w, s in rows.values_list("jabatan_id", "volume", "waktu", "satuan_waktu"):
            per[jid].append(aturan.Tugas(volume=v, waktu=w, satuan=s))
        semua = list(jabatan.only("id"))
        for j in semua:
            for name, value in _hasil_abk(per.get(j.pk, []), pengaturan).items():
                setattr(j, name, value)
        Jabatan.objects.bulk_update(
            semua, ["beban_kerja_jam", "kebutuhan_desimal", "kebutuhan"], batch_size=2000
        )


DASAR = "GROUP BY (batas bawah)"
DASAR_SERIAL = "GROUP BY tanpa pekerja paralel"


def ukur(instansi, ulang: int) -> dict[str, float]:
    """Best of `ulang` rounds; each round runs every variant once, back to back, so a change of
    the machine's load in the middle of a run touches the baseline and the recompute alike."""
    from django.db import connection, transaction

    from ramping.akun.akses import Akses
    from ramping.inti.lingkup import lingkup_instansi
    from ramping.jabatan.services import abk_hitung_ulang
    from ramping.organisasi.models import PengaturanInstansi, Struktur
    from ramping.organisasi.pengaturan import pengaturan_instansi

    akses = Akses.sistem(instansi)
    pg = connection.vendor == "postgresql"
    with lingkup_instansi(instansi.pk):
        struktur = Struktur.objects.get(instansi=instansi, status=Struktur.Status.BERLAKU)
        sql = (
            "SELECT t.jabatan_id, SUM(t.volume * t.waktu) FROM jabatan_tugas t "
            "JOIN jabatan_jabatan j ON j.id = t.jabatan_id WHERE j.struktur_id = %s "
            "GROUP BY t.jabatan_id"
        )

        def bare(serial: bool = False) -> float:
            with transaction.atomic(), connection.cursor() as cur:
                if serial:
                    # PostgreSQL often plans the bare query with a parallel worker, whose start
                    # costs more than it saves at this size: the serial plan is the lower bound.
                    cur.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                mulai = time.perf_counter()
                cur.execute(sql, [struktur.pk])
                cur.fetchall()
                return time.perf_counter() - mulai

        def sekali() -> float:
            mulai = time.perf_counter()
            abk_hitung_ulang(akses=akses, struktur=struktur)
            return time.perf_counter() - mulai

        awal = pengaturan_instansi(instansi_id=instansi.pk)

        def atur_wke(wke) -> None:
            PengaturanInstansi.objects.update_or_create(
                instansi=instansi,
                defaults={
                    "wke_jam": wke,
                    "mode_pembulatan": awal.mode_pembulatan,
                    "minimal_satu": awal.minimal_satu,
                },
            )

        sekali()  # the stored figures now match the settings: the first "unchanged" is one
        hasil: dict[str, float] = {}
        for putaran in range(ulang):
            # Untimed: the previous round's rewrite left dead row versions that the first read
            # of those pages prunes (PostgreSQL); the baseline should not carry that alone.
            bare()
            waktu = {DASAR: bare()}
            if pg:
                waktu[DASAR_SERIAL] = bare(serial=True)
            waktu["hitung ulang, tanpa perubahan"] = sekali()
            # Every figure changes (WKE 1 200 ↔ 1 250, set outside the timing): all rewritten.
            atur_wke(1200 if putaran % 2 == 0 else 1250)
            waktu["hitung ulang, semua berubah (WKE)"] = sekali()
            for nama, detik in waktu.items():
                hasil[nama] = min(hasil.get(nama, float("inf")), detik)
        atur_wke(awal.wke_jam)
        sekali()
        hasil["cara lama (bulk_update)"] = _terbaik(
            lambda: _cara_lama(struktur, awal), max(1, ulang // 3)
        )
        sekali()  # the figures as the settings give them, whatever the old path left
    return hasil


def cetak(hasil: dict[str, float], awalan: str = "") -> None:
    """Absolute times and ratios to the bare GROUP BY (and, on PostgreSQL, to its serial plan)."""
    dasar = hasil[DASAR]
    serial = hasil.get(DASAR_SERIAL)
    for nama, detik in hasil.items():
        baris = f"{awalan}{nama:<36} {detik * 1000:>9.1f} ms {detik / dasar:>6.1f}x"
        if serial and nama not in (DASAR, DASAR_SERIAL):
            baris += f"  ({detik / serial:.1f}x tanpa paralel)"
        print(baris)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--instansi", type=int, default=1, help="agencies in the database")
    p.add_argument("--ulang", type=int, default=9)
    p.add_argument("--postgres", action="store_true")
    p.add_argument("--db-url", help="an existing database (its first demo agency is used)")
    a = p.parse_args()
    if a.postgres and not a.db_url:
        perintah = [
            sys.executable,
            str(ROOT / "scripts/with_postgres.py"),
            sys.executable,
            __file__,
            "--instansi",
            str(a.instansi),
            "--ulang",
            str(a.ulang),
            "--db-url",
            "dari-lingkungan",
        ]
        sys.exit(subprocess.run(perintah).returncode)
    with tempfile.TemporaryDirectory() as tmp:
        if a.db_url == "dari-lingkungan":
            url, baru = os.environ["RAMPING_DATABASE_URL"], True
        elif a.db_url:
            url, baru = a.db_url, False
        else:
            url, baru = f"sqlite:///{tmp}/bench.sqlite3", True
        _siapkan(url)
        from django.core.management import call_command
        from django.db import connection

        from ramping.demo.muat import muat_instansi
        from ramping.organisasi.models import Instansi

        if baru:
            call_command("migrate", verbosity=0)
            satu = muat_instansi(nama="Bench (data contoh)", kode="bench-utama", seed=7)
            if a.instansi > 1:
                with open(os.devnull, "w") as diam:
                    call_command(
                        "generate",
                        skala="kota",
                        instansi=a.instansi - 1,
                        awalan="bench",
                        stdout=diam,
                        stderr=diam,
                    )
        else:
            satu = Instansi.objects.order_by("pk").first()
        hasil = ukur(satu, a.ulang)
        n_instansi = Instansi.objects.count()
        mesin = (
            f"{connection.vendor} {connection.Database.sqlite_version}"
            if (connection.vendor == "sqlite")
            else f"PostgreSQL {connection.pg_version // 10000}"
        )
    print(f"{mesin}, {n_instansi} instansi dalam basis data; versi berlaku instansi pertama")
    print(f"beban mesin (loadavg 1/5/15 menit): {os.getloadavg()}")
    cetak(hasil)


if __name__ == "__main__":
    main()
