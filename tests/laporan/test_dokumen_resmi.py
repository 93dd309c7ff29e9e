"""Official documents: the Perwal appendices (peta jabatan, pola koordinasi) and the round's
Surat Edaran, in PDF and DOCX, reopened by independent readers (pypdf, python-docx)."""

from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from docx import Document
from pypdf import PdfReader

from ramping.akun.akses import Akses
from ramping.laporan.exporters import LAPORAN, LampiranPetaJabatan, LampiranPolaKoordinasi
from ramping.laporan.exporters.surat_edaran import surat_edaran_berkas
from ramping.laporan.kop import nomor_peraturan
from ramping.organisasi.models import PengaturanInstansi
from ramping.penataan.models import KegiatanPenataan, PesertaPenataan
from ramping.sistemkerja.models import RelasiKoordinasi


@pytest.fixture
def kop(dunia):
    return PengaturanInstansi.objects.create(
        instansi=dunia.instansi, wke_jam=1250, mode_pembulatan="half_up", minimal_satu=True,
        kota="Uji", jabatan_kepala_daerah="Wali Kota Uji", nama_kepala_daerah="Andi Wijaya",
        penandatangan_nama="Sari Dewi", penandatangan_jabatan="Sekretaris Daerah",
        penandatangan_nip="197001011995032001", penandatangan_pangkat="Pembina Utama Madya",
    )  # fmt: skip


def teks_pdf(isi: bytes) -> tuple[str, int]:
    halaman = PdfReader(BytesIO(isi)).pages
    return " ".join(" ".join(p.extract_text().split()) for p in halaman), len(halaman)


def teks_docx(isi: bytes) -> str:
    doc = Document(BytesIO(isi))
    bagian = [p.text for p in doc.paragraphs]
    bagian += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(bagian).split())


def kaki_docx(isi: bytes) -> str:
    return Document(BytesIO(isi)).sections[0].footer._element.xml


def _periksa(isi_pdf: bytes, isi_docx: bytes, *harus: str) -> None:
    pdf, n = teks_pdf(isi_pdf)
    docx = teks_docx(isi_docx)
    for t in harus:
        assert t in pdf, t
        assert t in docx, t
    assert f"Halaman 1 dari {n}" in pdf and f"Halaman {n} dari {n}" in pdf
    assert "PAGE" in kaki_docx(isi_docx) and "NUMPAGES" in kaki_docx(isi_docx)


def test_nomor_peraturan():
    assert nomor_peraturan("Peraturan Wali Kota Cilegon Nomor 6 Tahun 2023") == "6 TAHUN 2023"
    assert nomor_peraturan("Perda Nomor 1 Tahun 2022; Perwal Nomor 9 Tahun 2023 tentang X") == (
        "9 TAHUN 2023"
    )
    assert nomor_peraturan("12/2024") == "12/2024"


def test_lampiran_peta_jabatan(dunia, kecil, kop):
    def ekspor(format):
        e = LampiranPetaJabatan(
            akses=dunia.analis,
            struktur=dunia.struktur,
            tanggal=date(2026, 12, 5),
            nomor="Perwal Nomor 6 Tahun 2026",
        )
        return e.ekspor(format)

    _periksa(
        ekspor("pdf"),
        ekspor("docx"),
        "LAMPIRAN I",
        "PERATURAN WALI KOTA UJI",
        "6 TAHUN 2026",
        "5 DESEMBER 2026",
        "PETA JABATAN DI LINGKUNGAN PEMERINTAH KOTA UJI",
        "PETA JABATAN DINAS A",
        "PETA JABATAN DINAS B",
        "Kepala Bidang Satu",
        "Ditetapkan di Uji",
        "pada tanggal 5 Desember 2026",
        "WALI KOTA UJI,",
        "ANDI WIJAYA",
    )


def test_lampiran_bawaan_dari_dasar_hukum_versi(dunia, kecil, kop):
    """Number from the version's legal basis; no date known: dotted lines to fill in."""
    e = LampiranPetaJabatan(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_b)
    pdf, _ = teks_pdf(e.ekspor("pdf"))
    assert "1 TAHUN 2024" in pdf and "TANGGAL : ...................." in pdf
    assert "PETA JABATAN DINAS B" in pdf and "Dinas A" not in pdf


def test_lampiran_pola_koordinasi(dunia, kecil, kop):
    RelasiKoordinasi.objects.create(
        instansi=dunia.instansi, struktur=dunia.struktur, unit_dari=dunia.dinas_a,
        unit_ke=dunia.dinas_b, jenis="mengoordinasikan", keterangan="Rapat triwulanan",
    )  # fmt: skip

    def ekspor(format):
        return LampiranPolaKoordinasi(
            akses=dunia.analis, struktur=dunia.struktur, tanggal=date(2026, 12, 5),
            nomor="7 Tahun 2026", tentang="Pola Koordinasi Perangkat Daerah",
        ).ekspor(format)  # fmt: skip

    isi_docx = ekspor("docx")
    _periksa(
        ekspor("pdf"),
        isi_docx,
        "LAMPIRAN II",
        "7 TAHUN 2026",
        "POLA KOORDINASI PERANGKAT DAERAH",
        "Mengoordinasikan",
        "Dikoordinasikan oleh",  # Dinas B's own side of the same relation
        "Rapat triwulanan",
        "ANDI WIJAYA",
    )
    # The diagram: drawn in the PDF, embedded as a picture in the DOCX.
    assert len(Document(BytesIO(isi_docx)).inline_shapes) == 1


