"""Spellings agencies write (issue #11 item 3d): jenis and eselon through the alias table,
header synonyms, and the template's Petunjuk sheet that shows them."""

import io

import openpyxl
import pytest

from ramping.impor.dasar import impor_pratinjau, impor_terapkan
from ramping.impor.jenis.jabatan import ImporJabatan
from ramping.impor.jenis.tugas import ImporTugas
from ramping.impor.templat import templat_xlsx
from ramping.jabatan.models import Jabatan, Tugas

JUDUL = ["Unit Kerja", "Unit Induk", "Jenis Unit", "Eselon", "Nama Jabatan", "Jenis Jabatan",
         "Kelas", "Kepala Unit"]  # fmt: skip


@pytest.mark.parametrize(
    ("ejaan", "jenis"),
    [
        ("JABATAN PELAKSANA", "pelaksana"),
        ("Pelaksana/JFU", "pelaksana"),
        ("ESELON IV / Pengawas", "pengawas"),
        ("Pengawas (Eselon IV)", "pengawas"),
        ("ESELON III / Administrator", "administrator"),
        ("Eselon III.b", "administrator"),
        ("JFT", "fungsional"),
    ],
)
def test_jenis_jabatan_seperti_ditulis_instansi(dunia, buat_xlsx, ejaan, jenis):
    from ramping.impor.jenis.jabatan import JENIS_JABATAN
    from ramping.impor.nilai import pilihan

    assert pilihan(ejaan, JENIS_JABATAN, "jenis jabatan") == jenis


def test_impor_jabatan_dengan_ejaan_dan_eselon_unit(dunia, buat_xlsx):
    data = buat_xlsx(
        JUDUL,
        ["Bidang Satu", "", "", "", "Pengolah Data", "JABATAN PELAKSANA", "6", "tidak"],
        ["Seksi Baru", "Bidang Satu", "Seksi", "Eselon IV/a", "Kepala Seksi Baru",
         "ESELON IV / Pengawas", "9", "ya"],
    )  # fmt: skip
    hasil = impor_terapkan(ImporJabatan(akses=dunia.analis, struktur=dunia.struktur), data)
    assert hasil.galat == []
    j = Jabatan.objects.get(struktur=dunia.struktur, nama="Kepala Seksi Baru")
    assert (j.jenis, j.unit.eselon) == ("pengawas", "IV.a")
    assert Jabatan.objects.get(struktur=dunia.struktur, nama="Pengolah Data").jenis == "pelaksana"


def test_sinonim_judul_kolom_dan_menit_dari_judul(dunia, jabatan, buat_xlsx):
    data = buat_xlsx(
        ["Unit Organisasi", "Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan Hasil",
         "Beban Kerja 1 Tahun", "Waktu Penyelesaian (menit)", "Pegawai yang Dibutuhkan"],
        ["Bidang Satu", jabatan.nama, "Menelaah", "Telaahan", "Dokumen", 240, 20, 0.064],
    )  # fmt: skip
    pr = impor_pratinjau(ImporTugas(akses=dunia.analis, struktur=dunia.struktur), data)
    assert pr.galat == [] and pr.peringatan == []  # 240 × 20 min ÷ 75 000 min = 0,064
    impor_terapkan(ImporTugas(akses=dunia.analis, struktur=dunia.struktur), data)
    t = Tugas.objects.get(jabatan=jabatan)
    assert (t.waktu, t.satuan_waktu) == (20, "menit")


def test_k_di_berkas_yang_beda_diperingatkan(dunia, jabatan, buat_xlsx):
    data = buat_xlsx(
        ["Unit Kerja", "Jabatan", "Uraian Tugas", "Satuan Hasil", "Volume", "Norma Waktu",
         "Kebutuhan Pegawai"],
        ["Bidang Satu", jabatan.nama, "Menelaah", "Dokumen", 240, 2, "9,9890"],
    )  # fmt: skip
    (p,) = impor_pratinjau(ImporTugas(akses=dunia.analis, struktur=dunia.struktur), data).peringatan
    assert "kebutuhan di berkas 9,989 berbeda dari hitungan 0,384" in p.pesan


def test_petunjuk_templat_menampilkan_tabel_alias():
    buku = openpyxl.load_workbook(io.BytesIO(templat_xlsx(ImporJabatan)))
    isi = [[c for c in r if c] for r in buku["Petunjuk"].iter_rows(values_only=True)]
    baris = {r[0]: r for r in isi if r}
    assert "Jabatan Pelaksana" in baris["pelaksana"][1]
    assert "Eselon IV / Pengawas" in baris["pengawas"][1]
    tugas = openpyxl.load_workbook(io.BytesIO(templat_xlsx(ImporTugas)))
    petunjuk = " ".join(
        str(c) for r in tugas["Petunjuk"].iter_rows(values_only=True) for c in r if c
    )
    assert "Beban Kerja 1 Tahun" in petunjuk and "Kepmenpan 75/2004" in petunjuk
    assert "18.000" in petunjuk  # the locale rule


def test_templat_tugas_dapat_diimpor_kembali(dunia, buat_xlsx):
    from ramping.jabatan.services import jabatan_buat

    jabatan_buat(akses=dunia.analis, unit=dunia.bidang_a, nama="Penelaah Teknis Kebijakan",
                 jenis="pelaksana", kelas=7)  # fmt: skip
    data = templat_xlsx(ImporTugas)
    buku = openpyxl.load_workbook(io.BytesIO(data))
    buku["Data"]["A2"] = "Bidang Satu"
    keluaran = io.BytesIO()
    buku.save(keluaran)
    pr = impor_pratinjau(
        ImporTugas(akses=dunia.analis, struktur=dunia.struktur), keluaran.getvalue()
    )
    assert pr.galat == [] and len(pr.dibuat) == 1
