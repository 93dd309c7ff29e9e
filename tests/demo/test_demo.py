"""Invariants of the Cilegon demo agency (loaded once per session by the `demo` fixture)."""

from collections import Counter

import pytest
from django.db.models import Count, F, Q

from ramping.demo.rencana import rencana_2021
from ramping.demo.sesudah import turunkan_2023
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.pegawai.nip import urai_nip

pytestmark = pytest.mark.django_db

# Head of a unit by the unit's eselon (UU 5/2014: II JPT, III Administrator, IV Pengawas,
# V a jabatan pelaksana).
JENIS_KEPALA = {
    "II": {"jpt_pratama"},
    "III": {"administrator"},
    "IV": {"pengawas"},
    "V": {"pelaksana"},
}


def _versi(demo, status):
    return Struktur.objects.get(instansi=demo, status=status)


@pytest.mark.parametrize("status", ["arsip", "berlaku"])
def test_setiap_unit_struktural_punya_tepat_satu_kepala_sesuai_eselonnya(demo, status):
    struktur = _versi(demo, status)
    units = UnitKerja.objects.filter(struktur=struktur).annotate(
        kepala=Count("jabatan_set", filter=Q(jabatan_set__is_kepala=True))
    )
    for unit in units:
        if unit.jenis == "kelompok_jf":
            assert unit.kepala == 0, unit.nama
        else:
            assert unit.kepala == 1, unit.nama
    kepala = Jabatan.objects.filter(struktur=struktur, is_kepala=True).select_related("unit")
    for j in kepala:
        assert j.jenis in JENIS_KEPALA[j.unit.eselon.split(".")[0]], (j.nama, j.unit.eselon)


def test_versi_sesudah_hanya_menyisakan_dua_level_struktural(demo):
    """R25-01/R25-03: no pengawas or eselon V unit survives without an exception attribute."""
    sesudah = _versi(demo, "berlaku")
    sisa = UnitKerja.objects.filter(struktur=sesudah).filter(
        Q(eselon__startswith="IV") | Q(eselon__startswith="V")
    )
    tanpa_pengecualian = [u.nama for u in sisa if not u.punya_pengecualian]
    assert tanpa_pengecualian == []
    assert not sisa.filter(eselon="V.a").exists()


