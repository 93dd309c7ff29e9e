"""A leader in a real browser: logs in, lands on the one-page summary of the simplification,
downloads its PDF, and opens the full comparison with the unit counts kept apart."""

from datetime import date

import pytest
from playwright.sync_api import expect

from ramping.akun.akses import Akses
from ramping.akun.models import Peran
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.penyederhanaan.services import struktur_salin, unit_hapus
from tests.browser.conftest import _pengguna, masuk

pytestmark = pytest.mark.browser


def test_pimpinan_mendarat_di_ringkasan_lalu_perbandingan(page, live_server, kota):
    lama = Struktur.objects.get(nama="SOTK uji")
    sistem = Akses.sistem(lama.instansi)
    baru = struktur_salin(akses=sistem, sumber=lama, nama="SOTK sederhana")
    bidang = UnitKerja.objects.get(struktur=baru, nama="Bidang Kesehatan Masyarakat")
    unit_hapus(akses=sistem, unit=bidang)
    Struktur.objects.filter(pk=lama.pk).update(status="arsip")
    Struktur.objects.filter(pk=baru.pk).update(status="berlaku", berlaku_mulai=date(2026, 3, 2))
    _pengguna(lama.instansi, "pimpinan", Peran.PIMPINAN)

    masuk(page, live_server, "pimpinan")
    expect(page.locator("h1")).to_have_text("Ringkasan penyederhanaan birokrasi untuk pimpinan")
    kartu = page.locator("[data-angka-pimpinan=unit]")
    expect(kartu.locator(".kartu-angka")).to_contain_text("3")
    expect(kartu.locator(".kartu-angka")).to_contain_text("2")
    expect(kartu.locator(".perubahan")).to_have_text("−1")
    expect(page.locator("[data-kalimat]")).to_have_count(3)
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh PDF (1–2 halaman)").click()
    assert unduhan.value.suggested_filename == "ringkasan-pimpinan.pdf"

    page.get_by_role("link", name="Perbandingan lengkap").click()
    expect(page.locator("h1")).to_have_text("Perbandingan struktur organisasi")
    expect(page.locator("[data-hitung=unit-dihapus]")).to_have_text("1")
    expect(page.locator("[data-hitung=unit-kelompok-jf]")).to_have_text("1")
    expect(page.locator("[data-hitung=unit-baru]")).to_have_text("0")
