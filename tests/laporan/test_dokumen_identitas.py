"""Every report file names its agency, title and subject, opens with the agency's letterhead,
prints whole numbers without decimals, never splits a header word, and orders B, K, ± alike
(issue #17 item 7). Each file is reopened by readers other than the one that wrote it: pypdf
and poppler's pdfinfo/pdftotext, python-docx and the raw docProps XML, openpyxl and the raw XML.
"""

import re
import subprocess
import tempfile
import zipfile
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from ramping.laporan.dokumen import BULAT, DESIMAL, SELISIH, Kolom
from ramping.laporan.exporters import LAPORAN
from ramping.laporan.renderers.sel import teks_sel
from tests.laporan.bantu import teks_pdf

AGENSI = "Pemerintah Kota Uji"
KOP = "PEMERINTAH KOTA UJI"
NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
}
# Every report of `ramping.laporan` in every format it offers.
SEMUA = [(kode, f) for kode, kelas in LAPORAN.items() for f in kelas.format]
LAMPIRAN = {"lampiran-peta-jabatan", "lampiran-pola-koordinasi"}


@pytest.fixture
def berkas(dunia, kecil):
    cache: dict[tuple[str, str], bytes] = {}

    def ambil(kode: str, format: str) -> bytes:
        if (kode, format) not in cache:
            e = LAPORAN[kode](akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a)
            cache[kode, format] = e.ekspor(format)
        return cache[kode, format]

    return ambil


def _inti_xml(isi: bytes) -> dict[str, str]:
    """docProps/core.xml and app.xml read straight from the zip."""
    with zipfile.ZipFile(BytesIO(isi)) as z:
        inti = ElementTree.fromstring(z.read("docProps/core.xml"))
        app = ElementTree.fromstring(z.read("docProps/app.xml"))
    hasil = {
        nama: (inti.findtext(f"{ns}:{nama}", default="", namespaces=NS) or "")
        for ns, nama in (
            ("dc", "title"), ("dc", "creator"), ("dc", "subject"), ("cp", "keywords"),
            ("cp", "lastModifiedBy"),
        )
    }  # fmt: skip
    hasil["Application"] = app.findtext("ep:Application", default="", namespaces=NS) or ""
    return hasil


def _pdfinfo(isi: bytes) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "x.pdf"
        p.write_bytes(isi)
        keluaran = subprocess.run(["pdfinfo", str(p)], capture_output=True, check=True).stdout
    baris = (b.split(":", 1) for b in keluaran.decode().splitlines() if ":" in b)
    return {k.strip(): v.strip() for k, v in baris}


def _halaman_1(isi: bytes) -> str:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "x.pdf"
        p.write_bytes(isi)
        keluar = subprocess.run(
            ["pdftotext", "-layout", "-f", "1", "-l", "1", str(p), "-"], capture_output=True
        )
    return keluar.stdout.decode()


@pytest.mark.parametrize(("kode", "format"), [s for s in SEMUA if s[1] == "pdf"])
def test_pdf_metadata_dan_kop_surat(berkas, kode, format):
    isi = berkas(kode, format)
    meta = PdfReader(BytesIO(isi)).metadata
    info = _pdfinfo(isi)
    for m in (
        {"Title": meta.title, "Author": meta.author, "Subject": meta.subject,
         "Creator": meta.creator},
        info,
    ):  # fmt: skip
        assert m["Author"] == AGENSI
        assert m["Creator"] == "ramping"
        assert "Dinas A" in m["Title"]
        assert "Draf uji" in m["Subject"] and "Perda Kota Uji Nomor 1 Tahun 2024" in m["Subject"]
    halaman_1 = _halaman_1(isi)
    if kode in LAMPIRAN:
        # A regulation's appendix opens with its own header, not a letterhead.
        assert "LAMPIRAN" in halaman_1 and "PERATURAN WALI KOTA UJI" in halaman_1
        assert KOP not in halaman_1.split("LAMPIRAN")[0]
    else:
        # Above everything but the small running header: the letterhead's first line.
        awal = [b.strip() for b in halaman_1.splitlines() if b.strip()][:3]
        assert any(KOP in b for b in awal)  # the peta cards: on the title line


