"""Readers used by the report tests: every file is reopened by an independent library."""

import subprocess
import tempfile
from io import BytesIO
from pathlib import Path

import openpyxl
from docx import Document
from pypdf import PdfReader

from ramping.akun.akses import Akses


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
