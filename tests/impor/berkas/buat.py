"""The import test corpus, built from code (never hand-edited binaries).

Each entry is a realistic or hostile file an agency could upload; `tests/impor/test_korpus.py`
states the expected outcome of each. Run `python tests/impor/berkas/buat.py OUT/` to write the
files into a folder (to open them in Excel/LibreOffice); the tests build them in memory.

Positions named here exist in the test world (`tests/impor/test_korpus.py::posisi`):
"Penelaah Teknis Kebijakan" and "Pengadministrasi Umum" in unit "Bidang Satu".
"""

import io
import sys
import zipfile
from pathlib import Path

from openpyxl import Workbook

UNIT = "Bidang Satu"
J1 = "Penelaah Teknis Kebijakan"
J2 = "Pengadministrasi Umum"
JUDUL = [
    "Unit Kerja",
    "Nama Jabatan",
    "Uraian Tugas",
    "Hasil Kerja",
    "Satuan Hasil",
    "Jumlah Hasil",
    "Waktu Penyelesaian",
    "Satuan Waktu",
]


def _simpan(buku: Workbook) -> bytes:
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _datar(*baris, judul=JUDUL) -> bytes:
    buku = Workbook()
    lembar = buku.active
    lembar.title = "Data"
    lembar.append(judul)
    for b in baris:
        lembar.append(list(b))
    return _simpan(buku)


def _tugas(uraian, volume, waktu, satuan="jam", jabatan=J1, hasil="Dokumen"):
    return [UNIT, jabatan, uraian, hasil, hasil, volume, waktu, satuan]


