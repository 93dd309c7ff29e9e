"""Peta jabatan as an A3 landscape org chart of unit cards (the box notation of S13).

Each structural unit is a card: its name (with the parent chain above it), the head position
with its kelas and B | K | ± boxes, then the pelaksana/JF positions as rows, and the subtree
subtotal at the foot. A 500-position OPD does not fit one readable tree, so cards flow in
columns, column after column and page after page in tree order; a card taller than a column
continues in the next one under a "(lanjutan)" header. Depth shows as the header colour and a
left indent. The layout is computed first, so the footer can say "Halaman x dari y".
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
from ramping.laporan.renderers.pdf import aman_kanvas, isi_info

HALAMAN = landscape(A3)
TEPI = 10 * mm
ATAS = 22 * mm  # page header band
BAWAH = 10 * mm
KOLOM = 5
JARAK = 5 * mm
ANGKA_LEBAR = 6.2 * mm  # each of Kelas, B, K, ±
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


def kartu_dari(baris: list[Baris], lebar: float) -> tuple[list[Kartu], Baris | None]:
    """Group the peta jabatan rows into cards: a unit row opens a card, its data rows follow."""
    regular, bold, cond = huruf()
    rekap = {b.kunci: b.sel for b in baris if b.gaya == SUBTOTAL}
    kartu: list[Kartu] = []
    rantai: list[str] = []
    total = None
    for b in baris:
        if b.gaya == UNIT:
            rantai = [*rantai[: b.tingkat], str(b.sel[1])]
            nama = simpleSplit(str(b.sel[1]), bold, 8, lebar - 8)
            induk = _pangkas(" › ".join(rantai[-3:-1]), regular, 5.8, lebar - 12)
            kartu.append(Kartu(b.tingkat, nama, induk, None, rekap=rekap.get(b.kunci)))
        elif b.gaya == DATA and kartu:
            _no, nama, kelas, bb, kk, sls = b.sel
            if b.kepala and kartu[-1].kepala is None:
                teks = simpleSplit(str(nama), bold, UKURAN + 0.4, lebar - 4 * ANGKA_LEBAR - 6)
                kartu[-1].kepala = (teks, (kelas, bb, kk, sls))
            else:
                teks = simpleSplit(str(nama), cond, UKURAN, lebar - 4 * ANGKA_LEBAR - 6)
                kartu[-1].baris.append((teks, (kelas, bb, kk, sls)))
        elif b.gaya == TOTAL:
            total = b
    return kartu, total


def _pangkas(teks: str, font: str, ukuran: float, lebar: float) -> str:
    """One line: the start of the parent chain is dropped first (the nearest parent matters)."""
    while teks and stringWidth(teks, font, ukuran) > lebar:
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
            pindah()
        if h > tinggi:
            k, sisa = _belah(k, tinggi)
            antrean.insert(0, sisa)
            h = _tinggi(k)
        halaman[-1].append((kolom, y, k))
        y += h + 3.5 * mm
    return halaman


def _belah(k: Kartu, tinggi: float) -> tuple[Kartu, Kartu]:
    """Split a card's rows so the first part fits a column; the rest continues."""
    n = len(k.baris)
    while n > 1 and _tinggi(Kartu(k.tingkat, k.nama, k.induk, k.kepala, k.baris[:n])) > tinggi:
        n -= 1
    awal = Kartu(k.tingkat, k.nama, k.induk, k.kepala, k.baris[:n], None, k.lanjutan)
    sisa = Kartu(k.tingkat, [*k.nama[:1], "(lanjutan)"], "", None, k.baris[n:], k.rekap, True)
    return awal, sisa


def render_kartu(dokumen: Dokumen) -> bytes:
    lebar_isi = HALAMAN[0] - 2 * TEPI
    lebar_kolom = (lebar_isi - (KOLOM - 1) * JARAK) / KOLOM
    tinggi = HALAMAN[1] - ATAS - BAWAH - TEPI
    tabel = dokumen.tabel()[0]
    kartu, total = kartu_dari(tabel.baris, lebar_kolom - 3 * mm)
    halaman = tata_letak(kartu, lebar_kolom, tinggi)
    buf = BytesIO()
    c = Canvas(buf, pagesize=HALAMAN, pageCompression=1)
    isi_info(c, dokumen)
    kop_surat = kop_pembuka(dokumen)
    for nomor, isi in enumerate(halaman, 1):
        _kop(c, dokumen, total, nomor, len(halaman))
        if nomor == 1 and kop_surat is not None:
            _kop_surat(c, kop_surat, dokumen, total)
        for kolom, y, k in isi:
            indent = min(k.tingkat, 3) * 2.5 * mm
            x = TEPI + kolom * (lebar_kolom + JARAK) + indent
            _gambar(c, k, x, HALAMAN[1] - ATAS - y, lebar_kolom - indent)
        c.showPage()
    c.save()
    return buf.getvalue()


