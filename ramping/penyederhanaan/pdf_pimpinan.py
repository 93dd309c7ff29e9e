"""The leader summary as a 1–2-page A4 PDF (reportlab): title, three sentences, the headline
table before → after, one chart (structural posts per eselon), positions per kelas, the legal
basis and the signature block. Rendering only: the numbers come from `pimpinan.py`."""

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ramping.laporan.dokumen import Dokumen
from ramping.laporan.format import angka
from ramping.laporan.kop import identitas
from ramping.laporan.renderers.huruf import huruf
from ramping.laporan.renderers.pdf import info_pdf
from ramping.laporan.renderers.pdf import kop_surat as kop_surat_pdf
from ramping.penyederhanaan.pimpinan import RingkasanPimpinan

LAMA = colors.HexColor("#b8c9db")
BARU = colors.HexColor("#1f5f99")
GARIS = colors.HexColor("#c9d1d9")


def _gaya():
    biasa, tebal, _sempit = huruf()
    return {
        "judul": ParagraphStyle("judul", fontName=tebal, fontSize=13, leading=16, spaceAfter=2),
        "sub": ParagraphStyle("sub", fontName=biasa, fontSize=8.5, leading=11, textColor="#555"),
        "h2": ParagraphStyle(
            "h2", fontName=tebal, fontSize=10, leading=13, spaceBefore=7, spaceAfter=3
        ),
        "isi": ParagraphStyle("isi", fontName=biasa, fontSize=9, leading=12.5),
        "kecil": ParagraphStyle("kecil", fontName=biasa, fontSize=8, leading=10.5),
        "sel": ParagraphStyle("sel", fontName=biasa, fontSize=8.5, leading=10.5),
        "sel_tebal": ParagraphStyle("selt", fontName=tebal, fontSize=8.5, leading=10.5),
    }


def _grafik(r: RingkasanPimpinan, lebar: float) -> Drawing:
    biasa, _tebal, _s = huruf()
    tinggi = 50 * mm
    d = Drawing(lebar, tinggi)
    c = VerticalBarChart()
    c.x, c.y, c.width, c.height = 28, 14, lebar - 40, tinggi - 36
    c.data = [[a for _e, a, _z in r.eselon], [z for _e, _a, z in r.eselon]]
    c.categoryAxis.categoryNames = [e for e, _a, _z in r.eselon]
    c.categoryAxis.labels.fontName = biasa
    c.categoryAxis.labels.fontSize = 7.5
    c.valueAxis.labels.fontName = biasa
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.valueMin = 0
    puncak = max((max(a, z) for _e, a, z in r.eselon), default=0)
    c.valueAxis.valueMax = max(int(puncak * 1.15) + 1, 5)  # room for the value above the bar
    c.valueAxis.gridStrokeColor = GARIS
    c.valueAxis.visibleGrid = True
    c.bars[0].fillColor, c.bars[1].fillColor = LAMA, BARU
    c.bars.strokeColor = None
    c.barLabelFormat = lambda v: angka(v) if v else ""
    c.barLabels.fontName = biasa
    c.barLabels.fontSize = 6.5
    c.barLabels.nudge = 6
    d.add(c)
    lg = Legend()
    lg.x, lg.y = 30, tinggi - 6
    lg.fontName, lg.fontSize = biasa, 7.5
    lg.alignment = "right"
    lg.columnMaximum = 1
    lg.colorNamePairs = [(LAMA, r.b.lama.nama[:60]), (BARU, r.b.baru.nama[:60])]
    lg.dx = lg.dy = 7
    lg.deltax = 150
    d.add(lg)
    return d


