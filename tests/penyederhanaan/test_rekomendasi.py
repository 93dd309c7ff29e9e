from datetime import date

import pytest

from ramping.errors import StrukturTidakBisaDiubah, TidakBerhak, TidakDitemukan
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.penyederhanaan.models import Penyetaraan
from ramping.penyederhanaan.selectors import bandingkan_versi, kriteria_periksa
from ramping.penyederhanaan.services import struktur_terbitkan, terapkan_rekomendasi
from ramping.penyederhanaan.services.terbitkan import DasarHukumWajib


def test_kriteria_memberi_tepat_unit_dan_alasannya(dunia, skema):
    baris = kriteria_periksa(akses=dunia.analis, struktur=dunia.struktur)
    # the reason is a plain sentence; its rule code is kept apart (shown muted on the page)
    assert [(b.unit.nama, b.dihapus, b.alasan, b.kode, b.pengecualian) for b in baris] == [
        ("Seksi Satu", True, "Pengawas tanpa kriteria pengecualian dihapus.", "R25-04", ()),
        (
            "Seksi Wilayah",
            False,
            "Dipertahankan: kewilayahan.",
            "R25-02/R25-03",
            ("kewilayahan",),
        ),
        ("Subbagian Umum", True, "Pengawas tanpa kriteria pengecualian dihapus.", "R25-04", ()),
        (
            "UPT Pelayanan",
            False,
            "Dipertahankan: UPT pelayanan.",
            "R25-02/R25-03",
            ("UPT pelayanan",),
        ),
    ]


def test_kriteria_versi_instansi_lain_tidak_ada(dunia, skema):
    with pytest.raises(TidakDitemukan):
        kriteria_periksa(akses=dunia.orang_luar, struktur=dunia.struktur)


def test_terapkan_rekomendasi_memindah_ke_kelompok_jf_dan_mencatat_penyetaraan(dunia, skema):
    baru, hasil = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    assert (hasil.unit_dihapus, hasil.kelompok_jf_dibuat, hasil.jabatan_disetarakan) == (2, 2, 2)
    nama = set(UnitKerja.objects.filter(struktur=baru).values_list("nama", flat=True))
    assert "Seksi Satu" not in nama and "Subbagian Umum" not in nama
    kjf = UnitKerja.objects.get(struktur=baru, jenis="kelompok_jf", induk__asal=dunia.bidang_a)
    assert kjf.path.startswith(kjf.induk.path) and kjf.kedalaman == 2
    kasi = Jabatan.objects.get(struktur=baru, asal=skema.kepala_seksi)
    assert (kasi.unit, kasi.jenis, kasi.jenjang, kasi.nama, kasi.is_kepala) == (
        kjf,
        "fungsional",
        "ahli_muda",
        "Analis Kebijakan Ahli Muda",
        False,
    )
    assert kasi.tugas_set.count() == 1
    assert Jabatan.objects.get(struktur=baru, asal=skema.pelaksana_seksi).unit == kjf
    entri = Penyetaraan.objects.filter(struktur=baru).order_by("nama_jabatan_lama")
    assert [(e.nama_jabatan_lama, e.eselon_lama, e.jenjang, e.status) for e in entri] == [
        ("Kepala Seksi Satu", "IV.a", "ahli_muda", "teridentifikasi"),
        ("Kepala Subbagian Umum", "IV.a", "ahli_muda", "teridentifikasi"),
    ]
    assert entri[0].jabatan_lama == skema.kepala_seksi and entri[0].pegawai == skema.pegawai[0]
    assert UnitKerja.objects.filter(struktur=dunia.struktur).count() == 8  # source untouched


