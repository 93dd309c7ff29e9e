"""A 10,000-task import reads and writes set-wise: the number of queries does not grow with
the number of positions (nor rows)."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import Workbook

from ramping.impor.dasar import impor_terapkan
from ramping.impor.jenis.tugas import ImporTugas
from ramping.jabatan.models import Jabatan, Tugas

BARIS = 10_000


def _berkas(posisi: list[str]) -> bytes:
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet("Data")
    lembar.append(["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan Hasil",
                   "Jumlah Hasil", "Waktu Penyelesaian", "Satuan Waktu"])  # fmt: skip
    for i in range(BARIS):
        nama = posisi[i % len(posisi)]
        lembar.append(["Bidang Satu", nama, f"Tugas {i}", "Dokumen", "Dokumen", 10 + i % 7,
                       "0.5", "jam"])  # fmt: skip
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _posisi(dunia, jumlah: int, awalan: str) -> list[str]:
    nama = [f"{awalan} {i}" for i in range(jumlah)]
    Jabatan.objects.bulk_create(
        Jabatan(instansi_id=dunia.struktur.instansi_id, struktur=dunia.struktur,
                unit=dunia.bidang_a, nama=x, jenis="pelaksana", kelas=6)
        for x in nama
    )  # fmt: skip
    return nama


def _kueri(dunia, posisi: list[str]) -> int:
    data = _berkas(posisi)
    with CaptureQueriesContext(connection) as ctx:
        impor_terapkan(ImporTugas(akses=dunia.analis, struktur=dunia.struktur), data)
    return len(ctx.captured_queries)


@pytest.mark.slow
def test_jumlah_kueri_tidak_bergantung_pada_jumlah_jabatan(dunia):
    sedikit = _kueri(dunia, _posisi(dunia, 2, "Pengolah Data"))
    Tugas.objects.filter(instansi=dunia.instansi).delete()
    banyak = _kueri(dunia, _posisi(dunia, 40, "Pengadministrasi"))
    assert Tugas.objects.filter(instansi=dunia.instansi).count() == BARIS
    assert banyak == sedikit, (sedikit, banyak)
