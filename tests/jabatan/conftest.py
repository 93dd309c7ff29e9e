import pytest

from ramping.jabatan.services import jabatan_buat
from tests.laporan.conftest import antrean, kecil  # noqa: F401  (worker runner, small agency)


@pytest.fixture
def pelaksana_a(dunia):
    """A pelaksana position in Dinas A's Bidang Satu (operator_a's OPD)."""
    return jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Penelaah Teknis Kebijakan",
        jenis="pelaksana",
        kelas=7,
    )


@pytest.fixture
def kabid_a(dunia):
    return jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Kepala Bidang Satu",
        jenis="administrator",
        is_kepala=True,
    )
