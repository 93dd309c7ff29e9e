"""Peta jabatan as an A3 landscape org chart of unit cards (the box notation of S13).

Each structural unit is a card: its name (with the parent chain above it), the head position
with its kelas and B | K | ± boxes, then the pelaksana/JF positions as rows, and the subtree
subtotal at the foot. A 500-position OPD does not fit one readable tree, so cards flow in
columns, column after column and page after page in tree order; a card taller than a column
continues in the next one under a "(lanjutan)" header. Depth shows as the header colour and a
left indent. The layout is computed first, so the footer can say "Halaman x dari y".

Nothing may overlap (issue #17): every text is measured with reportlab's `stringWidth` and
wrapped to the width of the card it is drawn in (its depth's indent taken off); the four number
columns have one fixed width for the whole document, wide enough for its widest number; the
page header wraps the scope and legal basis under the title instead of running into the legend.
"""

from dataclasses import dataclass, field
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ramping.laporan.dokumen import DATA, SUBTOTAL, TOTAL, UNIT, Baris, Dokumen, KopSurat
from ramping.laporan.format import angka, selisih
from ramping.laporan.renderers.huruf import huruf
from ramping.laporan.renderers.identitas import kop_pembuka
from ramping.laporan.renderers.pdf import aman_kanvas as aman_teks
from ramping.laporan.renderers.pdf import isi_info

HALAMAN = landscape(A3)
TEPI = 10 * mm
BAWAH = 10 * mm
KOLOM = 5
JARAK = 5 * mm
ANGKA_MIN = 6.2 * mm  # each of Kelas, B, K, ±: at least this, wider for wide numbers
JARAK_ANGKA = 3.0  # points between a name and the number columns
TEPI_ANGKA = 1.5  # points kept free on each side of a number inside its column
REKAP_MIN = 5.2  # smallest size a subtotal's number shrinks to
UKURAN = 6.8  # font size of the position rows
WARNA_TINGKAT = ("#1F3A5F", "#2F6F9F", "#6FA3CF", "#A9C7E3", "#D5E4F2")
MERAH, JINGGA, HIJAU = (
    colors.HexColor("#C0392B"),
    colors.HexColor("#B9770E"),
    colors.HexColor("#1E8449"),
)


@dataclass
class Kartu:
    """One unit: header texts, head row and position rows (already wrapped to the card width)."""

    tingkat: int
    nama: list[str]
    induk: str
    kepala: tuple[list[str], tuple] | None
    baris: list[tuple[list[str], tuple]] = field(default_factory=list)
    rekap: tuple | None = None
    lanjutan: bool = False


def _tinggi_baris(teks: list[str]) -> float:
    return len(teks) * UKURAN * 1.18 + 2.2


def _tinggi_kepala(k: Kartu) -> float:
    """Header band: parent chain, unit name lines, the Kls/B/K/± labels of the head row."""
    return 3 + (7 if k.induk else 0) + len(k.nama) * 9.2 + 8


def _tinggi(k: Kartu) -> float:
    h = _tinggi_kepala(k) + 2
    if k.kepala:
        h += _tinggi_baris(k.kepala[0]) + 3
    if k.baris:
        h += 9 + sum(_tinggi_baris(t) for t, _ in k.baris)
    return h + (13 if k.rekap else 2)


def indent(tingkat: int) -> float:
    """Left indent of a card by depth (three steps at most, so deep units keep their width)."""
    return min(tingkat, 3) * 2.5 * mm


@dataclass(frozen=True, slots=True)
class Geometri:
    """Fixed measures of one document: column width, number column width, header lines."""

    lebar_kolom: float
    angka: float  # width of each of the Kls, B, K, ± columns
    judul: str  # the first header line, shortened to fit beside the grand total
    kop: tuple[str, ...]  # agency, version and legal basis, wrapped beside the legend
    kaki: str

    @property
    def atas(self) -> float:
        """Height of the page header band: the title, the wrapped kop lines, the rule."""
        return TEPI + 11.5 * mm + (len(self.kop) - 1) * BARIS_KOP + 2 * mm

    def lebar_kartu(self, tingkat: int) -> float:
        return self.lebar_kolom - indent(tingkat)

    def lebar_nama(self, tingkat: int) -> float:
        """Room for a position's name: from the left padding up to the number columns."""
        return self.lebar_kartu(tingkat) - 4 - 3 - 4 * self.angka - JARAK_ANGKA


