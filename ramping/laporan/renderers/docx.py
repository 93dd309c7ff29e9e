"""DOCX renderer (python-docx): the editable twin of the PDF documents.

Headings use Word's "Heading 2" style (so the navigation pane lists the 17 items) restyled to
black Arial like the rest; tables use "Table Grid" with the header row repeated on every page;
label-colon-value blocks and signatures are borderless tables so they stay aligned when edited.
"""

import re
from contextvars import ContextVar
from datetime import UTC, datetime
from io import BytesIO
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt, RGBColor

from ramping.laporan.dokumen import (
    ANGKA,
    DATA,
    Daftar,
    Diagram,
    Dokumen,
    GantiHalaman,
    Isian,
    Judul,
    KepalaLampiran,
    KopSurat,
    Pengesahan,
    Tabel,
    TandaTangan,
    Teks,
)
from ramping.laporan.renderers.identitas import metadata, pembuka
from ramping.laporan.renderers.kemajuan import lapor_kemajuan
from ramping.laporan.renderers.lebar import lebar_kolom, ukuran_kepala
from ramping.laporan.renderers.sel import teks_sel

HURUF = "Arial"
RATA = {
    "kiri": WD_ALIGN_PARAGRAPH.LEFT,
    "tengah": WD_ALIGN_PARAGRAPH.CENTER,
    "penuh": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
UKURAN_CM = {"A4": (21.0, 29.7), "A3": (29.7, 42.0)}
EMU_PER_PT = 12700
TEPI_SEL_PT = 12.0  # Word's default cell margins (2 × 0,19 cm = 10,8 pt) and a little slack


# The text block's width of the document being rendered (page − margins), read once: python-docx
# finds a section with an XPath over the whole body, so asking per table made a 170-position
# ANJAB quadratic (≈7 s of 33 s).
_RUANG: ContextVar[Emu] = ContextVar("ruang_docx")


def render_docx(dokumen: Dokumen) -> bytes:
    doc = Document()
    _gaya(doc)
    _halaman(doc, dokumen)
    s = doc.sections[0]
    token = _RUANG.set(Emu(s.page_width - s.left_margin - s.right_margin))
    try:
        for blok in pembuka(dokumen):  # the letterhead (and a title if the body has none)
            _blok(doc, blok)
        for i, blok in enumerate(dokumen.blok, 1):
            _blok(doc, blok)
            lapor_kemajuan(i, len(dokumen.blok))
    finally:
        _RUANG.reset(token)
    _metadata(doc, dokumen)
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _metadata(doc, dokumen: Dokumen) -> None:
    """docProps/core.xml from the document's identity (python-docx's own template otherwise
    says author "python-docx", an empty title and a 2013 date) and docProps/app.xml's
    Application: the file names its agency, title and subject in Word's Properties."""
    m = metadata(dokumen)
    c = doc.core_properties
    c.title, c.author, c.subject, c.keywords = m.judul, m.penulis, m.subjek, m.kata_kunci
    c.comments = f"Dibuat dengan aplikasi {m.pembuat}"
    c.last_modified_by = m.pembuat
    c.category = m.jenis
    c.created = c.modified = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    c.revision = 1
    for rel in doc.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            bagian = rel.target_part
            bagian._blob = re.sub(
                rb"<Application>[^<]*</Application>",
                f"<Application>{escape(m.pembuat)}</Application>".encode(),
                bagian.blob,
            )


def _tambah_tabel(doc, rows: int, cols: int):
    """``doc.add_table`` without its per-call section lookup (same table, same XML)."""
    tabel = doc._body.add_table(rows, cols, _RUANG.get())
    tabel.style = None
    return tabel


def _twips(panjang) -> str:
    return str(Emu(panjang).twips)


def _run_xml(teks: str, tebal: bool, ukuran: str = "") -> str:
    """A run as python-docx writes it from text: tabs and line breaks as elements, runs of
    other characters in one ``w:t`` (space-preserving when it starts or ends with blanks).
    `ukuran`: the font size in half-points, when not the paragraph style's."""
    rpr = ("<w:b/>" if tebal else "") + (f'<w:sz w:val="{ukuran}"/>' if ukuran else "")
    isi = [f"<w:rPr>{rpr}</w:rPr>"] if rpr else []
    penampung: list[str] = []

    def tuang() -> None:
        if penampung:
            t = "".join(penampung)
            atribut = ' xml:space="preserve"' if len(t.strip()) < len(t) else ""
            isi.append(f"<w:t{atribut}>{escape(t)}</w:t>")
            penampung.clear()

    for c in teks:
        if c == "\t":
            tuang()
            isi.append("<w:tab/>")
        elif c in "\r\n":
            tuang()
            isi.append("<w:br/>")
        else:
            penampung.append(c)
    tuang()
    return f"<w:r>{''.join(isi)}</w:r>" if isi else "<w:r/>"


def _sel_xml(
    teks: str,
    lebar: str,
    *,
    gaya: str = "",
    rata: str = "",
    indentasi: str = "",
    tebal=False,
    naungan: str = "",
    ukuran: str = "",
) -> str:
    """One table cell (width in twips, background colour, one paragraph with one run)."""
    ppr = "".join(
        (
            f'<w:pStyle w:val="{gaya}"/>' if gaya else "",
            f'<w:jc w:val="{rata}"/>' if rata else "",
            f'<w:ind w:left="{indentasi}"/>' if indentasi else "",
        )
    )
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{naungan}"/>' if naungan else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{lebar}"/>{shd}</w:tcPr>'
        f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{_run_xml(teks, tebal, ukuran)}</w:p>"
        "</w:tc>"
    )


