"""Batch form of kebutuhan pegawai: same Decimal results as the per-object form."""

from collections import defaultdict
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ramping.aturan import Pengaturan, Tugas, kebutuhan_pegawai, kebutuhan_pegawai_batch
from ramping.aturan.errors import (
    KolomTidakSamaPanjang,
    NilaiNegatif,
    SatuanWaktuTidakDikenal,
    TipeAngkaTidakDidukung,
)

RINGAN = settings(database=None, deadline=None, max_examples=100)


def per_objek(ids, volume, waktu, *, skala=0, satuan="jam", wke=None):
    """The straightforward reference: one Tugas per task, kebutuhan_pegawai per position."""
    tugas = defaultdict(list)
    for i, v, w in zip(ids, volume, waktu, strict=True):
        tugas[i].append(Tugas(D(v), D(w).scaleb(-skala), satuan=satuan))
    return {i: kebutuhan_pegawai(t, wke_jam=wke) for i, t in tugas.items()}


def test_contoh_kerja_dalam_bentuk_kolom():
    hasil = kebutuhan_pegawai_batch(["analis", "analis"], [240, 12], [D(2), D(40)])
    assert hasil == {"analis": D("0.7680")}


def test_kolom_bilangan_bulat_dengan_skala_seperseratus_jam():
    hasil = kebutuhan_pegawai_batch([1, 1, 2], [240, 12, 10], [200, 4000, 125], skala=2)
    assert hasil == {1: D("0.768"), 2: D("0.01")}


def test_kolom_menit():
    assert kebutuhan_pegawai_batch(["x"], [1], [54300], satuan="menit") == {"x": D("0.724")}


def test_id_yang_tidak_berurutan_tetap_dijumlahkan_per_jabatan():
    ids = ["b", "a", "b", "a", "c"]
    vol = [1, 2, 3, 4, 5]
    jam = [10, 20, 30, 40, 50]
    assert kebutuhan_pegawai_batch(ids, vol, jam) == per_objek(ids, vol, jam)


def test_id_campuran_yang_tidak_bisa_diurutkan():
    ids = [1, "a", 1, "a"]
    assert kebutuhan_pegawai_batch(ids, [1, 1, 1, 1], [625, 625, 625, 625]) == {
        1: D(1),
        "a": D(1),
    }


def test_kolom_kosong_menghasilkan_kosong():
    assert kebutuhan_pegawai_batch([], [], []) == {}


def test_wke_dari_pengaturan():
    hasil = kebutuhan_pegawai_batch([1], [960], [1], pengaturan=Pengaturan(wke_jam=D(1200)))
    assert hasil == {1: D("0.8")}


@pytest.mark.parametrize(
    ("volume", "jam", "galat"),
    [
        ([1, 2], [1], KolomTidakSamaPanjang),
        ([1, -2], [1, 1], NilaiNegatif),
        ([1, 2], [D(1), D("-0.5")], NilaiNegatif),
        ([1, 2.5], [1, 1], TipeAngkaTidakDidukung),
        ([1, 2], [D(1), 0.5], TipeAngkaTidakDidukung),
    ],
)
def test_kolom_tidak_sah_ditolak(volume, jam, galat):
    with pytest.raises(galat):
        kebutuhan_pegawai_batch([1, 1], volume, jam)


def test_satuan_tidak_dikenal_ditolak():
    with pytest.raises(SatuanWaktuTidakDikenal):
        kebutuhan_pegawai_batch([1], [1], [1], satuan="hari")


baris_int = st.tuples(st.integers(0, 30), st.integers(0, 5_000), st.integers(0, 400_000))
baris_dec = st.tuples(
    st.integers(0, 30),
    st.decimals(min_value=0, max_value=10_000, places=3),
    st.decimals(min_value=0, max_value=4_000, places=4),
)


@RINGAN
@given(
    st.lists(baris_int, max_size=200),
    st.integers(0, 4),
    st.sampled_from(["jam", "menit"]),
    st.sampled_from([None, D(1250), D(1300), D(1200)]),
    st.booleans(),
)
def test_batch_sama_dengan_per_objek_pada_data_acak_bilangan_bulat(
    baris, skala, satuan, wke, urutkan
):
    if urutkan:
        baris = sorted(baris)
    ids, vol, waktu = (list(k) for k in zip(*baris, strict=True)) if baris else ([], [], [])
    batch = kebutuhan_pegawai_batch(ids, vol, waktu, skala=skala, satuan=satuan, wke_jam=wke)
    assert batch == per_objek(ids, vol, waktu, skala=skala, satuan=satuan, wke=wke)


