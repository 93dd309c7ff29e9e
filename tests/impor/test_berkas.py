"""The corpus of bad files: each is refused with a clear Indonesian message."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from ramping.impor.berkas import BerkasDitolak, Kolom, baca_lembar

KOLOM = (
    Kolom("nip", "NIP", wajib=True),
    Kolom("nama", "Nama", ("Nama Pegawai",), wajib=True),
    Kolom("gol", "Golongan", ("Gol",)),
)


def test_judul_tabel_di_bawah_baris_judul_gabungan_dan_alias_dikenali(buat_xlsx):
    data = buat_xlsx(
        ["Nama Pegawai", " N I P ", "Gol"],
        ["Budi", "198609262015051001", "III/b"],
        [None, None, None],
        judul_atas="DAFTAR PEGAWAI DINAS KESEHATAN 2026",
    )
    lembar = baca_lembar(data, KOLOM)
    # Cells come in the order of the importer's columns, whatever the file's order.
    assert lembar.kolom == {"nip": 0, "nama": 1, "gol": 2}
    assert lembar.baris == [(3, ["198609262015051001", "Budi", "III/b"])]  # empty row dropped
    assert lembar.alamat(lembar.baris[0][0], "nip") == "B3"


def _zip(isi: dict[str, bytes]) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, data in isi.items():
            z.writestr(nama, data)
    return keluaran.getvalue()


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        (b"", "Berkas kosong"),
        (b"%PDF-1.7\n1 0 obj", "bukan lembar kerja Excel"),  # a PDF renamed to .xlsx
        (b"PK\x03\x04rusak", "rusak"),
        (_zip({"a.txt": b"halo"}), "bukan lembar kerja Excel"),  # a zip, not a workbook
        (_zip({"[Content_Types].xml": b"0" * 50_000_000}), "zip bomb"),
        (_zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"bukan xml"}), "rusak"),
    ],
)
def test_berkas_buruk_ditolak(data, pesan):
    with pytest.raises(BerkasDitolak, match=pesan):
        baca_lembar(data, KOLOM)


def test_kolom_wajib_hilang_disebutkan(buat_xlsx):
    with pytest.raises(BerkasDitolak, match="Kolom wajib tidak ditemukan: NIP"):
        baca_lembar(buat_xlsx(["Nama", "Golongan"], ["Budi", "III/b"]), KOLOM)


def test_terlalu_banyak_baris_ditolak_dengan_batasnya():
    # openpyxl's write-only mode: the same file in half the time of `buat_xlsx`.
    buku = Workbook(write_only=True)
    lembar = buku.create_sheet()
    lembar.append(["NIP", "Nama"])
    for i in range(100_020):
        lembar.append([str(i), "x"])
    keluaran = io.BytesIO()
    buku.save(keluaran)
    with pytest.raises(BerkasDitolak, match=r"100\.021 baris; paling banyak 100\.000"):
        baca_lembar(keluaran.getvalue(), KOLOM)
