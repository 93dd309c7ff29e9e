"""The small `dunia` agency (version in force) with a JF, people in two OPD and one team.

DINAS-A ─ Bidang Satu: JF "Analis Kebijakan Ahli Muda" (Ani), pelaksana (Siti)
DINAS-B: pelaksana (Rudi)
The team "Tim Uji" is owned by Bidang Satu; operator_a acts as its Level 2.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from ramping.jabatan.models import Jabatan
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.sistemkerja import services as svc
from ramping.sistemkerja.models import TimKerja
from tests.web.conftest import _jabatan, _pegawai, isi  # noqa: F401 (fixture)

NIP_JF = "199104042016042004"


@dataclass
class Sk:
    tim: TimKerja
    jf_a: Jabatan
    pelaksana_b: Jabatan
    ani: Pegawai  # JF in Bidang Satu
    siti: Pegawai  # pelaksana in Bidang Satu
    rudi: Pegawai  # pelaksana in DINAS-B (another OPD)
    budi: Pegawai  # head of DINAS-A (structural)


@pytest.fixture
def sk(dunia, isi) -> Sk:  # noqa: F811
    jf_a = _jabatan(
        dunia.bidang_a,
        "Analis Kebijakan Ahli Muda",
        "fungsional",
        nama_jf="Analis Kebijakan",
        jenjang="ahli_muda",
        kelas=9,
        beban_kerja_jam=Decimal("1000"),
    )
    pelaksana_b = _jabatan(
        dunia.dinas_b,
        "Penelaah Teknis Kebijakan",
        "pelaksana",
        kelas=7,
        beban_kerja_jam=Decimal("600"),
    )
    Jabatan.objects.filter(pk=isi.pelaksana_a.pk).update(beban_kerja_jam=Decimal("1500"))
    ani = _pegawai(dunia.instansi, NIP_JF, "Ani Lestari")
    for pegawai, jabatan in ((ani, jf_a), (isi.pegawai_bebas, pelaksana_b)):
        Penempatan.objects.create(
            instansi=dunia.instansi,
            struktur=dunia.struktur,
            pegawai=pegawai,
            jabatan=jabatan,
            tmt_mulai=date(2024, 1, 2),
        )
    tim = svc.tim_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Tim Uji",
        program="Program Uji",
        periode_mulai=date(2026, 1, 2),
        periode_selesai=date(2026, 12, 31),
    )
    return Sk(tim, jf_a, pelaksana_b, ani, isi.pegawai_b, isi.pegawai_bebas, isi.pegawai_a)