@RINGAN
@given(st.lists(baris_dec, max_size=200), st.sampled_from([None, D(1300)]))
def test_batch_sama_dengan_per_objek_pada_data_acak_desimal(baris, wke):
    ids, vol, waktu = (list(k) for k in zip(*baris, strict=True)) if baris else ([], [], [])
    assert kebutuhan_pegawai_batch(ids, vol, waktu, wke_jam=wke) == per_objek(
        ids, vol, waktu, wke=wke
    )


# The vectorised path (numpy int64): same Decimal results as one position at a time.


def test_larik_numpy_sebagai_kolom():
    import numpy as np

    hasil = kebutuhan_pegawai_batch(
        np.array([1, 1, 2]), np.array([240, 12, 10]), np.array([200, 4000, 125]), skala=2
    )
    assert hasil == {1: D("0.768"), 2: D("0.01")}
    assert all(type(k) is int and type(x) is D for k, x in hasil.items())


def test_urutan_kunci_seperti_jalur_python():
    # Ids in runs: order of appearance; an id in two runs: the columns are sorted by id.
    assert list(kebutuhan_pegawai_batch([7, 7, 3, 1], [1] * 4, [1] * 4)) == [7, 3, 1]
    ids = [7, 3, 7, 1, 3]
    hasil = kebutuhan_pegawai_batch(ids, [1, 2, 3, 4, 5], [10, 20, 30, 40, 50])
    assert list(hasil) == [1, 3, 7]
    assert hasil == per_objek(ids, [1, 2, 3, 4, 5], [10, 20, 30, 40, 50])


@pytest.mark.parametrize(
    ("volume", "waktu"),
    [
        # max v × max w × n ≥ 2⁶³: int64 could overflow, so the exact Python path sums.
        ([2**40, 2**40, 3], [2**22, 2**22, 1]),
        ([2**62, 1, 1], [1, 1, 1]),
        # An int beyond 64 bits: numpy would make an object array; the Python path sums.
        ([2**70, 1, 1], [3, 1, 1]),
    ],
)
def test_jumlah_di_luar_64_bit_tetap_tepat(volume, waktu):
    ids = [1, 1, 2]
    assert kebutuhan_pegawai_batch(ids, volume, waktu) == per_objek(ids, volume, waktu)


def test_kolom_numpy_negatif_ditolak():
    import numpy as np

    with pytest.raises(NilaiNegatif):
        kebutuhan_pegawai_batch(np.array([1, 2]), np.array([1, -1]), np.array([1, 1]))


baris_besar = st.tuples(
    st.integers(-(2**40), 2**40),  # any int64 id, negative too
    st.integers(0, 999_999_999_999),  # volume ≤ 9 999 999 999.99 in hundredths
    st.integers(0, 9_999_999_999),  # waktu ≤ 99 999 999.99 in hundredths
)


@RINGAN
@given(
    st.lists(baris_besar, max_size=60),
    st.sampled_from([0, 2]),
    st.sampled_from([None, D(1250), D("1312.5"), D(7)]),
    st.booleans(),
)
def test_jalur_numpy_sama_dengan_per_jabatan_hingga_batas_kolom(baris, skala, wke, urutkan):
    """Values up to the model's largest task, any id order: the numpy path (or, past 2⁶³, the
    Python path) gives exactly kebutuhan_pegawai of each position's tasks."""
    if urutkan:
        baris = sorted(baris)
    ids, vol, waktu = (list(k) for k in zip(*baris, strict=True)) if baris else ([], [], [])
    batch = kebutuhan_pegawai_batch(ids, vol, waktu, skala=skala, wke_jam=wke)
    assert batch == per_objek(ids, vol, waktu, skala=skala, wke=wke)
    runs = [k for i, k in enumerate(ids) if i == 0 or ids[i - 1] != k]
    urutan = runs if len(runs) == len(set(runs)) else sorted(set(ids))
    assert list(batch) == urutan  # the key order of the Python path
