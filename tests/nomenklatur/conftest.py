"""A draft with 41/2018-style pelaksana posts in two OPDs, incumbents and tasks."""

from dataclasses import dataclass
from datetime import date

import pytest

from ramping.jabatan.models import Jabatan, Tugas
from ramping.pegawai.models import Pegawai, Penempatan


@dataclass
class Meja:
    umum: Jabatan  # Pengadministrasi Umum, Bidang Satu (Dinas A), 1 SLTA incumbent
    umum2: Jabatan  # Pengadministrasi Umum, Bidang Satu, second post (same unit: a twin)
    pengemudi: Jabatan  # Pengemudi, Dinas A, SMP incumbent
    analis: Jabatan  # Analis Kepegawaian, Dinas B, S-1 incumbent
    baku: Jabatan  # Pengolah Data dan Informasi, Dinas B (already baku)
    arsip: Jabatan  # Pengadministrasi Kearsipan with archive tasks (looks like a JF)


def _pegawai(instansi, i: int, nama: str, pendidikan: str) -> Pegawai:
    return Pegawai.objects.create(
        instansi=instansi,
        nip=f"1980010120050110{i:02d}",
        nama=nama,
        jenis_kelamin="L",
        tanggal_lahir=date(1980, 1, 1),
        status_asn="PNS",
        tmt_pengangkatan=date(2005, 1, 1),
        golongan="II/c",
        pendidikan=pendidikan,
    )


@pytest.fixture
def meja(dunia) -> Meja:
    def jab(unit, nama, kelas, k=1):
        return Jabatan.objects.create(
            instansi=dunia.instansi,
            struktur=dunia.struktur,
            unit=unit,
            nama=nama,
            jenis="pelaksana",
            kelas=kelas,
            kebutuhan=k,
        )

    m = Meja(
        jab(dunia.bidang_a, "Pengadministrasi Umum", 5, 2),
        jab(dunia.bidang_a, "Pengadministrasi Umum", 5, 1),
        jab(dunia.dinas_a, "Pengemudi", 3),
        jab(dunia.dinas_b, "Analis Kepegawaian", 7),
        jab(dunia.dinas_b, "Pengolah Data dan Informasi", 6),
        jab(dunia.dinas_b, "Pengadministrasi Kearsipan", 5),
    )
    for i, (j, nama, pend) in enumerate(
        (
            (m.umum, "Ani", "SLTA"),
            (m.umum2, "Budi", "SLTA"),
            (m.pengemudi, "Cici", "SMP"),
            (m.analis, "Dedi", "S-1"),
            (m.baku, "Euis", "SLTA"),
        )
    ):
        Penempatan.objects.create(
            instansi=dunia.instansi,
            struktur=dunia.struktur,
            pegawai=_pegawai(dunia.instansi, i, nama, pend),
            jabatan=j,
            tmt_mulai=date(2020, 1, 2),
        )
    Tugas.objects.create(
        instansi=dunia.instansi,
        jabatan=m.arsip,
        uraian="Menata arsip dinamis dan menyusun daftar arsip",
        hasil_kerja="Daftar arsip",
        satuan_hasil="dokumen",
        volume=10,
        waktu=10,
    )
    return m
