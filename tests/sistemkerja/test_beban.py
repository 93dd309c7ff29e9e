"""Workload per person: team hours + ABK share (beban ÷ B) against the WKE; set-based."""

from datetime import date
from decimal import Decimal

import pytest

from ramping.sistemkerja import selectors as sel
from ramping.sistemkerja import services as svc
from ramping.sistemkerja.selectors import BarisBeban
from tests.web.conftest import _pegawai

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("abk", "jam", "menunggu", "total", "persen", "tanda"),
    [
        ("0", [], [], "0", 0, "menganggur"),
        ("600", ["100"], [], "700", 56, ""),
        ("600", ["100"], ["500"], "700", 56, ""),  # waiting hours do not count
        ("1000", ["150", "100"], [], "1250", 100, ""),  # exactly the WKE is not over
        ("1000", ["150", "101"], [], "1251", 100, "lebih"),
        ("1500", [], [], "1500", 120, "lebih"),
        ("500", ["100"], [], "600", 48, "menganggur"),  # below 50 % of 1 250 h
    ],
)
def test_total_beban_per_pegawai(abk, jam, menunggu, total, persen, tanda):
    b = BarisBeban(
        pegawai=None,
        jabatan=None,
        abk=Decimal(abk),
        jam={i: Decimal(j) for i, j in enumerate(jam)},
        menunggu={100 + i: Decimal(j) for i, j in enumerate(menunggu)},
    )
    assert (b.total, b.persen, b.tanda) == (Decimal(total), persen, tanda)


def test_matriks_unit_dengan_total(dunia, sk):
    svc.anggota_tambah(
        akses=dunia.analis, tim=sk.tim, pegawai=sk.ani, peran="anggota", jam_per_tahun=Decimal(300)
    )
    svc.anggota_tambah(
        akses=dunia.analis, tim=sk.tim, pegawai=sk.siti, peran="anggota", jam_per_tahun=Decimal(50)
    )
    svc.anggota_tambah(
        akses=dunia.analis, tim=sk.tim, pegawai=sk.rudi, peran="anggota", jam_per_tahun=Decimal(200)
    )  # waits for DINAS-B
    m = sel.beban_matriks(akses=dunia.analis, unit=dunia.dinas_a)
    per_nama = {b.pegawai.nama: b for b in m.baris}
    assert set(per_nama) == {"Budi Santoso", "Siti Aminah", "Ani Lestari"}
    assert per_nama["Ani Lestari"].total == Decimal(1300)  # 1 000 ABK + 300
    assert per_nama["Ani Lestari"].tanda == "lebih"
    assert per_nama["Siti Aminah"].total == Decimal(1550)
    assert per_nama["Budi Santoso"].total == 0 and per_nama["Budi Santoso"].tanda == "menganggur"
    assert [t.nama for t in m.tim] == ["Tim Uji"]
    assert m.kolom_total == [Decimal(350)] and m.total == Decimal(2850)
    assert (m.jumlah_lebih, m.jumlah_menganggur) == (2, 1)
    # Rudi's hours wait for his unit head: shown in DINAS-B, not counted.
    rudi = sel.beban_matriks(akses=dunia.analis, unit=dunia.dinas_b).baris[0]
    assert rudi.sel(sk.tim.pk) == (Decimal(200), True) and rudi.jam_tim == 0
    assert rudi.abk == Decimal(600)


def test_bagian_abk_dibagi_jumlah_pemangku(dunia, sk):
    from ramping.pegawai.models import Penempatan

    # Two holders of the 1 500 h pelaksana position: 750 h each.
    kedua = _pegawai(dunia.instansi, "199205052017052005", "Dewi Kartika")
    pelaksana_a = Penempatan.objects.get(pegawai=sk.siti).jabatan
    Penempatan.objects.create(
        instansi=dunia.instansi,
        struktur=dunia.struktur,
        pegawai=kedua,
        jabatan=pelaksana_a,
        tmt_mulai=date(2024, 1, 2),
    )
    m = sel.beban_matriks(akses=dunia.analis, unit=dunia.bidang_a, cari="Dewi")
    assert [(b.pegawai.nama, b.abk) for b in m.baris] == [("Dewi Kartika", Decimal(750))]


def _isi_banyak(dunia, sk, n_tim: int):
    from ramping.sistemkerja.models import AnggotaTim, TimKerja

    for i in range(n_tim):
        t = TimKerja.objects.create(
            instansi=dunia.instansi,
            struktur=dunia.struktur,
            unit=dunia.bidang_a,
            nama=f"Tim {i}",
            program="P",
            periode_mulai=date(2026, 1, 1),
            periode_selesai=date(2026, 12, 31),
        )
        for p in (sk.ani, sk.siti, sk.budi):
            AnggotaTim.objects.create(
                instansi=dunia.instansi, tim=t, pegawai=p, jam_per_tahun=10, status="disetujui"
            )


@pytest.mark.parametrize("n_tim", [1, 8])
def test_matriks_jumlah_kueri_tetap(dunia, sk, n_tim, django_assert_num_queries):
    _isi_banyak(dunia, sk, n_tim)
    with django_assert_num_queries(4):
        m = sel.beban_matriks(akses=dunia.analis, unit=dunia.dinas_a)
        [b.sel(t.pk) for b in m.baris for t in m.tim]
        [t.unit.nama for t in m.tim]
        [(b.jabatan.unit.nama, b.pegawai.nama_lengkap) for b in m.baris]
    assert len(m.tim) == n_tim


@pytest.mark.parametrize("n_tim", [1, 8])
def test_dasbor_jumlah_kueri_tetap(dunia, sk, n_tim, django_assert_num_queries):
    _isi_banyak(dunia, sk, n_tim)
    with django_assert_num_queries(6):
        d = sel.dasbor(akses=dunia.analis, struktur=dunia.struktur)
        [t.unit.nama for t in d.tim_terbesar]
    assert d.tim_aktif == n_tim + 1 and d.orang == 3
