"""Rekap ABK: hours, K unrounded and rounded, B, ±, EJ/PJ per position and EU/PU per unit."""

from pytest import approx

from ramping.laporan.exporters import RekapAbk
from tests.laporan.bantu import baris_xlsx


def test_rekap_abk_per_jabatan_dan_unit(dunia, kecil):
    isi = RekapAbk(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a).ekspor("xlsx")
    ws, kepala, baris = baris_xlsx(isi)
    assert [c.value for c in ws[kepala]][4:] == [
        "Beban Kerja (jam/tahun)", "K sebelum pembulatan", "B", "K", "±", "EJ / EU", "PJ / PU",
    ]  # fmt: skip
    nilai = {b[2].value: [c.value for c in b] for b in baris}
    kepala_a = nilai["Kepala Dinas A"]
    assert kepala_a[1] == "DINAS-A.J01" and ws.cell(kepala + 2, 2).data_type == "s"
    # 960 h ÷ 1 250 = 0,768 → K 1; B 1: EJ 0,77 → C (Cukup); anjab-abk.md §7
    assert kepala_a[4:] == [960, approx(0.768), 1, 1, 0, approx(0.77), "C (Cukup)"]
    # No holder: EJ undefined.
    assert nilai["Kepala Bidang Satu"][6:] == [0, 1, -1, None, None]
    pelaksana = nilai["=1+2 Pengelola"]
    assert pelaksana[4:9] == [3750, 3, 2, 3, -1]
    bidang = nilai["Jumlah Bidang Satu"]
    # EU over the unit: 4 350 h ÷ (2 × 1 250) = 1,74 → A
    assert bidang[4:] == [4350, approx(3.48), 2, 4, -2, approx(1.74), "A (Sangat Baik)"]
    data = [b for b in baris if b[0].value is not None]
    assert len(data) == 3
    total = nilai["JUMLAH SELURUHNYA"]
    assert total[4] == sum(b[4].value for b in data) == 5310
    assert total[6] == sum(b[6].value for b in data) == 3


def test_rekap_abk_memuat_k_per_tugas_empat_desimal(dunia, kecil):
    from io import BytesIO

    import openpyxl

    isi = RekapAbk(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a).ekspor("xlsx")
    ws = openpyxl.load_workbook(BytesIO(isi))["Rincian tugas"]
    kepala = next(r for r in range(1, 20) if ws.cell(r, 1).value == "No")
    assert [c.value for c in ws[kepala]][3:] == [
        "Uraian Tugas", "Satuan Hasil", "Jumlah Hasil", "Waktu Penyelesaian", "Satuan Waktu",
        "Beban Kerja (jam/tahun)", "K tugas",
    ]  # fmt: skip
    rows = {r[3].value: [c.value for c in r] for r in ws.iter_rows(min_row=kepala + 1)}
    # 240 × 2 h = 480 h → 480 ÷ 1 250 = 0,3840; 12 × 40 h = 480 h → 0,3840 (PermenPAN-RB 1/2020)
    assert rows["Meninjau dokumen"][8:] == [480, approx(0.384)]
    assert rows["Mengolah berkas"][8:] == [3750, approx(3.0)]
    assert ws.cell(kepala + 1, 10).number_format == "#,##0.0000"
