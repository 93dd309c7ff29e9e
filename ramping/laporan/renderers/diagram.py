"""The neutral `Diagram` (boxes and lines) as a reportlab Drawing: a PDF flowable as is, a PNG
for DOCX through renderPM.

Boxes sit on an ellipse in the order given (the exporter orders them by the unit tree, so the
units of one OPD are neighbours), which keeps every line visible without a layout library, as
the web page's SVG does (`ramping.sistemkerja.diagram`). A line runs from box edge to box edge;
an arrow points from the coordinating unit to the coordinated one; working together is dashed.
"""

import math
from io import BytesIO

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit

from ramping.laporan.dokumen import Diagram

KOTAK_L, KOTAK_T = 96.0, 34.0
HURUF_UKURAN = 6.5
WARNA_KOTAK = colors.HexColor("#DCE6F2")
WARNA_GARIS = colors.HexColor("#33475B")


def _huruf() -> tuple[str, str]:
    from ramping.laporan.renderers.huruf import huruf

    regular, bold, _ = huruf()
    return regular, bold


def ukuran_kotak(n: int, lebar: float) -> tuple[float, float]:
    """Box size so that neighbours on the ellipse do not overlap: the step between two boxes
    at the top is about rx·θ, which must exceed a box's width (θ = 2π/n)."""
    theta = 2 * math.pi / max(n, 1)
    kotak_l = ((lebar / 2 - 4) * theta - 6) / (1 + theta / 2)
    return max(44.0, min(KOTAK_L, kotak_l)), KOTAK_T


def gambar(diagram: Diagram, lebar: float, tinggi: float | None = None) -> Drawing:
    """A Drawing `lebar` points wide (the text width of the page)."""
    n = len(diagram.simpul)
    kotak_l, kotak_t = ukuran_kotak(n, lebar)
    theta = 2 * math.pi / max(n, 1)
    # Tall enough that neighbours at the sides (one above the other) do not overlap either.
    tinggi = tinggi or max(240.0, lebar * 0.7, 2 * (kotak_t + 8) / theta + kotak_t + 8)
    ukuran_huruf = HURUF_UKURAN * max(0.75, kotak_l / KOTAK_L)
    regular, _ = _huruf()
    legenda = 12 * len(diagram.keterangan)
    d = Drawing(lebar, tinggi + legenda)
    cx, cy = lebar / 2, legenda + tinggi / 2
    rx, ry = lebar / 2 - kotak_l / 2 - 4, tinggi / 2 - kotak_t / 2 - 4
    posisi: dict[str, tuple[float, float]] = {}
    for i, s in enumerate(diagram.simpul):
        sudut = math.pi / 2 - theta * i
        posisi[s.kunci] = (cx + rx * math.cos(sudut), cy + ry * math.sin(sudut))
    for g in diagram.garis:
        if g.dari in posisi and g.ke in posisi:
            _garis(d, posisi[g.dari], posisi[g.ke], g.berarah, kotak_l, kotak_t)
    for s in diagram.simpul:
        x, y = posisi[s.kunci]
        d.add(Rect(x - kotak_l / 2, y - kotak_t / 2, kotak_l, kotak_t, rx=3, ry=3,
                   fillColor=WARNA_KOTAK, strokeColor=WARNA_GARIS, strokeWidth=0.6))  # fmt: skip
        semua = simpleSplit(s.label, regular, ukuran_huruf, kotak_l - 6)
        baris = semua[:3]
        if len(semua) > 3:
            baris[-1] = baris[-1][:-1] + "…"
        atas = y + (len(baris) - 1) * ukuran_huruf * 0.6 - ukuran_huruf * 0.35
        for k, teks in enumerate(baris):
            d.add(String(x, atas - k * ukuran_huruf * 1.2, teks, fontName=regular,
                         fontSize=ukuran_huruf, textAnchor="middle"))  # fmt: skip
    for k, teks in enumerate(diagram.keterangan):
        d.add(String(0, legenda - 10 - 12 * k, teks, fontName=regular, fontSize=7))
    return d


def _tepi(dari, ke, kotak_l: float, kotak_t: float) -> tuple[float, float]:
    """Where the segment from the centre `dari` towards `ke` leaves `dari`'s box."""
    dx, dy = ke[0] - dari[0], ke[1] - dari[1]
    t = min(
        (kotak_l / 2) / abs(dx) if dx else math.inf,
        (kotak_t / 2) / abs(dy) if dy else math.inf,
    )
    return dari[0] + dx * t, dari[1] + dy * t


