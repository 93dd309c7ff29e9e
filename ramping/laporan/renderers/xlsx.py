"""XLSX renderer (openpyxl): title block, typed cells, tree indentation, print setup.

Numbers are written as numbers (Excel shows them in the reader's locale, 1.250,50 in an
Indonesian Excel), codes as text, dates as real date cells (sortable, filterable) in one
day-first format, 30/11/2026 and 30/11/2026 09:00 for a moment in local time, whatever the
column's kind (FORMAT_TANGGAL). Any text that a spreadsheet would read as a formula (leading
=, +, - or @) is stored as a string with Excel's quote-prefix flag, so it is never evaluated
(CSV/formula injection, OWASP).

Streaming (issue #15 item 5): the workbook is openpyxl's write-only kind, so rows go to the file
as they are written and memory stays flat as positions grow; the styles of each kind of cell
(column × row style × indent) are built once and shared by every cell of that kind.
"""

from copy import copy
from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from ramping.laporan.dokumen import (
    BULAT,
    DESIMAL,
    KODE,
    SELISIH,
    SUBTOTAL,
    TANGGAL,
    TOTAL,
    UNIT,
    WAKTU,
    Dokumen,
    Kolom,
    Nilai,
    Tabel,
    Teks,
)
from ramping.laporan.renderers.identitas import baris_judul, metadata
from ramping.laporan.renderers.sel import tempat_desimal, waktu_lokal

AWALAN_RUMUS = ("=", "+", "-", "@")
GARIS = Side(style="thin", color="9AA5B1")
BINGKAI = Border(left=GARIS, right=GARIS, top=GARIS, bottom=GARIS)
ISI_KEPALA = PatternFill("solid", fgColor="1F3A5F")
ISI_GAYA = {
    UNIT: PatternFill("solid", fgColor="DCE6F2"),
    SUBTOTAL: PatternFill("solid", fgColor="F2F2F2"),
    TOTAL: PatternFill("solid", fgColor="FFE699"),
}
HURUF_GAYA = {
    UNIT: Font(bold=True),
    SUBTOTAL: Font(bold=True, italic=True),
    TOTAL: Font(bold=True),
}
FORMAT_ANGKA = {BULAT: "#,##0", SELISIH: "+#,##0;-#,##0;0"}
# The one date format of every spreadsheet ramping writes: day first as Indonesians write it
# (30/11/2026), digits only so it reads the same in an Indonesian or English Excel; a moment
# adds the 24-hour time.
FORMAT_TANGGAL = {TANGGAL: "dd/mm/yyyy", WAKTU: "dd/mm/yyyy hh:mm"}


UKURAN_KERTAS = {"A4": Worksheet.PAPERSIZE_A4, "A3": Worksheet.PAPERSIZE_A3}


def tulis_sel(ws, baris: int, kolom: int, nilai: Nilai, jenis: str = "teks"):
    """One typed cell — in a normal sheet at (baris, kolom); in a write-only sheet a detached
    cell the caller appends with its row. Text is never left for Excel to read as a formula."""
    if isinstance(ws, Worksheet):
        sel = ws.cell(row=baris, column=kolom)
    else:
        sel = WriteOnlyCell(ws)
        sel.row, sel.column = baris, kolom
    if nilai is None:
        return sel
    if isinstance(nilai, datetime):
        nilai = waktu_lokal(nilai)  # Excel has no time zones: the local time, as pages show
    if isinstance(nilai, str):
        sel.value = nilai
        # openpyxl marks "=..." as a formula (data_type "f"): force a plain string instead.
        sel.data_type = "s"
        if nilai.startswith(AWALAN_RUMUS):
            sel.quotePrefix = True
        if jenis == KODE:
            sel.number_format = "@"
        return sel
    sel.value = nilai
    return sel


def _format_desimal(tempat: int) -> str:
    return "#,##0." + "0" * tempat if tempat else "#,##0"


def _format_angka(k: Kolom) -> str | None:
    if k.jenis == DESIMAL:
        return _format_desimal(k.desimal)
    return FORMAT_ANGKA.get(k.jenis) or FORMAT_TANGGAL.get(k.jenis)


def render_xlsx(dokumen: Dokumen) -> bytes:
    wb = Workbook(write_only=True)
    _metadata(wb, dokumen)
    catatan = [b.teks for b in dokumen.blok if isinstance(b, Teks)]
    for i, tabel in enumerate(dokumen.tabel()):
        judul = (tabel.nama_lembar or dokumen.judul)[:31] or f"Lembar {i + 1}"
        _lembar(wb.create_sheet(judul), dokumen, tabel, catatan)
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _metadata(wb: Workbook, dokumen: Dokumen) -> None:
    """docProps/core.xml: title, author (the agency), subject, keywords; "ramping" as the last
    writer and in the description (openpyxl writes its own name in app.xml)."""
    m = metadata(dokumen)
    p = wb.properties
    p.title, p.creator, p.subject, p.keywords = m.judul, m.penulis, m.subjek, m.kata_kunci
    p.lastModifiedBy = m.pembuat
    p.description = f"Dibuat dengan aplikasi {m.pembuat}"
    p.category = m.jenis