@pytest.mark.parametrize(("kode", "format"), [s for s in SEMUA if s[1] == "docx"])
def test_docx_metadata_dan_kop_surat(berkas, kode, format):
    isi = berkas(kode, format)
    inti = Document(BytesIO(isi)).core_properties
    xml = _inti_xml(isi)
    assert inti.author == xml["creator"] == AGENSI
    assert inti.title == xml["title"] and "Dinas A" in inti.title
    assert inti.subject == xml["subject"] and "Draf uji" in inti.subject
    assert inti.last_modified_by == xml["lastModifiedBy"] == "ramping"
    assert xml["Application"] == "ramping"
    assert "python-docx" not in (inti.author + inti.comments)
    doc = Document(BytesIO(isi))
    awal = doc.element.body[0]
    teks_awal = "".join(t.text or "" for t in awal.iter(f"{{{NS['w']}}}t"))
    if kode in LAMPIRAN:
        assert teks_awal.startswith("LAMPIRAN")
    else:
        # The letterhead is the body's first element (a logo | lines | mirror table).
        assert awal.tag == f"{{{NS['w']}}}tbl" and teks_awal.startswith(KOP)


@pytest.mark.parametrize(("kode", "format"), [s for s in SEMUA if s[1] == "xlsx"])
def test_xlsx_metadata_dan_baris_judul(berkas, kode, format):
    isi = berkas(kode, format)
    wb = openpyxl.load_workbook(BytesIO(isi))
    xml = _inti_xml(isi)
    assert wb.properties.creator == xml["creator"] == AGENSI
    assert wb.properties.title == xml["title"] and "Dinas A" in xml["title"]
    assert "Draf uji" in xml["subject"]
    assert wb.properties.lastModifiedBy == "ramping"
    for ws in wb.worksheets:
        # Agency, title, OPD, version, legal basis, date above the frozen column header.
        kepala = next(r for r in range(1, 30) if ws.cell(r, 1).value == "No")
        judul = [ws.cell(r, 1).value for r in range(1, kepala) if ws.cell(r, 1).value]
        assert judul[0] == KOP
        assert ws.cell(2, 1).font.b and ws.cell(2, 1).font.sz == 14  # the document's title
        assert "Perangkat daerah: Dinas A" in judul
        assert "Versi struktur: Draf uji" in judul
        assert any(t.startswith("Tanggal: ") for t in judul)
        assert ws.freeze_panes == f"A{kepala + 1}"


# --- numbers -------------------------------------------------------------------------------

VOLUME = Kolom("Jumlah Hasil", DESIMAL, desimal=2)
WAKTU = Kolom("Waktu", DESIMAL, desimal=4)
K_DESIMAL = Kolom("Kebutuhan Pegawai", DESIMAL, desimal=4, tetap=True)
EJ = Kolom("EJ", DESIMAL, desimal=2, tetap=True)


@pytest.mark.parametrize(
    ("nilai", "kolom", "teks"),
    [
        (Decimal("106.00"), VOLUME, "106"),  # the demo's "106,00"
        (Decimal("1562"), VOLUME, "1.562"),
        (Decimal("2.50"), VOLUME, "2,5"),
        (Decimal("0.25"), VOLUME, "0,25"),
        (Decimal("1250.005"), VOLUME, "1.250,01"),  # rounded half up to the column's places
        (Decimal("0.001"), VOLUME, "0"),
        (Decimal("0.5000"), WAKTU, "0,5"),
        (Decimal("3"), WAKTU, "3"),
        (8, VOLUME, "8"),  # an int in a decimal column is a count
        # Fixed places: the unrounded K as the worked example prints it (960 ÷ 1.250 = 0,7680)
        (Decimal("0.768"), K_DESIMAL, "0,7680"),
        (Decimal("3"), K_DESIMAL, "3,0000"),
        (Decimal("1"), EJ, "1,00"),
        (1250, Kolom("WKE", BULAT), "1.250"),
        (-3, Kolom("±", SELISIH), "−3"),
        (2, Kolom("±", SELISIH), "+2"),
        (None, VOLUME, ""),
    ],
)
def test_angka_bulat_tanpa_desimal(nilai, kolom, teks):
    assert teks_sel(nilai, kolom) == teks


def test_xlsx_format_angka_mengikuti_aturan_yang_sama(dunia, kecil):
    """The ABK recap's cells: 960 hours as "#,##0", K before rounding always four places."""
    isi = LAPORAN["abk"](akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a).ekspor(
        "xlsx"
    )
    ws = openpyxl.load_workbook(BytesIO(isi))["ABK"]
    kepala = next(r for r in range(1, 30) if ws.cell(r, 1).value == "No")
    judul = [c.value for c in ws[kepala]]
    baris = next(r for r in ws.iter_rows(min_row=kepala + 1) if r[2].value == "Kepala Dinas A")
    beban = baris[judul.index("Beban Kerja (jam/tahun)")]
    k = baris[judul.index("K sebelum pembulatan")]
    assert beban.value == 960 and beban.number_format == "#,##0"
    assert k.number_format == "#,##0.0000"