BARIS_KOP = 9.0  # leading of the header's kop lines (7.5 pt text)
LEGENDA = "B = bezetting · K = kebutuhan (ABK) · ± = B − K (merah: kurang, jingga: lebih)"


def _teks_angka(nilai, jenis: str) -> str:
    if nilai is None and jenis == "Kls":
        return ""
    return selisih(nilai) if jenis == "±" else angka(nilai)


def geometri(dokumen: Dokumen, baris: list[Baris]) -> Geometri:
    """Measure once: the widest number decides the four number columns for every card."""
    regular, bold, _ = huruf()
    lebar_isi = HALAMAN[0] - 2 * TEPI
    # Position rows print at UKURAN (bold for the head); a unit's subtotal, which may run into
    # the thousands, shrinks from 6.2 pt down to REKAP_MIN before it widens the columns.
    terlebar = max(
        (
            stringWidth(aman_teks(_teks_angka(v, jenis)), bold, ukuran)
            for b in baris
            if b.gaya in (DATA, SUBTOTAL)  # the grand total is printed in the page header
            for ukuran in ((UKURAN,) if b.gaya == DATA else (REKAP_MIN,))
            for v, jenis in zip(b.sel[2:], ("Kls", "B", "K", "±"), strict=True)
        ),
        default=0.0,
    )
    total = next((b for b in baris if b.gaya == TOTAL), None)
    ringkas = _ringkas(total)
    lingkup = dokumen.kop[1].removeprefix("Perangkat daerah: ") if len(dokumen.kop) > 1 else ""
    ruang_judul = lebar_isi - stringWidth(ringkas, bold, 8.5) - 10 * mm
    ruang_kop = lebar_isi - stringWidth(aman_teks(LEGENDA), regular, 7) - 10 * mm
    kop = " · ".join([dokumen.kop[0], *dokumen.kop[2:]]) if dokumen.kop else ""
    ruang_kaki = lebar_isi - stringWidth("Halaman 999 dari 999", regular, 7) - 10 * mm
    return Geometri(
        lebar_kolom=(lebar_isi - (KOLOM - 1) * JARAK) / KOLOM,
        angka=max(ANGKA_MIN, terlebar + 2 * TEPI_ANGKA),
        judul=_pangkas_akhir(aman_teks(f"{dokumen.judul} — {lingkup}"), bold, 13, ruang_judul),
        kop=tuple(simpleSplit(aman_teks(kop), regular, 7.5, ruang_kop))[:4] or ("",),
        kaki=_pangkas_akhir(aman_teks(dokumen.kaki), regular, 7, ruang_kaki),
    )


def _ringkas(total: Baris | None) -> str:
    if total is None:
        return ""
    _n, _nama, _kelas, b, k, s = total.sel
    return aman_teks(f"Jumlah: B {angka(b)} · K {angka(k)} · ± {selisih(s)}")


def _pangkas_akhir(teks: str, font: str, ukuran: float, lebar: float) -> str:
    """One line: the end is cut with "…" (titles and the footer's legal basis)."""
    if stringWidth(teks, font, ukuran) <= lebar:
        return teks
    while teks and stringWidth(teks + "…", font, ukuran) > lebar:
        teks = teks[:-1]
    return teks.rstrip() + "…"


def kartu_dari(baris: list[Baris], g: Geometri) -> tuple[list[Kartu], Baris | None]:
    """Group the peta jabatan rows into cards: a unit row opens a card, its data rows follow.

    Texts are wrapped to the card they are drawn in: the card's width is the column's less the
    indent of its depth, and names stop before the number columns.
    """
    regular, bold, cond = huruf()
    rekap = {b.kunci: b.sel for b in baris if b.gaya == SUBTOTAL}
    kartu: list[Kartu] = []
    rantai: list[str] = []
    total = None
    for b in baris:
        if b.gaya == UNIT:
            rantai = [*rantai[: b.tingkat], str(b.sel[1])]
            lebar = g.lebar_kartu(b.tingkat) - 8
            nama = simpleSplit(aman_teks(str(b.sel[1])), bold, 8, lebar)
            induk = _pangkas(aman_teks(" › ".join(rantai[-3:-1])), regular, 5.8, lebar, " ›")
            kartu.append(Kartu(b.tingkat, nama, induk, None, rekap=rekap.get(b.kunci)))
        elif b.gaya == DATA and kartu:
            _no, nama, kelas, bb, kk, sls = b.sel
            lebar = g.lebar_nama(kartu[-1].tingkat)
            if b.kepala and kartu[-1].kepala is None:
                teks = simpleSplit(aman_teks(str(nama)), bold, UKURAN + 0.4, lebar)
                kartu[-1].kepala = (teks, (kelas, bb, kk, sls))
            else:
                teks = simpleSplit(aman_teks(str(nama)), cond, UKURAN, lebar)
                kartu[-1].baris.append((teks, (kelas, bb, kk, sls)))
        elif b.gaya == TOTAL:
            total = b
    return kartu, total