def _ganti_xml(data: bytes, ganti: dict[str, str], bagian="xl/worksheets/sheet1.xml") -> bytes:
    """Rewrite one part of the workbook (values openpyxl refuses to write, damaged XML)."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            isi = masuk.read(info.filename)
            if info.filename == bagian:
                teks = isi.decode()
                for lama, baru in ganti.items():
                    teks = teks.replace(lama, baru)
                isi = teks.encode()
            z.writestr(info, isi)
    return keluaran.getvalue()


# --- realistic files -------------------------------------------------------------------


def desimal_inggris() -> bytes:
    """The 1000× case: times typed as text with a decimal point (English-locale Excel).
    "0.250" can only be 0.25, which decides the column: "18.000" is 18, not 18 000."""
    return _datar(
        _tugas("Menelaah bahan kebijakan", 240, "0.250"),
        _tugas("Menyusun laporan telaahan", 12, "18.000"),
    )


def desimal_indonesia() -> bytes:
    """Indonesian-locale text: "1.080,00" decides the column, so "5.000" is five thousand."""
    return _datar(
        _tugas("Mengagendakan surat", "1.080,00", 0.1),
        _tugas("Mengarsipkan surat", "5.000", "0,05"),
    )


def ambigu() -> bytes:
    """Nothing decides the column: "5.000" is 5 or 5 000 — a row error, never a guess."""
    return _datar(_tugas("Mengagendakan surat", 240, "5.000"), _tugas("Menelaah", 10, 2))


def formulir_abk() -> bytes:
    """The ABK form of PermenPAN-RB 1/2020, one sheet per position: name and unit in title
    rows, column numbers under the header, JUMLAH/PEMBULATAN rows and a signature below.
    Times in minutes (header), so a 20-minute norm stays 20 minutes."""
    buku = Workbook()
    buku.remove(buku.active)
    isi = {
        J1: [
            ("Menelaah bahan kebijakan", "Dokumen", 240, 20),
            ("Menyusun telaahan", "Dokumen", 12, 150),
        ],
        J2: [("Mengagendakan surat masuk", "Surat", 1500, 5)],
    }
    for nama, tugas in isi.items():
        lembar = buku.create_sheet(nama[:31])
        lembar.append(["FORMULIR ANALISIS BEBAN KERJA"])
        lembar.append(["NAMA JABATAN", ":", nama])
        lembar.append(["UNIT KERJA", ":", ""])
        lembar.append(["ESELON III", ":", "Dinas A"])
        lembar.append(["ESELON IV", ":", UNIT])
        lembar.append([])
        lembar.append(
            [
                "No",
                "Uraian Tugas",
                "Satuan Hasil",
                "Beban Kerja 1 Tahun",
                "Waktu Penyelesaian (menit)",
                "Waktu Efektif",
                "Pegawai yang Dibutuhkan",
            ]
        )
        lembar.append([1, 2, 3, 4, 5, 6, 7])
        total = 0.0
        for i, (uraian, satuan, volume, menit) in enumerate(tugas, 1):
            k = volume * menit / 75000
            total += k
            lembar.append([i, uraian, satuan, volume, menit, 75000, round(k, 4)])
        lembar.append(["", "JUMLAH", "", "", "", "", round(total, 4)])
        lembar.append(["", "PEMBULATAN", "", "", "", "", max(1, round(total))])
        lembar.append([])
        lembar.append(["", "", "", "", "Kepala Dinas A"])
        lembar.append(["", "", "", "", "NIP 197001012000031001"])
    petunjuk = buku.create_sheet("Rekap")
    petunjuk.append(["Rekapitulasi ditulis tangan"])
    return _simpan(buku)


def subtotal_datar() -> bytes:
    """A flat sheet with a subtotal under each position and a grand total: 3 rows skipped."""
    return _datar(
        _tugas("Menelaah bahan kebijakan", 240, 2),
        [UNIT, J1, "JUMLAH", "", "", "", "", ""],
        _tugas("Mengagendakan surat", 1200, 5, "menit", jabatan=J2, hasil="Surat"),
        ["", "", "Jumlah", "", "", "", "", ""],
        ["TOTAL", "", "", "", "", "", "", ""],
    )


def periode() -> bytes:
    """Volumes per day and per month (Kepmenpan 75/2004 style) → per year."""
    judul = [*JUDUL[:6], "Satuan Volume/Periode", *JUDUL[6:]]
    return _datar(
        [UNIT, J1, "Mengagendakan surat", "Surat", "Surat", 4, "per hari", 5, "menit"],
        [UNIT, J1, "Menyusun laporan", "Laporan", "Laporan", 1, "Bulanan", 4, "jam"],
        judul=judul,
    )


def duplikat() -> bytes:
    """The same task written twice for one position."""
    return _datar(
        _tugas("Menelaah bahan kebijakan", 240, 2),
        _tugas("Menelaah bahan kebijakan", 240, 2),
        _tugas("Menyusun laporan", 12, 4),
    )


def kewajaran() -> bytes:
    """Values the rules accept but a person must look at: a time per unit above the WKE,
    a task over the WKE, and K far above the ceiling of 50."""
    return _datar(
        _tugas("Menyusun rencana induk", 1, 1300),
        _tugas("Melayani pemohon", 60000, 1.5),
    )


# --- hostile files ---------------------------------------------------------------------


def nan_inf() -> bytes:
    """NaN and infinity stored as cell values (openpyxl refuses; the XML is rewritten)."""
    data = _datar(_tugas("Menelaah", 111111, 2), _tugas("Menyusun", 5, 222222))
    return _ganti_xml(data, {"<v>111111</v>": "<v>NaN</v>", "<v>222222</v>": "<v>inf</v>"})


def angka_raksasa() -> bytes:
    """1e30 as a number and as text, and 1e15 (passes a float check, not the field's size)."""
    return _datar(
        _tugas("Menelaah", 1e30, 2), _tugas("Menyusun", "1e30", 2), _tugas("Merekap", 1e15, 2)
    )


def teks_panjang() -> bytes:
    """A unit of output longer than the field (60): a row error, not a silent cut."""
    return _datar(_tugas("Menelaah", 240, 2, hasil="Dokumen " + "x" * 70))


def xml_rusak() -> bytes:
    """A workbook whose sheet XML is damaged (calamine's XmlError)."""
    return _ganti_xml(_datar(_tugas("Menelaah", 240, 2)), {"</sheetData>": "<c><v>1</sheetData>"})


def xls_lama() -> bytes:
    """An Excel 97–2003 file (an OLE compound document)."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"Workbook".ljust(64, b"\x00")


def terenkripsi() -> bytes:
    """An .xlsx protected by a password: an OLE container holding EncryptionInfo."""
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 504
        + "EncryptionInfo".encode("utf-16-le")
        + "EncryptedPackage".encode("utf-16-le")
    )


def csv_teks() -> bytes:
    """A CSV export renamed to .xlsx."""
    return (";".join(JUDUL) + "\n" + ";".join(map(str, _tugas("Menelaah", 240, 2)))).encode()


KORPUS = {
    "desimal_inggris.xlsx": desimal_inggris,
    "desimal_indonesia.xlsx": desimal_indonesia,
    "ambigu.xlsx": ambigu,
    "formulir_abk.xlsx": formulir_abk,
    "subtotal_datar.xlsx": subtotal_datar,
    "periode.xlsx": periode,
    "duplikat.xlsx": duplikat,
    "kewajaran.xlsx": kewajaran,
    "nan_inf.xlsx": nan_inf,
    "angka_raksasa.xlsx": angka_raksasa,
    "teks_panjang.xlsx": teks_panjang,
    "xml_rusak.xlsx": xml_rusak,
    "lama.xls": xls_lama,
    "terenkripsi.xlsx": terenkripsi,
    "ekspor.csv": csv_teks,
}


def tulis(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    jalur = []
    for nama, buat in KORPUS.items():
        (folder / nama).write_bytes(buat())
        jalur.append(folder / nama)
    return jalur


if __name__ == "__main__":
    for p in tulis(Path(sys.argv[1] if len(sys.argv) > 1 else "korpus-impor")):
        print(p)
