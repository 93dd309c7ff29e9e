"""Evaluasi jabatan: factor points, nilai and kelas (PermenPAN-RB 34/2011; evaluasi-jabatan.md)."""

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ramping.aturan import (
    Pengaturan,
    evaluasi_jabatan,
    faktor_evaluasi,
    kelas_jabatan,
    nilai_jabatan,
    periksa_kelas_atasan,
    rentang_nilai,
    tabel_kelas,
)
from ramping.aturan.errors import (
    FaktorTidakDikenal,
    FaktorTidakLengkap,
    JenisEvaluasiTidakDikenal,
    KelasAtasanDiBawahBawahan,
    NilaiDiBawahBatasKelas,
    TingkatFaktorTidakDikenal,
)

RINGAN = settings(database=None, deadline=None, max_examples=80)

# evaluasi-jabatan.md §3: (kelas, lower bound, upper bound); kelas 17 has no upper bound.
TABEL_KELAS = [
    (1, 190, 240),
    (2, 245, 300),
    (3, 305, 370),
    (4, 375, 450),
    (5, 455, 650),
    (6, 655, 850),
    (7, 855, 1100),
    (8, 1105, 1350),
    (9, 1355, 1600),
    (10, 1605, 1850),
    (11, 1855, 2100),
    (12, 2105, 2350),
    (13, 2355, 2750),
    (14, 2755, 3150),
    (15, 3155, 3600),
    (16, 3605, 4050),
    (17, 4055, None),
]

LAHAT = {
    "F1": "1-1",
    "F2": "2-1",
    "F3": "3-1",
    "F4A": "4A-3",
    "F4B": "4B-3",
    "F5": "5-4",
    "F6": "6-1",
}


@pytest.mark.parametrize(("kelas", "bawah", "atas"), TABEL_KELAS)
def test_batas_bawah_setiap_kelas_masuk_kelas_itu(kelas, bawah, atas):
    assert kelas_jabatan(bawah) == kelas


@pytest.mark.parametrize(("kelas", "bawah", "atas"), TABEL_KELAS[1:])
def test_nilai_lima_di_bawah_batas_masuk_kelas_sebelumnya(kelas, bawah, atas):
    assert kelas_jabatan(bawah - 5) == kelas - 1


@pytest.mark.parametrize(("kelas", "bawah", "atas"), TABEL_KELAS[:-1])
def test_batas_atas_setiap_kelas_masih_kelas_itu(kelas, bawah, atas):
    assert kelas_jabatan(atas) == kelas


def test_tabel_kelas_data_sama_dengan_referensi():
    assert [(b.kelas, b.batas_bawah, b.batas_atas) for b in tabel_kelas()] == TABEL_KELAS


@pytest.mark.parametrize("nilai", [185, 0, -5])
def test_nilai_di_bawah_kelas_satu_ditolak_dengan_pesan(nilai):
    with pytest.raises(NilaiDiBawahBatasKelas) as e:
        kelas_jabatan(nilai)
    assert str(nilai).replace("-", "−") in e.value.pesan and "190" in e.value.pesan


def test_nilai_di_atas_batas_tertinggi_tetap_kelas_17():
    assert kelas_jabatan(4730) == 17
    assert kelas_jabatan(9999) == 17


def test_contoh_kabupaten_lahat_1715_kelas_10():
    hasil = evaluasi_jabatan("struktural", LAHAT)
    assert [r.nilai for r in hasil.rincian] == [175, 100, 450, 75, 100, 505, 310]
    assert hasil.nilai == 1715
    assert hasil.kelas == 10
    assert hasil.keterangan_kelas == "10 (1605-1850)"
    assert nilai_jabatan("struktural", LAHAT) == 1715


