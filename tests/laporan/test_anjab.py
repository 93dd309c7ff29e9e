"""ANJAB in the 17-item layout of PermenPAN-RB 1/2020, one position and a whole OPD."""

from decimal import Decimal
from io import BytesIO

from docx import Document

from ramping.laporan.exporters import InformasiJabatan
from ramping.laporan.exporters.anjab import JUDUL_BUTIR
from tests.laporan.bantu import paragraf_docx, tabel_docx, teks_pdf, urut

JUDUL = [
    "1. NAMA JABATAN", "2. KODE JABATAN", "3. UNIT KERJA", "4. IKHTISAR JABATAN",
    "5. KUALIFIKASI JABATAN", "6. TUGAS POKOK", "7. HASIL KERJA", "8. BAHAN KERJA",
    "9. PERANGKAT KERJA", "10. TANGGUNG JAWAB", "11. WEWENANG", "12. KORELASI JABATAN",
    "13. KONDISI LINGKUNGAN KERJA", "14. RISIKO BAHAYA", "15. SYARAT JABATAN",
    "16. PRESTASI KERJA YANG DIHARAPKAN", "17. KELAS JABATAN",
]  # fmt: skip


def _satu(dunia, jabatan, format):
    e = InformasiJabatan(akses=dunia.operator_b, struktur=dunia.struktur, jabatan_id=jabatan.pk)
    return e.ekspor(format)


def test_tujuh_belas_judul_docx_berurutan(dunia, kecil):
    assert list(JUDUL_BUTIR) == JUDUL
    isi = _satu(dunia, kecil.pelaksana, "docx")
    paragraf = paragraf_docx(isi)
    judul = [p.text.split("\t")[0] for p in Document(BytesIO(isi)).paragraphs
             if p.style.name == "Heading 2"]  # fmt: skip
    assert judul == JUDUL
    assert "1. NAMA JABATAN\t: =1+2 Pengelola" in paragraf
    assert "17. KELAS JABATAN\t: 5" in paragraf


def test_tujuh_belas_judul_pdf_berurutan_dan_rantai_unit(dunia, kecil):
    teks = teks_pdf(_satu(dunia, kecil.pelaksana, "pdf"))
    assert urut(teks, JUDUL)
    for label, isi in (
        ("c. JPT Pratama", "Dinas A"), ("d. Administrator", "Bidang Satu"),
        ("f. Pelaksana", "=1+2 Pengelola"),
    ):  # fmt: skip
        assert any(label in b and isi in b for b in teks.splitlines()), label
    assert "Joko Widodo" in teks  # holder signs as pemangku
    assert "Kota Uji, 30 November 2026" in teks or "Uji, " in teks


def test_tabel_tugas_pokok_kolom_abk_dengan_jumlah_dan_pembulatan(dunia, kecil):
    tabel = tabel_docx(_satu(dunia, kecil.kepala_a, "docx"))
    tugas = next(t for t in tabel if t.rows[0].cells[1].text == "Uraian Tugas")
    kepala = [c.text for c in tugas.rows[0].cells]
    assert kepala[3:] == ["Jumlah Hasil", "Waktu Penyelesaian (jam)", "Waktu Efektif",
                          "Kebutuhan Pegawai"]  # fmt: skip
    baris = [[c.text for c in r.cells] for r in tugas.rows[1:]]
    # Whole volumes and hours without decimals; K before rounding to four places (0,3840 as
    # the worked example: 240 × 2 jam ÷ 1.250).
    assert baris[0][3:] == ["240", "2", "1.250", "0,3840"]
    assert baris[1][3:] == ["12", "40", "1.250", "0,3840"]
    per_tugas = sum(Decimal(b[6].replace(",", ".")) for b in baris[:2])
    assert baris[2][1] == "Jumlah" and Decimal(baris[2][6].replace(",", ".")) == per_tugas
    assert baris[3][1] == "Jumlah Pegawai" and baris[3][6] == "1"


def test_anjab_seluruh_opd_satu_dokumen_per_jabatan(dunia, kecil):
    e = InformasiJabatan(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a)
    paragraf = paragraf_docx(e.ekspor("docx"))
    assert sum(p.startswith("1. NAMA JABATAN") for p in paragraf) == 3
    bagian = list(e.bagian())
    assert len(bagian) == 3 and bagian[0][0].startswith("001-dinas-a-j01")
