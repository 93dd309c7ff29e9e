"""Benchmark: does the comparison page (and the leader summary) open within 1 s on the demo?

Usage: python bench/banding.py [--ulang R] [--batas DETIK]

Builds a throwaway SQLite database, loads the demo agency (Kota Cilegon shape: 2021 before and
2023 after the simplification), logs in as the analyst and times, best of R runs, the full
HTTP request of the comparison page (default pair), its PDF, the leader summary page
(`ringkasan pimpinan`) and its PDF. The floor is the plain read of both versions' rows
(units, positions, active placements) the comparison cannot avoid: the ratio shows how much
the page adds on top of that. Exits 1 when a page is slower than --batas (default 1.0 s).
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _siapkan(db_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["RAMPING_DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    # A measurement on this machine, not a deployment (production is the settings' default).
    os.environ.setdefault("RAMPING_DEBUG", "true")
    import django

    django.setup()


def _terbaik(fungsi, ulang: int) -> float:
    terbaik = float("inf")
    for _ in range(ulang):
        mulai = time.perf_counter()
        fungsi()
        terbaik = min(terbaik, time.perf_counter() - mulai)
    return terbaik


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ulang", type=int, default=3)
    p.add_argument("--batas", type=float, default=1.0)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        _siapkan(f"sqlite:///{tmp}/bench.sqlite3")
        from django.core.management import call_command
        from django.test import Client
        from django.urls import reverse

        from ramping.akun.models import Keanggotaan, Pengguna
        from ramping.demo.muat import muat_instansi
        from ramping.inti.lingkup import lingkup_instansi, semua_instansi
        from ramping.organisasi.models import Struktur
        from ramping.penyederhanaan.perbandingan import _isi, pasangan_bawaan

        call_command("migrate", verbosity=0)
        instansi = muat_instansi(nama="Bench (data contoh)", kode="bench-banding", seed=7)
        with semua_instansi():
            analis = Pengguna.objects.create_user(username="bench-analis", password="x" * 16)
            Keanggotaan.objects.create(instansi=instansi, pengguna=analis, peran="analis")
        klien = Client(HTTP_HOST="localhost")
        klien.force_login(analis)

        with lingkup_instansi(instansi.pk):
            versi = list(Struktur.objects.filter(instansi=instansi))
            lama, baru = pasangan_bawaan(instansi.pk, versi)

        def lantai():
            with lingkup_instansi(instansi.pk):
                _isi(lama)
                _isi(baru)

        def halaman(nama: str, *args):
            url = reverse(nama, args=[instansi.kode, *args])

            def buka():
                r = klien.get(url)
                assert r.status_code == 200, (url, r.status_code)

            return buka

        kerja = {
            "baca baris kedua versi (lantai)": lantai,
            "halaman perbandingan": halaman("penyederhanaan:bandingkan"),
            "PDF perbandingan": halaman("penyederhanaan:bandingkan_unduh", "pdf"),
            "halaman ringkasan pimpinan": halaman("penyederhanaan:pimpinan"),
            "PDF ringkasan pimpinan": halaman("penyederhanaan:pimpinan_unduh"),
        }
        hasil = {nama: _terbaik(f, a.ulang) for nama, f in kerja.items()}
    dasar = hasil["baca baris kedua versi (lantai)"]
    print(f"SQLite, data contoh: {lama.nama} → {baru.nama}; terbaik dari {a.ulang}")
    print(f"{'pekerjaan':<34} {'waktu':>10} {'÷ lantai':>9}")
    gagal = False
    for nama, detik in hasil.items():
        tanda = ""
        if nama != "baca baris kedua versi (lantai)" and detik > a.batas:
            tanda, gagal = f"  > {a.batas:.1f} s", True
        print(f"{nama:<34} {detik * 1000:>8.0f}ms {detik / dasar:>8.1f}x{tanda}")
    sys.exit(1 if gagal else 0)


if __name__ == "__main__":
    main()
