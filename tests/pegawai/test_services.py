from datetime import date

import pytest
from django.core.exceptions import ValidationError

from ramping.audit.models import JejakAudit
from ramping.errors import PenempatanSudahAktif, RampingError, TidakBerhak
from ramping.jabatan.services import jabatan_buat
from ramping.pegawai.models import Penempatan
from ramping.pegawai.services import pegawai_buat, penempatan_akhiri, penempatan_buat


def _pegawai(akses, instansi, nip="198609262015051001", **ubah):
    data = dict(
        nip=nip,
        nama="Budi Santoso",
        jenis_kelamin="L",
        tanggal_lahir=date(1986, 9, 26),
        status_asn="PNS",
        tmt_pengangkatan=date(2015, 5, 1),
        golongan="III/b",
        pendidikan="S-1",
    )
    return pegawai_buat(akses=akses, instansi=instansi, **{**data, **ubah})


@pytest.fixture
def jabatan_a(dunia):
    return jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Pengolah Data dan Informasi",
        jenis="pelaksana",
        kelas=6,
    )


def test_pegawai_dengan_nip_salah_tidak_tersimpan(dunia):
    with pytest.raises(ValidationError) as err:
        _pegawai(dunia.analis, dunia.instansi, nip="198602302015051001")
    assert "nip" in err.value.message_dict
    assert not JejakAudit.objects.filter(aksi="pegawai_buat").exists()


def test_penempatan_menghitung_bezetting_dan_tercatat(dunia, jabatan_a):
    budi = _pegawai(dunia.analis, dunia.instansi)
    siti = _pegawai(
        dunia.analis,
        dunia.instansi,
        nip="199001012015052001",
        nama="Siti",
        jenis_kelamin="P",
        tanggal_lahir=date(1990, 1, 1),
    )
    for orang in (budi, siti):
        penempatan_buat(
            akses=dunia.operator_a, pegawai=orang, jabatan=jabatan_a, tmt_mulai=date(2024, 1, 2)
        )
    assert Penempatan.objects.bezetting(struktur_id=dunia.struktur.pk) == {jabatan_a.pk: 2}
    assert JejakAudit.objects.filter(aksi="penempatan_buat").count() == 2


def test_satu_penempatan_aktif_per_pegawai_per_versi(dunia, jabatan_a):
    budi = _pegawai(dunia.analis, dunia.instansi)
    pertama = penempatan_buat(
        akses=dunia.analis, pegawai=budi, jabatan=jabatan_a, tmt_mulai=date(2024, 1, 2)
    )
    with pytest.raises(PenempatanSudahAktif):
        penempatan_buat(
            akses=dunia.analis, pegawai=budi, jabatan=jabatan_a, tmt_mulai=date(2024, 2, 1)
        )
    penempatan_akhiri(akses=dunia.analis, penempatan=pertama, tmt_selesai=date(2024, 1, 31))
    penempatan_buat(akses=dunia.analis, pegawai=budi, jabatan=jabatan_a, tmt_mulai=date(2024, 2, 1))


def test_pegawai_instansi_lain_tidak_bisa_ditempatkan(dunia, jabatan_a):
    from ramping.akun.akses import Akses

    asing = _pegawai(Akses.sistem(dunia.instansi_lain), dunia.instansi_lain)
    with pytest.raises(RampingError, match="instansi yang sama"):
        penempatan_buat(
            akses=dunia.analis, pegawai=asing, jabatan=jabatan_a, tmt_mulai=date(2024, 1, 2)
        )


def test_operator_opd_lain_tidak_bisa_menempatkan(dunia, jabatan_a):
    budi = _pegawai(dunia.analis, dunia.instansi)
    with pytest.raises(TidakBerhak):
        penempatan_buat(
            akses=dunia.operator_b, pegawai=budi, jabatan=jabatan_a, tmt_mulai=date(2024, 1, 2)
        )


def test_penempatan_tidak_boleh_selesai_sebelum_mulai(dunia, jabatan_a):
    budi = _pegawai(dunia.analis, dunia.instansi)
    p = penempatan_buat(
        akses=dunia.analis, pegawai=budi, jabatan=jabatan_a, tmt_mulai=date(2024, 1, 2)
    )
    with pytest.raises(RampingError) as err:
        penempatan_akhiri(akses=dunia.analis, penempatan=p, tmt_selesai=date(2023, 12, 1))
    assert err.value.field == "tmt_selesai"
