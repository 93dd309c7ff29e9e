"""Decisions on pelaksana names: rename, accept suggestions, keep, merge; rights; undo; checks."""

import pytest

from ramping.audit.models import JejakAudit
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jabatan, KelasInstansi
from ramping.nomenklatur import selectors as sel
from ramping.nomenklatur.models import KeputusanNomenklatur
from ramping.nomenklatur.services import (
    KeputusanTidakSah,
    nomenklatur_gabung,
    nomenklatur_pertahankan,
    nomenklatur_putuskan,
    nomenklatur_terima_saran,
)
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.langkah import langkah_batalkan
from ramping.penyederhanaan.models import LangkahSkenario


def _segar(*js):
    return [Jabatan.objects.select_related("unit", "struktur").get(pk=j.pk) for j in js]


def test_putuskan_mengganti_nama_dan_kelas_dari_katalog_tercatat_dan_bisa_dibatalkan(dunia, meja):
    hasil = nomenklatur_putuskan(
        akses=dunia.analis,
        jabatan_list=_segar(meja.umum, meja.umum2),
        nama_baru="pengadministrasi perkantoran",
    )
    assert hasil.jumlah == 2
    umum = Jabatan.objects.get(pk=meja.umum.pk)
    assert (umum.nama, umum.kelas) == ("Pengadministrasi Perkantoran", 5)
    k = KeputusanNomenklatur.objects.get(jabatan=meja.umum)
    assert (k.status, k.nama_lama, k.kelas_lama, k.nama_baru) == (
        "diubah", "Pengadministrasi Umum", 5, "Pengadministrasi Perkantoran",
    )  # fmt: skip
    assert k.sumber_kelas.startswith("katalog: PermenPAN-RB 45/2022")
    assert JejakAudit.objects.filter(aksi="nomenklatur_putuskan").count() == 2
    langkah = LangkahSkenario.objects.get(struktur=dunia.struktur, aksi="nomenklatur_putuskan")
    langkah_batalkan(akses=dunia.analis, langkah=langkah)
    umum.refresh_from_db()
    assert umum.nama == "Pengadministrasi Umum"
    assert not KeputusanNomenklatur.objects.filter(jabatan=meja.umum).exists()


def test_kelas_instansi_mengalahkan_katalog(dunia, meja):
    KelasInstansi.objects.create(
        instansi=dunia.instansi,
        jenis="pelaksana",
        nama="Operator Layanan Operasional",
        kelas=4,
        dasar_hukum="Perwal Uji 1/2023",
    )
    nomenklatur_putuskan(
        akses=dunia.analis,
        jabatan_list=_segar(meja.pengemudi),
        nama_baru="Operator Layanan Operasional",
    )
    k = KeputusanNomenklatur.objects.get(jabatan=meja.pengemudi)
    assert (k.kelas_lama, k.kelas_baru, k.sumber_kelas) == (3, 4, "Perwal Uji 1/2023 (instansi)")


def test_nama_di_luar_daftar_ditolak_dengan_saran(dunia, meja):
    with pytest.raises(KeputusanTidakSah) as e:
        nomenklatur_putuskan(
            akses=dunia.analis, jabatan_list=_segar(meja.umum), nama_baru="Pengadministrasi Umum"
        )
    assert "Pengadministrasi Umum" in e.value.pesan
    assert Jabatan.objects.get(pk=meja.umum.pk).nama == "Pengadministrasi Umum"


def test_operator_hanya_opd_sendiri_dan_orang_luar_ditolak(dunia, meja):
    with pytest.raises(KeputusanTidakSah, match=r"^Analis Kepegawaian \(unit Dinas B\): "):
        nomenklatur_putuskan(
            akses=dunia.operator_a,
            jabatan_list=_segar(meja.umum, meja.analis),
            nama_baru="Pengadministrasi Perkantoran",
        )
    assert Jabatan.objects.get(pk=meja.umum.pk).nama == "Pengadministrasi Umum"  # nothing half
    nomenklatur_putuskan(
        akses=dunia.operator_a,
        jabatan_list=_segar(meja.umum),
        nama_baru="Pengadministrasi Perkantoran",
    )
    with pytest.raises(TidakDitemukan):
        nomenklatur_putuskan(
            akses=dunia.orang_luar,
            jabatan_list=_segar(meja.umum2),
            nama_baru="Pengadministrasi Perkantoran",
        )


def test_terima_saran_teratas_untuk_semua_baris(dunia, meja, django_assert_max_num_queries):
    baris = [
        b
        for b in sel.baris_meja(akses=dunia.analis, struktur=dunia.struktur)
        if b.status == "perlu"
    ]
    assert {b.jabatan.pk for b in baris} == {
        meja.umum.pk,
        meja.umum2.pk,
        meja.pengemudi.pk,
        meja.analis.pk,
        meja.arsip.pk,
    }
    pilihan = {b.jabatan.pk: b.teratas.nama for b in baris}
    with django_assert_max_num_queries(30):
        nomenklatur_terima_saran(
            akses=dunia.analis, jabatan_list=_segar(*(b.jabatan for b in baris)), pilihan=pilihan
        )
    nama = dict(Jabatan.objects.filter(pk__in=pilihan).values_list("pk", "nama"))
    assert nama[meja.pengemudi.pk] == "Operator Layanan Operasional"
    assert nama[meja.analis.pk] == "Penelaah Teknis Kebijakan"
    status = {
        b.jabatan.pk: b.status for b in sel.baris_meja(akses=dunia.analis, struktur=dunia.struktur)
    }
    assert status[meja.baku.pk] == "baku" and status[meja.umum.pk] == "diputuskan"


