"""Informasi jabatan Word documents built by the tests (never hand-edited binaries), in the
PermenPAN-RB 1/2020 layout and the older PermenPAN-RB 33/2011 one, plus hostile archives."""

import io
import zipfile

from docx import Document

TUGAS = [
    # uraian, hasil kerja, satuan, jumlah hasil, waktu (jam)
    ("Menyusun bahan kebijakan teknis", "Bahan kebijakan", "Dokumen", "24", "10,00"),
    ("Menelaah usulan program", "Telaahan", "Laporan", "1.200,00", "0,50"),
    ("Mengolah data kinerja", "Data kinerja", "Berkas", "250", "1,5"),
]


def _tabel(doc, baris, kolom=None):
    t = doc.add_table(rows=0, cols=kolom or len(baris[0]))
    for b in baris:
        sel = t.add_row().cells
        for i, v in enumerate(b):
            sel[i].text = v
    return t


def anjab_2020(
    nama="Penelaah Teknis Kebijakan",
    unit=("Dinas A", "Bidang Satu"),
    tugas=TUGAS,
    *,
    kolom_satuan=False,
    kode="",
    kelas="7",
    ikhtisar="Melakukan penelaahan teknis kebijakan bidang satu.",
) -> bytes:
    """The 17-item form of PermenPAN-RB 1/2020 (ramping's own export has the same shape)."""
    d = Document()
    d.add_paragraph("INFORMASI JABATAN")
    d.add_paragraph(f"1. NAMA JABATAN\t: {nama}")
    d.add_paragraph(f"2. KODE JABATAN\t: {kode or '-'}")
    d.add_paragraph("3. UNIT KERJA")
    label = ["a. JPT Utama", "b. JPT Madya", "c. JPT Pratama", "d. Administrator", "e. Pengawas",
             "f. Pelaksana", "g. Jabatan Fungsional"]  # fmt: skip
    isi = ["-", "-", unit[0], unit[1] if len(unit) > 1 else "-", "-", nama, "-"]
    _tabel(d, [[a, ":", b] for a, b in zip(label, isi, strict=True)])
    d.add_paragraph("4. IKHTISAR JABATAN")
    d.add_paragraph(ikhtisar)
    d.add_paragraph("5. KUALIFIKASI JABATAN")
    _tabel(d, [["a. Pendidikan Formal", ":", "S-1 Administrasi Negara"],
               ["b. Pendidikan dan Pelatihan", ":", "Diklat teknis; Pelatihan analisis"],
               ["c. Pengalaman Kerja", ":", "Penyusunan laporan 2 tahun"]])  # fmt: skip
    d.add_paragraph("6. TUGAS POKOK")
    kepala = ["No", "Uraian Tugas", "Hasil Kerja"] + (["Satuan Hasil"] if kolom_satuan else [])
    kepala += ["Jumlah Hasil", "Waktu Penyelesaian (jam)", "Waktu Efektif", "Kebutuhan Pegawai"]
    baris = [kepala]
    for i, (u, h, s, v, w) in enumerate(tugas, 1):
        baris.append([str(i), u, h, *([s] if kolom_satuan else []), v, w, "1250", ""])
    baris.append(["", "JUMLAH", "", *([""] if kolom_satuan else []), "", "", "", "0,5"])
    baris.append(["", "PEMBULATAN", "", *([""] if kolom_satuan else []), "", "", "", "1"])
    _tabel(d, baris)
    d.add_paragraph("7. HASIL KERJA")
    _tabel(d, [["No", "Hasil Kerja", "Satuan Hasil"]]
           + [[str(i), h, s] for i, (_u, h, s, _v, _w) in enumerate(tugas, 1)])  # fmt: skip
    d.add_paragraph("8. BAHAN KERJA")
    _tabel(d, [["No", "Bahan Kerja", "Penggunaan dalam Tugas"], ["1", "Data", "Bahan telaah"]])
    d.add_paragraph("9. PERANGKAT KERJA")
    _tabel(d, [["No", "Perangkat Kerja", "Penggunaan untuk Tugas"], ["1", "Komputer", "Olah"]])
    d.add_paragraph("10. TANGGUNG JAWAB")
    d.add_paragraph("1.\tKebenaran hasil telaahan")
    d.add_paragraph("2.\tKetepatan waktu")
    d.add_paragraph("11. WEWENANG")
    d.add_paragraph("1.\tMeminta data")
    d.add_paragraph("12. KORELASI JABATAN")
    _tabel(d, [["No", "Jabatan", "Unit Kerja/Instansi", "Dalam Hal"],
               ["1", "Kepala Bidang Satu", "Dinas A", "Melaporkan hasil"]])  # fmt: skip
    d.add_paragraph("13. KONDISI LINGKUNGAN KERJA")
    _tabel(d, [["No", "Aspek", "Faktor"], ["1", "Tempat kerja", "Di dalam ruangan"]])
    d.add_paragraph("14. RISIKO BAHAYA")
    _tabel(d, [["No", "Nama Risiko", "Penyebab"], ["1", "Kelelahan mata", "Layar komputer"]])
    d.add_paragraph("15. SYARAT JABATAN")
    _tabel(d, [["a. Keterampilan Kerja", ":", "Mengoperasikan komputer"],
               ["b. Bakat Kerja", ":", "G (Intelegensia); V (Bakat Verbal)"],
               ["c. Temperamen Kerja", ":", "T"], ["d. Minat Kerja", ":", "Konvensional"],
               ["e. Upaya Fisik", ":", "Duduk; Melihat"], ["f. Kondisi Fisik", "", ""],
               ["    1) Jenis Kelamin", ":", "Laki-laki/Perempuan"],
               ["    7) Keadaan Fisik", ":", "Sehat"],
               ["g. Fungsi Pekerjaan", ":", "D2 Menganalisis data"]])  # fmt: skip
    d.add_paragraph("16. PRESTASI KERJA YANG DIHARAPKAN\t: Hasil penilaian kinerja minimal Baik.")
    d.add_paragraph(f"17. KELAS JABATAN\t: {kelas}")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def anjab_2011(nama="Penelaah Teknis Kebijakan", tugas=TUGAS, *, baris_prestasi=None) -> bytes:
    """PermenPAN-RB 33/2011: eselon chain, uraian tugas as paragraphs with tahapan, volume and
    minutes in item 16 (Prestasi kerja yang diharapkan), item 17 Butir informasi lain."""
    d = Document()
    d.add_paragraph("INFORMASI JABATAN")
    d.add_paragraph(f"1. NAMA JABATAN : {nama}")
    d.add_paragraph("2. KODE JABATAN : -")
    d.add_paragraph("3. UNIT ORGANISASI")
    _tabel(d, [["a. Eselon I", ":", "-"], ["b. Eselon II", ":", "Dinas A"],
               ["c. Eselon III", ":", "Bidang Satu"], ["d. Eselon IV", ":", "-"]])  # fmt: skip
    d.add_paragraph("4. KEDUDUKAN DALAM STRUKTUR ORGANISASI")
    d.add_paragraph("(bagan)")
    d.add_paragraph("5. IKHTISAR JABATAN")
    d.add_paragraph("Menelaah kebijakan teknis.")
    d.add_paragraph("6. URAIAN TUGAS")
    for i, (u, _h, _s, _v, _w) in enumerate(tugas, 1):
        d.add_paragraph(f"{i}. {u};")
        d.add_paragraph("Tahapan:")
        d.add_paragraph("a) Menerima disposisi")
        d.add_paragraph("b) Menyelesaikan pekerjaan")
    d.add_paragraph("7. BAHAN KERJA")
    _tabel(d, [["No", "Bahan Kerja", "Penggunaan dalam Tugas"], ["1", "Data", "Bahan telaah"]])
    d.add_paragraph("8. PERANGKAT/ALAT KERJA")
    _tabel(d, [["No", "Perangkat Kerja", "Digunakan untuk Tugas"], ["1", "Komputer", "Olah"]])
    d.add_paragraph("9. HASIL KERJA")
    _tabel(d, [["No", "Hasil Kerja", "Satuan Hasil"]]
           + [[str(i), h, s] for i, (_u, h, s, _v, _w) in enumerate(tugas, 1)])  # fmt: skip
    d.add_paragraph("10. TANGGUNG JAWAB")
    d.add_paragraph("1. Kebenaran hasil telaahan")
    d.add_paragraph("11. WEWENANG")
    d.add_paragraph("1. Meminta data")
    d.add_paragraph("12. KORELASI JABATAN")
    _tabel(d, [["No", "Jabatan", "Unit Kerja/Instansi", "Dalam Hal"],
               ["1", "Kepala Bidang Satu", "Dinas A", "Melaporkan hasil"]])  # fmt: skip
    d.add_paragraph("13. KONDISI LINGKUNGAN KERJA")
    _tabel(d, [["No", "Aspek", "Faktor"], ["1", "Tempat kerja", "Di dalam ruangan"]])
    d.add_paragraph("14. RISIKO BAHAYA")
    _tabel(d, [["No", "Nama Risiko", "Penyebab"], ["1", "-", "-"]])
    d.add_paragraph("15. SYARAT JABATAN")
    _tabel(d, [["a. Pangkat/Gol. Ruang", ":", "Penata Muda (III/a)"],
               ["b. Pendidikan", ":", "S-1 Administrasi Negara"],
               ["c. Kursus/Diklat", ":", "Diklat teknis"],
               ["d. Pengalaman Kerja", ":", "Penyusunan laporan"],
               ["e. Pengetahuan Kerja", ":", "Kebijakan publik"],
               ["f. Keterampilan Kerja", ":", "Mengoperasikan komputer"],
               ["g. Bakat Kerja", ":", "G; V"], ["h. Temperamen Kerja", ":", "T"],
               ["i. Minat Kerja", ":", "2.a"], ["j. Upaya Fisik", ":", "Duduk"],
               ["l. Fungsi Pekerjaan", ":", "D2"]])  # fmt: skip
    d.add_paragraph("16. PRESTASI KERJA YANG DIHARAPKAN")
    baris = [["No", "Satuan Hasil", "Jumlah Hasil", "Waktu Penyelesaian (menit)", "Waktu Efektif"]]
    for i, (_u, _h, s, v, w) in enumerate(tugas, 1):
        menit = str(int(float(w.replace(",", ".")) * 60))
        baris.append([str(i), s, v, menit, "75000"])
    if baris_prestasi is not None:
        baris = baris[: baris_prestasi + 1]
    _tabel(d, baris)
    d.add_paragraph("17. BUTIR INFORMASI LAIN")
    d.add_paragraph("-")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def zip_dari(berkas: dict[str, bytes], *, metode=zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", metode) as zf:
        for nama, data in berkas.items():
            zf.writestr(nama, data)
    return out.getvalue()


def docx_rusak() -> bytes:
    """A .docx whose document.xml is not well-formed XML."""
    asli = zipfile.ZipFile(io.BytesIO(anjab_2020()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in asli.infolist():
            data = asli.read(info)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            zf.writestr(info, data)
    return out.getvalue()


def bom_zip() -> bytes:
    """One entry of 20 MB of zeros compressed to ~20 KB (a zip bomb's shape)."""
    return zip_dari({"bom.docx": b"\0" * (20 * 1024 * 1024)})
