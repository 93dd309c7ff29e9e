"""ANJAB in the 17-item layout of PermenPAN-RB 1/2020, one position and a whole OPD."""

from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from pypdf import PdfReader

from ramping.jabatan.hubungan import KE_ATASAN, KE_BAWAHAN
from ramping.jabatan.models import Anjab
from ramping.laporan.dokumen import Isian
from ramping.laporan.exporters import InformasiJabatan
from ramping.laporan.exporters.anjab import JUDUL_BUTIR
from ramping.organisasi.models import Struktur
from tests.conftest import opd_paling_besar
from tests.laporan.bantu import (
    akses_demo,
    paragraf_docx,
    tabel_docx,
    teks_pdf,
    teks_pdf_alur,
    urut,
)

KOLOM_KORELASI = ["Jabatan", "Unit Kerja/Instansi", "Dalam Hal"]

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


@pytest.mark.parametrize(
    "kunci, atasan, unit_atasan",
    [
        ("pelaksana", "Kepala Bidang Satu", "Bidang Satu"),  # staff → head of its unit
        ("kepala_bidang", "Kepala Dinas A", "Dinas A"),  # unit head → head of the parent
        ("kepala_a", "Wali Kota Uji", "Pemerintah Kota Uji"),  # OPD head → kepala daerah
    ],
)
def test_atasan_langsung_dan_korelasi_dari_struktur_docx_dan_pdf(
    dunia, kecil, kunci, atasan, unit_atasan
):
    jabatan = getattr(kecil, kunci)
    isi = _satu(dunia, jabatan, "docx")
    teks_docx = "\n".join(paragraf_docx(isi))
    sel = [[c.text for c in r.cells] for t in tabel_docx(isi) for r in t.rows]
    assert ["Atasan Langsung", ":", atasan] in sel or f"Atasan Langsung\t: {atasan}" in teks_docx
    korelasi = next(
        t for t in tabel_docx(isi) if [c.text for c in t.rows[0].cells][1:] == KOLOM_KORELASI
    )
    pertama = [c.text for c in korelasi.rows[1].cells]
    assert pertama == ["1", atasan, unit_atasan, KE_ATASAN]
    assert f"Atasan Langsung,\n{atasan}" in "\n".join(
        c.text for t in tabel_docx(isi) for r in t.rows for c in r.cells
    )
    pdf = _satu(dunia, jabatan, "pdf")
    teks = teks_pdf(pdf)
    assert any("Atasan Langsung" in b and atasan in b for b in teks.splitlines())
    assert any(atasan in b and unit_atasan in b for b in teks.splitlines())
    assert f"{atasan} {unit_atasan} {KE_ATASAN}" in teks_pdf_alur(pdf)  # the korelasi row


def test_korelasi_kepala_memuat_bawahan_dan_baris_isian_luar_instansi(dunia, kecil):
    Anjab.objects.create(
        instansi=dunia.instansi, jabatan=kecil.kepala_a,
        korelasi_jabatan=[
            {"jabatan": "Wali Kota", "unit": "Dinas A", "dalam_hal": "Laporan"},
            {"jabatan": "Kepala BPOM Serang", "unit": "BPOM", "dalam_hal": "Pengawasan"},
        ],
    )  # fmt: skip
    isi = _satu(dunia, kecil.kepala_a, "docx")
    korelasi = next(
        t for t in tabel_docx(isi) if [c.text for c in t.rows[0].cells][1:] == KOLOM_KORELASI
    )
    assert [[c.text for c in r.cells][1:] for r in korelasi.rows[1:]] == [
        ["Wali Kota Uji", "Pemerintah Kota Uji", KE_ATASAN],
        ["Kepala Bidang Satu", "Bidang Satu", KE_BAWAHAN],
        ["Kepala BPOM Serang", "BPOM", "Pengawasan"],
    ]


def test_anjab_opd_terbesar_kueri_tetap(demo, django_assert_max_num_queries):
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    opd = opd_paling_besar(struktur)
    e = InformasiJabatan(akses=akses_demo(demo), struktur=struktur, opd=opd)
    with django_assert_max_num_queries(10):
        e.muat()
    dokumen = e.dokumen()
    assert len(e.rincian) > 100
    assert sum(isinstance(b, Isian) and b.pasangan[-1][0] == "Atasan Langsung"
               for b in dokumen.blok) == len(e.rincian)  # fmt: skip
    assert all(b.pasangan[-1][1] not in ("", "-") for b in dokumen.blok
               if isinstance(b, Isian) and b.pasangan[-1][0] == "Atasan Langsung")  # fmt: skip


def test_anjab_satu_jabatan_tanpa_opd_berjudul_opd_jabatannya(dunia, kecil):
    """A one-position ANJAB asked without an OPD (CLI `--jabatan`) names the position's OPD in
    its title and running header, not "Seluruh perangkat daerah" (#17 item 7)."""
    isi = _satu(dunia, kecil.pelaksana, "pdf")
    judul = PdfReader(BytesIO(isi)).metadata.title
    assert judul.endswith(f"— {dunia.dinas_a.nama}") and "Seluruh" not in judul
    assert f"Perangkat daerah: {dunia.dinas_a.nama}" in teks_pdf(isi)