def test_setiap_pegawai_paling_banyak_satu_penempatan_aktif_per_versi(demo):
    ganda = (
        Penempatan.objects.filter(instansi=demo, tmt_selesai__isnull=True)
        .values("struktur", "pegawai")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not ganda.exists()
    kepala_ganda = (
        Penempatan.objects.filter(instansi=demo, jabatan__is_kepala=True, tmt_selesai__isnull=True)
        .values("jabatan")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    assert not kepala_ganda.exists()


def test_total_mendekati_angka_publik_kota_cilegon(demo):
    """penyederhanaan.md §5: ≈29 JPT Pratama, ≈125 administrator, ≈393 pengawas (2021)."""
    sebelum = _versi(demo, "arsip")
    posisi = Counter(Jabatan.objects.filter(struktur=sebelum).values_list("jenis", flat=True))
    assert 27 <= posisi["jpt_pratama"] <= 33
    assert 115 <= posisi["administrator"] <= 135
    assert 380 <= posisi["pengawas"] <= 440
    assert 4100 <= Pegawai.objects.filter(instansi=demo).count() <= 4600
    kec = UnitKerja.objects.filter(struktur=sebelum, jenis="kecamatan").count()
    kel = UnitKerja.objects.filter(struktur=sebelum, jenis="kelurahan").count()
    assert (kec, kel) == (8, 43)


def test_sekitar_227_pejabat_disetarakan_ke_jabatan_fungsional(demo):
    """MATAMEDIA (A): 227 officials converted into JF on 31 December 2021."""
    disetarakan = Penempatan.objects.filter(
        instansi=demo,
        struktur__status="berlaku",
        asal__jabatan__is_kepala=True,
        jabatan__jenis="fungsional",
    ).count()
    assert 210 <= disetarakan <= 245


def test_jabatan_fungsional_sesudah_penyetaraan_berjenjang_sesuai_17_2021(demo):
    pasangan = Counter(
        Penempatan.objects.filter(
            instansi=demo,
            struktur__status="berlaku",
            asal__jabatan__is_kepala=True,
            jabatan__jenis="fungsional",
        ).values_list("asal__jabatan__jenis", "jabatan__jenjang")
    )
    assert set(pasangan) == {
        ("pengawas", "ahli_muda"),
        ("pelaksana", "ahli_pertama"),
        ("administrator", "ahli_madya"),
    }


def test_nip_setiap_pegawai_contoh_valid_dan_cocok_dengan_datanya(demo):
    for p in Pegawai.objects.filter(instansi=demo).iterator():
        isi = urai_nip(p.nip, status_asn=p.status_asn)
        assert isi.tanggal_lahir == p.tanggal_lahir
        assert isi.jenis_kelamin == p.jenis_kelamin
        assert isi.tmt_tahun == p.tmt_pengangkatan.year


def test_pelaksana_sesudah_memakai_nama_45_2022(demo):
    lama = {"Pengadministrasi Umum", "Pengolah Data", "Analis Kepegawaian", "Pramu Bakti"}
    nama = set(
        Jabatan.objects.filter(
            struktur__instansi=demo, struktur__status="berlaku", jenis="pelaksana"
        ).values_list("nama", flat=True)
    )
    assert nama.isdisjoint(lama)
    assert not any(n.startswith("Analis") for n in nama)  # R45-03


def test_salinan_mengingat_asalnya(demo):
    sesudah = _versi(demo, "berlaku")
    assert sesudah.turunan_dari == _versi(demo, "arsip")
    assert not UnitKerja.objects.filter(struktur=sesudah, asal__isnull=True).exists()
    beda_kode = UnitKerja.objects.filter(struktur=sesudah).exclude(kode=F("asal__kode"))
    assert not beda_kode.exists()


def test_rencana_contoh_deterministik():
    a, b = rencana_2021(), rencana_2021()
    assert [(j.unit, j.nama, j.pemangku) for j in a.jabatan] == [
        (j.unit, j.nama, j.pemangku) for j in b.jabatan
    ]
    assert len(turunkan_2023(a).disetarakan) == len(turunkan_2023(b).disetarakan)


def test_evaluasi_contoh_konsisten_dengan_kelas_dan_nilainya(demo):
    from ramping import aturan
    from ramping.jabatan.models import EvaluasiJabatan

    sesudah = _versi(demo, "berlaku")
    evaluasi = EvaluasiJabatan.objects.filter(jabatan__struktur=sesudah).select_related("jabatan")
    assert evaluasi.count() == Jabatan.objects.filter(struktur=sesudah).count()
    for ev in evaluasi:
        assert aturan.nilai_jabatan(ev.jenis, ev.tingkat) == ev.nilai
        assert aturan.kelas_jabatan(ev.nilai) == ev.kelas == ev.jabatan.kelas


def test_kebutuhan_contoh_berasal_dari_abk(demo):
    from ramping import aturan

    sesudah = _versi(demo, "berlaku")
    assert not Jabatan.objects.filter(struktur=sesudah, kebutuhan__isnull=True).exists()
    contoh = Jabatan.objects.filter(struktur=sesudah).prefetch_related("tugas_set")[:50]
    for j in contoh:
        tugas = [
            aturan.Tugas(volume=t.volume, waktu=t.waktu, satuan=t.satuan_waktu)
            for t in j.tugas_set.all()
        ]
        assert j.kebutuhan == aturan.bulatkan_kebutuhan(aturan.kebutuhan_pegawai(tugas))


def test_kegiatan_penataan_contoh_memuat_setiap_keadaan(demo):
    """The demo round shows a verifier every state: not started, draft (some late, some locked)
    with real findings, submitted, returned with notes, approved — with their snapshots."""
    from django.utils import timezone

    from ramping.akun.akses import Akses
    from ramping.penataan.models import Catatan, Cuplikan, KegiatanPenataan
    from ramping.penataan.temuan import temuan_struktur

    k = KegiatanPenataan.objects.get(instansi=demo)
    peserta = list(k.peserta_set.select_related("opd"))
    assert {p.status for p in peserta} == {"belum", "draf", "diajukan", "revisi", "disetujui"}
    hari_ini = timezone.localdate()
    assert any(p.batas() < hari_ini and p.status == "draf" for p in peserta)  # late
    assert any(p.dikunci for p in peserta)
    per_status = Counter(p.status for p in peserta)
    assert (
        Cuplikan.objects.filter(peserta__kegiatan=k, jenis="disetujui").count()
        == per_status["disetujui"]
    )
    revisi = [p for p in peserta if p.status == "revisi"]
    assert Catatan.objects.filter(peserta__in=revisi, selesai_pada__isnull=True).exists()
    draf = next(p for p in peserta if p.status == "draf")
    temuan = temuan_struktur(akses=Akses.sistem(demo), struktur=k.struktur, opd=draf.opd,
                             diminta=k.diminta)  # fmt: skip
    assert any(t.kode == "ANJ-01" for t in temuan)
