"""Publishing carries every version-bound object: the registry and the carry itself."""

from datetime import date

import pytest
from django.apps import apps
from django.urls import reverse

from ramping.audit.models import JejakAudit
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.penyederhanaan.bawa import CARA, DIBAWA, DISALIN, TETAP, rencana_terbit
from ramping.penyederhanaan.models import Penyetaraan
from ramping.penyederhanaan.selectors import register
from ramping.penyederhanaan.services import struktur_salin, struktur_terbitkan, unit_hapus
from ramping.sistemkerja.models import AnggotaTim, Penugasan, RelasiKoordinasi, TimKerja
from ramping.sistemkerja.selectors import dasbor, penugasan_daftar, tim_daftar


def test_setiap_model_berversi_terdaftar():
    """A new model with a foreign key to Struktur must say how it follows a new version."""
    berversi = {
        m._meta.label
        for m in apps.get_models()
        for f in m._meta.concrete_fields
        if f.many_to_one and f.related_model is Struktur
    }
    assert berversi - set(CARA) == set(), "tambahkan ke ramping/penyederhanaan/bawa.py CARA"
    for label, (cara, alasan) in CARA.items():
        apps.get_model(label)
        assert cara in (DISALIN, DIBAWA, TETAP) and alasan


def _tim(unit, nama):
    return TimKerja.objects.create(
        instansi_id=unit.instansi_id,
        struktur_id=unit.struktur_id,
        unit=unit,
        nama=nama,
        program="Program",
        periode_mulai=date(2026, 1, 2),
        periode_selesai=date(2026, 12, 31),
    )


def _tugas(tim, judul, status="berjalan"):
    return Penugasan.objects.create(
        instansi_id=tim.instansi_id,
        struktur_id=tim.struktur_id,
        unit=tim.unit,
        tim=tim,
        judul=judul,
        target_output="Laporan",
        volume=1,
        satuan="laporan",
        tenggat=date(2026, 6, 30),
        status=status,
    )


@pytest.fixture
def terbit(dunia, skema):
    """The version in force with a team in a kept unit and one in a removed unit, relations
    and a penyetaraan entry; a scenario copied from it removes Seksi Satu."""
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="berlaku", berlaku_mulai=date(2021, 1, 1)
    )
    tetap, hilang = _tim(dunia.bidang_a, "Tim Bidang"), _tim(skema.seksi_satu, "Tim Seksi")
    for tim, unit, orang in (
        (tetap, dunia.bidang_a, skema.pegawai[3]),
        (tetap, skema.seksi_satu, skema.pegawai[1]),
    ):
        AnggotaTim.objects.create(
            instansi=dunia.instansi,
            tim=tim,
            pegawai=orang,
            unit_asal=unit,
            jam_per_tahun=100,
            status="disetujui",
        )
    _tugas(tetap, "Kajian terbuka")
    _tugas(tetap, "Kajian selesai", status="diterima")
    _tugas(hilang, "Pendataan seksi")
    for dari, ke in ((dunia.bidang_a, skema.sekretariat), (skema.seksi_satu, dunia.bidang_a)):
        RelasiKoordinasi.objects.create(
            instansi=dunia.instansi,
            struktur=dunia.struktur,
            unit_dari=dari,
            unit_ke=ke,
            jenis="bekerja_sama",
        )
    Penyetaraan.objects.create(
        instansi=dunia.instansi,
        struktur=dunia.struktur,
        pegawai=skema.pegawai[2],
        nama_jabatan_lama="Kepala Subbagian Lama",
        nama_jf="Analis Kebijakan",
        jenjang="ahli_muda",
    )
    baru = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario")
    unit_hapus(akses=dunia.analis, unit=UnitKerja.objects.get(struktur=baru, asal=skema.seksi_satu))
    return baru, tetap, hilang


def test_halaman_terbitkan_mendaftar_yang_hilang(dunia, terbit, client):
    baru, _tetap, _hilang = terbit
    rencana = rencana_terbit(baru, dunia.struktur)
    assert [t.nama for t, _u in rencana.tim_dibawa] == ["Tim Bidang"]
    assert [b.nama for b in rencana.butir] == [
        "Tim Seksi",
        "Pendataan seksi",
        "Seksi Satu bekerja sama dengan Bidang Satu",
    ]
    client.force_login(dunia.analis.pengguna)
    url = reverse("penyederhanaan:struktur_terbitkan", args=[dunia.instansi.kode, baru.pk])
    html = client.get(url).content.decode()
    assert "Tim Seksi" in html and "Diakhiri pada tanggal berlaku" in html
    assert "Pendataan seksi" in html and "Perlu keputusan" in html


def test_terbitkan_membawa_tim_relasi_dan_register(dunia, skema, terbit):
    baru, tetap, hilang = terbit
    struktur_terbitkan(
        akses=dunia.analis,
        struktur=baru,
        dasar_hukum_nomor="Perwal 1/2026",
        dasar_hukum_tanggal=date(2026, 3, 2),
    )
    a = dunia.analis
    bidang_baru = UnitKerja.objects.get(struktur=baru, asal=dunia.bidang_a)
    # The kept team is the same object, now in the new version's unit, members and work along.
    assert [t.pk for t in tim_daftar(akses=a, struktur=baru)] == [tetap.pk]
    tetap.refresh_from_db()
    assert tetap.unit_id == bidang_baru.pk
    assert dasbor(akses=a, struktur=baru).tim_aktif == 1
    assert {p.judul for p in penugasan_daftar(akses=a, struktur=baru)} == {
        "Kajian terbuka",
        "Kajian selesai",
    }
    assert {m.unit_asal_id for m in tetap.anggota_set.all()} == {bidang_baru.pk, None}
    # The team of the removed unit is ended on the new version's date and stays behind.
    hilang.refresh_from_db()
    assert (hilang.struktur_id, hilang.status, hilang.periode_selesai) == (
        dunia.struktur.pk,
        "selesai",
        date(2026, 3, 2),
    )
    relasi = RelasiKoordinasi.objects.filter(struktur=baru).select_related("unit_dari", "unit_ke")
    assert [(r.unit_dari.nama, r.unit_ke.nama) for r in relasi] == [("Bidang Satu", "Sekretariat")]
    assert RelasiKoordinasi.objects.filter(struktur=dunia.struktur).count() == 2
    # The register of the new version shows the old entry and the scenario's new one.
    nama = {b.p.nama_jabatan_lama for b in register(akses=a, struktur=baru)}
    assert nama == {"Kepala Subbagian Lama", "Kepala Seksi Satu"}
    entri = JejakAudit.objects.get(aksi="struktur_terbitkan")
    assert entri.perubahan["dibawa"]["tim_dibawa"] == 1
    assert entri.perubahan["tim_diakhiri"] == [hilang.pk]


def test_terbitkan_beberapa_kueri_bukan_per_baris(dunia, terbit, django_assert_max_num_queries):
    baru, _tetap, _hilang = terbit
    with django_assert_max_num_queries(30):
        struktur_terbitkan(
            akses=dunia.analis,
            struktur=baru,
            dasar_hukum_nomor="Perwal 1/2026",
            dasar_hukum_tanggal=date(2026, 3, 2),
        )
