"""`ramping ekspor`: the same exporters from the terminal."""

import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.laporan.bantu import baris_xlsx, paragraf_docx


def _ekspor(*args) -> str:
    keluar = StringIO()
    call_command("ekspor", *args, stdout=keluar)
    return keluar.getvalue()


def test_ekspor_peta_jabatan_xlsx(dunia, kecil, tmp_path):
    berkas = tmp_path / "peta.xlsx"
    teks = _ekspor("peta-jabatan", "--instansi", "kota-uji", "--opd", "DINAS-A",
                   "--format", "xlsx", "--keluar", str(berkas))  # fmt: skip
    assert "ditulis" in teks
    _ws, _k, baris = baris_xlsx(berkas.read_bytes())
    assert sum(b[0].value is not None for b in baris) == 3


def test_ekspor_anjab_satu_jabatan_dan_kebutuhan(dunia, kecil, tmp_path):
    anjab = tmp_path / "anjab.docx"
    _ekspor("anjab", "--instansi", "kota-uji", "--jabatan", str(kecil.pelaksana.pk),
            "--format", "docx", "--keluar", str(anjab), "--tanggal", "2026-11-30")  # fmt: skip
    assert "1. NAMA JABATAN\t: =1+2 Pengelola" in paragraf_docx(anjab.read_bytes())
    kebutuhan = tmp_path / "k.xlsx"
    _ekspor("kebutuhan", "--instansi", "kota-uji", "--tahun", "2027", "--format", "xlsx",
            "--keluar", str(kebutuhan))  # fmt: skip
    _ws, kepala, _b = baris_xlsx(kebutuhan.read_bytes())
    assert kepala > 0


def test_ekspor_zip_mencetak_kemajuan(dunia, kecil, tmp_path):
    berkas = tmp_path / "paket.zip"
    teks = _ekspor("zip", "--instansi", "kota-uji", "--opd", "DINAS-A", "--keluar", str(berkas))
    assert "11/11 dokumen" in teks
    assert len(zipfile.ZipFile(berkas).namelist()) == 11


def test_ekspor_pesan_galat_indonesia(dunia, kecil, tmp_path):
    with pytest.raises(CommandError, match="memerlukan --opd"):
        _ekspor("berita-acara", "--instansi", "kota-uji", "--format", "pdf",
                "--keluar", str(tmp_path / "x.pdf"))  # fmt: skip
    with pytest.raises(CommandError, match="tidak ditemukan"):
        _ekspor(
            "abk", "--instansi", "tidak-ada", "--format", "xlsx", "--keluar", str(tmp_path / "x")
        )
