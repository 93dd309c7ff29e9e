"""Dates in documents (issue #17 item 3): XLSX writes real date cells with the one day-first
format (30/11/2026, 30/11/2026 09:00 in local time) whatever the column's kind; PDF and DOCX
print the same values through ramping.aturan.tampil ("11 November 2026 pukul 09.00"). Each file
is reopened by an independent reader (openpyxl, pdftotext, python-docx)."""

from datetime import UTC, date, datetime
from io import BytesIO

import openpyxl
import pytest

from ramping.laporan.dokumen import TANGGAL, TEKS, WAKTU, Baris, Dokumen, Kolom, Tabel
from ramping.laporan.renderers import render
from ramping.laporan.renderers.xlsx import FORMAT_TANGGAL
from tests.laporan.bantu import tabel_docx, teks_pdf_alur

PAGI = datetime(2026, 11, 11, 2, 0, tzinfo=UTC)  # 09.00 WIB (settings.TIME_ZONE Asia/Jakarta)
MALAM = datetime(2026, 8, 16, 20, 30, tzinfo=UTC)  # 17 August, 03.30 WIB

BARIS = [
    # (OPD, deadline, last activity, a date in a text column)
    ("Dinas A", date(2026, 11, 30), PAGI, date(2026, 12, 6)),
    ("Dinas B", date(2027, 1, 5), MALAM, None),
    ("Dinas C", date(2026, 8, 17), None, "belum"),
]


def _dokumen() -> Dokumen:
    kolom = (
        Kolom("Perangkat daerah", TEKS, 30),
        Kolom("Batas waktu", TANGGAL, 12),
        Kolom("Aktivitas terakhir", WAKTU, 18),
        Kolom("Catatan", TEKS, 14),
    )
    tabel = Tabel(kolom=kolom, baris=[Baris(b) for b in BARIS], nama_lembar="Kemajuan")
    return Dokumen(judul="Kemajuan", kop=("Pemerintah Kabupaten Contoh",), blok=[tabel])


def _sel_data(isi: bytes):
    ws = openpyxl.load_workbook(BytesIO(isi)).active
    kepala = next(r for r in range(1, 20) if ws.cell(r, 1).value == "Perangkat daerah")
    return [list(r) for r in ws.iter_rows(min_row=kepala + 1, max_row=kepala + len(BARIS))]


@pytest.mark.parametrize(
    ("i", "batas", "aktif", "catatan"),
    [
        (0, datetime(2026, 11, 30), datetime(2026, 11, 11, 9, 0), datetime(2026, 12, 6)),
        (1, datetime(2027, 1, 5), datetime(2026, 8, 17, 3, 30), None),
        (2, datetime(2026, 8, 17), None, "belum"),
    ],
)
def test_xlsx_sel_tanggal_sungguhan(i, batas, aktif, catatan):
    baris = _sel_data(render(_dokumen(), "xlsx"))[i]
    b, a, c = baris[1], baris[2], baris[3]
    assert b.is_date and b.value == batas and b.number_format == "dd/mm/yyyy"
    if aktif is None:
        assert a.value is None
    else:  # the local time (Excel has no time zones), not the UTC one
        assert a.is_date and a.value == aktif and a.number_format == "dd/mm/yyyy hh:mm"
    if isinstance(catatan, datetime):  # a date in a text column is still a date cell
        assert c.is_date and c.value == catatan and c.number_format == "dd/mm/yyyy"
    else:
        assert c.value == catatan and not c.is_date


def test_satu_format_tanggal_xlsx():
    assert FORMAT_TANGGAL == {TANGGAL: "dd/mm/yyyy", WAKTU: "dd/mm/yyyy hh:mm"}


HARAPAN_TEKS = [
    ("Dinas A", "30 November 2026", "11 November 2026 pukul 09.00", "6 Desember 2026"),
    ("Dinas B", "5 Januari 2027", "17 Agustus 2026 pukul 03.30", ""),
    ("Dinas C", "17 Agustus 2026", "", "belum"),
]


def test_docx_tanggal_indonesia():
    tabel = tabel_docx(render(_dokumen(), "docx"))[-1]
    isi = [tuple(c.text for c in r.cells) for r in tabel.rows]
    for harapan in HARAPAN_TEKS:
        assert harapan in isi


def test_pdf_tanggal_indonesia():
    teks = teks_pdf_alur(render(_dokumen(), "pdf"))  # a cell wrapped over lines reads whole
    for _, batas, aktif, catatan in HARAPAN_TEKS:
        assert batas in teks and aktif in teks and catatan in teks
    assert "2026-11-11" not in teks and "02:00" not in teks
