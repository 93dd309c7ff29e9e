import pytest

from ramping.errors import StrukturTidakBisaDiubah, TidakBerhak
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.selectors import bandingkan_versi
from ramping.penyederhanaan.services import (
    jabatan_pindah,
    jabatan_ubah_jenis,
    pegawai_pindah,
    struktur_salin,
    unit_gabung,
    unit_hapus,
)
from ramping.penyederhanaan.services.skenario import PerubahanTidakSah


@pytest.fixture
def draf(dunia, skema):
    return struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario")


def _di(draf, obj):
    return type(obj).objects.get(struktur=draf, asal=obj)


def test_gabung_unit_memindah_jabatan_dan_menyetarakan_kepala(dunia, skema, draf):
    seksi, wilayah = _di(draf, skema.seksi_satu), _di(draf, skema.seksi_wilayah)
    hasil = unit_gabung(akses=dunia.operator_a, unit=seksi, ke=wilayah)
    assert hasil.jabatan_disetarakan == 1 and len(hasil.penyetaraan) == 1
    assert not UnitKerja.objects.filter(pk=seksi.pk).exists()
    assert Jabatan.objects.filter(unit=wilayah).count() == 3
    assert Jabatan.objects.get(unit=wilayah, is_kepala=True).nama == "Kepala Seksi Wilayah"


def test_hapus_unit_tanpa_kelompok_jf_memindah_ke_induk(dunia, skema, draf):
    unit_hapus(akses=dunia.analis, unit=_di(draf, skema.subbag), ke_kelompok_jf=False)
    sekretariat = _di(draf, skema.sekretariat)
    assert [j.nama for j in Jabatan.objects.filter(unit=sekretariat)] == [
        "Analis Kebijakan Ahli Muda"
    ]


def test_pindah_jabatan_ubah_jenis_dan_pindah_pegawai(dunia, skema, draf):
    pel = _di(draf, skema.pelaksana_seksi)
    bidang = UnitKerja.objects.get(struktur=draf, asal=dunia.bidang_a)
    jabatan_pindah(akses=dunia.operator_a, jabatan=pel, unit=bidang)
    jabatan_ubah_jenis(
        akses=dunia.operator_a,
        jabatan=pel,
        jenis="fungsional",
        kelas=8,
        nama_jf="Arsiparis",
        jenjang="ahli_pertama",
    )
    pel.refresh_from_db()
    assert (pel.unit, pel.nama, pel.kelas) == (bidang, "Arsiparis Ahli Pertama", 8)
    pen = Penempatan.objects.get(struktur=draf, pegawai=skema.pegawai[1])
    tujuan = _di(draf, skema.kepala_subbag)
    pegawai_pindah(akses=dunia.analis, penempatan=pen, jabatan=tujuan)
    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=draf)
    assert [(a.pegawai_id, z.jabatan_id) for a, z in b.pindah] == [(skema.pegawai[1].pk, tujuan.pk)]
    assert b.hitung("jabatan")["berubah"] == 1


def test_kepala_tidak_dipindah_dan_jf_perlu_jenjang(dunia, skema, draf):
    with pytest.raises(PerubahanTidakSah):
        jabatan_pindah(
            akses=dunia.analis, jabatan=_di(draf, skema.kepala_seksi), unit=_di(draf, skema.subbag)
        )
    with pytest.raises(PerubahanTidakSah):
        jabatan_ubah_jenis(
            akses=dunia.analis,
            jabatan=_di(draf, skema.pelaksana_seksi),
            jenis="fungsional",
            kelas=8,
        )


def test_operator_tidak_mengubah_opd_lain(dunia, skema, draf):
    with pytest.raises(TidakBerhak):
        unit_hapus(akses=dunia.operator_b, unit=_di(draf, skema.seksi_satu))
    with pytest.raises(TidakBerhak):
        jabatan_pindah(
            akses=dunia.operator_a,
            jabatan=_di(draf, skema.pelaksana_seksi),
            unit=UnitKerja.objects.get(struktur=draf, asal=dunia.dinas_b),
        )
    with pytest.raises(TidakBerhak):
        unit_hapus(akses=dunia.pimpinan, unit=_di(draf, skema.seksi_satu))


def test_hanya_draf_yang_diubah(dunia, skema, draf):
    Struktur.objects.filter(pk=draf.pk).update(status="usulan")
    draf.refresh_from_db()
    with pytest.raises(StrukturTidakBisaDiubah):
        unit_hapus(akses=dunia.analis, unit=_di(draf, skema.seksi_satu))


def test_kepala_yang_disetarakan_mendapat_kelas_instansi_bila_ada(dunia, skema, draf):
    from ramping.jabatan.services.kelas_instansi import kelas_instansi_simpan

    # The catalogue states no kelas for Analis Kebijakan: without the agency's decision the
    # converted head's kelas stays empty (never guessed); with it, the decision's kelas.
    unit_hapus(akses=dunia.analis, unit=_di(draf, skema.subbag), ke_kelompok_jf=False)
    assert Jabatan.objects.get(struktur=draf, nama="Analis Kebijakan Ahli Muda").kelas is None
    kelas_instansi_simpan(
        akses=dunia.analis,
        jenis="fungsional",
        nama="Analis Kebijakan",
        jenjang="ahli_muda",
        kelas=9,
        dasar_hukum="Keputusan Wali Kota Uji 061/2023",
    )
    unit_hapus(akses=dunia.analis, unit=_di(draf, skema.seksi_satu), ke_kelompok_jf=False)
    baru = Jabatan.objects.get(struktur=draf, asal=skema.kepala_seksi)
    assert (baru.nama, baru.kelas) == ("Analis Kebijakan Ahli Muda", 9)