def _pangkas(teks: str, font: str, ukuran: float, lebar: float, akhiran: str = "") -> str:
    """One line: the start of the parent chain is dropped first (the nearest parent matters)."""
    if not teks:
        return ""
    teks += akhiran
    while len(teks) > len(akhiran) + 1 and stringWidth(teks, font, ukuran) > lebar:
        teks = "…" + teks[2:]
    return teks


def tata_letak(kartu: list[Kartu], lebar: float, tinggi: float) -> list[list[tuple]]:
    """Pages of (column, y offset, card) placements; splits cards taller than a column."""
    halaman: list[list[tuple]] = [[]]
    kolom, y = 0, 0.0

    def pindah():
        nonlocal kolom, y
        kolom, y = kolom + 1, 0.0
        if kolom == KOLOM:
            halaman.append([])
            kolom = 0

    antrean = list(kartu)
    while antrean:
        k = antrean.pop(0)
        # A new OPD starts a fresh column unless the current one is still mostly empty.
        if k.tingkat == 0 and not k.lanjutan and y > tinggi * 0.6:
            pindah()
        h = _tinggi(k)
        if y + h > tinggi and y > 0:
            # A long card starts in the space left when its title and at least MIN_BARIS rows
            # fit there (the title never stands alone); a short one moves to the next column.
            ruang = tinggi - y
            if h > tinggi * 0.4 and _muat(k, ruang) >= MIN_BARIS:
                k, sisa = _belah(k, ruang)
                antrean.insert(0, sisa)
                halaman[-1].append((kolom, y, k))
                pindah()
                continue
            pindah()
        if h > tinggi:
            k, sisa = _belah(k, tinggi)
            antrean.insert(0, sisa)
            h = _tinggi(k)
        halaman[-1].append((kolom, y, k))
        y += h + 3.5 * mm
    return halaman


MIN_BARIS = 3  # rows a unit's title keeps with it at the foot of a column


def _muat(k: Kartu, tinggi: float) -> int:
    """How many of the card's rows fit under its title in `tinggi` (0 when none, or the
    card has no rows to split)."""
    n = 0
    while n < len(k.baris) and _tinggi(_awal(k, n + 1)) <= tinggi:
        n += 1
    return n if n < len(k.baris) else 0


def _awal(k: Kartu, n: int) -> Kartu:
    return Kartu(k.tingkat, k.nama, k.induk, k.kepala, k.baris[:n], None, k.lanjutan)


def _belah(k: Kartu, tinggi: float) -> tuple[Kartu, Kartu]:
    """Split a card's rows so the first part fits a column; the rest continues."""
    n = len(k.baris)
    while n > 1 and _tinggi(_awal(k, n)) > tinggi:
        n -= 1
    awal = _awal(k, n)
    sisa = Kartu(k.tingkat, [*k.nama[:1], "(lanjutan)"], "", None, k.baris[n:], k.rekap, True)
    return awal, sisa


def render_kartu(dokumen: Dokumen) -> bytes:
    tabel = dokumen.tabel()[0]
    g = geometri(dokumen, tabel.baris)
    tinggi = HALAMAN[1] - g.atas - BAWAH - TEPI
    kartu, total = kartu_dari(tabel.baris, g)
    halaman = tata_letak(kartu, g.lebar_kolom, tinggi)
    buf = BytesIO()
    c = Canvas(buf, pagesize=HALAMAN, pageCompression=1)
    isi_info(c, dokumen)
    kop_surat = kop_pembuka(dokumen)
    for nomor, isi in enumerate(halaman, 1):
        _kop(c, g, total, nomor, len(halaman))
        if nomor == 1 and kop_surat is not None:
            _kop_surat(c, kop_surat, g, total)
        for kolom, y, k in isi:
            x = TEPI + kolom * (g.lebar_kolom + JARAK) + indent(k.tingkat)
            _gambar(c, k, x, HALAMAN[1] - g.atas - y, g)
        c.showPage()
    c.save()
    return buf.getvalue()


