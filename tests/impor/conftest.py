import io

import pytest
from openpyxl import Workbook


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
