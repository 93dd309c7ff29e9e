"""Readers used by the report tests: every file is reopened by an independent library."""

import re
import subprocess
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
from docx import Document
from pypdf import PdfReader

from ramping.akun.akses import Akses

XHTML = "{http://www.w3.org/1999/xhtml}"


def baris_xlsx(isi: bytes):
    """(worksheet, header row index, data rows as lists of cells) of the first sheet."""
    ws = openpyxl.load_workbook(BytesIO(isi)).active
    kepala = next(r for r in range(1, 20) if ws.cell(r, 1).value == "No")
    baris = [list(r) for r in ws.iter_rows(min_row=kepala + 1)]
    return ws, kepala, baris


def teks_pdf(isi: bytes) -> str:
    """Text of a PDF by poppler's pdftotext (another reader than the one that wrote it)."""
    with tempfile.TemporaryDirectory() as d:
        berkas = Path(d) / "x.pdf"
        berkas.write_bytes(isi)
        hasil = subprocess.run(["pdftotext", "-layout", str(berkas), "-"], capture_output=True)
    return hasil.stdout.decode()


def teks_pdf_alur(isi: bytes) -> str:
    """Text in drawing order (pypdf), whitespace collapsed: a name wrapped in a card reads whole."""
    teks = " ".join(p.extract_text() for p in PdfReader(BytesIO(isi)).pages)
    return " ".join(teks.split())


def halaman_pdf(isi: bytes) -> int:
    return len(PdfReader(BytesIO(isi)).pages)


def paragraf_docx(isi: bytes) -> list[str]:
    return [p.text for p in Document(BytesIO(isi)).paragraphs]


def tabel_docx(isi: bytes):
    return Document(BytesIO(isi)).tables


def urut(teks: str, judul: list[str]) -> bool:
    """Every heading occurs, in this order."""
    posisi = -1
    for j in judul:
        posisi = teks.find(j, posisi + 1)
        if posisi < 0:
            return False
    return True


def akses_demo(demo) -> Akses:
    return Akses.sistem(demo)


@dataclass(frozen=True, slots=True)
class Kata:
    """One word of a PDF page as poppler places it (points, y down from the top)."""

    halaman: int
    teks: str
    x0: float
    y0: float
    x1: float
    y1: float


def kata_pdf(isi: bytes) -> list[Kata]:
    """Every word with its box, read by poppler's `pdftotext -bbox-layout` (not reportlab)."""
    with tempfile.TemporaryDirectory() as d:
        berkas = Path(d) / "x.pdf"
        berkas.write_bytes(isi)
        html = subprocess.run(
            ["pdftotext", "-bbox-layout", str(berkas), "-"], capture_output=True, check=True
        ).stdout.decode()
    hasil = []
    for nomor, halaman in enumerate(ElementTree.fromstring(html).iter(f"{XHTML}page"), 1):
        for w in halaman.iter(f"{XHTML}word"):
            x0, y0, x1, y1 = (float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            hasil.append(Kata(nomor, w.text or "", x0, y0, x1, y1))
    return hasil


def tabrakan(kata: list[Kata], toleransi: float = 0.3) -> list[tuple[Kata, Kata]]:
    """Pairs of words on the same page whose boxes overlap by more than `toleransi` points in
    both directions (touching edges and the rounding of the font's ascent are allowed)."""
    hasil = []
    per_halaman: dict[int, list[Kata]] = {}
    for k in kata:
        per_halaman.setdefault(k.halaman, []).append(k)
    for daftar in per_halaman.values():
        daftar.sort(key=lambda k: k.x0)
        for i, a in enumerate(daftar):
            for b in daftar[i + 1 :]:
                if b.x0 >= a.x1 - toleransi:
                    break
                lebar = min(a.x1, b.x1) - max(a.x0, b.x0)
                tinggi = min(a.y1, b.y1) - max(a.y0, b.y0)
                if lebar > toleransi and tinggi > toleransi:
                    hasil.append((a, b))
    return hasil


LABEL_ANGKA = ("Kls", "B", "K", "±")
ANGKA = re.compile(r"^[−+-]?\d{1,3}(\.\d{3})*$")


def angka_di_luar_kolom(kata: list[Kata], tinggi_halaman: float) -> list[Kata]:
    """Numbers of the peta cards that do not sit inside one of the Kls, B, K, ± columns.

    The columns are read from the PDF itself: each "Kls B K ±" label row gives four centres
    and the pitch between them is a column's width. A number under such a row (the nearest
    label row above it whose span it touches) must lie inside one column; anything that
    reaches into the span without doing so (a name running into the numbers, "Keuangan9") is
    reported. The page header and footer carry no label row above them and are skipped.
    """
    salah = []
    per_halaman: dict[int, list[Kata]] = {}
    for k in kata:
        per_halaman.setdefault(k.halaman, []).append(k)
    for daftar in per_halaman.values():
        baris: dict[float, list[Kata]] = {}
        for k in daftar:
            if k.teks in LABEL_ANGKA:
                baris.setdefault(round(k.y0, 1), []).append(k)
        label = []  # (y bottom, centres, pitch)
        for isi in baris.values():
            isi.sort(key=lambda k: k.x0)
            for i in range(len(isi) - 3):
                empat = isi[i : i + 4]
                if tuple(k.teks for k in empat) == LABEL_ANGKA:
                    tengah = [(k.x0 + k.x1) / 2 for k in empat]
                    label.append((max(k.y1 for k in empat), tengah, tengah[1] - tengah[0]))
        for k in daftar:
            if not ANGKA.match(k.teks) or k.y0 > tinggi_halaman - 30:
                continue
            di_atas = [
                (y, t, p)
                for y, t, p in label
                if y <= k.y0 + 0.5 and k.x1 > t[0] - p / 2 and k.x0 < t[-1] + p / 2
            ]
            if not di_atas:
                continue
            _y, tengah, pitch = max(di_atas, key=lambda a: a[0])
            if not any(c - pitch / 2 - 0.3 <= k.x0 and k.x1 <= c + pitch / 2 + 0.3 for c in tengah):
                salah.append(k)
    return salah


def identitas_berkas(isi: bytes) -> dict[str, str]:
    """Author, title and the creating application of a PDF (pypdf) or an OOXML file (its
    docProps/core.xml read straight from the zip) — for the downloads of every app."""
    import zipfile
    from xml.etree import ElementTree

    if isi.startswith(b"%PDF"):
        m = PdfReader(BytesIO(isi)).metadata
        return {"penulis": m.author, "judul": m.title, "pembuat": m.creator}
    ns = {
        "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        "dc": "http://purl.org/dc/elements/1.1/",
    }
    with zipfile.ZipFile(BytesIO(isi)) as z:
        inti = ElementTree.fromstring(z.read("docProps/core.xml"))
    return {
        "penulis": inti.findtext("dc:creator", namespaces=ns),
        "judul": inti.findtext("dc:title", namespaces=ns),
        "pembuat": inti.findtext("cp:lastModifiedBy", namespaces=ns),
    }