def _tambah_baris(tabel, baris_xml: list[str]) -> None:
    """Append many rows at once: one parse of their XML instead of python-docx's add_row and
    cell lookups per cell (the "rows filled in bulk" of issue #15 item 5)."""
    if not baris_xml:
        return
    wadah = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(baris_xml)}</w:tbl>")
    tabel._tbl.extend(list(wadah))


def _gaya(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = HURUF
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(2)
    judul = doc.styles["Heading 2"]
    judul.font.name = HURUF
    judul.font.size = Pt(10.5)
    judul.font.bold = True
    judul.font.color.rgb = RGBColor(0, 0, 0)
    judul.paragraph_format.space_before = Pt(8)
    judul.paragraph_format.space_after = Pt(3)
    sel = doc.styles.add_style("Sel", WD_STYLE_TYPE.PARAGRAPH)
    sel.base_style = normal
    sel.font.size = Pt(9)
    sel.paragraph_format.space_after = Pt(0)
    # Word's theme font would otherwise win over `font.name` for headings.
    for gaya in (normal, judul):
        rpr = gaya.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        for atribut in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(atribut), HURUF)
        for atribut in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(atribut), None)


def _halaman(doc, dokumen: Dokumen) -> None:
    s = doc.sections[0]
    lebar, tinggi = UKURAN_CM.get(dokumen.ukuran, UKURAN_CM["A4"])
    if dokumen.mendatar:
        s.orientation = WD_ORIENT.LANDSCAPE
        lebar, tinggi = tinggi, lebar
    s.page_width, s.page_height = Cm(lebar), Cm(tinggi)
    s.left_margin = s.right_margin = Cm(2)
    s.top_margin, s.bottom_margin = Cm(2), Cm(1.8)
    if dokumen.kepala_halaman:
        kepala = s.header.paragraphs[0]
        kepala.text = " · ".join(dokumen.kop[:3])
        _kecil(kepala)
    kaki = s.footer.paragraphs[0]
    kaki.text = f"{dokumen.kaki}    Halaman "
    _medan(kaki, "PAGE")
    kaki.add_run(" dari ")
    _medan(kaki, "NUMPAGES")
    _kecil(kaki)