@pytest.mark.parametrize(
    ("jenis", "minimum", "maksimum", "kelas_min", "kelas_max"),
    [("struktural", 1165, 4730, 8, 17), ("fungsional", 190, 4480, 1, 17)],
)
def test_nilai_terendah_dan_tertinggi_setiap_rumpun(jenis, minimum, maksimum, kelas_min, kelas_max):
    assert rentang_nilai(jenis) == (minimum, maksimum)
    terendah = {f.kode: f.tingkat[0].kode for f in faktor_evaluasi(jenis)}
    tertinggi = {f.kode: f.tingkat[-1].kode for f in faktor_evaluasi(jenis)}
    assert nilai_jabatan(jenis, terendah) == minimum
    assert nilai_jabatan(jenis, tertinggi) == maksimum
    assert kelas_jabatan(minimum) == kelas_min
    assert kelas_jabatan(maksimum) == kelas_max


@pytest.mark.parametrize(
    ("jenis", "faktor", "jumlah_tingkat", "nilai"),
    [
        ("struktural", "F1", 5, [175, 350, 550, 775, 900]),
        ("struktural", "F2", 3, [100, 250, 350]),
        ("struktural", "F3", 3, [450, 775, 900]),
        ("struktural", "F4A", 4, [25, 50, 75, 100]),
        ("struktural", "F4B", 4, [30, 75, 100, 125]),
        ("struktural", "F5", 8, [75, 205, 340, 505, 650, 800, 930, 1030]),
        ("struktural", "F6", 6, [310, 575, 975, 1120, 1225, 1325]),
        ("fungsional", "F1", 9, [50, 200, 350, 550, 750, 950, 1250, 1550, 1850]),
        ("fungsional", "F2", 5, [25, 125, 275, 450, 650]),
        ("fungsional", "F3", 5, [25, 125, 275, 450, 650]),
        ("fungsional", "F4", 6, [25, 75, 150, 225, 325, 450]),
        ("fungsional", "F5", 6, [25, 75, 150, 225, 325, 450]),
        ("fungsional", "F6", 4, [10, 25, 60, 110]),
        ("fungsional", "F7", 4, [20, 50, 120, 220]),
        ("fungsional", "F8", 3, [5, 20, 50]),
        ("fungsional", "F9", 3, [5, 20, 50]),
    ],
)
def test_nilai_setiap_tingkat_faktor_sesuai_referensi(jenis, faktor, jumlah_tingkat, nilai):
    f = next(x for x in faktor_evaluasi(jenis) if x.kode == faktor)
    assert len(f.tingkat) == jumlah_tingkat
    assert [t.nilai for t in f.tingkat] == nilai
    assert all(not t.sumber.verified for t in f.tingkat)


@pytest.mark.parametrize(
    ("jenis", "jumlah_faktor", "jumlah_tingkat"), [("struktural", 7, 33), ("fungsional", 9, 45)]
)
def test_setiap_faktor_dan_tingkat_punya_uraian(jenis, jumlah_faktor, jumlah_tingkat):
    faktor = faktor_evaluasi(jenis)
    tingkat = [t for f in faktor for t in f.tingkat]
    assert (len(faktor), len(tingkat)) == (jumlah_faktor, jumlah_tingkat)
    assert all(f.uraian.strip() for f in faktor)
    assert all(t.uraian.strip() for t in tingkat)


@pytest.mark.parametrize("jenis", ["struktural", "fungsional"])
def test_uraian_tingkat_unik_dalam_satu_faktor(jenis):
    for f in faktor_evaluasi(jenis):
        uraian = [t.uraian.strip() for t in f.tingkat]
        assert len(set(uraian)) == len(uraian), f.kode


def test_faktor_yang_hilang_disebut_namanya():
    tanpa_f5 = {k: v for k, v in LAHAT.items() if k != "F5"}
    with pytest.raises(FaktorTidakLengkap) as e:
        nilai_jabatan("struktural", tanpa_f5)
    assert e.value.faktor == ("F5",)
    assert "F5" in e.value.pesan


def test_faktor_yang_tidak_dikenal_disebut_namanya():
    with pytest.raises(FaktorTidakDikenal) as e:
        nilai_jabatan("struktural", {**LAHAT, "F7": "7-1"})
    assert "F7" in e.value.pesan