def test_baca_dapat_diganti(dunia, kecil, kop):
    """The round replaces the read step (a frozen snapshot): the document shows only that."""

    class Beku(LampiranPolaKoordinasi):
        def baca_relasi(self):
            return []

    RelasiKoordinasi.objects.create(
        instansi=dunia.instansi, struktur=dunia.struktur, unit_dari=dunia.dinas_a,
        unit_ke=dunia.dinas_b, jenis="bekerja_sama",
    )  # fmt: skip
    pdf, _ = teks_pdf(Beku(akses=dunia.analis, struktur=dunia.struktur).ekspor("pdf"))
    assert "Belum ada relasi koordinasi" in pdf


def _kegiatan(dunia):
    k = KegiatanPenataan.objects.create(
        instansi=dunia.instansi, struktur=dunia.struktur, nama="Penataan 2027",
        dasar_hukum="PermenPAN-RB Nomor 1 Tahun 2020", diminta=["abk", "anjab"],
        tenggat=date(2027, 2, 26), nomor_surat="800/12-Org/2027",
        tanggal_surat=date(2027, 1, 15), perihal="Penyusunan ANJAB dan ABK",
        isi_surat="Konsultasi dapat dilakukan di Bagian Organisasi.",
    )  # fmt: skip
    PesertaPenataan.objects.create(instansi=dunia.instansi, kegiatan=k, opd=dunia.dinas_a)
    PesertaPenataan.objects.create(
        instansi=dunia.instansi, kegiatan=k, opd=dunia.dinas_b, tenggat=date(2027, 3, 12)
    )
    return k


def test_surat_edaran(dunia, kop):
    k = _kegiatan(dunia)

    def ekspor(format):
        return surat_edaran_berkas(akses=dunia.operator_a, kegiatan_id=k.pk, format=format,
                                   url_aplikasi="https://ramping.uji.go.id")  # fmt: skip

    pdf = ekspor("pdf")
    assert pdf.nama.startswith(f"surat-edaran-{k.pk}-") and pdf.mime == "application/pdf"
    _periksa(
        pdf.isi,
        ekspor("docx").isi,
        "PEMERINTAH KOTA UJI",
        "SURAT EDARAN",
        "NOMOR 800/12-Org/2027",
        "PENYUSUNAN ANJAB DAN ABK",
        "Kepala Perangkat Daerah",
        "di lingkungan Pemerintah Kota Uji",
        "analisis jabatan (ANJAB)",
        "analisis beban kerja (ABK)",
        "https://ramping.uji.go.id",
        "26 Februari 2027",
        "12 Maret 2027 *",  # Dinas B's own deadline
        "Dinas A",
        "Konsultasi dapat dilakukan",
        "pada tanggal 15 Januari 2027",
        "SEKRETARIS DAERAH KOTA UJI,",
        "SARI DEWI",
        "NIP. 19700101 199503 2 001",
    )
    assert "evaluasi jabatan:" not in teks_pdf(pdf.isi)[0]  # not asked in this round


def test_surat_edaran_instansi_lain_tidak_ada(dunia):
    from ramping.errors import TidakDitemukan

    k = _kegiatan(dunia)
    with pytest.raises(TidakDitemukan):
        surat_edaran_berkas(akses=dunia.orang_luar, kegiatan_id=k.pk, format="pdf")


def test_registri_dan_cli(dunia, kecil, kop, tmp_path):
    assert {"lampiran-peta-jabatan", "lampiran-pola-koordinasi"} <= set(LAPORAN)
    keluar = tmp_path / "lampiran.pdf"
    call_command("ekspor", "lampiran-peta-jabatan", "--instansi", "kota-uji", "--format", "pdf",
                 "--keluar", str(keluar), "--nomor", "Nomor 3 Tahun 2026", "--tanggal",
                 "2026-12-05", "--tentang", "Peta Jabatan Uji", stdout=StringIO())  # fmt: skip
    pdf, _ = teks_pdf(keluar.read_bytes())
    assert "3 TAHUN 2026" in pdf and "PETA JABATAN UJI" in pdf
    k = _kegiatan(dunia)
    keluar = tmp_path / "se.docx"
    call_command("ekspor", "surat-edaran", "--instansi", "kota-uji", "--kegiatan", str(k.pk),
                 "--format", "docx", "--keluar", str(keluar), stdout=StringIO())  # fmt: skip
    assert "NOMOR 800/12-Org/2027" in teks_docx(keluar.read_bytes())


def test_tanpa_pengaturan_memakai_nama_instansi(dunia, kecil):
    """Before the settings are filled in: the agency's name and kind, dotted name lines."""
    e = LampiranPetaJabatan(akses=Akses.sistem(dunia.instansi), struktur=dunia.struktur)
    pdf, _ = teks_pdf(e.ekspor("pdf"))
    assert "PERATURAN WALI KOTA UJI" in pdf and "WALI KOTA UJI," in pdf
    assert "(....................................)" in pdf


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_surat_edaran_memuat_identitas_dan_satu_kop(dunia, kop, format):
    """The letter's own letterhead counts: it is not drawn a second time above it."""
    from tests.laporan.bantu import identitas_berkas

    k = _kegiatan(dunia)
    isi = surat_edaran_berkas(akses=dunia.analis, kegiatan_id=k.pk, format=format).isi
    i = identitas_berkas(isi)
    assert i["penulis"] == "Pemerintah Kota Uji" and i["pembuat"] == "ramping"
    teks = teks_pdf(isi)[0] if format == "pdf" else teks_docx(isi)
    assert teks.count("PEMERINTAH KOTA UJI") == 1
