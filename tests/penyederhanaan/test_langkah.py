"""The scenario's change log: every step recorded in order and undone exactly (#12 item 2)."""

import json
from datetime import date

import pytest
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder

from ramping.errors import (
    KonflikPerubahan,
    StrukturTidakBisaDiubah,
    TidakBerhak,
    TidakDitemukan,
)
from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.langkah import (
    LangkahTidakBisaDibatalkan,
    langkah_batalkan,
    langkah_bergantung,
)
from ramping.penyederhanaan.models import LangkahSkenario, Penyetaraan
from ramping.penyederhanaan.services import (
    jabatan_pindah,
    jabatan_ubah_jenis,
    pegawai_pindah,
    struktur_salin,
    unit_gabung,
    unit_hapus,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def draf(dunia, skema):
    return struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario")


def _di(draf, obj):
    return type(obj).objects.get(struktur=draf, asal=obj)


def _isi(draf) -> str:
    """Every row of the version, as text: equal text means an exact restore."""
    baris = [
        *UnitKerja.objects.filter(struktur=draf).order_by("pk"),
        *Jabatan.objects.filter(struktur=draf).order_by("pk"),
        *Tugas.objects.filter(jabatan__struktur=draf).order_by("pk"),
        *Anjab.objects.filter(jabatan__struktur=draf).order_by("pk"),
        *EvaluasiJabatan.objects.filter(jabatan__struktur=draf).order_by("pk"),
        *Penempatan.objects.filter(struktur=draf).order_by("pk"),
        *Penyetaraan.objects.filter(struktur=draf).order_by("pk"),
    ]
    return serializers.serialize("json", baris, cls=DjangoJSONEncoder)


def test_hapus_unit_dicatat_dan_dibatalkan_persis(dunia, skema, draf):
    sebelum = _isi(draf)
    # Seksi Satu: its head (held) becomes a JF with a penyetaraan entry, its pelaksana moves to
    # a new kelompok JF; its head's Anjab, task and struktural evaluation travel or go.
    hasil = unit_hapus(akses=dunia.analis, unit=_di(draf, skema.seksi_satu))
    assert hasil.kelompok_jf_dibuat == 1 and len(hasil.penyetaraan) == 1
    assert _isi(draf) != sebelum
    (langkah,) = LangkahSkenario.objects.filter(struktur=draf)
    assert (langkah.urutan, langkah.aksi) == (1, "unit_hapus")
    assert "Seksi Satu" in langkah.ringkasan
    assert langkah_batalkan(akses=dunia.analis, langkah=langkah) == [langkah]
    assert _isi(draf) == sebelum
    langkah.refresh_from_db()
    assert langkah.dibatalkan is not None and langkah.dibatalkan_oleh == dunia.analis.pengguna
    with pytest.raises(LangkahTidakBisaDibatalkan, match="sudah dibatalkan"):
        langkah_batalkan(akses=dunia.analis, langkah=langkah)


def test_jabatan_kosong_yang_dihapus_kembali_beserta_tugas_dan_anjab(dunia, skema, draf):
    kasi = _di(draf, skema.kepala_seksi)
    Penempatan.objects.filter(jabatan=kasi).delete()  # a vacant head post simply disappears
    sebelum = _isi(draf)
    hasil = unit_gabung(akses=dunia.analis, unit=kasi.unit, ke=_di(draf, skema.seksi_wilayah))
    assert hasil.jabatan_kosong_dihapus == 1
    assert not Tugas.objects.filter(jabatan_id=kasi.pk).exists()
    langkah_batalkan(akses=dunia.analis, langkah=LangkahSkenario.objects.get(struktur=draf))
    assert _isi(draf) == sebelum
    assert Tugas.objects.get(jabatan_id=kasi.pk).uraian == "Menyusun rencana"


def test_membatalkan_langkah_membatalkan_dahulu_yang_bergantung(dunia, skema, draf):
    sebelum = _isi(draf)
    wilayah = _di(draf, skema.seksi_wilayah)
    unit_gabung(akses=dunia.analis, unit=_di(draf, skema.seksi_satu), ke=wilayah)
    pel = Jabatan.objects.get(struktur=draf, asal=skema.pelaksana_seksi)
    bidang = UnitKerja.objects.get(struktur=draf, asal=dunia.bidang_a)
    jabatan_pindah(akses=dunia.analis, jabatan=pel, unit=bidang)  # touches a merged position
    # An unrelated step stays.
    unit_hapus(akses=dunia.analis, unit=_di(draf, skema.subbag), ke_kelompok_jf=False)
    satu, dua, tiga = LangkahSkenario.objects.filter(struktur=draf)
    assert [lk.urutan for lk in (satu, dua, tiga)] == [1, 2, 3]
    assert langkah_bergantung(satu) == [dua]
    assert langkah_batalkan(akses=dunia.analis, langkah=satu) == [dua, satu]
    tiga.refresh_from_db()
    assert tiga.dibatalkan is None
    langkah_batalkan(akses=dunia.analis, langkah=tiga)
    assert _isi(draf) == sebelum


def test_ubah_jenis_dan_pindah_pegawai_dibatalkan(dunia, skema, draf):
    sebelum = _isi(draf)
    pel = _di(draf, skema.pelaksana_seksi)
    jabatan_ubah_jenis(
        akses=dunia.operator_a,
        jabatan=pel,
        jenis="fungsional",
        kelas=8,
        nama_jf="Perencana",
        jenjang="ahli_pertama",
    )
    p = Penempatan.objects.get(struktur=draf, jabatan=_di(draf, skema.kepala_bidang))
    pegawai_pindah(akses=dunia.operator_a, penempatan=p, jabatan=pel)
    for lk in reversed(LangkahSkenario.objects.filter(struktur=draf)):
        langkah_batalkan(akses=dunia.operator_a, langkah=lk)
    assert _isi(draf) == sebelum


def test_perubahan_di_luar_riwayat_menolak_pembatalan_tanpa_mengubah(dunia, skema, draf):
    unit_hapus(akses=dunia.analis, unit=_di(draf, skema.seksi_satu))
    pel = Jabatan.objects.get(struktur=draf, asal=skema.pelaksana_seksi)
    Jabatan.objects.filter(pk=pel.pk).update(nama="Diubah di halaman jabatan")
    sesudah = _isi(draf)
    with pytest.raises(KonflikPerubahan, match="telah diubah setelah langkah ini"):
        langkah_batalkan(akses=dunia.analis, langkah=LangkahSkenario.objects.get(struktur=draf))
    assert _isi(draf) == sesudah
    assert LangkahSkenario.objects.get(struktur=draf).dibatalkan is None


def test_data_baru_yang_sudah_dipakai_menolak_pembatalan(dunia, skema, draf):
    unit_hapus(akses=dunia.analis, unit=_di(draf, skema.seksi_satu))
    kjf = UnitKerja.objects.get(struktur=draf, jenis="kelompok_jf")
    Jabatan.objects.create(
        instansi=dunia.instansi,
        struktur=draf,
        unit=kjf,
        nama="Pengolah Data dan Informasi",
        jenis="pelaksana",
    )
    with pytest.raises(KonflikPerubahan, match="sudah dipakai"):
        langkah_batalkan(akses=dunia.analis, langkah=LangkahSkenario.objects.get(struktur=draf))
    assert UnitKerja.objects.filter(pk=kjf.pk).exists()


def test_hak_membatalkan(dunia, skema, draf):
    unit_hapus(akses=dunia.analis, unit=_di(draf, skema.seksi_satu))
    langkah = LangkahSkenario.objects.get(struktur=draf)
    # An operator may undo only their own steps; the outsider does not see the step at all.
    with pytest.raises(TidakBerhak, match="pengguna lain"):
        langkah_batalkan(akses=dunia.operator_a, langkah=langkah)
    with pytest.raises(TidakDitemukan):
        langkah_batalkan(akses=dunia.orang_luar, langkah=langkah)
    # A version no longer a draft is frozen, its log included.
    Struktur.objects.filter(pk=draf.pk).update(status=Struktur.Status.USULAN)
    with pytest.raises(StrukturTidakBisaDiubah):
        langkah_batalkan(akses=dunia.analis, langkah=langkah)
    assert LangkahSkenario.objects.get(pk=langkah.pk).dibatalkan is None


def test_data_pembatalan_dapat_disimpan_sebagai_json(dunia, skema, draf):
    seksi = _di(draf, skema.seksi_satu)
    unit_hapus(akses=dunia.analis, unit=seksi)
    langkah = LangkahSkenario.objects.get(struktur=draf)
    data = json.loads(json.dumps(langkah.balik))
    assert data["jejak"]["dihapus"] and data["jejak"]["baru"]
    # The removed unit and its parent (where the positions went) are among the step's objects.
    assert {f"organisasi.unitkerja:{seksi.pk}", f"organisasi.unitkerja:{seksi.induk_id}"} <= set(
        langkah.kunci
    )


def test_rekomendasi_tercatat_sebagai_langkah_pertama_dan_dapat_dibatalkan(dunia, skema):
    from ramping.penyederhanaan.services import terapkan_rekomendasi

    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2021, 1, 1)
    )
    baru, hasil = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="R")
    assert hasil.unit_dihapus == 2
    (langkah,) = LangkahSkenario.objects.filter(struktur=baru)
    assert (langkah.urutan, langkah.aksi) == (1, "terapkan_rekomendasi")
    langkah_batalkan(akses=dunia.analis, langkah=langkah)
    # Back to the plain copy: every unit of the source is there again.
    assert sorted(UnitKerja.objects.filter(struktur=baru).values_list("nama", flat=True)) == sorted(
        UnitKerja.objects.filter(struktur=dunia.struktur).values_list("nama", flat=True)
    )
    assert not Penyetaraan.objects.filter(struktur=baru).exists()