def test_anjab_tidak_mencetak_volume_bulat_dengan_desimal(berkas):
    teks = teks_pdf(berkas("anjab", "pdf"))
    # Kepala Dinas A: 240 × 2 jam and 12 × 40 jam (tests/laporan/conftest.py).
    assert re.search(r"240\s+2\s+1\.250\s+0,3840", teks)
    assert "240,00" not in teks and "2,00 " not in teks


# --- headers wrap only at spaces -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kode", "format"), [s for s in SEMUA if s[1] == "pdf" and s[0] != "peta-jabatan"]
)
def test_kepala_tabel_pdf_tidak_memenggal_kata(dunia, kecil, berkas, kode, format):
    """Every long word of every table header is found whole in the page text (poppler), and
    never as a start of it followed by a hyphen and a blank ("Penye- lesaian")."""
    e = LAPORAN[kode](akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a)
    e.muat()
    judul = " ".join(k.judul for t in e.dokumen().tabel() for k in t.kolom)
    kata = set(re.findall(r"[A-Za-z]{6,}", judul))
    teks = teks_pdf(berkas(kode, format))
    for k in kata:
        assert re.search(rf"\b{k}\b", teks), k
        assert not re.search(rf"\b{k[:3]}\w*-\s", teks), k


def test_kepala_tabel_pdf_anjab_utuh_dengan_posisi_pypdf(berkas):
    """pypdf's text of page 1 has "Penyelesaian" whole (the demo showed "Penye- lesaian")."""
    teks = PdfReader(BytesIO(berkas("anjab", "pdf"))).pages[0].extract_text()
    assert "Penyelesaian" in teks and "Penye-" not in teks


@pytest.mark.parametrize("kode", [k for k, f in SEMUA if f == "docx"])
def test_kepala_tabel_docx_cukup_lebar_untuk_kata_terpanjang(berkas, kode):
    """Word breaks a word longer than its cell: every header cell (tcW, twips) is at least its
    longest word in Arial bold 9 pt plus the cell margins (2 × 0,19 cm)."""
    doc = Document(BytesIO(berkas(kode, "docx")))
    diperiksa = 0
    for t in doc.tables:
        kepala = t._tbl.tr_lst[0]
        for tc in kepala.tc_lst:
            lebar = int(tc.tcPr.find(f"{{{NS['w']}}}tcW").get(f"{{{NS['w']}}}w")) / 20
            teks = "".join(x.text or "" for x in tc.iter(f"{{{NS['w']}}}t"))
            kata = max((stringWidth(w, "Helvetica-Bold", 9) for w in teks.split()), default=0)
            bold = tc.find(f".//{{{NS['w']}}}b") is not None
            if bold and teks:
                diperiksa += 1
                assert kata + 10.8 <= lebar, (teks, lebar)
    if kode not in LAMPIRAN:
        assert diperiksa


# --- B, K, ± ----------------------------------------------------------------------------------


@pytest.mark.parametrize("kode", ["peta-jabatan", "abk", "kebutuhan"])
def test_urutan_b_k_selisih_sama_di_setiap_ekspor(berkas, kode):
    """Kelas, B, K, ± as the peta jabatan (Peraturan BKN 9/2022 form; anjab-abk.md §4)."""
    ws = openpyxl.load_workbook(BytesIO(berkas(kode, "xlsx"))).worksheets[0]
    kepala = next(r for r in range(1, 30) if ws.cell(r, 1).value == "No")
    judul = [c.value for c in ws[kepala]]
    i = judul.index("B")
    assert judul[i : i + 3] == ["B", "K", "±"]
    assert judul.index("Kelas") < i


def test_urutan_b_k_selisih_di_peta_pdf(berkas):
    teks = teks_pdf(berkas("peta-jabatan", "pdf"))
    assert re.search(r"Kls\s+B\s+K\s+±", teks)
    assert not re.search(r"\bK\s+B\s+±", teks)


def test_isi_paket_zip_memuat_identitas(dunia, kecil):
    """Every file of the OPD's ZIP bundle, the per-position ANJAB DOCX included."""
    from ramping.laporan.paket import pekerjaan_paket
    from tests.laporan.bantu import identitas_berkas

    kerja = pekerjaan_paket(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a)
    assert any("/anjab/" in nama for nama, _ in kerja)
    for nama, buat in kerja:
        i = identitas_berkas(buat())
        assert i["penulis"] == AGENSI and i["pembuat"] == "ramping", nama
        assert "Dinas A" in i["judul"], nama
    anjab = [buat() for nama, buat in kerja if "/anjab/" in nama]
    assert {identitas_berkas(isi)["judul"] for isi in anjab} == {
        "Informasi Jabatan: Kepala Dinas A — Dinas A",
        "Informasi Jabatan: Kepala Bidang Satu — Dinas A",
        "Informasi Jabatan: =1+2 Pengelola — Dinas A",
    }
