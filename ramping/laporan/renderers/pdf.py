"""PDF renderer (reportlab platypus) for the text documents: ANJAB, evaluasi, berita acara.

DejaVu Sans when installed (fonts-dejavu), for the true minus and other non-Latin-1 signs;
Helvetica otherwise. Page header with the agency and scope, footer with the layout's legal
basis and "Halaman x dari y" (a second pass knows the page count).
"""

from functools import cache
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    HRFlowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ramping.laporan.dokumen import (
    ANGKA,
    SUBTOTAL,
    TOTAL,
    UNIT,
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
from ramping.laporan.format import MINUS
from ramping.laporan.renderers.huruf import huruf
from ramping.laporan.renderers.identitas import metadata, pembuka
from ramping.laporan.renderers.kemajuan import lapor_kemajuan
from ramping.laporan.renderers.lebar import lebar_kolom as lebar_kolom_
from ramping.laporan.renderers.lebar import ukuran_kepala
from ramping.laporan.renderers.sel import teks_sel

RATA = {"kiri": TA_LEFT, "tengah": TA_CENTER, "penuh": TA_JUSTIFY}
WARNA_GAYA = {
    UNIT: colors.HexColor("#DCE6F2"),
    SUBTOTAL: colors.HexColor("#F2F2F2"),
    TOTAL: colors.HexColor("#FFF2CC"),
}
GARIS = colors.HexColor("#7F8C99")
TEPI_SEL = 6.5  # points: left + right padding of a table cell (and a little slack)


def aman(teks: str) -> str:
    """Text for a Paragraph: markup escaped; the minus sign kept only where the font has it."""
    if huruf()[0] == "Helvetica":
        teks = teks.replace(MINUS, "-")
    return escape(teks).replace("\n", "<br/>")


def aman_kanvas(teks: str) -> str:
    """Canvas strings take no markup: only the minus fallback applies."""
    return teks if huruf()[0] != "Helvetica" else teks.replace(MINUS, "-")


def ukuran_halaman(dokumen: Dokumen):
    ukuran = A3 if dokumen.ukuran == "A3" else A4
    return landscape(ukuran) if dokumen.mendatar else ukuran


@cache
def gaya(nama: str, ukuran: float = 9, rata: str = "kiri", tebal: bool = False, indent=0.0):
    regular, bold, _ = huruf()
    return ParagraphStyle(
        nama,
        fontName=bold if tebal else regular,
        fontSize=ukuran,
        leading=ukuran * 1.25,
        alignment=RATA.get(rata, TA_RIGHT if rata == "kanan" else TA_LEFT),
        leftIndent=indent,
        spaceAfter=0,
        keepWithNext=nama == "judul",  # a heading never ends a page alone
    )


def kanvas_bernomor(dokumen: Dokumen):
    """A canvas class that draws header and footer once the total page count is known.

    The running header stays on page 1 above the letterhead: it is where a document without a
    title block of its own (the comparison of versions) names itself."""
    regular, _, _ = huruf()

    class KanvasBernomor(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._halaman: list[dict] = []

        def showPage(self):
            self._halaman.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            jumlah = len(self._halaman)
            for nomor, keadaan in enumerate(self._halaman, 1):
                self.__dict__.update(keadaan)
                self._hiasan(nomor, jumlah)
                super().showPage()
            super().save()

        def _hiasan(self, nomor: int, jumlah: int) -> None:
            lebar, tinggi = self._pagesize
            self.setFont(regular, 7)
            self.setFillColor(colors.HexColor("#555555"))
            judul = aman_kanvas(dokumen.judul)
            ruang = lebar - 30 * mm - stringWidth(judul, regular, 7) - 10 * mm
            kop = aman_kanvas(" · ".join(dokumen.kop[:2]))
            while kop and stringWidth(kop, regular, 7) > ruang:
                kop = kop[:-2] + "…"
            if dokumen.kepala_halaman:
                self.drawString(15 * mm, tinggi - 10 * mm, kop)
                self.drawRightString(lebar - 15 * mm, tinggi - 10 * mm, judul)
            kaki = aman_kanvas(dokumen.kaki)
            ruang_kaki = lebar - 30 * mm - stringWidth("Halaman 999 dari 999", regular, 7) - 8 * mm
            while kaki and stringWidth(kaki, regular, 7) > ruang_kaki:
                kaki = kaki[:-2] + "…"
            self.drawString(15 * mm, 8 * mm, kaki)
            self.drawRightString(lebar - 15 * mm, 8 * mm, f"Halaman {nomor} dari {jumlah}")

    return KanvasBernomor


def info_pdf(dokumen: Dokumen) -> dict[str, str]:
    """The PDF Info of a document (title, author, subject, keywords, creator): the keyword
    arguments of reportlab's doc templates; a bare canvas takes them via `isi_info`."""
    m = metadata(dokumen)
    return {
        "title": m.judul,
        "author": m.penulis,
        "subject": m.subjek,
        "keywords": m.kata_kunci,
        "creator": m.pembuat,
    }


def isi_info(kanvas: Canvas, dokumen: Dokumen) -> None:
    info = info_pdf(dokumen)
    kanvas.setTitle(info["title"])
    kanvas.setAuthor(info["author"])
    kanvas.setSubject(info["subject"])
    kanvas.setKeywords(info["keywords"])
    kanvas.setCreator(info["creator"])


def render_pdf(dokumen: Dokumen) -> bytes:
    buf = BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=ukuran_halaman(dokumen),
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=15 * mm,
        **info_pdf(dokumen),
    )
    lebar = doc.width
    alir: list = []
    for blok in pembuka(dokumen):  # the letterhead: built once per document
        alir += _blok(blok, lebar)
    for blok in dokumen.blok:
        if isinstance(blok, Pengesahan) and len(alir) >= 2 and isinstance(alir[-2], Paragraph):
            # The closing paragraph goes with the signature: a page never starts with it alone.
            akhir = alir[-2:]
            del alir[-2:]
            alir.append(KeepTogether([*akhir, *_blok(blok, lebar)]))
            continue
        alir += _blok(blok, lebar)
    # Laying out the pages is the long part: progress per flowable placed.
    jumlah, selesai = len(alir), iter(range(1, len(alir) + 1))
    doc.afterFlowable = lambda _alir: lapor_kemajuan(next(selesai, jumlah), jumlah)
    doc.build(alir, canvasmaker=kanvas_bernomor(dokumen))
    return buf.getvalue()


def _blok(blok, lebar: float) -> list:
    if isinstance(blok, Judul):
        if not blok.nilai:
            return [Spacer(1, 4), Paragraph(aman(blok.teks), gaya("judul", 9.5, tebal=True))]
        return [Spacer(1, 4), _isian(((blok.teks, blok.nilai),), lebar, tebal=True)]
    if isinstance(blok, Teks):
        ukuran = 11 if blok.tebal and blok.rata == "tengah" else 9
        return [Paragraph(aman(blok.teks), gaya("teks", ukuran, blok.rata, blok.tebal)),
                Spacer(1, 3)]  # fmt: skip
    if isinstance(blok, Isian):
        return [_isian(blok.pasangan, lebar)]
    if isinstance(blok, Daftar):
        s = gaya("daftar", 9, indent=14)
        return [Paragraph(aman(b), s, bulletText=f"{n}.") for n, b in enumerate(blok.butir, 1)]
    if isinstance(blok, Tabel):
        return [Spacer(1, 2), _tabel(blok, lebar), Spacer(1, 4)]
    if isinstance(blok, TandaTangan):
        return [Spacer(1, 10), KeepTogether(_tanda_tangan(blok, lebar))]
    if isinstance(blok, GantiHalaman):
        return [PageBreak()]
    if isinstance(blok, KopSurat):
        return kop_surat(blok, lebar)
    if isinstance(blok, KepalaLampiran):
        return [_kepala_lampiran(blok, lebar), Spacer(1, 10)]
    if isinstance(blok, Pengesahan):
        return [Spacer(1, 12), KeepTogether(_pengesahan(blok, lebar))]
    if isinstance(blok, Diagram):
        from ramping.laporan.renderers.diagram import gambar

        return [Spacer(1, 4), gambar(blok, lebar), Spacer(1, 6)]
    raise TypeError(blok)


def _logo(isi: bytes, tinggi: float) -> Image:
    from reportlab.lib.utils import ImageReader

    lebar_asli, tinggi_asli = ImageReader(BytesIO(isi)).getSize()
    return Image(BytesIO(isi), width=tinggi * lebar_asli / tinggi_asli, height=tinggi)


def kop_surat(blok: KopSurat, lebar: float) -> list:
    teks = [
        Paragraph(aman(b), gaya("kop-baris", 14 if i == 0 else 13, "tengah", tebal=True))
        for i, b in enumerate(blok.baris)
    ]
    if blok.alamat:
        teks.append(Paragraph(aman(blok.alamat), gaya("kop-alamat", 8.5, "tengah")))
    samping = 24 * mm  # the logo's column, mirrored on the right so the lines stay centred
    logo = _logo(blok.logo, 22 * mm) if blok.logo else ""
    t = Table([[logo, teks, ""]], colWidths=[samping, lebar - 2 * samping, samping])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    return [
        t,
        HRFlowable(width="100%", thickness=2, color=colors.black, spaceBefore=3, spaceAfter=1.2),
        HRFlowable(width="100%", thickness=0.6, color=colors.black, spaceBefore=0, spaceAfter=10),
    ]


def _kolom_kanan(isi, lebar: float, bagian: float = 0.5) -> Table:
    """`isi` in the right part of the line (appendix header, approval block)."""
    t = Table([["", isi]], colWidths=[lebar * (1 - bagian), lebar * bagian])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))  # fmt: skip
    return t


