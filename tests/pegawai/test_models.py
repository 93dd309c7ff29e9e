from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ramping.pegawai.models import Pegawai

DATA = dict(
    nip="198609262015051001",
    nama="Budi Santoso",
    jenis_kelamin="L",
    tanggal_lahir=date(1986, 9, 26),
    status_asn="PNS",
    tmt_pengangkatan=date(2015, 5, 1),
    golongan="III/b",
    pendidikan="S-1",
)


def test_data_pegawai_yang_cocok_dengan_nip_lolos_validasi(dunia):
    Pegawai(instansi=dunia.instansi, **DATA).full_clean()


@pytest.mark.parametrize(
    ("ubah", "field"),
    [
        ({"tanggal_lahir": date(1986, 9, 27)}, "tanggal_lahir"),
        ({"jenis_kelamin": "P"}, "jenis_kelamin"),
        ({"tmt_pengangkatan": date(2015, 6, 1)}, "tmt_pengangkatan"),
        ({"golongan": "IX"}, "golongan"),  # a PPPK grade for a PNS
        ({"nip": "198602302015051001"}, "nip"),
    ],
)
def test_data_yang_tidak_cocok_dengan_nip_ditolak_pada_fieldnya(dunia, ubah, field):
    with pytest.raises(ValidationError) as err:
        Pegawai(instansi=dunia.instansi, **{**DATA, **ubah}).full_clean()
    assert field in err.value.message_dict


def test_nip_unik_dalam_instansi_tetapi_boleh_sama_di_instansi_lain(dunia):
    Pegawai.objects.create(instansi=dunia.instansi, **DATA)
    Pegawai.objects.create(instansi=dunia.instansi_lain, **DATA)
    with pytest.raises(IntegrityError), transaction.atomic():
        Pegawai.objects.create(instansi=dunia.instansi, **DATA)


def test_tmt_sebelum_lahir_ditolak_basis_data(dunia):
    with pytest.raises(IntegrityError), transaction.atomic():
        Pegawai.objects.create(
            instansi=dunia.instansi, **{**DATA, "tmt_pengangkatan": date(1980, 1, 1)}
        )
