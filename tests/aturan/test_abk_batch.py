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
