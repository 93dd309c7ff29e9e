from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from ramping.jabatan.services import jabatan_buat, tugas_buat
from ramping.penataan.services import kegiatan_buat


@pytest.fixture
def jabatan_a(dunia):
    """A pelaksana of DINAS-A with one task (K computed), and its head."""
    jabatan_buat(
        akses=dunia.analis, unit=dunia.dinas_a, nama="Kepala Dinas A", jenis="jpt_pratama",
        is_kepala=True, kelas=14,
    )  # fmt: skip
    j = jabatan_buat(
        akses=dunia.analis, unit=dunia.bidang_a, nama="Penelaah Teknis Kebijakan",
        jenis="pelaksana", kelas=7,
    )  # fmt: skip
    tugas_buat(
        akses=dunia.analis, jabatan=j, uraian="Menelaah kebijakan", hasil_kerja="Telaahan",
        satuan_hasil="dokumen", volume=Decimal(100), waktu=Decimal(5),
    )  # fmt: skip
    return j


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


@pytest.fixture
def peserta_a(kegiatan):
    return kegiatan.peserta_set.get(opd__kode="DINAS-A")


@pytest.fixture
def peserta_b(kegiatan):
    return kegiatan.peserta_set.get(opd__kode="DINAS-B")
