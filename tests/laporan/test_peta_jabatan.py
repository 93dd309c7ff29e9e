"""Peta jabatan: XLSX table (tree, subtotals, types, print setup) and the A3 card PDF."""

import io
import re

import pytest
from django.core.management import call_command
from reportlab.lib.pagesizes import A3, landscape

from ramping.akun.akses import Akses
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.models import Jabatan
from ramping.laporan.exporters import LAPORAN, PetaJabatan
from ramping.laporan.selectors import opd_ambil
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.organisasi.services import unit_buat
from tests.conftest import opd_paling_besar
from tests.laporan.bantu import (
    Kata,
    akses_demo,
    angka_di_luar_kolom,
    baris_xlsx,
    halaman_pdf,
    kata_pdf,
    tabrakan,
    teks_pdf,
    teks_pdf_alur,
)


def _ekspor(dunia, format, opd=None):
    return PetaJabatan(akses=dunia.analis, struktur=dunia.struktur, opd=opd).ekspor(format)


def test_xlsx_satu_baris_per_jabatan_dan_selisih_b_kurang_k(dunia, kecil):
    ws, kepala, baris = baris_xlsx(_ekspor(dunia, "xlsx"))
    data = [b for b in baris if b[0].value is not None]
    assert len(data) == Jabatan.objects.filter(struktur=dunia.struktur).count() == 4
    for no, _nama, kelas, b, k, selisih in data:
        assert isinstance(no.value, int) and isinstance(kelas.value, int)
        if k.value is not None:
            assert selisih.value == b.value - k.value
    assert [c.value for c in ws[kepala]] == ["No", "Nama Jabatan", "Kelas", "B", "K", "±"]
    total = baris[-1]
    assert total[1].value == "JUMLAH SELURUHNYA"
    assert total[3].value == sum(b[3].value for b in data) == 3
    assert total[4].value == sum(b[4].value for b in data if b[4].value is not None) == 5
    assert total[5].value == sum(b[5].value for b in data if b[5].value is not None) == -2


def test_xlsx_subtotal_unit_menjumlah_subpohon_dan_indentasi(dunia, kecil):
    _ws, _k, baris = baris_xlsx(_ekspor(dunia, "xlsx"))
    nama = [b[1].value for b in baris]
    dinas_a = baris[nama.index("Jumlah Dinas A")]
    bidang = baris[nama.index("Jumlah Bidang Satu")]
    assert (dinas_a[3].value, dinas_a[4].value) == (3, 5)  # B and K of Dinas A with Bidang Satu
    assert (bidang[3].value, bidang[4].value) == (2, 4)
    assert (
        nama.index("Bidang Satu") < nama.index(kecil.pelaksana.nama) < nama.index("Jumlah Dinas A")
    )
    baris_bidang = baris[nama.index("Bidang Satu")]
    assert baris_bidang[1].alignment.indent == 1
    assert baris[nama.index("Kepala Bidang Satu")][1].alignment.indent == 2


def test_xlsx_kepala_beku_cetak_mendatar_muat_lebar_dan_judul(dunia, kecil):
    ws, kepala, _ = baris_xlsx(_ekspor(dunia, "xlsx"))
    assert ws.freeze_panes == f"A{kepala + 1}"
    assert ws.print_title_rows == f"${kepala}:${kepala}"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    judul = [ws.cell(r, 1).value for r in range(1, kepala)]
    # The agency's letterhead (settings → Kop; blank: from the agency's name), then the title.
    assert judul[:2] == ["PEMERINTAH KOTA UJI", "PETA JABATAN"]
    assert "Perangkat daerah: Seluruh perangkat daerah" in judul
    assert any("Perda Kota Uji Nomor 1 Tahun 2024" in (t or "") for t in judul)


def test_pdf_kartu_memuat_unit_jabatan_dan_nomor_halaman(dunia, kecil):
    isi = _ekspor(dunia, "pdf")
    teks = teks_pdf(isi)
    for kata in (
        "Dinas A",
        "Bidang Satu",
        "Kepala Bidang Satu",
        "Kepala Dinas B",
        "Halaman 1 dari 1",
    ):
        assert kata in teks
    assert "Jumlah: B 3 · K 5 · ± −2" in teks


@pytest.fixture
def opd_terbesar(demo, db):
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    opd = opd_paling_besar(struktur)
    return struktur, opd


def test_pdf_opd_terbesar_dan_seluruh_instansi_terbaca_lintas_halaman(demo, opd_terbesar):
    struktur, opd = opd_terbesar
    akses = akses_demo(demo)
    isi = PetaJabatan(akses=akses, struktur=struktur, opd=opd).ekspor("pdf")
    teks = teks_pdf_alur(isi)
    for u in UnitKerja.objects.filter(struktur=struktur, path__startswith=opd.path):
        assert u.nama in teks
    for nama in Jabatan.objects.filter(
        struktur=struktur, unit__path__startswith=opd.path
    ).values_list("nama", flat=True):
        assert nama in teks
    seluruh = PetaJabatan(akses=akses, struktur=struktur).ekspor("pdf")
    jumlah = halaman_pdf(seluruh)
    assert 3 <= jumlah <= 40  # cards flow over pages, not one giant tree
    assert f"Halaman {jumlah} dari {jumlah}" in teks_pdf(seluruh)
    opd_terbuka = opd_ambil(akses=akses, struktur=struktur, kode=opd.kode)
    assert opd_terbuka.pk == opd.pk