def _kop(c: Canvas, dokumen: Dokumen, total: Baris | None, nomor: int, jumlah: int) -> None:
    regular, bold, _ = huruf()
    lebar, tinggi = HALAMAN
    c.setFillColor(colors.black)
    c.setFont(bold, 13)
    c.drawString(TEPI, tinggi - TEPI - 4 * mm, _judul(dokumen))
    c.setFont(regular, 7.5)
    c.drawString(
        TEPI, tinggi - TEPI - 9 * mm, aman_teks(" · ".join([dokumen.kop[0], *dokumen.kop[2:]]))
    )
    if total is not None:
        c.setFont(bold, 8.5)
        c.drawRightString(lebar - TEPI, tinggi - TEPI - 4 * mm, _ringkas(total))
    c.setFont(regular, 7)
    c.drawRightString(
        lebar - TEPI, tinggi - TEPI - 9 * mm,
        aman_teks("B = bezetting · K = kebutuhan (ABK) · ± = B − K (merah: kurang, jingga: lebih)"),
    )  # fmt: skip
    c.setStrokeColor(colors.HexColor("#1F3A5F"))
    c.setLineWidth(0.8)
    c.line(TEPI, tinggi - TEPI - 11.5 * mm, lebar - TEPI, tinggi - TEPI - 11.5 * mm)
    c.setFont(regular, 7)
    c.setFillColor(colors.HexColor("#555555"))
    c.drawString(TEPI, BAWAH - 4 * mm, aman_teks(dokumen.kaki))
    c.drawRightString(lebar - TEPI, BAWAH - 4 * mm, f"Halaman {nomor} dari {jumlah}")


aman_teks = aman_kanvas


def _judul(dokumen: Dokumen) -> str:
    lingkup = dokumen.kop[1].removeprefix("Perangkat daerah: ") if len(dokumen.kop) > 1 else ""
    return aman_teks(f"{dokumen.judul} — {lingkup}")


def _ringkas(total: Baris) -> str:
    _n, _nama, _kelas, b, k, s = total.sel
    return aman_teks(f"Jumlah: B {angka(b)} · K {angka(k)} · ± {selisih(s)}")


def _kop_surat(c: Canvas, kop: KopSurat, dokumen: Dokumen, total: Baris | None) -> None:
    """The agency's letterhead on page 1, on the title's line between the title (left) and the
    totals (right): logo, then the letterhead's lines on one line, in the free space only (the
    font shrinks to 7 pt, then the text is cut) — the card area below is not moved."""
    bold = huruf()[1]
    lebar, tinggi = HALAMAN
    kiri = TEPI + stringWidth(_judul(dokumen), bold, 13) + 8 * mm
    kanan = lebar - TEPI - 8 * mm
    if total is not None:
        kanan -= stringWidth(_ringkas(total), bold, 8.5)
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


def _angka_sel(c: Canvas, x: float, y: float, nilai, jenis: str) -> None:
    if nilai is None and jenis == "Kls":
        return
    if jenis == "±":
        c.setFillColor(MERAH if (nilai or 0) < 0 else JINGGA if (nilai or 0) > 0 else HIJAU)
        teks = selisih(nilai)
    else:
        c.setFillColor(colors.black)
        teks = angka(nilai)
    c.drawCentredString(x + ANGKA_LEBAR / 2, y, aman_teks(teks))


def _empat_angka(c: Canvas, x_kanan: float, y: float, nilai: tuple) -> None:
    for i, (v, jenis) in enumerate(zip(nilai, ("Kls", "B", "K", "±"), strict=True)):
        _angka_sel(c, x_kanan - (4 - i) * ANGKA_LEBAR, y, v, jenis)


def _gambar(c: Canvas, k: Kartu, x: float, y_atas: float, lebar: float) -> None:
    regular, bold, cond = huruf()
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
        c.drawString(x + 4, y - 5.5, aman_teks(k.induk + " ›"))
        y -= 7
    c.setFont(bold, 8)
    for baris in k.nama:
        c.drawString(x + 4, y - 7.5, aman_teks(baris))
        y -= 9.2
    if k.kepala:
        c.setFont(regular, 5.5)
        for i, label in enumerate(("Kls", "B", "K", "±")):
            c.drawCentredString(kanan - (4 - i) * ANGKA_LEBAR + ANGKA_LEBAR / 2, y - 5.5, label)
    y = y_atas - kepala_h - 2
    if k.kepala:
        teks, nilai = k.kepala
        c.setFont(bold, UKURAN + 0.4)
        c.setFillColor(colors.black)
        for i, baris in enumerate(teks):
            c.drawString(x + 4, y - UKURAN - i * UKURAN * 1.18, aman_teks(baris))
        c.setFont(bold, UKURAN)
        _empat_angka(c, kanan, y - UKURAN, nilai)
        y -= _tinggi_baris(teks) + 3
    if k.baris:
        c.setFont(regular, 5.5)
        c.setFillColor(colors.HexColor("#555555"))
        c.drawString(x + 4, y - 6, "Jabatan pelaksana / fungsional")
        for i, label in enumerate(("Kls", "B", "K", "±")):
            c.drawCentredString(kanan - (4 - i) * ANGKA_LEBAR + ANGKA_LEBAR / 2, y - 6, label)
        c.setStrokeColor(colors.HexColor("#C8D0D8"))
        c.line(x + 3, y - 8, kanan, y - 8)
        y -= 9
        for teks, nilai in k.baris:
            c.setFillColor(colors.black)
            c.setFont(cond, UKURAN)
            for i, baris in enumerate(teks):
                c.drawString(x + 4, y - UKURAN - i * UKURAN * 1.18, aman_teks(baris))
            _empat_angka(c, kanan, y - UKURAN, nilai)
            y -= _tinggi_baris(teks)
    if k.rekap:
        _n, _nama, _kelas, b, kk, s = k.rekap
        c.setStrokeColor(colors.HexColor("#C8D0D8"))
        c.line(x + 3, y - 2, kanan, y - 2)
        c.setFont(bold, 6.2)
        c.setFillColor(colors.HexColor("#333333"))
        c.drawString(x + 4, y - 9.5, "Jumlah unit (dengan sub-unit)")
        _empat_angka(c, kanan, y - 9.5, (None, b, kk, s))
