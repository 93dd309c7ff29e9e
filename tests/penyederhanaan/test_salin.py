from time import perf_counter

import pytest

from ramping.akun.akses import Akses
from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.services import jabatan_ubah_jenis, struktur_salin, unit_hapus


def _jumlah(struktur):
    return {
        "unit": UnitKerja.objects.filter(struktur=struktur).count(),
        "jabatan": Jabatan.objects.filter(struktur=struktur).count(),
        "tugas": Tugas.objects.filter(jabatan__struktur=struktur).count(),
        "anjab": Anjab.objects.filter(jabatan__struktur=struktur).count(),
        "evaluasi": EvaluasiJabatan.objects.filter(jabatan__struktur=struktur).count(),
        "penempatan": Penempatan.objects.filter(struktur=struktur).count(),
    }


def test_salinan_mempertahankan_setiap_relasi_dan_asal(dunia, skema):
    baru = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario 1")
    assert baru.status == "draft" and baru.turunan_dari == dunia.struktur
    assert _jumlah(baru) == _jumlah(dunia.struktur)
    for u in UnitKerja.objects.filter(struktur=baru).select_related("asal", "induk"):
        assert u.asal.struktur_id == dunia.struktur.pk
        assert (u.path, u.kode, u.kedalaman) == (u.asal.path, u.asal.kode, u.asal.kedalaman)
        assert (u.induk.asal_id if u.induk else None) == u.asal.induk_id
    for j in Jabatan.objects.filter(struktur=baru).select_related("asal", "unit"):
        assert j.unit.asal_id == j.asal.unit_id and j.unit.struktur_id == baru.pk
    for p in Penempatan.objects.filter(struktur=baru).select_related("asal", "jabatan"):
        assert p.jabatan.asal_id == p.asal.jabatan_id and p.pegawai_id == p.asal.pegawai_id
    kasi = Jabatan.objects.get(struktur=baru, asal=skema.kepala_seksi)
    assert kasi.tugas_set.get().uraian == "Menyusun rencana" and kasi.anjab.ikhtisar


def test_mengubah_salinan_tidak_mengubah_sumber(dunia, skema):
    sebelum = _jumlah(dunia.struktur)
    baru = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario 1")
    jab = Jabatan.objects.get(struktur=baru, asal=skema.pelaksana_seksi)
    jabatan_ubah_jenis(akses=dunia.analis, jabatan=jab, jenis="pelaksana", kelas=7, nama="Baru")
    unit_hapus(akses=dunia.analis, unit=UnitKerja.objects.get(struktur=baru, asal=skema.seksi_satu))
    assert _jumlah(dunia.struktur) == sebelum
    skema.pelaksana_seksi.refresh_from_db()
    assert (skema.pelaksana_seksi.nama, skema.pelaksana_seksi.kelas) == ("Pengadministrasi Umum", 5)
    assert UnitKerja.objects.filter(pk=skema.seksi_satu.pk).exists()


def test_salin_beberapa_kueri_per_tabel_bukan_per_baris(
    dunia, skema, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario")


@pytest.mark.parametrize("persona", ["operator_a", "pimpinan"])
def test_hanya_analis_menyalin(dunia, persona):
    with pytest.raises(TidakBerhak):
        struktur_salin(akses=getattr(dunia, persona), sumber=dunia.struktur, nama="x")


def test_orang_luar_tidak_melihat_versi(dunia):
    with pytest.raises(TidakDitemukan):
        struktur_salin(akses=dunia.orang_luar, sumber=dunia.struktur, nama="x")


@pytest.mark.django_db
def test_salin_demo_dalam_hitungan_detik(demo):
    sumber = Struktur.objects.filter(instansi=demo).order_by("id").first()  # 2021: the largest
    mulai = perf_counter()
    baru = struktur_salin(akses=Akses.sistem(demo), sumber=sumber, nama="Skenario uji")
    detik = perf_counter() - mulai
    n = Jabatan.objects.filter(struktur=baru).count()
    print(f"salin demo: {n} jabatan dalam {detik:.2f} detik")
    assert n == Jabatan.objects.filter(struktur=sumber).count() > 1000
    assert detik < 30
