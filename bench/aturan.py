"""Benchmark: kebutuhan pegawai for many positions, batch (columnar) vs per-object loop.

Usage: python bench/aturan.py [--n POSITIONS] [--n-objek POSITIONS] [--ulang REPEATS]

Issue #15 item 2: ``python bench/aturan.py --n 1000000 --ulang 3`` (10 M tasks) prints the batch
against the numpy ``bincount`` lower bound on the same columns (list → array conversion included
in both, since both start from the same Python lists) and the batch's peak memory (tracemalloc,
which also traces numpy's buffers).

Generates synthetic columnar tasks (5-15 per position, ~10 on average; volume as int, time per
unit in hundredths of an hour), then times in the same run:

0. the lower bound: ``np.bincount(ids, weights=v * w)`` on the same columns (float, inexact);
1. the batch form ``kebutuhan_pegawai_batch`` on the columns (numpy int64 path, exact);
1b. the pure-Python batch path (before issue #15) on the per-object subset;
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
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

# Run as a script from anywhere: make the project root importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from ramping.aturan import Tugas, abk_batch, kebutuhan_pegawai, kebutuhan_pegawai_batch

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


def batas_bawah(ids: list[int], volume: list[int], waktu: list[int]) -> np.ndarray:
    """The numpy lower bound: Σ v × w per id with bincount (float64 sums, not exact)."""
    # The same list → array conversion as the batch (numpy infers int64).
    v, w = np.asarray(volume), np.asarray(waktu)
    return np.bincount(np.asarray(ids), weights=v * w)


def jalur_python(ids: list[int], volume: list[int], waktu: list[int]) -> dict:
    """The batch as it was before the numpy path (pure Python, C loops over slices)."""
    asli = abk_batch._batch_numpy
    abk_batch._batch_numpy = lambda *a: None
    try:
        return kebutuhan_pegawai_batch(ids, volume, waktu, skala=SKALA)
    finally:
        abk_batch._batch_numpy = asli


def memori_puncak(fungsi: Callable[[], Any]) -> float:
    """Peak MiB allocated while ``fungsi`` runs (Python objects and numpy buffers)."""
    gc.collect()
    tracemalloc.start()
    try:
        fungsi()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


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

    t_bawah, _ = ukur(lambda: batas_bawah(ids, volume, waktu), arg.ulang)
    t_batch, hasil_batch = ukur(
        lambda: kebutuhan_pegawai_batch(ids, volume, waktu, skala=SKALA), arg.ulang
    )
    larik = [np.asarray(k) for k in (ids, volume, waktu)]
    t_bawah_larik, _ = ukur(lambda: np.bincount(larik[0], weights=larik[1] * larik[2]), arg.ulang)
    t_batch_larik, _ = ukur(lambda: kebutuhan_pegawai_batch(*larik, skala=SKALA), arg.ulang)
    t_python, hasil_python = ukur(lambda: jalur_python(*kolom_objek), arg.ulang)
    t_bangun, per_jabatan = ukur(lambda: dari_kolom(*kolom_objek), 1)
    t_objek, hasil_objek = ukur(lambda: per_objek(per_jabatan), arg.ulang)
    assert all(hasil_batch[j] == k for j, k in hasil_objek.items()), "hasil berbeda"
    assert all(hasil_batch[j] == k for j, k in hasil_python.items()), "hasil berbeda"
    mib_batch = memori_puncak(lambda: kebutuhan_pegawai_batch(ids, volume, waktu, skala=SKALA))
    mib_bawah = memori_puncak(lambda: batas_bawah(ids, volume, waktu))

    laju_batch = arg.n / t_batch
    laju_python = n_objek / t_python
    laju_objek = n_objek / t_objek
    laju_kolom = n_objek / (t_objek + t_bangun)
    print(f"batas bawah numpy bincount (float)  : {t_bawah:8.2f} s, puncak {mib_bawah:7.0f} MiB")
    print(f"batch numpy int64 (tepat)           : {t_batch:8.2f} s, puncak {mib_batch:7.0f} MiB")
    print(f"rasio batch / bincount              : {t_batch / t_bawah:6.2f}x")
    print(f"kolom sudah larik numpy: bincount {t_bawah_larik:.2f} s, batch {t_batch_larik:.2f} s")
    print(f"rasio batch / bincount (larik)      : {t_batch_larik / t_bawah_larik:6.2f}x")
    print(f"batch (kolom)                       : {laju_batch:12,.0f} jabatan/detik")
    print(f"batch Python lama (sebelum #15)     : {laju_python:12,.0f} jabatan/detik")
    print(f"per objek (Tugas sudah dibuat)      : {laju_objek:12,.0f} jabatan/detik")
    print(f"per objek dari kolom (buat Tugas)   : {laju_kolom:12,.0f} jabatan/detik")
    print(f"rasio batch / batch Python lama     : {laju_batch / laju_python:6.1f}x")
    print(f"rasio batch / per objek             : {laju_batch / laju_objek:6.1f}x")
    print(f"rasio batch / per objek dari kolom  : {laju_batch / laju_kolom:6.1f}x")


if __name__ == "__main__":
    main()
