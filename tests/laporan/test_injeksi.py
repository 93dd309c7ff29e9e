"""Formula injection: text that starts with =, +, - or @ stays text in every XLSX."""

import zipfile
from io import BytesIO

import openpyxl
import pytest

from ramping.laporan.exporters import Kebutuhan5Tahun, PetaJabatan, RekapAbk
from ramping.laporan.renderers.xlsx import tulis_sel
from tests.laporan.conftest import NAMA_RUMUS


@pytest.mark.parametrize("kelas", [PetaJabatan, RekapAbk, Kebutuhan5Tahun])
def test_nama_berawalan_sama_dengan_ditulis_sebagai_teks(dunia, kecil, kelas):
    isi = kelas(akses=dunia.analis, struktur=dunia.struktur).ekspor("xlsx")
    ws = openpyxl.load_workbook(BytesIO(isi)).active
    sel = [c for row in ws.iter_rows() for c in row if c.value == NAMA_RUMUS]
    assert sel, "the position's name is in the sheet"
    for c in sel:
        assert c.data_type == "s"
        assert c.quotePrefix
    with zipfile.ZipFile(BytesIO(isi)) as z:
        assert "<f>" not in z.read("xl/worksheets/sheet1.xml").decode()


@pytest.mark.parametrize("teks", ['=HYPERLINK("http://x")', "+62 812", "-1+1", "@SUM(A1)"])
def test_setiap_awalan_rumus_menjadi_teks(teks):
    wb = openpyxl.Workbook()
    tulis_sel(wb.active, 1, 1, teks)
    buf = BytesIO()
    wb.save(buf)
    sel = openpyxl.load_workbook(BytesIO(buf.getvalue())).active["A1"]
    assert (sel.value, sel.data_type, sel.quotePrefix) == (teks, "s", True)