def _kepala_lampiran(blok: KepalaLampiran, lebar: float) -> Table:
    s = gaya("lampiran", 9)
    lebar_kanan = lebar * 0.5
    isi: list = [Paragraph(aman(b), s) for b in blok.baris]
    data = [[Paragraph(aman(a), s), ":", Paragraph(aman(b), s)] for a, b in blok.pasangan]
    if data:
        t = Table(data, colWidths=[18 * mm, 3 * mm, lebar_kanan - 21 * mm], hAlign="LEFT")
        t.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (1, 0), (1, -1), huruf()[0]),
            ("FONTSIZE", (1, 0), (1, -1), 9),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ]))  # fmt: skip
        isi.append(t)
    return _kolom_kanan(isi, lebar)


def _pengesahan(blok: Pengesahan, lebar: float) -> list:
    s = gaya("sah", 9.5)
    s_tengah = gaya("sah-tengah", 9.5, "tengah")
    s_nama = gaya("sah-nama", 9.5, "tengah", tebal=True)
    nama = blok.nama or "(....................................)"
    isi: list = [Paragraph(aman(b), s) for b in blok.atas]
    isi += [
        Spacer(1, 6),
        Paragraph(aman(blok.jabatan), gaya("sah-jabatan", 9.5, "tengah", tebal=True)),
        Spacer(1, 44),
        Paragraph(aman(nama), s_nama),
        *(Paragraph(aman(b), s_tengah) for b in blok.bawah),
    ]
    return [_kolom_kanan(isi, lebar, 0.45)]


