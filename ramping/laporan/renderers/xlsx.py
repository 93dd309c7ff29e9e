"""XLSX renderer (openpyxl): title block, typed cells, tree indentation, print setup.

Numbers are written as numbers (Excel shows them in the reader's locale, 1.250,50 in an
Indonesian Excel), codes as text. Any text that a spreadsheet would read as a formula (leading
=, +, - or @) is stored as a string with Excel's quote-prefix flag, so it is never evaluated
(CSV/formula injection, OWASP).
"""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ramping.laporan.dokumen import (
    BULAT,
    DESIMAL,
    KODE,
    SELISIH,
    SUBTOTAL,
    TOTAL,
    UNIT,
    Dokumen,
    Kolom,
    Nilai,
    Tabel,
    Teks,
)

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


def _bulat(nilai: object) -> bool:
    return isinstance(nilai, int) or (isinstance(nilai, (float, Decimal)) and nilai == int(nilai))


UKURAN_KERTAS = {"A4": Worksheet.PAPERSIZE_A4, "A3": Worksheet.PAPERSIZE_A3}


def tulis_sel(ws: Worksheet, baris: int, kolom: int, nilai: Nilai, jenis: str = "teks"):
    """Write one typed cell; text is never left for Excel to interpret as a formula."""
    sel = ws.cell(row=baris, column=kolom)
    if nilai is None:
        return sel
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


def _format_angka(k: Kolom) -> str | None:
    if k.jenis == DESIMAL:
        return "#,##0." + "0" * k.desimal if k.desimal else "#,##0"
    return FORMAT_ANGKA.get(k.jenis)


def render_xlsx(dokumen: Dokumen) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    catatan = [b.teks for b in dokumen.blok if isinstance(b, Teks)]
    for i, tabel in enumerate(dokumen.tabel()):
        judul = (tabel.nama_lembar or dokumen.judul)[:31] or f"Lembar {i + 1}"
        _lembar(wb.create_sheet(judul), dokumen, tabel, catatan)
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _lembar(ws: Worksheet, dokumen: Dokumen, tabel: Tabel, catatan: list[str]) -> None:
    lebar = len(tabel.kolom)
    r = 1
    for n, teks in enumerate((dokumen.judul, *dokumen.kop, *catatan)):
        sel = tulis_sel(ws, r, 1, teks)
        sel.font = (
            Font(bold=True, size=14) if n == 0 else Font(size=10, italic=n > len(dokumen.kop))
        )
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=lebar)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        if len(teks) > 120:
            ws.row_dimensions[r].height = 15 * (len(teks) // 120 + 1)
        r += 1
    r += 1
    awal_kepala = r
    if tabel.berkelompok:
        r = _kepala_grup(ws, tabel, r)
    for c, k in enumerate(tabel.kolom, 1):
        sel = tulis_sel(ws, r, c, k.judul)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = ISI_KEPALA
        sel.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sel.border = BINGKAI
        ws.column_dimensions[get_column_letter(c)].width = k.lebar
    ws.row_dimensions[r].height = 30
    akhir_kepala = r
    format_kolom = [_format_angka(k) for k in tabel.kolom]
    for b in tabel.baris:
        r += 1
        isi, huruf = ISI_GAYA.get(b.gaya), HURUF_GAYA.get(b.gaya)
        for c, (k, nilai) in enumerate(zip(tabel.kolom, b.sel, strict=True), 1):
            sel = tulis_sel(ws, r, c, nilai, k.jenis)
            sel.border = BINGKAI
            if format_kolom[c - 1] and nilai is not None:
                # A decimal column can hold counts too (comparison metrics): a whole number is
                # shown without decimals, not as "8,0".
                bulat = k.bulat_tanpa_desimal and _bulat(nilai)
                sel.number_format = FORMAT_ANGKA[BULAT] if bulat else format_kolom[c - 1]
            if c - 1 == tabel.kolom_nama:
                sel.alignment = Alignment(indent=b.tingkat, wrap_text=True, vertical="top")
            if isi is not None:
                sel.fill = isi
                sel.font = huruf
    ws.freeze_panes = ws.cell(row=akhir_kepala + 1, column=1)
    ws.print_title_rows = f"{awal_kepala}:{akhir_kepala}"
    ws.page_setup.orientation = "landscape" if dokumen.mendatar else "portrait"
    ws.page_setup.paperSize = UKURAN_KERTAS.get(dokumen.ukuran, Worksheet.PAPERSIZE_A4)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddHeader.left.text = dokumen.kop[0] if dokumen.kop else ""
    ws.oddHeader.right.text = dokumen.judul
    ws.oddFooter.left.text = dokumen.kaki
    ws.oddFooter.right.text = "Halaman &P dari &N"


def _kepala_grup(ws: Worksheet, tabel: Tabel, r: int) -> int:
    """A group heading row above the columns: equal neighbours merge into one cell."""
    c = 1
    while c <= len(tabel.kolom):
        grup = tabel.kolom[c - 1].grup
        akhir = c
        while grup and akhir < len(tabel.kolom) and tabel.kolom[akhir].grup == grup:
            akhir += 1
        sel = tulis_sel(ws, r, c, grup or None)
        for cc in range(c, akhir + 1):
            ws.cell(row=r, column=cc).fill = ISI_KEPALA
            ws.cell(row=r, column=cc).border = BINGKAI
        sel.font = Font(bold=True, color="FFFFFF")
        sel.alignment = Alignment(horizontal="center")
        if akhir > c:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=akhir)
        c = akhir + 1
    return r + 1
