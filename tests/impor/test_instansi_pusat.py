"""Issue #11 item 5: a ministry started empty from the CLI and filled by the jabatan import,
with the unit kinds of central agencies and their eselon (Perpres 7/2015 Pasal 132)."""

import io

import pytest
from django.core.management import CommandError, call_command

from ramping.akun.models import Keanggotaan, Peran
from ramping.audit.models import JejakAudit
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Instansi, Struktur, UnitKerja

pytestmark = pytest.mark.django_db

JUDUL = ["Unit Kerja", "Unit Induk", "Jenis Unit", "Eselon", "Nama Jabatan", "Jenis Jabatan",
         "Nama JF", "Jenjang", "Kelas", "Kepala Unit"]  # fmt: skip
BARIS = [
    ["Sekretariat Jenderal", "", "Sekretariat Jenderal", "I.a", "Sekretaris Jenderal",
     "JPT Madya", "", "", "17", "ya"],
    ["Biro Umum", "Sekretariat Jenderal", "Biro", "II.a", "Kepala Biro Umum", "JPT Pratama",
     "", "", "15", "ya"],
    ["Bagian Tata Usaha", "Biro Umum", "Bagian", "III.a", "Kepala Bagian Tata Usaha",
     "Administrator", "", "", "12", "ya"],
    ["Bagian Tata Usaha", "", "", "", "Penelaah Teknis Kebijakan", "Pelaksana", "", "", "7",
     "tidak"],
    ["Direktorat Jenderal Satu", "", "Direktorat Jenderal", "I.a", "Direktur Jenderal Satu",
     "JPT Madya", "", "", "17", "ya"],
    ["Direktorat Dua", "Direktorat Jenderal Satu", "Direktorat", "II.a", "Direktur Dua",
     "JPT Pratama", "", "", "15", "ya"],
    ["Direktorat Dua", "", "", "", "Analis Kebijakan Ahli Madya", "JF", "Analis Kebijakan",
     "Ahli Madya", "12", "tidak"],
]  # fmt: skip


def test_instansi_baru_lalu_diisi_impor(tmp_path):
    keluar = io.StringIO()
    call_command(
        "instansi", "baru", "--kode", "kemen-uji", "--nama", "Kementerian Uji",
        "--jenis", "kementerian", "--admin", "admin_kemen", stdout=keluar,
    )  # fmt: skip
    teks = keluar.getvalue()
    assert "Instansi kemen-uji (Kementerian Uji, Kementerian) dibuat" in teks
    assert "kata sandi sementara" in teks
    instansi = Instansi.objects.get(kode="kemen-uji")
    with lingkup_instansi(instansi.pk):
        (struktur,) = Struktur.objects.all()
        assert struktur.status == Struktur.Status.DRAFT
        assert Keanggotaan.objects.get(instansi=instansi).peran == Peran.ADMIN_INSTANSI
        assert JejakAudit.objects.filter(aksi="instansi_buat").exists()

    from openpyxl import Workbook

    buku = Workbook()
    for b in [JUDUL, *BARIS]:
        buku.active.append(b)
    berkas = tmp_path / "kemen.xlsx"
    buku.save(berkas)
    keluar = io.StringIO()
    call_command("impor", "jabatan", str(berkas), "--instansi", "kemen-uji", stdout=keluar)
    assert "12 sudah dibuat" in keluar.getvalue()  # 5 units + 7 positions
    with lingkup_instansi(instansi.pk):
        units = {u.nama: u for u in UnitKerja.objects.all()}
        assert units["Sekretariat Jenderal"].induk is None
        assert (units["Biro Umum"].jenis, units["Biro Umum"].eselon) == ("biro", "II.a")
        assert units["Bagian Tata Usaha"].induk == units["Biro Umum"]
        assert units["Direktorat Dua"].kedalaman == 1
        assert Jabatan.objects.count() == 7


def test_kode_ganda_dan_jenis_salah_ditolak():
    call_command("instansi", "baru", "--kode", "lem-uji", "--nama", "Lembaga Uji",
                 "--jenis", "lembaga", stdout=io.StringIO())  # fmt: skip
    with pytest.raises(CommandError, match="sudah dipakai"):
        call_command("instansi", "baru", "--kode", "lem-uji", "--nama", "X", "--jenis", "lembaga")
    with pytest.raises(CommandError):
        call_command("instansi", "baru", "--kode", "x-uji", "--nama", "X", "--jenis", "desa")
    with pytest.raises(CommandError, match="Instansi tidak dibuat"):
        call_command("instansi", "baru", "--kode", "Kode Salah!", "--nama", "X", "--jenis", "kota")
    assert not Instansi.objects.filter(nama="X").exists()