@pytest.mark.parametrize(("faktor", "tingkat"), [("F5", "5-9"), ("F5", "6-1"), ("F4A", "4-3")])
def test_tingkat_yang_tidak_dikenal_disebut_faktor_dan_tingkatnya(faktor, tingkat):
    with pytest.raises(TingkatFaktorTidakDikenal) as e:
        nilai_jabatan("struktural", {**LAHAT, faktor: tingkat})
    assert e.value.faktor == faktor and e.value.tingkat == tingkat
    assert tingkat in e.value.pesan


def test_jenis_evaluasi_yang_tidak_dikenal_ditolak():
    with pytest.raises(JenisEvaluasiTidakDikenal):
        nilai_jabatan("pelaksana", LAHAT)


def test_situasi_khusus_f6_mati_secara_bawaan():
    assert nilai_jabatan("struktural", LAHAT, situasi_khusus=5) == 1715


@pytest.mark.parametrize(
    ("f6", "situasi", "nilai_f6"),
    [("6-1", 3, 575), ("6-1", 2, 310), ("6-3", 4, 1120), ("6-4", 8, 1120)],
)
def test_situasi_khusus_f6_menaikkan_satu_tingkat_bila_dihidupkan(f6, situasi, nilai_f6):
    p = Pengaturan(f6_situasi_khusus=True)
    hasil = evaluasi_jabatan(
        "struktural", {**LAHAT, "F6": f6}, situasi_khusus=situasi, pengaturan=p
    )
    assert hasil.rincian[-1].nilai == nilai_f6


@pytest.mark.parametrize(("kelas_atasan", "kelas_jf"), [(10, [9, 10]), (11, [8, 10]), (9, [])])
def test_atasan_tidak_di_bawah_jf_bawahannya_lolos(kelas_atasan, kelas_jf):
    periksa_kelas_atasan(kelas_atasan, kelas_jf)


def test_atasan_di_bawah_jf_bawahannya_ditolak():
    with pytest.raises(KelasAtasanDiBawahBawahan) as e:
        periksa_kelas_atasan(9, [8, 10])
    assert (e.value.kelas_atasan, e.value.kelas_bawahan) == (9, 10)


def _tingkat_acak(jenis):
    faktor = faktor_evaluasi(jenis)
    return st.fixed_dictionaries({f.kode: st.integers(0, len(f.tingkat) - 1) for f in faktor}), {
        f.kode: f for f in faktor
    }


@pytest.mark.parametrize("jenis", ["struktural", "fungsional"])
@RINGAN
@given(data=st.data())
def test_setiap_kombinasi_tingkat_sah_menghasilkan_kelas_1_sampai_17(jenis, data):
    strategi, faktor = _tingkat_acak(jenis)
    posisi = data.draw(strategi)
    hasil = evaluasi_jabatan(jenis, {k: faktor[k].tingkat[i].kode for k, i in posisi.items()})
    assert 1 <= hasil.kelas <= 17
    assert hasil.nilai % 5 == 0


@pytest.mark.parametrize("jenis", ["struktural", "fungsional"])
@RINGAN
@given(data=st.data())
def test_kelas_tidak_pernah_turun_bila_satu_tingkat_faktor_naik(jenis, data):
    strategi, faktor = _tingkat_acak(jenis)
    posisi = data.draw(strategi)
    bisa_naik = [k for k, i in posisi.items() if i + 1 < len(faktor[k].tingkat)]
    assume(bisa_naik)
    naik = data.draw(st.sampled_from(bisa_naik))
    sebelum = evaluasi_jabatan(jenis, {k: faktor[k].tingkat[i].kode for k, i in posisi.items()})
    posisi[naik] += 1
    sesudah = evaluasi_jabatan(jenis, {k: faktor[k].tingkat[i].kode for k, i in posisi.items()})
    assert sesudah.nilai > sebelum.nilai
    assert sesudah.kelas >= sebelum.kelas
