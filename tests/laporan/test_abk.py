"""Rekap ABK: hours, K unrounded and rounded, B, ±, EJ/PJ per position and EU/PU per unit."""

from pytest import approx

from ramping.laporan.exporters import RekapAbk
from tests.laporan.bantu import baris_xlsx


def test_rekap_abk_per_jabatan_dan_unit(dunia, kecil):
    isi = RekapAbk(akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a).ekspor("xlsx")
    ws, kepala, baris = baris_xlsx(isi)
    assert [c.value for c in ws[kepala]][4:] == [
        "Beban Kerja (jam/tahun)", "K sebelum pembulatan", "K", "B", "±", "EJ / EU", "PJ / PU",
    ]  # fmt: skip
    nilai = {b[2].value: [c.value for c in b] for b in baris}
    kepala_a = nilai["Kepala Dinas A"]
    assert kepala_a[1] == "DINAS-A.J01" and ws.cell(kepala + 2, 2).data_type == "s"
    # 960 h ÷ 1 250 = 0,768 → K 1; B 1: EJ 0,77 → C (Cukup); anjab-abk.md §7
    assert kepala_a[4:] == [960, approx(0.768), 1, 1, 0, approx(0.77), "C (Cukup)"]
    # No holder: EJ undefined.
    assert nilai["Kepala Bidang Satu"][7:] == [0, -1, None, None]
    pelaksana = nilai["=1+2 Pengelola"]
    assert pelaksana[4:9] == [3750, 3, 3, 2, -1]
    bidang = nilai["Jumlah Bidang Satu"]
    # EU over the unit: 4 350 h ÷ (2 × 1 250) = 1,74 → A
    assert bidang[4:] == [4350, approx(3.48), 4, 2, -2, approx(1.74), "A (Sangat Baik)"]
    data = [b for b in baris if b[0].value is not None]
    assert len(data) == 3
    total = nilai["JUMLAH SELURUHNYA"]
    assert total[4] == sum(b[4].value for b in data) == 5310
    assert total[7] == sum(b[7].value for b in data) == 3