def test_pertahankan_perlu_alasan(dunia, meja):
    with pytest.raises(KeputusanTidakSah, match="Alasan"):
        nomenklatur_pertahankan(akses=dunia.analis, jabatan_list=_segar(meja.analis), alasan=" ")
    nomenklatur_pertahankan(
        akses=dunia.analis, jabatan_list=_segar(meja.analis), alasan="Nama milik instansi teknis"
    )
    b = next(
        b
        for b in sel.baris_meja(akses=dunia.analis, struktur=dunia.struktur)
        if b.jabatan.pk == meja.analis.pk
    )
    assert b.status == "dipertahankan" and b.keputusan.alasan == "Nama milik instansi teknis"


def test_pemeriksaan_dan_gabung(dunia, meja):
    nomenklatur_putuskan(
        akses=dunia.analis,
        jabatan_list=_segar(meja.umum, meja.umum2),
        nama_baru="Pengadministrasi Perkantoran",
    )
    nomenklatur_putuskan(
        akses=dunia.analis,
        jabatan_list=_segar(meja.pengemudi),
        nama_baru="Pengadministrasi Perkantoran",
        kelas=4,
    )
    p = sel.periksa(sel.baris_meja(akses=dunia.analis, struktur=dunia.struktur))
    # Euis (SLTA) holds Pengolah Data dan Informasi (D-III); Cici (SMP) now an SLTA name.
    assert sorted(x.pemangku.nama for x in p.pendidikan) == ["Cici", "Euis"]
    assert [(x.nama, x.kelas) for x in p.banyak_kelas] == [
        ("Pengadministrasi Perkantoran", {5: 2, 4: 1})
    ]
    assert [(x.unit.nama, x.nama, x.b, x.k) for x in p.kembar] == [
        ("Bidang Satu", "Pengadministrasi Perkantoran", 2, 3)
    ]
    assert [(x.jabatan.nama, x.mirip_jf) for x in p.mirip_jf] == [
        ("Pengadministrasi Kearsipan", "Arsiparis")
    ]
    nomenklatur_gabung(akses=dunia.analis, jabatan_list=_segar(meja.umum, meja.umum2))
    assert not Jabatan.objects.filter(pk=meja.umum2.pk).exists()
    assert Jabatan.objects.get(pk=meja.umum.pk).kebutuhan == 3
    assert Penempatan.objects.filter(jabatan=meja.umum).count() == 2
    assert sel.periksa(sel.baris_meja(akses=dunia.analis, struktur=dunia.struktur)).kembar == []
    langkah = LangkahSkenario.objects.get(aksi="nomenklatur_gabung")
    langkah_batalkan(akses=dunia.analis, langkah=langkah)
    assert Jabatan.objects.get(pk=meja.umum2.pk).nama == "Pengadministrasi Perkantoran"
    assert Penempatan.objects.filter(jabatan=meja.umum2).count() == 1
    assert Jabatan.objects.get(pk=meja.umum.pk).kebutuhan == 2


def test_baris_meja_query_tetap(dunia, meja, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        baris = sel.baris_meja(akses=dunia.analis, struktur=dunia.struktur)
    assert len(baris) == 6
    op = sel.baris_meja(akses=dunia.operator_b, struktur=dunia.struktur, opd_kode="DINAS-A")
    assert {b.opd.kode for b in op} == {"DINAS-B"}
    with pytest.raises(TidakDitemukan):
        sel.baris_meja(akses=dunia.orang_luar, struktur=dunia.struktur)


def test_pilihan_di_versi_lain_menjadi_preseden(dunia, meja):
    """A post of another version copied from an unlisted name and now listed tells the
    workbench what the agency chose before (the demo's 2023 version for a 2021 copy)."""
    from ramping.akun.akses import Akses
    from ramping.organisasi.services import struktur_buat, unit_buat

    sistem = Akses.sistem(dunia.instansi)
    lain = struktur_buat(akses=sistem, instansi=dunia.instansi, nama="Versi lain")
    u = unit_buat(akses=sistem, struktur=lain, induk=None, kode="X", nama="X", jenis="dinas")
    for _ in range(2):
        Jabatan.objects.create(
            instansi=dunia.instansi, struktur=lain, unit=u, nama="Penata Layanan Operasional",
            jenis="pelaksana", asal=meja.analis,
        )  # fmt: skip
    b = next(
        b
        for b in sel.baris_meja(akses=dunia.analis, struktur=dunia.struktur)
        if b.jabatan.pk == meja.analis.pk
    )
    pilihan = next(s for s in b.saran if s.nama == "Penata Layanan Operasional")
    assert any(
        a.sinyal == "preseden" and a.keterangan.startswith("dipilih untuk 2 dari 2")
        for a in pilihan.alasan
    )


def test_salinan_skenario_membawa_keputusan_nomenklatur(dunia, meja):
    from ramping.penyederhanaan.services import struktur_salin

    nomenklatur_putuskan(
        akses=dunia.analis,
        jabatan_list=_segar(meja.umum),
        nama_baru="Pengadministrasi Perkantoran",
    )
    salinan = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Salinan")
    k = KeputusanNomenklatur.objects.get(struktur=salinan)
    assert k.jabatan.asal_id == meja.umum.pk and k.jabatan.struktur_id == salinan.pk
    assert (k.nama_lama, k.nama_baru, k.status) == (
        "Pengadministrasi Umum",
        "Pengadministrasi Perkantoran",
        "diubah",
    )
