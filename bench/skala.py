"""Benchmark: does one agency's work stay as fast when the database holds many agencies?

Usage: python bench/skala.py [--instansi N] [--ulang R] [--postgres]

Builds a throwaway database (SQLite file in a temp folder; `--postgres` runs the same inside
`scripts/with_postgres.py`), loads one demo-shaped agency, and times, for that agency only:
the peta jabatan tree (B/K/± for every position), the dashboard totals, a page of the pegawai
list, the ABK recompute of its version, and the XLSX peta jabatan export. Then it adds N−1
more agencies with the scale generator and times the same work again. Tenant filters and
indexes on `instansi_id` should keep the ratio near 1.0 — that is the number to watch; the
absolute times depend on the machine. Best of R runs each.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _siapkan(db_url: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    if db_url:
        os.environ["RAMPING_DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    # A measurement on this machine, not a deployment (production is the settings' default).
    os.environ.setdefault("RAMPING_DEBUG", "true")
    import django

    django.setup()


def _ukur(fungsi, ulang: int, instansi_id: int) -> float:
    """Best of `ulang` runs, inside the agency's scope as a page or command would be."""
    from ramping.inti.lingkup import lingkup_instansi

    terbaik = float("inf")
    with lingkup_instansi(instansi_id):
        for _ in range(ulang):
            mulai = time.perf_counter()
            fungsi()
            terbaik = min(terbaik, time.perf_counter() - mulai)
    return terbaik


def _kerja(instansi):
    from ramping.akun.akses import Akses
    from ramping.inti.lingkup import lingkup_instansi
    from ramping.jabatan.selectors import pohon_jabatan, rekap_total
    from ramping.jabatan.services import abk_hitung_ulang
    from ramping.laporan.unduhan import buat_laporan
    from ramping.organisasi.selectors import struktur_berlaku
    from ramping.pegawai.selectors import SaringanPegawai, pegawai_daftar

    akses = Akses.sistem(instansi)
    with lingkup_instansi(instansi.pk):
        struktur = struktur_berlaku(instansi=instansi)
    return {
        "peta jabatan (pohon B/K/±)": lambda: rekap_total(
            pohon_jabatan(akses=akses, struktur=struktur)
        ),
        "daftar pegawai (halaman 1)": lambda: list(
            pegawai_daftar(akses=akses, struktur=struktur, saring=SaringanPegawai())[:50]
        ),
        "hitung ulang ABK satu versi": lambda: abk_hitung_ulang(akses=akses, struktur=struktur),
        "ekspor peta jabatan XLSX": lambda: buat_laporan(
            akses=akses, kode="peta-jabatan", format="xlsx", struktur=struktur
        ),
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--instansi", type=int, default=8)
    p.add_argument("--ulang", type=int, default=3)
    p.add_argument("--postgres", action="store_true")
    p.add_argument("--db-url", help=argparse.SUPPRESS)
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
        url = os.environ["RAMPING_DATABASE_URL"] if a.db_url else f"sqlite:///{tmp}/bench.sqlite3"
        _siapkan(url)
        from django.core.management import call_command

        from ramping.demo.muat import muat_instansi

        call_command("migrate", verbosity=0)
        satu = muat_instansi(nama="Bench (data contoh)", kode="bench-utama", seed=7)
        kerja = _kerja(satu)
        awal = {nama: _ukur(f, a.ulang, satu.pk) for nama, f in kerja.items()}
        mulai = time.perf_counter()
        with open(os.devnull, "w") as diam:
            call_command(
                "generate",
                skala="kota",
                instansi=a.instansi - 1,
                awalan="bench",
                stdout=diam,
                stderr=diam,
            )
        detik_gen = time.perf_counter() - mulai
        akhir = {nama: _ukur(f, a.ulang, satu.pk) for nama, f in kerja.items()}
    mesin = "PostgreSQL" if a.db_url else "SQLite"
    print(
        f"{mesin}: 1 instansi lalu {a.instansi} instansi "
        f"(generator: {detik_gen:.1f} s untuk {a.instansi - 1} instansi, "
        f"{detik_gen / max(a.instansi - 1, 1):.2f} s/instansi)"
    )
    banyak = f"{a.instansi} instansi"
    print(f"{'pekerjaan untuk satu instansi':<34} {'1 instansi':>11} {banyak:>12} {'rasio':>7}")
    for nama in kerja:
        print(
            f"{nama:<34} {awal[nama] * 1000:>9.1f}ms {akhir[nama] * 1000:>10.1f}ms "
            f"{akhir[nama] / awal[nama]:>6.2f}x"
        )


if __name__ == "__main__":
    main()
