"""Informasi Faktor Jabatan, Hasil Evaluasi Jabatan and Berita Acara (PermenPAN-RB 34/2011)."""

from datetime import date

from ramping import aturan
from ramping.laporan.exporters import BeritaAcara, EvaluasiJabatan
from tests.laporan.bantu import paragraf_docx, tabel_docx, teks_pdf, urut


def test_informasi_faktor_dan_hasil_evaluasi_satu_jabatan(dunia, kecil):
    e = EvaluasiJabatan(akses=dunia.pimpinan, struktur=dunia.struktur, jabatan_id=kecil.kepala_a.pk)
    teks = teks_pdf(e.ekspor("pdf"))
    bagian = ["INFORMASI FAKTOR JABATAN STRUKTURAL", "VI. TINGKAT FAKTOR",
              "HASIL EVALUASI JABATAN STRUKTURAL", "TOTAL NILAI", "KELAS JABATAN"]  # fmt: skip
    assert urut(teks, bagian)
    for f in aturan.faktor_evaluasi("struktural"):
        assert f.nama.split(":")[0] in teks
    assert "Tingkat Faktor 6-1" in teks
    assert "Sesuai uraian tugas." in teks
    assert "8 (1.105–1.350)" in teks and "1.165" in teks
    uraian = aturan.faktor_evaluasi("struktural")[0].tingkat[0].uraian
    assert " ".join(uraian.split()[:4]) in " ".join(teks.split())


def test_hasil_evaluasi_docx_total_sama_dengan_jumlah_faktor(dunia, kecil):
    e = EvaluasiJabatan(akses=dunia.analis, struktur=dunia.struktur, jabatan_id=kecil.pelaksana.pk)
    tabel = tabel_docx(e.ekspor("docx"))
    hasil = next(
        t
        for t in tabel
        if [c.text for c in t.rows[0].cells] == ["No", "Faktor", "Nilai", "Keterangan"]
    )
    baris = [[c.text for c in r.cells] for r in hasil.rows[1:]]
    assert len(baris) == 10 and baris[-1][1] == "TOTAL NILAI"
    assert sum(int(b[2]) for b in baris[:-1]) == int(baris[-1][2]) == 190


def test_berita_acara_memuat_jabatan_dan_kelasnya(dunia, kecil):
    e = BeritaAcara(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a,
                    tanggal=date(2026, 11, 30))  # fmt: skip
    isi = e.ekspor("docx")
    paragraf = paragraf_docx(isi)
    assert "BERITA ACARA" in paragraf
    assert any("Senin tanggal 30 November 2026" in p and "Tim Evaluasi Uji" in p for p in paragraf)
    tabel = next(t for t in tabel_docx(isi) if t.rows[0].cells[1].text == "Nama Jabatan")
    baris = [[c.text for c in r.cells] for r in tabel.rows[1:]]
    assert [(b[1], b[3], b[4]) for b in baris] == [
        ("Kepala Dinas A", "1.165", "8 (1.105–1.350)"),
        ("=1+2 Pengelola", "190", "1 (190–240)"),
    ]
    teks = teks_pdf(e.ekspor("pdf"))
    assert "Kepala Dinas A" in teks and "8 (1.105–1.350)" in teks and "Ketua" in teks
