from datetime import date

import pytest
from django.db import IntegrityError, transaction

from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja


def _gagal(buat):
    with pytest.raises(IntegrityError), transaction.atomic():
        buat()


def test_hanya_satu_struktur_berlaku_per_instansi(dunia):
    Struktur.objects.create(
        instansi=dunia.instansi, nama="A", status="berlaku", berlaku_mulai=date(2023, 1, 1)
    )
    _gagal(
        lambda: Struktur.objects.create(
            instansi=dunia.instansi, nama="B", status="berlaku", berlaku_mulai=date(2024, 1, 1)
        )
    )
    # Another agency may have its own version in force.
    Struktur.objects.create(
        instansi=dunia.instansi_lain, nama="C", status="berlaku", berlaku_mulai=date(2024, 1, 1)
    )


def test_struktur_berlaku_wajib_punya_tanggal_mulai(dunia):
    _gagal(lambda: Struktur.objects.create(instansi=dunia.instansi, nama="A", status="berlaku"))


def _unit(dunia, **ubah):
    data = dict(
        instansi=dunia.instansi,
        struktur=dunia.struktur,
        induk=None,
        path="0099",
        kedalaman=0,
        kode="X",
        nama="X",
        jenis="dinas",
    )
    return UnitKerja.objects.create(**{**data, **ubah})


def test_unit_akar_berkedalaman_nol_dan_anak_lebih_dari_nol(dunia):
    _gagal(lambda: _unit(dunia, kedalaman=1))
    _gagal(lambda: _unit(dunia, induk=dunia.dinas_a, kedalaman=0, path="00010099"))


def test_path_dan_kode_unit_unik_dalam_satu_versi(dunia):
    _gagal(lambda: _unit(dunia, path=dunia.dinas_a.path))
    _gagal(lambda: _unit(dunia, kode=dunia.dinas_a.kode))


def test_kelompok_jf_tidak_bereselon(dunia):
    _gagal(lambda: _unit(dunia, jenis="kelompok_jf", eselon="IV.a"))


def _jabatan(dunia, **ubah):
    data = dict(
        instansi=dunia.instansi,
        struktur=dunia.struktur,
        unit=dunia.bidang_a,
        nama="Kepala Bidang Satu",
        jenis="administrator",
        kelas=11,
    )
    return Jabatan.objects.create(**{**data, **ubah})


@pytest.mark.parametrize("kelas", [0, 18])
def test_kelas_jabatan_di_luar_1_sampai_17_ditolak(dunia, kelas):
    _gagal(lambda: _jabatan(dunia, kelas=kelas))


def test_satu_unit_hanya_punya_satu_kepala(dunia):
    _jabatan(dunia, is_kepala=True)
    _gagal(lambda: _jabatan(dunia, is_kepala=True))


@pytest.mark.parametrize(
    "ubah",
    [
        {"jenis": "fungsional", "nama_jf": "Perencana"},  # JF without jenjang
        {"jenis": "fungsional", "jenjang": "ahli_muda"},  # JF without its JF name
        {"jenis": "pelaksana", "jenjang": "ahli_muda"},  # jenjang on a non-JF
        {"jenis": "fungsional", "nama_jf": "Perencana", "jenjang": "ahli_muda", "is_kepala": True},
    ],
)
def test_jenjang_hanya_untuk_fungsional_dan_kepala_hanya_struktural(dunia, ubah):
    _gagal(lambda: _jabatan(dunia, **ubah))