def _isian(pasangan, lebar: float, tebal: bool = False) -> Table:
    s_label = gaya("isian-label", 9.5 if tebal else 9, tebal=tebal)
    s_isi = gaya("isian", 9.5 if tebal else 9, tebal=tebal)
    data = []
    for a, b in pasangan:
        # A label indented with spaces is a sub-item ("1) Jenis Kelamin" under "f. Kondisi Fisik").
        s = gaya("isian-sub", 9, indent=10) if a.startswith(" ") else s_label
        titik_dua = ":" if a.strip() and b != "" else ""
        data.append([Paragraph(aman(a.strip()), s), titik_dua, Paragraph(aman(b), s_isi)])
    kiri = 80 * mm if tebal else 62 * mm
    t = Table(data, colWidths=[kiri, 4 * mm, lebar - kiri - 4 * mm], hAlign="LEFT")
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (1, 0), (1, -1), huruf()[1] if tebal else huruf()[0]),
        ("FONTSIZE", (1, 0), (1, -1), 9),
        ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))  # fmt: skip
    return t


def _tabel(tabel: Tabel, lebar: float) -> Table:
    # A header wraps only at spaces: no column narrower than its header's longest word.
    tebal = huruf()[1]
    lebar_kolom = lebar_kolom_(tabel.kolom, lebar, huruf=tebal, ukuran=8, tepi=TEPI_SEL)
    data = [[
        Paragraph(aman(k.judul), gaya("kepala", ukuran_kepala(
            k.judul, w, huruf=tebal, ukuran=8, tepi=TEPI_SEL), "tengah", tebal=True))
        for k, w in zip(tabel.kolom, lebar_kolom, strict=True)
    ]]  # fmt: skip
    perintah = [
        ("GRID", (0, 0), (-1, -1), 0.4, GARIS),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F2")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), TEPI_SEL / 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), TEPI_SEL / 2),
    ]
    for r, b in enumerate(tabel.baris, 1):
        tebal = b.gaya != "data"
        sel = []
        for c, (k, nilai) in enumerate(zip(tabel.kolom, b.sel, strict=True)):
            rata = "kanan" if k.jenis in ANGKA else "kiri"
            indent = 8.0 * b.tingkat if c == tabel.kolom_nama else 0.0
            sel.append(Paragraph(aman(teks_sel(nilai, k)), gaya("sel", 8, rata, tebal, indent)))
        data.append(sel)
        if b.gaya in WARNA_GAYA:
            perintah.append(("BACKGROUND", (0, r), (-1, r), WARNA_GAYA[b.gaya]))
    t = Table(data, colWidths=lebar_kolom, repeatRows=1, hAlign="LEFT")
    t.setStyle(TableStyle(perintah))
    return t


def _tanda_tangan(blok: TandaTangan, lebar: float) -> list:
    s = gaya("ttd", 9, "tengah")
    s_nama = gaya("ttd-nama", 9, "tengah", tebal=True)
    sel = []
    for p in blok.penanda:
        nama = p.nama or "(....................................)"
        nip = p.nip or "NIP. ...................................."
        isi = [Paragraph(aman(p.jabatan), s), Spacer(1, 34), Paragraph(aman(nama), s_nama)]
        sel.append([*isi, Paragraph(aman(nip), s)])
    n = max(1, blok.kolom)
    baris = [sel[i : i + n] for i in range(0, len(sel), n)]
    baris[-1] += [""] * (n - len(baris[-1]))
    if blok.tempat_tanggal:
        baris.insert(0, [""] * (n - 1) + [Paragraph(aman(blok.tempat_tanggal), s)])
    t = Table(baris, colWidths=[lebar / n] * n)
    t.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 6)])
    )
    return [t]
