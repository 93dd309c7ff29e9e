"""Forms say everything at once, in a real browser (issue #17 item 4): after "Tugas
ditambahkan." a task row with two wrong fields shows both errors and the banner is gone."""

import re

import pytest
from playwright.sync_api import expect

from ramping.jabatan.models import Tugas
from tests.browser.conftest import masuk

pytestmark = pytest.mark.browser


def _isi_baris(page, volume: str, waktu: str) -> None:
    page.get_by_role("link", name="+ Tambah tugas").click()
    baris = page.locator("tr.baris-ubah")
    baris.get_by_label("Uraian tugas").fill("Mengagendakan surat masuk")
    baris.get_by_label("Hasil kerja").fill("Agenda surat")
    baris.get_by_label("Satuan hasil").fill("surat")
    baris.get_by_label("Jumlah hasil per tahun").fill(volume)
    baris.get_by_label("Waktu penyelesaian").fill(waktu)
    baris.get_by_role("button", name="Simpan").click()


@pytest.mark.parametrize("ukuran", [(1366, 768), (1920, 1080)])
def test_gagal_simpan_menampilkan_semua_galat_dan_menghapus_pesan_berhasil(
    page, live_server, kota, ukuran
):
    page.set_viewport_size({"width": ukuran[0], "height": ukuran[1]})
    masuk(page, live_server, "operator")
    page.goto(f"{live_server.url}/i/{kota.kode}/jabatan/{kota.pelaksana.pk}/?tab=tugas")
    _isi_baris(page, "1.000", "1,1")
    banner = page.locator("#pesan-tugas")
    expect(banner).to_contain_text("Tugas ditambahkan.")

    _isi_baris(page, "-5", "dua jam")
    baris = page.locator("tr.baris-ubah")
    expect(baris).to_contain_text("Jumlah hasil tidak boleh negatif")
    expect(baris).to_contain_text("Waktu penyelesaian: Isi dengan angka")
    expect(banner).to_have_text(re.compile(r"^\s*$"))  # the earlier success is gone
    assert Tugas.objects.filter(jabatan=kota.pelaksana).count() == 1