def _tata_letak_bersih(isi: bytes) -> list[Kata]:
    """No two words overlap on any page and every number sits in its column (issue #17)."""
    kata = kata_pdf(isi)
    assert kata, "the PDF has a text layer"
    assert tabrakan(kata) == []
    assert angka_di_luar_kolom(kata, landscape(A3)[1]) == []
    return kata


def test_pdf_tanpa_tabrakan_teks_opd_terbesar_dan_seluruh_instansi(demo, opd_terbesar):
    struktur, opd = opd_terbesar
    akses = akses_demo(demo)
    for lingkup in (opd, None):
        kata = _tata_letak_bersih(
            PetaJabatan(akses=akses, struktur=struktur, opd=lingkup).ekspor("pdf")
        )
        # A name is never glued to a number ("Perencanaan dan Keuangan9").
        assert not [k.teks for k in kata if re.fullmatch(r"[A-Za-z]+\d+", k.teks)]


@pytest.mark.django_db
def test_pdf_tanpa_tabrakan_instansi_berbentuk_kementerian():
    call_command(
        "generate", "--skala", "kota", "--bentuk", "kementerian", "--awalan", "peta",
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    instansi = Instansi.objects.get(kode="peta-kota-0001")
    with lingkup_instansi(instansi.pk):
        struktur = Struktur.objects.get(status="berlaku")
        akses = Akses.sistem(instansi)
        _tata_letak_bersih(PetaJabatan(akses=akses, struktur=struktur).ekspor("pdf"))


def test_pdf_nama_panjang_kedalaman_dalam_dan_angka_ribuan_tidak_bertabrakan(dunia):
    """Worst cases built by hand: a 250-character unit name six levels deep, a long position
    name and a four-digit K (± −1.234) in the narrowest card."""
    induk = dunia.bidang_a
    for i in range(5):
        induk = unit_buat(
            akses=Akses.sistem(dunia.instansi), struktur=dunia.struktur, induk=induk,
            kode=f"U{i}", nama=("Subbagian Perencanaan dan Keuangan Pelayanan Terpadu " * 5)[:250],
            jenis="seksi",
        )  # fmt: skip
    Jabatan.objects.create(
        instansi_id=induk.instansi_id, struktur=dunia.struktur, unit=induk, kelas=12,
        nama="Penata Kelola Sistem dan Teknologi Informasi Perencanaan dan Keuangan Daerah " * 2,
        jenis="pelaksana", kode="P1", kebutuhan=1234,
    )  # fmt: skip
    isi = _ekspor(dunia, "pdf")
    _tata_letak_bersih(isi)
    assert "Penata Kelola Sistem" in teks_pdf_alur(isi)


@pytest.mark.parametrize("kode", ["lampiran-peta-jabatan", "lampiran-pola-koordinasi"])
def test_pdf_lampiran_dan_bagan_koordinasi_tanpa_tabrakan(demo, opd_terbesar, kode):
    """The regulation appendices (the peta's table and the coordination chart) pass the same
    check as the peta cards, for the largest OPD and the whole agency."""
    struktur, opd = opd_terbesar
    for lingkup in (opd, None):
        e = LAPORAN[kode](akses=akses_demo(demo), struktur=struktur, opd=lingkup)
        kata = kata_pdf(e.ekspor("pdf"))
        assert kata and tabrakan(kata) == []


def test_pdf_kartu_panjang_berlanjut_dengan_judul_kolom_dan_tanpa_tabrakan(dunia):
    """A unit of 400 positions runs over columns and pages: every part repeats the Kls/B/K/±
    labels, the title keeps its first rows, and nothing overlaps."""
    Jabatan.objects.bulk_create(
        Jabatan(
            instansi_id=dunia.instansi.pk, struktur=dunia.struktur, unit=dunia.dinas_b,
            nama=f"Pengelola Layanan Operasional Wilayah {i:03d}", jenis="pelaksana",
            kelas=7, kebutuhan=i % 5, urutan=i,
        )
        for i in range(400)
    )  # fmt: skip
    isi = _ekspor(dunia, "pdf")
    kata = _tata_letak_bersih(isi)
    teks = teks_pdf_alur(isi)
    bagian = teks.count("(lanjutan)")
    assert bagian >= 5 and halaman_pdf(isi) >= 2
    label = sum(1 for k in kata if k.teks == "Kls")
    assert label >= bagian + 1  # the first part and every continuation carry the labels
    for i in (0, 199, 399):
        assert f"Pengelola Layanan Operasional Wilayah {i:03d}" in teks
