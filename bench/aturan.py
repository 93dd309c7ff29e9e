"""Benchmark: kebutuhan pegawai for many positions, batch (columnar) vs per-object loop.

Usage: python bench/aturan.py [--n POSITIONS] [--n-objek POSITIONS] [--ulang REPEATS]

Generates synthetic columnar tasks (5-15 per position, ~10 on average; volume as int, time per
unit in hundredths of an hour), then times in the same run:

1. the batch form ``kebutuhan_pegawai_batch`` on the columns;
2. the straightforward per-object loop, ``kebutuhan_pegawai`` over prebuilt lists of ``Tugas``;
3. the per-object route from the same columns: build one ``Tugas`` per task, group them by
   position, then (2).

The per-object forms run on the first ``--n-objek`` positions (bounded, because ten million
dataclass instances do not fit in a small machine's memory); rates are compared per position.
Results of both forms are checked to be equal. Best of ``--ulang`` runs, garbage collector off
while timing (as ``timeit`` does).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

# Run as a script from anywhere: make the project root importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ramping.aturan import Tugas, kebutuhan_pegawai, kebutuhan_pegawai_batch

SKALA = 2  # time columns hold hundredths of an hour


def buat_kolom(n_jabatan: int, seed: int = 2024) -> tuple[list[int], list[int], list[int]]:
    """Synthetic columnar tasks, ordered by position as a database export would be."""
    rnd = random.Random(seed)
    jumlah = [rnd.randint(5, 15) for _ in range(n_jabatan)]
    ids = [j for j, k in enumerate(jumlah) for _ in range(k)]
    volume = [rnd.randint(1, 500) for _ in ids]
    waktu = [rnd.randint(1, 4000) for _ in ids]
    return ids, volume, waktu


def dari_kolom(ids: list[int], volume: list[int], waktu: list[int]) -> dict[int, list[Tugas]]:
    """The per-object representation: one Tugas per task, grouped by position."""
    per_jabatan: dict[int, list[Tugas]] = {}
    for j, v, w in zip(ids, volume, waktu, strict=True):
        per_jabatan.setdefault(j, []).append(Tugas(Decimal(v), Decimal(w).scaleb(-SKALA)))
    return per_jabatan


def per_objek(per_jabatan: dict[int, list[Tugas]]) -> dict[int, Decimal]:
    return {j: kebutuhan_pegawai(t) for j, t in per_jabatan.items()}


def ukur(fungsi: Callable[[], Any], ulang: int) -> tuple[float, Any]:
    terbaik, hasil = float("inf"), None
    for _ in range(ulang):
        gc.collect()
        gc.disable()
        try:
            mulai = time.perf_counter()
            hasil = fungsi()
            terbaik = min(terbaik, time.perf_counter() - mulai)
        finally:
            gc.enable()
    return terbaik, hasil


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="positions (default 100000)")
    parser.add_argument(
        "--n-objek", type=int, default=100_000, help="positions for the per-object forms"
    )
    parser.add_argument("--ulang", type=int, default=3, help="repeats, best is kept")
    arg = parser.parse_args(argv)

    ids, volume, waktu = buat_kolom(arg.n)
    n_objek = min(arg.n, arg.n_objek)
    n_tugas_objek = next((i for i, j in enumerate(ids) if j >= n_objek), len(ids))
    kolom_objek = ids[:n_tugas_objek], volume[:n_tugas_objek], waktu[:n_tugas_objek]
    print(f"{arg.n:,} jabatan, {len(ids):,} tugas (batch); {n_objek:,} jabatan (per objek)")

    t_batch, hasil_batch = ukur(
        lambda: kebutuhan_pegawai_batch(ids, volume, waktu, skala=SKALA), arg.ulang
    )
    t_bangun, per_jabatan = ukur(lambda: dari_kolom(*kolom_objek), 1)
    t_objek, hasil_objek = ukur(lambda: per_objek(per_jabatan), arg.ulang)
    assert all(hasil_batch[j] == k for j, k in hasil_objek.items()), "hasil berbeda"

    laju_batch = arg.n / t_batch
    laju_objek = n_objek / t_objek
    laju_kolom = n_objek / (t_objek + t_bangun)
    print(f"batch (kolom)                       : {laju_batch:12,.0f} jabatan/detik")
    print(f"per objek (Tugas sudah dibuat)      : {laju_objek:12,.0f} jabatan/detik")
    print(f"per objek dari kolom (buat Tugas)   : {laju_kolom:12,.0f} jabatan/detik")
    print(f"rasio batch / per objek             : {laju_batch / laju_objek:6.1f}x")
    print(f"rasio batch / per objek dari kolom  : {laju_batch / laju_kolom:6.1f}x")


if __name__ == "__main__":
    main()