def _kop(c: Canvas, g: Geometri, total: Baris | None, nomor: int, jumlah: int) -> None:
    regular, bold, _ = huruf()
    lebar, tinggi = HALAMAN
    c.setFillColor(colors.black)
    c.setFont(bold, 13)
    c.drawString(TEPI, tinggi - TEPI - 4 * mm, g.judul)
    c.setFont(regular, 7.5)
    for i, baris in enumerate(g.kop):
        c.drawString(TEPI, tinggi - TEPI - 9 * mm - i * BARIS_KOP, baris)
    if total is not None:
        c.setFont(bold, 8.5)
        c.drawRightString(lebar - TEPI, tinggi - TEPI - 4 * mm, _ringkas(total))
    c.setFont(regular, 7)
    c.drawRightString(lebar - TEPI, tinggi - TEPI - 9 * mm, aman_teks(LEGENDA))
    c.setStrokeColor(colors.HexColor("#1F3A5F"))
    c.setLineWidth(0.8)
    garis = tinggi - g.atas + 2 * mm
    c.line(TEPI, garis, lebar - TEPI, garis)
    c.setFont(regular, 7)
    c.setFillColor(colors.HexColor("#555555"))
    c.drawString(TEPI, BAWAH - 4 * mm, g.kaki)
    c.drawRightString(lebar - TEPI, BAWAH - 4 * mm, f"Halaman {nomor} dari {jumlah}")


def _kop_surat(c: Canvas, kop: KopSurat, g: Geometri, total: Baris | None) -> None:
    """The agency's letterhead on page 1, on the title's line between the title (left) and the
    totals (right): logo, then the letterhead's lines on one line, in the free space only (the
    font shrinks to 7 pt, then the text is cut) — the card area below is not moved."""
    bold = huruf()[1]
    lebar, tinggi = HALAMAN
    kiri = TEPI + stringWidth(g.judul, bold, 13) + 8 * mm
    kanan = lebar - TEPI - 8 * mm - stringWidth(_ringkas(total), bold, 8.5)
    logo = 0.0
    if kop.logo:
        from reportlab.lib.utils import ImageReader

        gambar = ImageReader(BytesIO(kop.logo))
        w, h = gambar.getSize()
        logo = 8 * mm * w / h
    teks = aman_teks(" · ".join(kop.baris))
    ukuran = 11.0
    ruang = kanan - kiri - (logo + 2 * mm if logo else 0)
    while ukuran > 7 and stringWidth(teks, bold, ukuran) > ruang:
        ukuran -= 0.5
    while teks and stringWidth(teks, bold, ukuran) > ruang:
        teks = teks[:-2] + "…"
    if ruang <= 0 or not teks:
        return
    lebar_teks = stringWidth(teks, bold, ukuran)
    x = (kiri + kanan) / 2 - (lebar_teks + (logo + 2 * mm if logo else 0)) / 2
    y = tinggi - TEPI - 4 * mm
    if logo:
        c.drawImage(gambar, x, y - 1.5 * mm, width=logo, height=8 * mm, mask="auto")
        x += logo + 2 * mm
    c.setFillColor(colors.black)
    c.setFont(bold, ukuran)
    c.drawString(x, y, teks)


def _empat(c: Canvas, kanan: float, y: float, isi: tuple, g: Geometri, warna: bool) -> None:
    """Four texts centred in the fixed number columns that end at `kanan`; a number wider
    than its column (a subtotal in the thousands) is set smaller, never into the next one."""
    font, ukuran = c._fontname, c._fontsize
    for i, (v, jenis) in enumerate(zip(isi, ("Kls", "B", "K", "±"), strict=True)):
        if warna:
            if jenis == "±":
                c.setFillColor(MERAH if (v or 0) < 0 else JINGGA if (v or 0) > 0 else HIJAU)
            else:
                c.setFillColor(colors.black)
            teks = aman_teks(_teks_angka(v, jenis))
        else:
            teks = v
        if not teks:
            continue
        lebar = stringWidth(teks, font, ukuran)
        ruang = g.angka - 2 * TEPI_ANGKA
        c.setFont(font, ukuran if lebar <= ruang else ukuran * ruang / lebar)
        c.drawCentredString(kanan - (4 - i) * g.angka + g.angka / 2, y, teks)
    c.setFont(font, ukuran)


