"""DOCX tables filled in bulk (one XML parse per table) give the same XML as python-docx's own
row-by-row API, which the renderer used before (issue #15 item 5)."""

from decimal import Decimal

import pytest
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from lxml import etree

from ramping.laporan.dokumen import BULAT, DATA, DESIMAL, TOTAL, Baris, Dokumen, Isian, Kolom, Tabel
from ramping.laporan.renderers import docx as R
from ramping.laporan.renderers.lebar import lebar_kolom
from ramping.laporan.renderers.sel import teks_sel

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

KOLOM = (Kolom("No", BULAT, 4), Kolom("Uraian", lebar=40), Kolom("Jumlah", DESIMAL, 8, desimal=2))
BARIS = [
    Baris((1, "Menyusun bahan", Decimal("12.5"))),
    Baris((2, 'a\tb\nc\r\nd & <e> "f"', None)),  # tab, line breaks, XML characters
    Baris((3, "  spasi di tepi  ", Decimal(0))),  # leading/trailing blanks are preserved
    Baris((None, "", None)),  # empty cells: an empty run
    Baris((None, "=SUM(A1)", Decimal("1250.00")), gaya=TOTAL, tingkat=2),  # bold, indented
    Baris((4, "Ünïcødé — ≥ ±", Decimal("0.0001")), tingkat=1),
]


def _dokumen() -> Document:
    doc = Document()
    R._gaya(doc)
    R._halaman(doc, Dokumen(judul="Uji", kop=(), blok=[]))
    return doc


def _tabel_api(doc, tabel: Tabel) -> None:
    """The reference: the renderer's former row-by-row python-docx code."""
    t = doc.add_table(rows=1, cols=len(tabel.kolom))
    t._tbl.tblPr.style = "TableGrid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    s = doc.sections[0]
    ruang = s.page_width - s.left_margin * 2
    # Widths no narrower than a header's longest word (tests/laporan/test_dokumen_identitas.py),
    # in the cells and in the grid.
    lebar = [
        int(w * 12700)
        for w in lebar_kolom(tabel.kolom, ruang / 12700, huruf="Helvetica-Bold", ukuran=9, tepi=12)
    ]
    t.autofit = False
    for kolom_grid, w in zip(t._tbl.tblGrid.gridCol_lst, lebar, strict=True):
        kolom_grid.w = R.Emu(w)
    kepala = t.rows[0]
    trpr = kepala._tr.get_or_add_trPr()
    ulang = R.OxmlElement("w:tblHeader")
    ulang.set(R.qn("w:val"), "true")
    trpr.append(ulang)
    for sel, k in zip(kepala.cells, tabel.kolom, strict=True):
        p = sel.paragraphs[0]
        p._p.style = "Sel"
        p.add_run(k.judul).bold = True
        _naungan(sel, "DCE6F2")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for b in tabel.baris:
        sel_baris = t.add_row().cells
        for c, (sel, k, nilai) in enumerate(zip(sel_baris, tabel.kolom, b.sel, strict=True)):
            p = sel.paragraphs[0]
            p._p.style = "Sel"
            run = p.add_run(teks_sel(nilai, k))
            if b.gaya != DATA:
                run.bold = True
            if k.jenis in R.ANGKA:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if c == tabel.kolom_nama and b.tingkat:
                p.paragraph_format.left_indent = Cm(0.35 * b.tingkat)
    R._lebar(t, lebar)


def _naungan(sel, warna: str) -> None:
    shd = R.OxmlElement("w:shd")
    shd.set(R.qn("w:val"), "clear")
    shd.set(R.qn("w:color"), "auto")
    shd.set(R.qn("w:fill"), warna)
    sel._tc.get_or_add_tcPr().append(shd)


def _isian_api(doc, blok: Isian) -> None:
    t = doc.add_table(rows=0, cols=3)
    for label, nilai in blok.pasangan:
        sel = t.add_row().cells
        sel[0].text = label
        sel[1].text = ":" if label.strip() and nilai != "" else ""
        sel[2].text = nilai
    R._lebar(t, (Cm(6), Cm(0.5), Cm(10.5)))


def _xml_tabel(doc) -> list[bytes]:
    return [etree.tostring(t) for t in doc.element.body.iter(f"{W}tbl")]


def _render_baru(blok) -> Document:
    doc = _dokumen()
    s = doc.sections[0]
    token = R._RUANG.set(R.Emu(s.page_width - s.left_margin - s.right_margin))
    try:
        R._blok(doc, blok)
    finally:
        R._RUANG.reset(token)
    return doc


@pytest.mark.parametrize("baris", [BARIS, BARIS[:1], []])
def test_tabel_massal_sama_dengan_api_python_docx(baris):
    tabel = Tabel(KOLOM, baris, 1, "Uji")
    lama = _dokumen()
    _tabel_api(lama, tabel)
    assert _xml_tabel(_render_baru(tabel)) == _xml_tabel(lama)


def test_isian_massal_sama_dengan_api_python_docx():
    blok = Isian((("Nama jabatan", "Analis\tKebijakan"), ("", ""), ("Kode", " 01 "), ("X", "")))
    lama = _dokumen()
    _isian_api(lama, blok)
    assert _xml_tabel(_render_baru(blok)) == _xml_tabel(lama)


def test_teks_yang_dibaca_word_sama():
    """What a reader gets back from the cells: the printed text of every cell."""
    doc = _render_baru(Tabel(KOLOM, BARIS, 1, "Uji"))
    isi = [[sel.text for sel in baris.cells] for baris in doc.tables[0].rows[1:]]
    harapan = [
        [
            teks_sel(n, k).replace("\r\n", "\n\n").replace("\r", "\n")
            for n, k in zip(b.sel, KOLOM, strict=True)
        ]
        for b in BARIS
    ]
    assert isi == harapan


@pytest.mark.parametrize("format", ["docx", "pdf"])
def test_kemajuan_render_dilaporkan_paling_banyak_sekali_per_persen(format):
    from ramping.laporan.dokumen import GantiHalaman, Judul
    from ramping.laporan.renderers import kemajuan_render, render

    blok = []
    for i in range(150):  # 150 "positions", each a heading, a table and a page break
        blok += [Judul(f"{i + 1}. NAMA JABATAN", "Analis"), Tabel(KOLOM, BARIS[:2]), GantiHalaman()]
    dokumen = Dokumen(judul="Uji", kop=("Instansi",), blok=blok)
    laporan: list[tuple[int, int]] = []
    with kemajuan_render(lambda selesai, total: laporan.append((selesai, total))):
        render(dokumen, format)
    assert 10 <= len(laporan) <= 101
    assert [s for s, _t in laporan] == sorted(s for s, _t in laporan)
    assert laporan[-1][0] == laporan[-1][1]
    # Outside the block nothing is reported.
    render(dokumen, format)
    assert laporan[-1][0] == laporan[-1][1] and len(laporan) <= 101
