import io

import pytest
from openpyxl import Workbook

from ramping.jabatan.services import jabatan_buat
from tests.pekerjaan.bantu import antrean  # noqa: F401  (the real worker loop)


def xlsx(*baris, judul_atas: str | None = None) -> bytes:
    """A workbook whose first sheet holds `baris` (the first one is the header)."""
    buku = Workbook()
    lembar = buku.active
    if judul_atas:
        lembar.append([judul_atas])  # a merged title row above the table
        lembar.merge_cells("A1:E1")
    for b in baris:
        lembar.append(list(b))
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


@pytest.fixture
def buat_xlsx():
    return xlsx


@pytest.fixture(autouse=True)
def _penyimpanan(settings, tmp_path):
    """Uploads awaiting confirmation live in the private storage: the test's own folder."""
    settings.RAMPING_PENYIMPANAN = tmp_path / "penyimpanan"


@pytest.fixture
def jabatan(dunia):
    """The position the rows of the task imports name."""
    return jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Penelaah Teknis Kebijakan",
        jenis="pelaksana",
        kelas=7,
    )