LABEL_ANGKA = ("Kls", "B", "K", "±")
LABEL_REKAP = ("Jumlah unit (dengan sub-unit)", "Jumlah unit", "Jumlah")
LABEL_BARIS = ("Jabatan pelaksana / fungsional", "Pelaksana / fungsional", "")


def _yang_muat(pilihan: tuple[str, ...], font: str, ukuran: float, ruang: float) -> str:
    """The longest wording of a label that fits its room (the last one when none does)."""
    return next((t for t in pilihan if stringWidth(t, font, ukuran) <= ruang), pilihan[-1])


def _gambar(c: Canvas, k: Kartu, x: float, y_atas: float, g: Geometri) -> None:
    regular, bold, cond = huruf()
    lebar = g.lebar_kartu(k.tingkat)
    h = _tinggi(k)
    warna = colors.HexColor(WARNA_TINGKAT[min(k.tingkat, len(WARNA_TINGKAT) - 1)])
    tulisan = colors.black if k.tingkat >= 3 else colors.white
    kepala_h = _tinggi_kepala(k)
    kanan = x + lebar - 3
    c.setStrokeColor(colors.HexColor("#7F8C99"))
    c.setLineWidth(0.5)
    c.setFillColor(colors.white)
    c.roundRect(x, y_atas - h, lebar, h, 2.5, stroke=1, fill=1)
    c.setFillColor(warna)
    c.roundRect(x, y_atas - kepala_h, lebar, kepala_h, 2.5, stroke=0, fill=1)
    c.rect(x, y_atas - kepala_h, lebar, 3, stroke=0, fill=1)  # square bottom corners
    c.setFillColor(tulisan)
    y = y_atas - 3
    if k.induk:
        c.setFont(regular, 5.8)
        c.drawString(x + 4, y - 5.5, k.induk)
        y -= 7
    c.setFont(bold, 8)
    for baris in k.nama:
        c.drawString(x + 4, y - 7.5, baris)
        y -= 9.2
    if k.kepala:
        c.setFont(regular, 5.5)
        _empat(c, kanan, y - 5.5, LABEL_ANGKA, g, warna=False)
    y = y_atas - kepala_h - 2
    if k.kepala:
        teks, nilai = k.kepala
        c.setFont(bold, UKURAN + 0.4)
        c.setFillColor(colors.black)
        for i, baris in enumerate(teks):
            c.drawString(x + 4, y - UKURAN - i * UKURAN * 1.18, baris)
        c.setFont(bold, UKURAN)
        _empat(c, kanan, y - UKURAN, nilai, g, warna=True)
        y -= _tinggi_baris(teks) + 3
    if k.baris:
        c.setFont(regular, 5.5)
        c.setFillColor(colors.HexColor("#555555"))
        ruang = kanan - 4 * g.angka - JARAK_ANGKA - (x + 4)
        c.drawString(x + 4, y - 6, _yang_muat(LABEL_BARIS, regular, 5.5, ruang))
        _empat(c, kanan, y - 6, LABEL_ANGKA, g, warna=False)
        c.setStrokeColor(colors.HexColor("#C8D0D8"))
        c.line(x + 3, y - 8, kanan, y - 8)
        y -= 9
        for teks, nilai in k.baris:
            c.setFillColor(colors.black)
            c.setFont(cond, UKURAN)
            for i, baris in enumerate(teks):
                c.drawString(x + 4, y - UKURAN - i * UKURAN * 1.18, baris)
            _empat(c, kanan, y - UKURAN, nilai, g, warna=True)
            y -= _tinggi_baris(teks)
    if k.rekap:
        _n, _nama, _kelas, b, kk, s = k.rekap
        c.setStrokeColor(colors.HexColor("#C8D0D8"))
        c.line(x + 3, y - 2, kanan, y - 2)
        c.setFont(bold, 6.2)
        c.setFillColor(colors.HexColor("#333333"))
        ruang = kanan - 3 * g.angka - JARAK_ANGKA - (x + 4)  # the Kls column is empty here
        c.drawString(x + 4, y - 9.5, _yang_muat(LABEL_REKAP, bold, 6.2, ruang))
        _empat(c, kanan, y - 9.5, (None, b, kk, s), g, warna=True)
