"""Downloadable XLSX templates: the header row the importer expects, one example row and a
sheet explaining every column (which are required, which aliases are understood)."""

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from ramping.impor.dasar import Pengimpor
from ramping.laporan.dokumen import TANGGAL
from ramping.laporan.renderers.xlsx import FORMAT_TANGGAL

CONTOH = {
    "anjab": [
        "Bidang Kesehatan Masyarakat",
        "Penelaah Teknis Kebijakan",
        "Menelaah bahan kebijakan teknis kesehatan masyarakat",
        "Minimal S-1",
        "Pelatihan analisis kebijakan",
        "Pengelolaan program kesehatan 2 tahun",
        "Kebenaran hasil telaahan; Kerahasiaan data",
        "Meminta data kepada unit terkait",
        "Hasil penilaian kinerja minimal Baik",
    ],
    "jabatan": [
        "Bidang Kesehatan Masyarakat",
        "Dinas Kesehatan",
        "Bidang",
        "III.b",
        "Epidemiolog Kesehatan Ahli Muda",
        "Fungsional",
        "Epidemiolog Kesehatan",
        "Ahli Muda",
        "10",
        "",
        "tidak",
    ],
    "pegawai": [
        "198609262015051001",
        "Budi Santoso",
        "",
        "S.E.",
        "L",
        date(1986, 9, 26),  # dates as real date cells, in the one format of every sheet
        "PNS",
        date(2015, 5, 1),
        "III/b",
        "S-1",
        "Ekonomi",
        "Penelaah Teknis Kebijakan",
        "Bidang Kesehatan Masyarakat",
    ],
    "tugas": [
        "Bidang Kesehatan Masyarakat",
        "Penelaah Teknis Kebijakan",
        "Menelaah bahan kebijakan teknis",
        "",
        "Telaahan",
        "Dokumen",
        "240",
        "per tahun",
        "2",
        "jam",
        "",
    ],
}
JUDUL_ISI = PatternFill("solid", fgColor="1F3B57")
PETUNJUK_UMUM = (
    "Angka: satu format per kolom. Sel angka asli selalu tepat. Angka yang ditulis sebagai teks "
    "dibaca menurut format yang dibuktikan sel lain di kolom itu (1.080,00 atau 1,5 = format "
    "Indonesia; 1,080.00 atau 0.250 = format Inggris). Teks yang dapat dibaca dua cara (5.000, "
    "18.000, 1,250) tanpa bukti itu ditolak dengan menyebut selnya dan kedua bacaannya.",
    "Tanggal: sel tanggal (seperti contoh, 30/11/2026), 30-11-2026 atau 30 November 2026. "
    "Baris judul di atas tabel boleh ada.",
    "Teks yang lebih panjang dari kolomnya ditolak (tidak dipotong). Berkas .xls, CSV, atau "
    "yang berkata sandi: simpan ulang sebagai Buku Kerja Excel (.xlsx).",
)
PETUNJUK = {
    "tugas": (
        "Tata letak: tabel datar ini, atau formulir ABK PermenPAN-RB 1/2020 satu lembar per "
        "jabatan (NAMA JABATAN dan UNIT KERJA/ESELON di baris judul); banyak lembar diimpor "
        "sekaligus. Baris JUMLAH, TOTAL, PEMBULATAN dilewati dan disebut di pratinjau.",
        "Judul kolom waktu yang menyebut (menit) berarti menit bila Satuan Waktu kosong.",
        "Satuan Volume/Periode: volume per hari/minggu dikalikan hari/minggu kerja efektif "
        "instansi (bawaan 235 hari, 47 minggu; Kepmenpan 75/2004), per bulan × 12, per "
        "triwulan × 4, per semester × 2.",
        "Peringatan (harus disetujui sebelum diterapkan): waktu per satuan hasil atau beban satu "
        "tugas melebihi waktu kerja efektif, K di atas batas wajar instansi, volume atau K "
        "1000× median jabatan yang sama di unit lain, K di berkas berbeda dari hitungan.",
    ),
}


def templat_xlsx(kelas: type[Pengimpor]) -> bytes:
    buku = Workbook()
    # A blank form for any agency, read back from row 1: metadata, no letterhead rows.
    buku.properties.title = f"Templat impor {kelas.jenis}"
    buku.properties.subject = "Templat impor data ramping (baris 1: judul kolom)"
    buku.properties.creator = buku.properties.lastModifiedBy = "ramping"
    data = buku.active
    data.title = "Data"
    data.append([k.judul for k in kelas.KOLOM])
    for sel in data[1]:
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = JUDUL_ISI
    contoh = CONTOH.get(kelas.jenis)
    if contoh:
        data.append(contoh)
        for sel in data[2]:
            # Keep NIPs and codes as text; a date is a date cell (30/11/2026).
            sel.number_format = FORMAT_TANGGAL[TANGGAL] if sel.is_date else "@"
    for i, k in enumerate(kelas.KOLOM, 1):
        data.column_dimensions[data.cell(1, i).column_letter].width = max(14, len(k.judul) + 4)
    data.freeze_panes = "A2"
    petunjuk = buku.create_sheet("Petunjuk")
    petunjuk.append(["Kolom", "Wajib", "Judul lain yang dikenali"])
    for sel in petunjuk[1]:
        sel.font = Font(bold=True)
    for k in kelas.KOLOM:
        petunjuk.append([k.judul, "ya" if k.wajib else "", ", ".join(k.alias)])
    for nama_kolom, alias in getattr(kelas, "ALIAS_NILAI", {}).items():
        petunjuk.append([])
        petunjuk.append(
            [f"Isian kolom {nama_kolom}", "", "Ditulis sebagai (tanpa beda huruf besar)"]
        )
        petunjuk[petunjuk.max_row][0].font = Font(bold=True)
        kelompok: dict[str, list[str]] = {}
        for tulisan, kode in alias.items():
            kelompok.setdefault(kode, []).append(tulisan)
        for kode, tulisan in kelompok.items():
            petunjuk.append([kode, "", ", ".join(tulisan)])
    petunjuk.append([])
    for kalimat in PETUNJUK_UMUM + PETUNJUK.get(kelas.jenis, ()):
        petunjuk.append([kalimat])
    petunjuk.column_dimensions["A"].width = 28
    petunjuk.column_dimensions["C"].width = 60
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
