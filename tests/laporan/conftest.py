"""A small hand-built agency with exact numbers for the report tests.

On top of `dunia` (tests/conftest.py: Dinas A with Bidang Satu, Dinas B, the personas):

| Position | Unit | Tasks | Beban | K (unrounded → K) | B |
|---|---|---|---|---|---|
| Kepala Dinas A (kelas 14) | Dinas A | 240 × 2 h, 12 × 40 h | 960 | 0.768 → 1 | 1 |
| Kepala Bidang Satu (kelas 11) | Bidang Satu | 100 × 6 h | 600 | 0.48 → 1 | 0 |
| "=1+2 Pengelola" (kelas 5) | Bidang Satu | 1 250 × 3 h | 3 750 | 3 → 3 | 2 |
| Kepala Dinas B (kelas 14) | Dinas B | none | – | – | 0 |

The pelaksana's name starts with "=" (formula injection); one of its holders, born 10 March
1970, reaches BUP 58 on 10 March 2028 and retires on 1 April 2028 (year 2 from 2027).
Evaluations: the head of Dinas A at the lowest struktural levels (1 165 → kelas 8) and the
pelaksana at the lowest fungsional levels (190 → kelas 1).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.jabatan.services.abk import abk_hitung_ulang_jabatan
from ramping.organisasi.models import Struktur
from ramping.pegawai.models import Pegawai, Penempatan
from tests.pekerjaan.bantu import antrean  # noqa: F401  (jobs run by the real worker loop)

NAMA_RUMUS = "=1+2 Pengelola"
STRUKTURAL_TERENDAH = {
    "F1": "1-1", "F2": "2-1", "F3": "3-1", "F4A": "4A-1", "F4B": "4B-1", "F5": "5-1", "F6": "6-1",
}  # fmt: skip
FUNGSIONAL_TERENDAH = {f"F{i}": f"{i}-1" for i in range(1, 10)}


@dataclass
class Kecil:
    kepala_a: Jabatan
    kepala_bidang: Jabatan
    pelaksana: Jabatan
    kepala_b: Jabatan


def _jabatan(unit, nama, jenis, tugas=(), **lain) -> Jabatan:
    j = Jabatan.objects.create(
        instansi_id=unit.instansi_id, struktur_id=unit.struktur_id, unit=unit, nama=nama,
        jenis=jenis, kode=f"{unit.kode}.J{Jabatan.objects.filter(unit=unit).count() + 1:02d}",
        **lain,
    )  # fmt: skip
    for i, (uraian, volume, jam) in enumerate(tugas, 1):
        Tugas.objects.create(
            instansi_id=unit.instansi_id, jabatan=j, urutan=i, uraian=uraian,
            hasil_kerja=f"Hasil {i}", satuan_hasil="Dokumen", volume=Decimal(volume),
            waktu=Decimal(jam),
        )  # fmt: skip
    if tugas:
        abk_hitung_ulang_jabatan(jabatan=j)
    return j


def _pegawai(instansi, nip: str, nama: str, lahir: date) -> Pegawai:
    return Pegawai.objects.create(
        instansi=instansi, nip=nip, nama=nama, jenis_kelamin="L", tanggal_lahir=lahir,
        status_asn="PNS", tmt_pengangkatan=date(lahir.year + 25, 1, 1), golongan="III/a",
        pendidikan="S-1",
    )  # fmt: skip


@pytest.fixture
def kecil(dunia) -> Kecil:
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2024, 1, 2),
        dasar_hukum_nomor="Perda Kota Uji Nomor 1 Tahun 2024",
    )  # fmt: skip
    dunia.struktur.refresh_from_db()
    kepala_a = _jabatan(
        dunia.dinas_a, "Kepala Dinas A", "jpt_pratama", is_kepala=True, kelas=14,
        tugas=[("Meninjau dokumen", 240, 2), ("Menulis laporan", 12, 40)],
    )  # fmt: skip
    kepala_bidang = _jabatan(
        dunia.bidang_a, "Kepala Bidang Satu", "administrator", is_kepala=True, kelas=11,
        tugas=[("Mengoordinasikan bidang", 100, 6)],
    )  # fmt: skip
    pelaksana = _jabatan(
        dunia.bidang_a, NAMA_RUMUS, "pelaksana", kelas=5,
        tugas=[("Mengolah berkas", 1250, 3)],
    )  # fmt: skip
    kepala_b = _jabatan(dunia.dinas_b, "Kepala Dinas B", "jpt_pratama", is_kepala=True, kelas=14)
    orang = [
        (kepala_a, "198001012005011001", "Budi Santoso", date(1980, 1, 1)),
        (pelaksana, "197003102000011002", "Joko Widodo", date(1970, 3, 10)),
        (pelaksana, "199001012015011003", "Rina Lestari", date(1990, 1, 1)),
    ]
    for jabatan, nip, nama, lahir in orang:
        Penempatan.objects.create(
            instansi=dunia.instansi, struktur=dunia.struktur, jabatan=jabatan,
            pegawai=_pegawai(dunia.instansi, nip, nama, lahir), tmt_mulai=date(2024, 1, 2),
        )  # fmt: skip
    Anjab.objects.create(
        instansi=dunia.instansi, jabatan=pelaksana, ikhtisar="Mengolah berkas dinas.",
        tanggung_jawab=["Kebenaran berkas"], hasil_kerja=[{"hasil": "Berkas", "satuan": "Berkas"}],
    )  # fmt: skip
    for jabatan, jenis, tingkat, nilai, kelas in (
        (kepala_a, "struktural", STRUKTURAL_TERENDAH, 1165, 8),
        (pelaksana, "fungsional", FUNGSIONAL_TERENDAH, 190, 1),
    ):
        EvaluasiJabatan.objects.create(
            instansi=dunia.instansi, jabatan=jabatan, jenis=jenis, tingkat=tingkat,
            alasan={"F1": "Sesuai uraian tugas."}, nilai=nilai, kelas=kelas,
            status="ditetapkan", tanggal=date(2026, 6, 15), tim_evaluator="Tim Evaluasi Uji",
        )  # fmt: skip
    for j in (kepala_a, kepala_bidang, pelaksana, kepala_b):
        j.refresh_from_db()
    return Kecil(kepala_a, kepala_bidang, pelaksana, kepala_b)