class _Gaya:
    """The style of each kind of data cell, built once: (column, row style, indent, whole
    number) → a styled template cell whose style every such cell shares."""

    def __init__(self, ws, tabel: Tabel):
        self.ws = ws
        self.tabel = tabel
        self.format_kolom = [_format_angka(k) for k in tabel.kolom]
        self._templat: dict[tuple, WriteOnlyCell] = {}

    def terapkan(self, sel, c: int, gaya: str, tingkat: int, nilai) -> None:
        k = self.tabel.kolom[c - 1]
        format_ = self.format_kolom[c - 1]
        if format_ and nilai is not None and k.jenis == DESIMAL and not isinstance(nilai, str):
            # The rule of the PDF/DOCX cells (`sel.tempat_desimal`): a whole volume is "106",
            # not "106,00"; a `tetap` column (unrounded K, EJ) keeps its places.
            format_ = _format_desimal(tempat_desimal(nilai, k))
        elif isinstance(nilai, datetime):  # a date is a date cell in any column
            format_ = FORMAT_TANGGAL[WAKTU]
        elif isinstance(nilai, date):
            format_ = FORMAT_TANGGAL[TANGGAL]
        elif nilai is None:
            format_ = None
        nama = c - 1 == self.tabel.kolom_nama
        kunci = (c, gaya, tingkat if nama else 0, format_)
        templat = self._templat.get(kunci)
        if templat is None:
            templat = WriteOnlyCell(self.ws)
            templat.border = BINGKAI
            if format_:
                templat.number_format = format_
            if nama:
                templat.alignment = Alignment(indent=tingkat, wrap_text=True, vertical="top")
            isi = ISI_GAYA.get(gaya)
            if isi is not None:
                templat.fill = isi
                templat.font = HURUF_GAYA.get(gaya)
            self._templat[kunci] = templat
        # Keep what tulis_sel set on the cell itself (quote prefix, text format of a code).
        kutip, teks = sel.quotePrefix, sel.number_format == "@"
        sel._style = copy(templat._style)
        if kutip:
            sel.quotePrefix = True
        if teks:
            sel.number_format = "@"


def _lembar(ws, dokumen: Dokumen, tabel: Tabel, catatan: list[str]) -> None:
    lebar = len(tabel.kolom)
    # Write-only: what the sheet's head holds (column widths, frozen panes, fit to page) is
    # set before the first row.
    for c, k in enumerate(tabel.kolom, 1):
        ws.column_dimensions[get_column_letter(c)].width = k.lebar
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # The title rows (agency's letterhead, title, OPD, version, legal basis, date), then the
    # notes; the column header below them is frozen and repeated on every printed page.
    judul = [*baris_judul(dokumen), *((c, None) for c in catatan)]
    awal_kepala = len(judul) + 2
    akhir_kepala = awal_kepala + (1 if tabel.berkelompok else 0)
    ws.freeze_panes = f"A{akhir_kepala + 1}"
    r = 1
    for n, (teks, utama) in enumerate(judul):
        sel = tulis_sel(ws, r, 1, teks)
        sel.font = (
            Font(bold=True, size=14) if utama else Font(size=10, bold=n == 0, italic=utama is None)
        )
        ws.merged_cells.add(CellRange(min_row=r, min_col=1, max_row=r, max_col=lebar))
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        if len(teks) > 120:
            ws.row_dimensions[r].height = 15 * (len(teks) // 120 + 1)
        ws.append([sel])
        r += 1
    ws.append([])
    r += 1
    if tabel.berkelompok:
        r = _kepala_grup(ws, tabel, r)
    kepala = []
    for c, k in enumerate(tabel.kolom, 1):
        sel = tulis_sel(ws, r, c, k.judul)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = ISI_KEPALA
        sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sel.border = BINGKAI
        kepala.append(sel)
    ws.row_dimensions[r].height = 30
    ws.append(kepala)
    gaya = _Gaya(ws, tabel)
    for b in tabel.baris:
        r += 1
        isi = []
        for c, (k, nilai) in enumerate(zip(tabel.kolom, b.sel, strict=True), 1):
            sel = tulis_sel(ws, r, c, nilai, k.jenis)
            gaya.terapkan(sel, c, b.gaya, b.tingkat, nilai)
            isi.append(sel)
        ws.append(isi)
    ws.print_title_rows = f"{awal_kepala}:{akhir_kepala}"
    ws.page_setup.orientation = "landscape" if dokumen.mendatar else "portrait"
    ws.page_setup.paperSize = UKURAN_KERTAS.get(dokumen.ukuran, Worksheet.PAPERSIZE_A4)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    m = metadata(dokumen)
    # "&" starts a code in Excel's header/footer language ("&P" = page number): doubled.
    ws.oddHeader.left.text = m.penulis.replace("&", "&&")
    ws.oddHeader.right.text = m.judul.replace("&", "&&")
    ws.oddFooter.left.text = dokumen.kaki
    ws.oddFooter.right.text = "Halaman &P dari &N"


def _kepala_grup(ws, tabel: Tabel, r: int) -> int:
    """A group heading row above the columns: equal neighbours merge into one cell."""
    baris = []
    c = 1
    while c <= len(tabel.kolom):
        grup = tabel.kolom[c - 1].grup
        akhir = c
        while grup and akhir < len(tabel.kolom) and tabel.kolom[akhir].grup == grup:
            akhir += 1
        for cc in range(c, akhir + 1):
            sel = tulis_sel(ws, r, cc, grup or None if cc == c else None)
            sel.fill = ISI_KEPALA
            sel.border = BINGKAI
            if cc == c:
                sel.font = Font(bold=True, color="FFFFFF")
                sel.alignment = Alignment(horizontal="center")
            baris.append(sel)
        if akhir > c:
            ws.merged_cells.add(CellRange(min_row=r, min_col=c, max_row=r, max_col=akhir))
        c = akhir + 1
    ws.append(baris)
    return r + 1