def _garis(d: Drawing, a, b, berarah: bool, kotak_l: float, kotak_t: float) -> None:
    x1, y1 = _tepi(a, b, kotak_l, kotak_t)
    x2, y2 = _tepi(b, a, kotak_l, kotak_t)
    gaya = {"strokeColor": WARNA_GARIS, "strokeWidth": 0.8}
    if not berarah:
        gaya["strokeDashArray"] = [3, 2]
    d.add(Line(x1, y1, x2, y2, **gaya))
    if berarah:
        sudut = math.atan2(y2 - y1, x2 - x1)
        p = 6.0
        kiri = (x2 - p * math.cos(sudut - 0.4), y2 - p * math.sin(sudut - 0.4))
        kanan = (x2 - p * math.cos(sudut + 0.4), y2 - p * math.sin(sudut + 0.4))
        d.add(Polygon([x2, y2, *kiri, *kanan], fillColor=WARNA_GARIS, strokeColor=WARNA_GARIS,
                      strokeWidth=0.5))  # fmt: skip


def png(diagram: Diagram, lebar: float) -> bytes:
    """The diagram as a PNG (for DOCX): renderPM when its backend (rlPyCairo) is installed,
    otherwise the same Drawing's shapes painted with Pillow (`_png_pillow`)."""
    d = gambar(diagram, lebar)
    try:
        from reportlab.graphics import renderPM

        buf = BytesIO()
        renderPM.drawToFile(d, buf, fmt="PNG", dpi=200)
        return buf.getvalue()
    except Exception:
        return _png_pillow(d)


def _png_pillow(d: Drawing, skala: float = 200 / 72) -> bytes:
    """Paint the Drawing's rectangles, lines, arrowheads and text with Pillow."""
    from PIL import Image as Gambar
    from PIL import ImageDraw, ImageFont

    from ramping.laporan.renderers.huruf import DEJAVU

    w, h = int(d.width * skala), int(d.height * skala)
    img = Gambar.new("RGB", (w, h), "white")
    kuas = ImageDraw.Draw(img)

    def xy(x: float, y: float) -> tuple[float, float]:
        return x * skala, h - y * skala

    def warna(c) -> str:
        return "#" + c.hexval()[2:] if c is not None else None

    huruf_cache: dict[float, ImageFont.ImageFont] = {}

    def huruf(ukuran: float):
        if ukuran not in huruf_cache:
            berkas = DEJAVU / "DejaVuSans.ttf"
            px = max(6, int(ukuran * skala))
            huruf_cache[ukuran] = (
                ImageFont.truetype(str(berkas), px) if berkas.exists()
                else ImageFont.load_default(px)
            )  # fmt: skip
        return huruf_cache[ukuran]

    for el in d.contents:
        if isinstance(el, Rect):
            (x1, y1), (x2, y2) = xy(el.x, el.y + el.height), xy(el.x + el.width, el.y)
            kuas.rounded_rectangle(
                (x1, y1, x2, y2),
                radius=3 * skala,
                fill=warna(el.fillColor),
                outline=warna(el.strokeColor),
            )
        elif isinstance(el, Line):
            a, b = xy(el.x1, el.y1), xy(el.x2, el.y2)
            tebal = max(1, int(el.strokeWidth * skala))
            if el.strokeDashArray:
                panjang = math.dist(a, b) or 1
                langkah = 5 * skala
                for i in range(0, int(panjang / langkah) + 1, 2):
                    t1, t2 = i * langkah / panjang, min(1, (i + 1) * langkah / panjang)
                    kuas.line([(a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1),
                               (a[0] + (b[0] - a[0]) * t2, a[1] + (b[1] - a[1]) * t2)],
                              fill=warna(el.strokeColor), width=tebal)  # fmt: skip
            else:
                kuas.line([a, b], fill=warna(el.strokeColor), width=tebal)
        elif isinstance(el, Polygon):
            titik = [xy(el.points[i], el.points[i + 1]) for i in range(0, len(el.points), 2)]
            kuas.polygon(titik, fill=warna(el.fillColor))
        elif isinstance(el, String):
            x, y = xy(el.x, el.y)
            anchor = {"middle": "ms", "end": "rs"}.get(el.textAnchor, "ls")
            kuas.text((x, y), el.text, fill="black", font=huruf(el.fontSize), anchor=anchor)
    buf = BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()
