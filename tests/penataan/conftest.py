from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ramping.jabatan.services import jabatan_buat, tugas_buat
from ramping.penataan.models import PengakuanTemuan
from ramping.penataan.services import kegiatan_buat


def _dengan_tugas(dunia, unit, nama, jenis, **lain):
    j = jabatan_buat(akses=dunia.analis, unit=unit, nama=nama, jenis=jenis, **lain)
    tugas_buat(
        akses=dunia.analis, jabatan=j, uraian=f"Tugas {nama}", hasil_kerja="Dokumen",
        satuan_hasil="dokumen", volume=Decimal(100), waktu=Decimal(5),
    )  # fmt: skip
    return j


@pytest.fixture
def jabatan_a(dunia):
    """DINAS-A ready for an ABK round: every unit has a head, every position a task (K
    computed). Returns its pelaksana."""
    _dengan_tugas(dunia, dunia.dinas_a, "Kepala Dinas A", "jpt_pratama", is_kepala=True, kelas=14)
    _dengan_tugas(dunia, dunia.bidang_a, "Kepala Bidang Satu", "administrator", is_kepala=True,
                  kelas=11)  # fmt: skip
    return _dengan_tugas(dunia, dunia.bidang_a, "Penelaah Teknis Kebijakan", "pelaksana",
                         kelas=7)  # fmt: skip


@pytest.fixture
def kegiatan(dunia, jabatan_a):
    return kegiatan_buat(
        akses=dunia.analis,
        struktur=dunia.struktur,
        nama="Penataan ANJAB dan ABK 2026",
        tenggat=timezone.localdate() + timedelta(days=14),
        diminta=["abk"],
        dasar_hukum="PermenPAN-RB Nomor 1 Tahun 2020",
        nomor_surat="800/123/Org",
        tanggal_surat=date(2026, 11, 2),
    )


def akui_semua(dunia, peserta):
    """Answer every warning of the OPD as its operator would (they then no longer block)."""
    from ramping.penataan.temuan import temuan_struktur

    k = peserta.kegiatan
    for t in temuan_struktur(akses=dunia.analis, struktur=k.struktur, opd=peserta.opd,
                             diminta=k.diminta):  # fmt: skip
        assert t.tingkat == "peringatan", t.pesan
        PengakuanTemuan.objects.create(instansi_id=peserta.instansi_id, peserta=peserta,
                                       kode=t.kode, objek=t.objek, catatan="Diterima.")  # fmt: skip


@pytest.fixture
def peserta_a(dunia, kegiatan):
    """DINAS-A in the round, without errors and with its warnings answered: ready to submit."""
    p = kegiatan.peserta_set.get(opd__kode="DINAS-A")
    akui_semua(dunia, p)
    return p


@pytest.fixture
def peserta_b(kegiatan):
    return kegiatan.peserta_set.get(opd__kode="DINAS-B")
