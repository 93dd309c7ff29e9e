"""Peta jabatan: XLSX table (tree, subtotals, types, print setup) and the A3 card PDF."""

import pytest

from ramping.jabatan.models import Jabatan
from ramping.laporan.exporters import PetaJabatan
from ramping.laporan.selectors import opd_ambil
from ramping.organisasi.models import Struktur, UnitKerja
from tests.laporan.bantu import akses_demo, baris_xlsx, halaman_pdf, teks_pdf, teks_pdf_alur


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
    opd = max(
        UnitKerja.objects.filter(struktur=struktur, kedalaman=0),
        key=lambda u: Jabatan.objects.filter(
            struktur=struktur, unit__path__startswith=u.path
        ).count(),
    )
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