def test_perbandingan_versi_buatan_tangan_memberi_jumlah_tepat(dunia, skema):
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=baru)
    assert b.hitung("unit") == {"baru": 2, "berubah": 0, "dihapus": 2, "tetap": 6}
    assert b.hitung("jabatan") == {"baru": 0, "berubah": 3, "dihapus": 0, "tetap": 4}
    assert b.pindah == []
    assert b.metrik_lama.struktural == {"II.b": 2, "III.a": 1, "III.b": 1, "IV.a": 4}
    assert b.metrik_baru.struktural == {"II.b": 2, "III.a": 1, "III.b": 1, "IV.a": 2}
    assert (b.metrik_lama.unit, b.metrik_baru.unit) == (8, 8)
    # Dinas A keeps two levels below its head (Seksi Wilayah stays), Dinas B one (the UPT).
    assert b.metrik_lama.lapisan == b.metrik_baru.lapisan == {2: 1, 1: 1}
    assert b.metrik_lama.jenis["pengawas"] == 4 and b.metrik_baru.jenis["fungsional"] == 2
    assert (b.metrik_lama.b, b.metrik_baru.b) == (4, 4)


def test_perbandingan_jatuh_ke_nama_bila_asal_tidak_ada(dunia, skema):
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    UnitKerja.objects.filter(struktur=baru).update(asal=None)
    Jabatan.objects.filter(struktur=baru).update(asal=None)
    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=baru)
    assert b.hitung("unit") == {"baru": 2, "berubah": 0, "dihapus": 2, "tetap": 6}
    # Converted heads no longer share a name: removed + new; the moved pelaksana too.
    assert b.hitung("jabatan") == {"baru": 3, "berubah": 0, "dihapus": 3, "tetap": 4}


def test_terbitkan_mengarsipkan_versi_lama(dunia, skema):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="berlaku", berlaku_mulai=date(2021, 1, 1)
    )
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    struktur_terbitkan(
        akses=dunia.analis,
        struktur=baru,
        dasar_hukum_nomor="Perwal 9/2023",
        dasar_hukum_tanggal=date(2023, 1, 2),
    )
    dunia.struktur.refresh_from_db()
    baru.refresh_from_db()
    assert (dunia.struktur.status, baru.status, baru.berlaku_mulai) == (
        "arsip",
        "berlaku",
        date(2023, 1, 2),
    )
    b = bandingkan_versi(akses=dunia.pimpinan, lama=dunia.struktur, baru=baru)
    assert b.hitung("unit")["tetap"] == 6
    with pytest.raises(StrukturTidakBisaDiubah):
        struktur_terbitkan(
            akses=dunia.analis,
            struktur=baru,
            dasar_hukum_nomor="x",
            dasar_hukum_tanggal=date(2023, 1, 2),
        )


def test_terbitkan_wajib_dasar_hukum(dunia):
    with pytest.raises(DasarHukumWajib):
        struktur_terbitkan(
            akses=dunia.analis,
            struktur=dunia.struktur,
            dasar_hukum_nomor=" ",
            dasar_hukum_tanggal=date(2023, 1, 2),
        )
    with pytest.raises(DasarHukumWajib):
        struktur_terbitkan(
            akses=dunia.analis,
            struktur=dunia.struktur,
            dasar_hukum_nomor="P",
            dasar_hukum_tanggal=None,
        )


@pytest.mark.parametrize("persona", ["operator_a", "operator_b", "pimpinan"])
def test_hanya_analis_menerbitkan(dunia, persona):
    with pytest.raises(TidakBerhak):
        struktur_terbitkan(
            akses=getattr(dunia, persona),
            struktur=dunia.struktur,
            dasar_hukum_nomor="P",
            dasar_hukum_tanggal=date(2023, 1, 2),
        )
    dunia.struktur.refresh_from_db()
    assert dunia.struktur.status == "draft"


def test_orang_luar_tidak_menerbitkan(dunia):
    with pytest.raises(TidakDitemukan):
        struktur_terbitkan(
            akses=dunia.orang_luar,
            struktur=dunia.struktur,
            dasar_hukum_nomor="P",
            dasar_hukum_tanggal=date(2023, 1, 2),
        )
