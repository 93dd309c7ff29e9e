"""Benchmark: ranked nomenklatur suggestions for many pelaksana posts (aim: 10,000 in < 5 s).

Usage: python bench/nomenklatur.py [--n POSTS] [--ulang REPEATS]

Synthetic posts: old names from the pair table ``tests/aturan/pasangan_nomenklatur.csv``, each
given a unit suffix (``… pada Bidang 17``) so that most names are distinct, three task sentences
drawn from a pool, and 1–3 incumbents' education. Two runs are timed, caches cleared before each:

1. ``distinct``: every post different (worst case: no two posts share name, tasks and education);
2. ``agency``: the old names without suffix, as in a real agency (many posts share a name).

Best of ``--ulang`` runs, garbage collector off while timing.
"""

from __future__ import annotations

import argparse
import csv
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ramping.aturan import saran_nomenklatur as sn

TABEL = Path(__file__).resolve().parents[1] / "tests" / "aturan" / "pasangan_nomenklatur.csv"
TUGAS = (
    "menerima dan mencatat surat masuk dan keluar",
    "menyusun bahan laporan kegiatan bidang",
    "mengolah data kepegawaian dan menyajikan informasi",
    "mengemudikan kendaraan dinas operasional",
    "memelihara kebersihan ruang kantor",
    "memverifikasi dokumen pertanggungjawaban keuangan",
    "menyiapkan bahan rapat koordinasi",
    "menginput data ke aplikasi",
    "melaksanakan pengamanan kantor",
    "menyusun rencana kerja dan anggaran",
)
PENDIDIKAN = ("SD", "SMP", "SLTA", "D-III", "S-1", "S-2")


def buat_pos(n: int, *, berbeda: bool, seed: int = 45) -> list[sn.PosInput]:
    rnd = random.Random(seed)
    with TABEL.open(encoding="utf-8", newline="") as f:
        nama = [r["nama_lama"] for r in csv.DictReader(f)]
    hasil = []
    for i in range(n):
        dasar = rnd.choice(nama)
        hasil.append(
            sn.PosInput(
                f"{dasar} pada Bidang {i}" if berbeda else dasar,
                "; ".join(rnd.sample(TUGAS, 3)),
                tuple(rnd.choice(PENDIDIKAN) for _ in range(rnd.randint(1, 3))),
            )
        )
    return hasil


def ukur(pos: list[sn.PosInput], ulang: int) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds (CPU time is what a loaded, shared machine does
    not inflate)."""
    terbaik, cpu = float("inf"), float("inf")
    for _ in range(ulang):
        sn._dasar_nama.cache_clear()
        gc.disable()
        try:
            mulai, mulai_cpu = time.perf_counter(), time.process_time()
            hasil = sn.sarankan_banyak(pos)
            terbaik = min(terbaik, time.perf_counter() - mulai)
            cpu = min(cpu, time.process_time() - mulai_cpu)
        finally:
            gc.enable()
        assert len(hasil) == len(pos)
    return terbaik, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--ulang", type=int, default=3)
    a = ap.parse_args()
    sn.sarankan(sn.PosInput("Pengadministrasi Umum"))  # load the catalogue once (not timed)
    for label, berbeda in (("distinct", True), ("agency", False)):
        detik, cpu = ukur(buat_pos(a.n, berbeda=berbeda), a.ulang)
        print(
            f"{label:9s} {a.n:>7,} posts  {detik:6.2f} s wall  {cpu:6.2f} s CPU  "
            f"{a.n / detik:>9,.0f} posts/s"
        )


if __name__ == "__main__":
    main()
