"""Batch form of kebutuhan pegawai for very many positions, from columnar input.

Same formula and the same Decimal result as :func:`ramping.aturan.abk.kebutuhan_pegawai`, but no
Python object and no bytecode loop per task: runs of equal ids are found with ``groupby``, and each
position's Σ volume × waktu is one ``sum(map(mul, …))`` over column slices, all C loops. Only the
final division runs once per position.

Fast path: integer columns (volume as int, time as int in units of 10^-``skala`` hours or
minutes). Integer sums are exact by construction. Decimal columns take the exact path: products and
sums in the trapping context :data:`~ramping.aturan.angka.EKSAK`, which raises instead of
rounding. Either way a position's total is the exact number the per-object form sums, and the one
division per position is correctly rounded in both forms, so the results are equal.

Vectorised path (numpy): when both columns are integers (Python ints that fit 64 bits, or integer
arrays) and every sum provably fits a signed 64-bit integer (largest volume × largest time × number
of tasks < 2⁶³), products and per-position sums are computed in int64 arrays (exact: integer
arithmetic on the scaled values), runs of equal ids summed with ``np.add.reduceat`` and only the
final division per position made in Decimal. Outside those bounds the pure-Python exact path runs.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from decimal import Decimal
from functools import reduce
from itertools import accumulate, groupby, repeat
from operator import itemgetter, mul
from typing import Any

import numpy as np

from .abk import SATUAN_WAKTU, _wke
from .angka import EKSAK, HASIL
from .errors import (
    KolomTidakSamaPanjang,
    NilaiNegatif,
    SatuanWaktuTidakDikenal,
    TipeAngkaTidakDidukung,
)
from .pengaturan import Pengaturan

_TIPE_EKSAK = frozenset({Decimal, int})
_NOL = Decimal(0)


def _batas_run(ids: Sequence[Hashable]) -> list[int]:
    """Start index of every run of equal ids, plus ``len(ids)`` at the end."""
    panjang = map(len, map(list, map(itemgetter(1), groupby(ids))))
    return list(accumulate(panjang, initial=0))


def _periksa_kolom(nama: str, kolom: Sequence[Any]) -> None:
    asing = set(map(type, kolom)) - _TIPE_EKSAK
    if asing:
        raise TipeAngkaTidakDidukung(nama, ", ".join(sorted(t.__name__ for t in asing)))


def _total_per_run(
    volume: Sequence[Any], waktu: Sequence[Any], batas: list[int], eksak: bool
) -> Iterator[Any]:
    """Σ volume × waktu of every run, from slices of the two columns."""
    awal, akhir = batas[:-1], batas[1:]
    # Slices are made lazily, twice: a materialised list of slices is measurably slower.
    vol = map(volume.__getitem__, map(slice, awal, akhir))
    wkt = map(waktu.__getitem__, map(slice, awal, akhir))
    if not eksak:
        return map(sum, map(map, repeat(mul), vol, wkt))
    produk = map(map, repeat(EKSAK.multiply), vol, wkt)
    return map(reduce, repeat(EKSAK.add), produk, repeat(_NOL))


def _urutkan(
    ids: Sequence[Hashable], volume: Sequence[Any], waktu: Sequence[Any]
) -> tuple[list[Hashable], list[Any], list[Any]]:
    """Reorder the columns so that the tasks of one position are contiguous."""
    try:
        urutan = sorted(range(len(ids)), key=ids.__getitem__)
    except TypeError:
        # Ids of mixed, unorderable types: order by first appearance instead.
        pertama: dict[Hashable, int] = {}
        for i, k in enumerate(ids):
            pertama.setdefault(k, i)
        urutan = sorted(range(len(ids)), key=lambda i: pertama[ids[i]])
    ambil = [list(map(kolom.__getitem__, urutan)) for kolom in (ids, volume, waktu)]
    return ambil[0], ambil[1], ambil[2]


def _sebagai_list(kolom: Sequence[Any]) -> Sequence[Any]:
    return kolom if isinstance(kolom, list | tuple) else list(kolom)


def kebutuhan_pegawai_batch(
    jabatan_ids: Sequence[Hashable],
    volume: Sequence[Decimal | int],
    jam_per_satuan: Sequence[Decimal | int],
    *,
    wke_jam: Decimal | int | None = None,
    skala: int = 0,
    satuan: str = "jam",
    pengaturan: Pengaturan | None = None,
) -> dict[Hashable, Decimal]:
    """Unrounded kebutuhan pegawai per position from columns with one entry per task.

    ``jabatan_ids[i]`` is the position of task *i*, ``volume[i]`` its yearly volume and
    ``jam_per_satuan[i]`` its time per unit, in 10^-``skala`` ``satuan`` (``skala=0, satuan="jam"``:
    hours; ``skala=2``: hundredths of an hour; ``satuan="menit"``: minutes). Entries are int
    (fast path) or Decimal; floats are refused. Tasks of one position need not be contiguous, but
    input ordered by position is fastest. Returns ``{jabatan_id: Σ volume × waktu ÷ WKE}``.
    """
    n = len(jabatan_ids)
    if len(volume) != n or len(jam_per_satuan) != n:
        raise KolomTidakSamaPanjang(
            {"jabatan_ids": n, "volume": len(volume), "jam_per_satuan": len(jam_per_satuan)}
        )
    if satuan not in SATUAN_WAKTU:
        raise SatuanWaktuTidakDikenal(satuan)
    if skala < 0:
        raise NilaiNegatif("skala", skala)
    # Σ v × (w·10^-s minutes) ÷ (W hours) = Σ v × w ÷ (W × 60/menit_per_satuan × 10^s): the
    # scale and the unit move into the divisor, exactly.
    faktor = 60 // SATUAN_WAKTU[satuan] * 10**skala
    penyebut = EKSAK.multiply(_wke(wke_jam, pengaturan), faktor)
    if n == 0:
        return {}
    cepat_np = _batch_numpy(jabatan_ids, volume, jam_per_satuan, penyebut)
    if cepat_np is not None:
        return cepat_np
    ids = _sebagai_list(jabatan_ids)
    volume, jam_per_satuan = _sebagai_list(volume), _sebagai_list(jam_per_satuan)
    for nama, kolom in (("volume", volume), ("jam_per_satuan", jam_per_satuan)):
        # min() also rejects text and None; floats and Decimals are sorted out below.
        terkecil = min(kolom)
        if terkecil < 0:
            raise NilaiNegatif(nama, terkecil)

    batas = _batas_run(ids)
    try:
        total = list(_total_per_run(volume, jam_per_satuan, batas, eksak=False))
        cepat = set(map(type, total)) == {int}
    except TypeError:  # e.g. a Decimal and a float in one run
        cepat = False
    if not cepat:
        # Some entry is not an int (a Decimal, or a float that must be refused): exact path.
        _periksa_kolom("volume", volume)
        _periksa_kolom("jam_per_satuan", jam_per_satuan)
        total = list(_total_per_run(volume, jam_per_satuan, batas, eksak=True))
    kunci = map(ids.__getitem__, batas[:-1])
    hasil = dict(zip(kunci, map(HASIL.divide, total, repeat(penyebut)), strict=True))
    if len(hasil) != len(batas) - 1:
        # An id occurs in more than one run: sort the columns by id and start again.
        return kebutuhan_pegawai_batch(
            *_urutkan(ids, volume, jam_per_satuan),
            wke_jam=wke_jam,
            skala=skala,
            satuan=satuan,
            pengaturan=pengaturan,
        )
    return hasil


_BATAS_INT64 = 2**63


def _kolom_int(kolom: Sequence[Any]) -> np.ndarray | None:
    """The column as an int64 array, or None when it is not all integers (Decimals, floats,
    bools, text, ints beyond 64 bits): numpy infers the type without a Python loop per entry."""
    try:
        larik = np.asarray(kolom)
    except (TypeError, ValueError, OverflowError):
        return None
    if larik.ndim != 1 or larik.dtype.kind not in "iu":
        return None
    if larik.dtype.kind == "u" and larik.size and int(larik.max()) >= _BATAS_INT64:
        return None
    return larik.astype(np.int64, copy=False)


def _batch_numpy(
    jabatan_ids: Sequence[Hashable],
    volume: Sequence[Any],
    waktu: Sequence[Any],
    penyebut: Decimal,
) -> dict[Hashable, Decimal] | None:
    """Exact int64 path (see the module text), or None to take the Python path."""
    v = _kolom_int(volume)
    if v is None:
        return None
    w = _kolom_int(waktu)
    if w is None:
        return None
    n = v.size
    v_min, w_min = int(v.min()), int(w.min())
    if v_min < 0:
        raise NilaiNegatif("volume", v_min)
    if w_min < 0:
        raise NilaiNegatif("jam_per_satuan", w_min)
    # Every product and every sum of products is at most max v × max w × n: if that bound fits
    # in 63 bits, int64 arithmetic below cannot overflow and is exact.
    if int(v.max()) * int(w.max()) * n >= _BATAS_INT64:
        return None
    ids = np.asarray(jabatan_ids)
    if ids.ndim != 1 or ids.dtype.kind not in "iu":
        # Text or mixed ids (numpy would turn [1, "a"] into ["1", "a"]): the Python path.
        return None
    produk = v * w
    if n > 1:
        awal_run = np.flatnonzero(ids[1:] != ids[:-1]) + 1
        awal = np.concatenate(([0], awal_run))
    else:
        awal = np.zeros(1, dtype=np.intp)
    kunci = ids[awal]
    urut = n < 2 or bool(np.all(ids[1:] >= ids[:-1]))
    if not urut and np.unique(kunci).size != kunci.size:
        # An id occurs in more than one run: group the rows of each id together.
        urutan = np.argsort(ids, kind="stable")
        ids, produk = ids[urutan], produk[urutan]
        awal = np.concatenate(([0], np.flatnonzero(ids[1:] != ids[:-1]) + 1))
        kunci = ids[awal]
    # Σ of each run, exact in int64 (bound checked above); ids ascending after a sort, as the
    # Python path sorts them.
    total = np.add.reduceat(produk, awal)
    # Decimal only at the edge: one exact int → Decimal and one rounded division per position.
    return dict(
        zip(
            kunci.tolist(),
            map(HASIL.divide, map(Decimal, total.tolist()), repeat(penyebut)),
            strict=True,
        )
    )