def _kecil(paragraf) -> None:
    for run in paragraf.runs:
        run.font.size = Pt(7.5)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _medan(paragraf, kode: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays the pages out."""
    run = paragraf.add_run()
    for jenis, teks in (("begin", None), (None, kode), ("separate", None), ("end", None)):
        if jenis:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), jenis)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = teks
        run._r.append(el)
        if jenis == "separate":
            run._r.append(_teks_run("1"))


def _teks_run(teks: str):
    t = OxmlElement("w:t")
    t.text = teks
    return t


def _blok(doc, blok) -> None:
    if isinstance(blok, Judul):
        p = doc.add_paragraph(blok.teks)
        p._p.style = "Heading2"  # by id: python-docx's lookup by name scans every style
        if blok.nilai:
            p.add_run(f"\t: {blok.nilai}")
            p.paragraph_format.tab_stops.add_tab_stop(Cm(6.5))
    elif isinstance(blok, Teks):
        p = doc.add_paragraph()
        run = p.add_run(blok.teks)
        run.bold = blok.tebal
        if blok.tebal and blok.rata == "tengah":
            run.font.size = Pt(12)
        p.alignment = RATA.get(blok.rata, WD_ALIGN_PARAGRAPH.LEFT)
    elif isinstance(blok, Isian):
        _isian(doc, blok)
    elif isinstance(blok, Daftar):
        for n, butir in enumerate(blok.butir, 1):
            p = doc.add_paragraph(f"{n}.\t{butir}")
            p.paragraph_format.left_indent = Cm(0.75)
            p.paragraph_format.first_line_indent = Cm(-0.75)
            p.paragraph_format.tab_stops.add_tab_stop(Cm(0.75))
    elif isinstance(blok, Tabel):
        _tabel(doc, blok)
    elif isinstance(blok, TandaTangan):
        _tanda_tangan(doc, blok)
    elif isinstance(blok, GantiHalaman):
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    elif isinstance(blok, KopSurat):
        _kop_surat(doc, blok)
    elif isinstance(blok, KepalaLampiran):
        _kepala_lampiran(doc, blok)
    elif isinstance(blok, Pengesahan):
        _pengesahan(doc, blok)
    elif isinstance(blok, Diagram):
        _diagram(doc, blok)
    else:
        raise TypeError(blok)


def _ruang(doc):
    return _RUANG.get()


def _tanpa_spasi(p) -> None:
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)


def _kop_surat(doc, blok: KopSurat) -> None:
    ruang = _ruang(doc)
    samping = Cm(2.6)
    t = _tambah_tabel(doc, 1, 3)
    logo, tengah, _kanan = t.rows[0].cells
    if blok.logo:
        logo.paragraphs[0].add_run().add_picture(BytesIO(blok.logo), height=Cm(2.2))
    for i, baris in enumerate(blok.baris):
        p = tengah.paragraphs[0] if i == 0 else tengah.add_paragraph()
        run = p.add_run(baris)
        run.bold = True
        run.font.size = Pt(14 if i == 0 else 13)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _tanpa_spasi(p)
    if blok.alamat:
        p = tengah.add_paragraph()
        p.add_run(blok.alamat).font.size = Pt(8.5)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _tanpa_spasi(p)
    _lebar(t, (samping, ruang - 2 * samping, samping))
    for sel in t.rows[0].cells:
        sel.vertical_alignment = 1  # centre
    # The double rule under the letterhead: a thick-thin bottom border of an empty paragraph.
    garis = doc.add_paragraph()
    pbdr = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    for k, v in (("w:val", "thickThinSmallGap"), ("w:sz", "18"), ("w:space", "1"),
                 ("w:color", "000000")):  # fmt: skip
        bawah.set(qn(k), v)
    pbdr.append(bawah)
    garis._p.get_or_add_pPr().append(pbdr)
    garis.paragraph_format.space_after = Pt(10)


def _kepala_lampiran(doc, blok: KepalaLampiran) -> None:
    tengah = int(_ruang(doc) * 0.5)
    label = Cm(2.1)
    for baris in blok.baris:
        p = doc.add_paragraph(baris)
        p.paragraph_format.left_indent = tengah
        _tanpa_spasi(p)
    for a, b in blok.pasangan:
        # Hanging indent: a wrapped TENTANG continues under its value, not under the label.
        p = doc.add_paragraph(f"{a}\t:\t{b}")
        f = p.paragraph_format
        f.left_indent = tengah + label + Cm(0.4)
        f.first_line_indent = -(label + Cm(0.4))
        f.tab_stops.add_tab_stop(tengah + label)
        f.tab_stops.add_tab_stop(tengah + label + Cm(0.4))
        _tanpa_spasi(p)
    doc.add_paragraph()


def _pengesahan(doc, blok: Pengesahan) -> None:
    kiri = int(_ruang(doc) * 0.55)
    doc.add_paragraph()

    def baris(teks: str, *, tebal=False, tengah=False):
        p = doc.add_paragraph()
        p.add_run(teks).bold = tebal
        p.paragraph_format.left_indent = kiri
        p.paragraph_format.keep_with_next = True
        if tengah:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _tanpa_spasi(p)
        return p

    for b in blok.atas:
        baris(b)
    baris("")
    baris(blok.jabatan, tebal=True, tengah=True)
    for _ in range(4):
        baris("")
    baris(blok.nama or "(....................................)", tebal=True, tengah=True)
    for b in blok.bawah:
        baris(b, tengah=True)


def _diagram(doc, blok: Diagram) -> None:
    from ramping.laporan.renderers.diagram import png

    ruang = _ruang(doc)
    gambar = png(blok, ruang / EMU_PER_PT)
    doc.add_picture(BytesIO(gambar), width=ruang)
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _isian(doc, blok: Isian) -> None:
    t = _tambah_tabel(doc, 0, 3)
    lebar = [_twips(w) for w in (Cm(6), Cm(0.5), Cm(10.5))]
    _tambah_baris(
        t,
        [
            "<w:tr>"
            + _sel_xml(label, lebar[0])
            + _sel_xml(":" if label.strip() and nilai != "" else "", lebar[1])
            + _sel_xml(nilai, lebar[2])
            + "</w:tr>"
            for label, nilai in blok.pasangan
        ],
    )
    t.autofit = False


def _lebar(tabel, lebar) -> None:
    tabel.autofit = False
    for baris in tabel.rows:
        for sel, w in zip(baris.cells, lebar, strict=False):
            sel.width = w


def _tabel(doc, tabel: Tabel) -> None:
    t = _tambah_tabel(doc, 0, len(tabel.kolom))
    t._tbl.tblPr.style = "TableGrid"  # by id, as for headings
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    # A header wraps only at spaces (Word would break a word too long for its cell): widths
    # from the longest header words in Arial bold 9 pt (Helvetica's metrics), cell margins;
    # the grid carries them too (LibreOffice lays a fixed table out from the grid).
    ruang = _ruang(doc)
    lebar_pt = lebar_kolom(
        tabel.kolom, ruang / EMU_PER_PT, huruf="Helvetica-Bold", ukuran=9, tepi=TEPI_SEL_PT
    )
    lebar = [int(w * EMU_PER_PT) for w in lebar_pt]
    t.autofit = False
    for kolom_grid, w in zip(t._tbl.tblGrid.gridCol_lst, lebar, strict=True):
        kolom_grid.w = Emu(w)
    lebar_xml = [_twips(w) for w in lebar]
    kepala = []
    for k, w, wx in zip(tabel.kolom, lebar_pt, lebar_xml, strict=True):
        ukuran = ukuran_kepala(k.judul, w, huruf="Helvetica-Bold", ukuran=9, tepi=TEPI_SEL_PT)
        kepala.append(
            _sel_xml(
                k.judul, wx, gaya="Sel", rata="center", tebal=True, naungan="DCE6F2",
                ukuran=str(round(ukuran * 2)) if ukuran < 9 else "",
            )
        )  # fmt: skip
    # The header row repeats on every page the table spans.
    baris_xml = [f'<w:tr><w:trPr><w:tblHeader w:val="true"/></w:trPr>{"".join(kepala)}</w:tr>']
    rata = ["right" if k.jenis in ANGKA else "" for k in tabel.kolom]
    for b in tabel.baris:
        tebal = b.gaya != DATA
        sel = []
        for c, (k, nilai) in enumerate(zip(tabel.kolom, b.sel, strict=True)):
            indentasi = _twips(Cm(0.35 * b.tingkat)) if c == tabel.kolom_nama and b.tingkat else ""
            sel.append(
                _sel_xml(
                    teks_sel(nilai, k),
                    lebar_xml[c],
                    gaya="Sel",
                    rata=rata[c],
                    indentasi=indentasi,
                    tebal=tebal,
                )
            )
        baris_xml.append(f"<w:tr>{''.join(sel)}</w:tr>")
    _tambah_baris(t, baris_xml)


def _tanda_tangan(doc, blok: TandaTangan) -> None:
    n = max(1, blok.kolom)
    doc.add_paragraph()
    t = _tambah_tabel(doc, 0, n)
    if blok.tempat_tanggal:
        t.add_row().cells[n - 1].text = blok.tempat_tanggal
    for i in range(0, len(blok.penanda), n):
        sel = t.add_row().cells
        for c, p in enumerate(blok.penanda[i : i + n]):
            isi = sel[c].paragraphs[0]
            isi.add_run(p.jabatan)
            isi.add_run().add_break()
            isi.add_run().add_break()
            isi.add_run().add_break()
            isi.add_run(p.nama or "(....................................)").bold = True
            isi.add_run().add_break()
            isi.add_run(p.nip or "NIP. ....................................")
            isi.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for baris in t.rows:
        for sel in baris.cells:
            for p in sel.paragraphs:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
