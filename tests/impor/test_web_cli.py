"""Upload → preview → confirm in the browser forms, and the `impor` command."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from ramping.jabatan.models import Tugas

JUDUL = ["Unit Kerja", "Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan", "Volume", "Norma Waktu"]
T1 = ["Bidang Satu", "Penelaah Teknis Kebijakan", "Menelaah", "Telaahan", "Dokumen", "240", "2"]


def _masuk(client, akses):
    client.force_login(akses.pengguna)
    return client


@pytest.mark.parametrize(
    ("persona", "jenis", "status"),
    [
        ("analis", "pegawai", 200),
        ("operator_a", "pegawai", 403),
        ("operator_a", "tugas", 200),
        ("pimpinan", "tugas", 403),
        ("orang_luar", "tugas", 404),
    ],
)
def test_izin_halaman_unggah(client, dunia, persona, jenis, status):
    _masuk(client, getattr(dunia, persona))
    assert client.get(f"/i/kota-uji/impor/{jenis}/").status_code == status
    assert client.get(f"/i/kota-uji/impor/{jenis}/templat/").status_code in (200, 404)


def test_tamu_diarahkan_ke_halaman_masuk(client):
    assert client.get("/i/kota-uji/impor/").status_code == 302


def test_unggah_pratinjau_lalu_terapkan(client, dunia, jabatan, buat_xlsx):
    _masuk(client, dunia.operator_a)
    berkas = SimpleUploadedFile("tugas.xlsx", buat_xlsx(JUDUL, T1))
    r = client.post("/i/kota-uji/impor/tugas/", {"berkas": berkas})
    assert r.status_code == 200 and "Akan dibuat" in r.content.decode()
    assert not Tugas.objects.filter(jabatan=jabatan).exists()  # nothing before confirming
    r = client.post("/i/kota-uji/impor/tugas/terapkan/", {"token": r.context["token"]})
    assert r.status_code == 302
    assert Tugas.objects.filter(jabatan=jabatan).count() == 1


def test_berkas_bukan_xlsx_ditolak_di_samping_isian(client, dunia):
    _masuk(client, dunia.analis)
    berkas = SimpleUploadedFile("laporan.xlsx", b"%PDF-1.7 bukan excel")
    r = client.post("/i/kota-uji/impor/tugas/", {"berkas": berkas})
    assert "Berkas bukan lembar kerja Excel" in r.content.decode()


def test_baris_salah_ditampilkan_tanpa_tombol_terapkan(client, dunia, jabatan, buat_xlsx):
    _masuk(client, dunia.analis)
    salah = [*T1[:5], "-1", "2"]
    r = client.post(
        "/i/kota-uji/impor/tugas/",
        {"berkas": SimpleUploadedFile("t.xlsx", buat_xlsx(JUDUL, salah))},
    )
    teks = r.content.decode()
    assert "tidak boleh negatif" in teks and "Terapkan impor" not in teks


def test_perintah_impor_dengan_pratinjau_tidak_menulis(dunia, jabatan, buat_xlsx, tmp_path):
    berkas = tmp_path / "tugas.xlsx"
    berkas.write_bytes(buat_xlsx(JUDUL, T1))
    keluar = io.StringIO()
    call_command(
        "impor",
        "tugas",
        str(berkas),
        "--instansi",
        "kota-uji",
        "--versi",
        str(dunia.struktur.pk),
        "--pratinjau",
        stdout=keluar,
        stderr=io.StringIO(),
    )
    assert "1 akan dibuat" in keluar.getvalue()
    assert not Tugas.objects.filter(jabatan=jabatan).exists()
    call_command(
        "impor",
        "tugas",
        str(berkas),
        "--instansi",
        "kota-uji",
        "--versi",
        str(dunia.struktur.pk),
        stdout=keluar,
        stderr=io.StringIO(),
    )
    assert Tugas.objects.filter(jabatan=jabatan).count() == 1


def test_perintah_impor_berkas_rusak_gagal_dengan_pesan(dunia, tmp_path):
    berkas = tmp_path / "rusak.xlsx"
    berkas.write_bytes(b"PK\x03\x04rusak")
    with pytest.raises(CommandError, match="rusak"):
        call_command(
            "impor",
            "tugas",
            str(berkas),
            "--instansi",
            "kota-uji",
            "--versi",
            str(dunia.struktur.pk),
            stderr=io.StringIO(),
        )


def test_impor_jabatan_pada_versi_berlaku_diberi_penjelasan(client, dunia):
    dunia.struktur.status, dunia.struktur.berlaku_mulai = "berlaku", "2024-01-01"
    dunia.struktur.save()
    _masuk(client, dunia.analis)
    r = client.get("/i/kota-uji/impor/jabatan/")
    assert r.status_code == 200 and "tidak dapat diubah" in r.content.decode()
