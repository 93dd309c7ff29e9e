"""Comparison numbers a leader can trust, on hand-built versions whose numbers are known.

Before (dunia + skema): Dinas A ─ Bidang Satu ─ {Seksi Satu, Seksi Wilayah (kewilayahan)},
Dinas A ─ Sekretariat ─ Subbagian Umum; Dinas B ─ UPT Pelayanan. 8 structural units.
After the recommendation: Seksi Satu and Subbagian Umum removed, a kelompok JF under Bidang
Satu and under the Sekretariat, their two heads converted to Analis Kebijakan Ahli Muda.
"""

from datetime import date

import pytest

from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.services import unit_ubah
from ramping.penyederhanaan.perbandingan import bandingkan_versi, pasangan_bawaan
from ramping.penyederhanaan.ringkasan import sorotan
from ramping.penyederhanaan.services import terapkan_rekomendasi
from ramping.penyederhanaan.services.salin import struktur_salin


@pytest.fixture
def sesudah(dunia, skema):
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Sesudah")
    return baru


def test_pejabat_yang_disetarakan_dihitung_sebagai_pegawai_pindah(dunia, skema, sesudah):
    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=sesudah)
    assert b.pindah == []  # nobody changed seat…
    # …but the heads of Seksi Satu and Subbagian Umum now hold a JF post.
    assert sorted(a.pegawai_id for a, _z in b.disetarakan) == sorted(
        [skema.pegawai[0].pk, skema.pegawai[2].pk]
    )
    assert b.orang_pindah == 2


def test_jumlah_unit_memisahkan_dihapus_baru_kelompok_jf_dan_berganti_nama(dunia, skema, sesudah):
    bidang = UnitKerja.objects.get(struktur=sesudah, asal=dunia.bidang_a)
    unit_ubah(akses=dunia.analis, unit=bidang, nama="Bidang Pelayanan")
    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=sesudah)
    assert b.hitung_unit() == {
        "dihapus": 2,
        "baru": 0,
        "kelompok_jf": 2,
        "berganti_nama": 1,
        "berubah": 0,
        "tetap": 5,
    }
    unit = next(s for s in sorotan(b) if s.label == "Unit kerja struktural")
    assert (unit.lama, unit.baru, unit.selisih) == (8, 6, -2)  # not −0 from 8 → 8 rows
    assert (b.metrik_lama.kelompok_jf, b.metrik_baru.kelompok_jf) == (0, 2)


def test_lapisan_dan_rentang_dari_pohon_nyata_setiap_versi(dunia, skema, sesudah):
    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=sesudah)
    # level 1: two Dinas; 2: Bidang Satu, Sekretariat, UPT; 3: the three sections
    assert b.metrik_lama.per_level == {1: 2, 2: 3, 3: 3}
    assert b.metrik_baru.per_level == {1: 2, 2: 3, 3: 1}  # only Seksi Wilayah stays
    # direct structural sub-units: Dinas A 2, Bidang 2, Sekretariat 1, Dinas B 1 → 1, 1, 2, 2
    assert b.metrik_lama.rentang_hist == {2: 2, 1: 2}
    assert b.metrik_lama.rentang == (1, 1.5, 2)
    # after: Dinas A 2, Bidang 1 (Seksi Wilayah), Dinas B 1 → 1, 1, 2
    assert b.metrik_baru.rentang_hist == {2: 1, 1: 2}
    assert b.metrik_baru.rentang == (1, 1, 2)


def test_pasangan_bawaan_sebelum_penyederhanaan_lawan_yang_berlaku(dunia, skema, sesudah):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="arsip", berlaku_mulai=date(2017, 1, 2)
    )
    Struktur.objects.filter(pk=sesudah.pk).update(status="berlaku", berlaku_mulai=date(2023, 1, 2))
    sesudah.refresh_from_db()
    # A later publish derived from the simplified version, now in force.
    revisi = struktur_salin(akses=dunia.analis, sumber=sesudah, nama="Revisi 2025")
    Struktur.objects.filter(pk=sesudah.pk).update(status="arsip")
    Struktur.objects.filter(pk=revisi.pk).update(status="berlaku", berlaku_mulai=date(2025, 1, 2))
    versi = list(Struktur.objects.filter(instansi=dunia.instansi))
    lama, baru = pasangan_bawaan(dunia.instansi.pk, versi)
    assert (lama.nama, baru.nama) == ("Draf uji", "Revisi 2025")  # not Sesudah → Revisi


def test_pasangan_bawaan_tanpa_penyetaraan_memakai_induk_versi_berlaku(dunia):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="berlaku", berlaku_mulai=date(2021, 1, 2)
    )
    dunia.struktur.refresh_from_db()
    draf = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Draf baru")
    versi = list(Struktur.objects.filter(instansi=dunia.instansi))
    lama, baru = pasangan_bawaan(dunia.instansi.pk, versi)
    assert (lama.pk, baru.pk) == (draf.pk, dunia.struktur.pk)


def test_pdf_perbandingan_dimulai_ringkasan_berjudul_biaya_lebih_dulu(dunia, skema, sesudah):
    from ramping.laporan.dokumen import Judul, Tabel
    from ramping.penyederhanaan.ekspor import dokumen_perbandingan

    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=sesudah)
    dok = dokumen_perbandingan(b, "Kota Uji", rinci_jabatan=False)
    assert isinstance(dok.blok[0], Judul) and dok.blok[0].teks == "Ringkasan perubahan"
    assert dok.blok[1].baris[0].sel[0] == "Biaya tunjangan + TPP per bulan (Rp)"
    for i, blok in enumerate(dok.blok):
        if isinstance(blok, Tabel):  # no table without its own heading right before it
            assert isinstance(dok.blok[i - 1], Judul), i
    assert not any(isinstance(t, Tabel) and t.nama_lembar == "Jabatan" for t in dok.blok)
    orang = dok.blok[1].baris[-1].sel
    assert orang[0].startswith("Pegawai menduduki jabatan lain") and orang[2] == 2
