"""Downloadable XLSX templates: the header row the importer expects, one example row and a
sheet explaining every column (which are required, which aliases are understood)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from ramping.impor.dasar import Pengimpor

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
        "26-09-1986",
        "PNS",
        "01-05-2015",
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
        "2",
        "jam",
    ],
}
JUDUL_ISI = PatternFill("solid", fgColor="1F3B57")


def templat_xlsx(kelas: type[Pengimpor]) -> bytes:
    buku = Workbook()
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
            sel.number_format = "@"  # keep NIPs and codes as text
    for i, k in enumerate(kelas.KOLOM, 1):
        data.column_dimensions[data.cell(1, i).column_letter].width = max(14, len(k.judul) + 4)
    data.freeze_panes = "A2"
    petunjuk = buku.create_sheet("Petunjuk")
    petunjuk.append(["Kolom", "Wajib", "Judul lain yang dikenali"])
    for sel in petunjuk[1]:
        sel.font = Font(bold=True)
    for k in kelas.KOLOM:
        petunjuk.append([k.judul, "ya" if k.wajib else "", ", ".join(k.alias)])
    petunjuk.append([])
    petunjuk.append(
        [
            "Angka boleh ditulis 1.250,5 atau 1250.5; tanggal 30-11-2026 atau "
            "30 November 2026. Baris judul di atas tabel boleh ada."
        ]
    )
    petunjuk.column_dimensions["A"].width = 28
    petunjuk.column_dimensions["C"].width = 60
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
