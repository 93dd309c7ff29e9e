"""Kebutuhan 5 tahun: leavers by BUP per year and hires from aturan.proyeksi_kebutuhan."""

from ramping.laporan.exporters import Kebutuhan5Tahun
from tests.laporan.bantu import baris_xlsx


def test_proyeksi_sesuai_hitungan_tangan(dunia, kecil):
    e = Kebutuhan5Tahun(akses=dunia.analis, struktur=dunia.struktur, tahun_awal=2027)
    ws, kepala, baris = baris_xlsx(e.ekspor("xlsx"))
    assert [c.value for c in ws[kepala - 1]][7] == "Pensiun (BUP) per tahun"
    assert [c.value for c in ws[kepala]][7:12] == ["2027", "2028", "2029", "2030", "2031"]
    nilai = {b[2].value: [c.value for c in b] for b in baris}
    # B 2, K 3; the holder born 10-03-1970 retires 1 April 2028 (BUP 58, year 2):
    # 2027: 2 stay, hire 1 → 3; 2028: 1 leaves, hire 1; then nothing.
    pelaksana = nilai["=1+2 Pengelola"]
    assert pelaksana[4:7] == [2, 3, -1]
    assert pelaksana[7:12] == [0, 1, 0, 0, 0]
    assert pelaksana[12:18] == [1, 1, 0, 0, 0, 2]
    # Kepala Dinas A, born 1980: BUP 60 in 2040, outside the horizon.
    assert nilai["Kepala Dinas A"][7:18] == [0] * 10 + [0]
    # Kepala Dinas B has no K: no hires computed.
    assert nilai["Kepala Dinas B"][12:18] == [None] * 6
    total = nilai["JUMLAH SELURUHNYA"]
    data = [b for b in baris if b[0].value is not None]
    for kolom in range(4, 18):
        assert total[kolom] == sum(b[kolom].value or 0 for b in data)
