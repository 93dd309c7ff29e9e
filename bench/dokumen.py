"""Benchmark: documents at demo size (issue #15, item 5).

Usage: python bench/dokumen.py [--ulang R] [--db-url URL]

Builds a throwaway SQLite database with the demo agency (or uses ``--db-url``) and prints, best
of R: the whole-agency peta jabatan XLSX (target ≤ 2 s); the XLSX renderer's peak memory per
1,000 positions as the table grows (the agency's rows repeated ×1, ×4, ×16: streaming keeps it
flat), against a normal in-memory openpyxl workbook of the same cells as the reference; and the
OPD-wide ANJAB DOCX/PDF and evaluasi PDF of the largest OPD (target ≤ 10 s).
"""

import argparse
import gc
import os
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _terbaik(fungsi, ulang: int) -> float:
    terbaik = float("inf")
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        terbaik = min(terbaik, time.perf_counter() - mulai)
    return terbaik


def _puncak_mib(fungsi) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fungsi()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _xlsx_biasa(dokumen) -> bytes:
    """Reference: the same cells in a normal (in-memory) openpyxl workbook."""
    from io import BytesIO

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for tabel in dokumen.tabel():
        for b in tabel.baris:
            ws.append(list(b.sel))
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ulang", type=int, default=3)
    p.add_argument("--db-url")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RAMPING_DATABASE_URL"] = a.db_url or f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
        os.environ.setdefault("RAMPING_DEBUG", "true")  # a measurement, not a deployment
        import django

        django.setup()
        from django.conf import settings

        settings.DEBUG = False
        from django.core.management import call_command

        from ramping.akun.akses import Akses
        from ramping.demo.muat import muat_instansi
        from ramping.inti.lingkup import lingkup_instansi
        from ramping.jabatan.models import Jabatan
        from ramping.laporan.exporters import PetaJabatan
        from ramping.laporan.renderers.xlsx import render_xlsx
        from ramping.laporan.unduhan import buat_laporan
        from ramping.organisasi.models import Instansi, Struktur, UnitKerja

        if a.db_url:
            instansi = Instansi.objects.order_by("pk").first()
        else:
            call_command("migrate", verbosity=0)
            instansi = muat_instansi(nama="Bench (data contoh)", kode="bench-dokumen", seed=7)
        akses = Akses.sistem(instansi)
        with lingkup_instansi(instansi.pk):
            struktur = Struktur.objects.get(instansi=instansi, status=Struktur.Status.BERLAKU)
            n_jabatan = Jabatan.objects.filter(struktur=struktur).count()
            opd = max(
                UnitKerja.objects.filter(struktur=struktur, kedalaman=0),
                key=lambda o: Jabatan.objects.filter(
                    struktur=struktur, unit__path__startswith=o.path
                ).count(),
            )
            n_opd = Jabatan.objects.filter(struktur=struktur, unit__path__startswith=opd.path)
            n_opd = n_opd.count()

            def laporan(kode, format, opd_kode=""):
                return lambda: buat_laporan(
                    akses=akses, kode=kode, format=format, struktur=struktur, opd_kode=opd_kode
                )

            print(f"Instansi data contoh: {n_jabatan:,} jabatan pada versi berlaku")
            t = _terbaik(laporan("peta-jabatan", "xlsx"), a.ulang)
            print(f"peta jabatan XLSX seluruh instansi      : {t:6.2f} s (target ≤ 2 s)")

            e = PetaJabatan(akses=akses, struktur=struktur)
            e.muat()
            dok = e.dokumen()
            tabel = dok.tabel()[0]
            print("memori render XLSX per 1.000 jabatan (puncak tracemalloc):")
            for kali in (1, 4, 16):
                besar = replace(
                    dok, blok=[replace(tabel, baris=tabel.baris * kali) if b is tabel else b
                               for b in dok.blok]
                )  # fmt: skip
                mib = _puncak_mib(lambda d=besar: render_xlsx(d))
                mib_biasa = _puncak_mib(lambda d=besar: _xlsx_biasa(d))
                per = 1000 / (n_jabatan * kali)
                print(
                    f"  ×{kali:<2} ({n_jabatan * kali:>6,} jabatan): streaming {mib * per:6.2f} "
                    f"MiB/1.000 ({mib:6.1f} MiB); workbook biasa {mib_biasa * per:6.2f} "
                    f"MiB/1.000 ({mib_biasa:6.1f} MiB)"
                )
            print(f"OPD terbesar: {opd.kode} ({n_opd} jabatan)")
            for kode, format in (("anjab", "docx"), ("anjab", "pdf"), ("evaluasi", "pdf")):
                t = _terbaik(laporan(kode, format, opd.kode), max(1, a.ulang // 2))
                print(f"  {kode} {format.upper():<4} seluruh OPD                : {t:6.2f} s")


if __name__ == "__main__":
    main()