def _tabel(data, lebar_kolom, *, kanan_mulai: int = 1, kepala: bool = True) -> Table:
    biasa, tebal, _s = huruf()
    t = Table(data, colWidths=lebar_kolom, repeatRows=1 if kepala else 0)
    gaya = [
        ("FONT", (0, 0), (-1, -1), biasa, 8.5),
        ("ALIGN", (kanan_mulai, 0), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GARIS),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]
    if kepala:
        gaya += [
            ("FONT", (0, 0), (-1, 0), tebal, 8.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef2f6")),
        ]
    t.setStyle(TableStyle(gaya))
    return t


def pdf_pimpinan(r: RingkasanPimpinan, instansi: str) -> bytes:
    g = _gaya()
    isi = BytesIO()
    b = r.b
    # The metadata and letterhead every document carries (ramping.laporan.renderers.identitas).
    dok = Dokumen(
        judul="Ringkasan penyederhanaan birokrasi untuk pimpinan",
        kop=(instansi,),
        kaki="PermenPAN-RB 25/2021, 17/2021, 7/2022",
        identitas=identitas(
            r.kop, lingkup="Seluruh perangkat daerah", versi=f"{b.lama.nama} → {b.baru.nama}"
        ),
    )
    doc = SimpleDocTemplate(
        isi,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        **info_pdf(dok),
    )
    lebar = doc.width
    blok = [
        *kop_surat_pdf(dok.identitas.kop_surat, lebar),
        Paragraph("Ringkasan Penyederhanaan Birokrasi untuk Pimpinan", g["judul"]),
        Paragraph(escape(f"{b.lama.nama}  →  {b.baru.nama}"), g["sub"]),
        Paragraph("Intinya", g["h2"]),
        ListFlowable(
            [ListItem(Paragraph(escape(k), g["isi"]), leftIndent=12) for k in r.kalimat],
            bulletType="1",
            bulletFontName=huruf()[0],
            bulletFontSize=9,
            leftIndent=12,
        ),
        Paragraph("Angka utama: sebelum → sesudah", g["h2"]),
    ]
    data = [["Uraian", "Sebelum", "Sesudah", "Selisih"]]
    for a in r.angka:
        data.append([a.label, a.teks_lama, a.teks_baru, a.teks_selisih])
    data.append(
        [
            f"Penghasilan dijamin bagi {angka(r.jumlah_dijamin)} pejabat yang disetarakan "
            "(per bulan)",
            "",
            r.teks_dijamin,
            "",
        ]
    )
    data = [[Paragraph(escape(str(c)), g["sel"]) if i == 0 else c for i, c in enumerate(row)]
            for row in data]  # fmt: skip
    blok.append(_tabel(data, [lebar * 0.52, lebar * 0.16, lebar * 0.16, lebar * 0.16]))
    blok.append(Paragraph("Jabatan struktural per eselon", g["h2"]))
    blok.append(_grafik(r, lebar))
    if r.kelas:
        blok.append(Paragraph("Jabatan per kelas jabatan", g["h2"]))
        kolom = ["Kelas", *(str(k) for k, _a, _z in r.kelas)]
        lebar_kelas = (lebar - 22 * mm) / max(len(r.kelas), 1)
        blok.append(
            _tabel(
                [
                    kolom,
                    ["Sebelum", *(angka(a) for _k, a, _z in r.kelas)],
                    ["Sesudah", *(angka(z) for _k, _a, z in r.kelas)],
                ],
                [22 * mm, *([lebar_kelas] * len(r.kelas))],
            )
        )
    dasar = [Paragraph("Dasar hukum", g["h2"])]
    dasar += [Paragraph(f"• {escape(d)}", g["kecil"]) for d in r.dasar_hukum]
    k = r.kop
    ttd = [
        r.tempat_tanggal,
        k.penandatangan_jabatan or k.jabatan_kepala_daerah,
        "",
        "",
        "",
        k.penandatangan_nama or "……………………………………",
        k.penandatangan_pangkat,
        f"NIP {k.penandatangan_nip}" if k.penandatangan_nip else "",
    ]
    tanda = [Spacer(1, 7 * mm)] + [Paragraph(escape(t) or "&nbsp;", g["isi"]) for t in ttd]
    # Legal basis on the left, the signature block on the right: one row, kept together.
    akhir = Table([[dasar, tanda]], colWidths=[lebar * 0.58, lebar * 0.42])
    akhir.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (0, 0), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 10 * mm),
            ]
        )
    )
    blok.append(KeepTogether(akhir))

    def kaki(kanvas, dokumen):
        kanvas.saveState()
        kanvas.setFont(huruf()[0], 7)
        kanvas.setFillColor(colors.HexColor("#666666"))
        kanvas.drawString(
            doc.leftMargin,
            8 * mm,
            f"{instansi} · PermenPAN-RB 25/2021, 17/2021, 7/2022 · halaman {dokumen.page}",
        )
        kanvas.restoreState()

    doc.build(blok, onFirstPage=kaki, onLaterPages=kaki)
    return isi.getvalue()
