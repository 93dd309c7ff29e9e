"""The simplification workbench in a real browser: copy the version in force into a scenario,
remove a unit after its confirmation, undo it from the change log, remove it again (its
positions go to the parent's kelompok JF), see the change counted in the
comparison, publish the scenario with its Perwal, and see the old version archived."""

import pytest
from playwright.sync_api import expect

from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from tests.browser.conftest import masuk

pytestmark = pytest.mark.browser


def hapus_bidang(page) -> None:
    bidang = page.get_by_role("row", name="Bidang Kesehatan Masyarakat")
    bidang.get_by_role("button", name="Hapus → kelompok JF").click()
    expect(page.locator("h1")).to_have_text("Hapus unit?")
    # The unit with its path, and what will happen to whom.
    expect(page.get_by_text("Dinas Kesehatan › Bidang Kesehatan Masyarakat")).to_be_visible()
    expect(page.get_by_text("Budi Santoso")).to_be_visible()
    page.get_by_role("button", name="Ya, hapus unit").click()
    expect(page.get_by_text("Bidang Kesehatan Masyarakat dihapus dari skenario")).to_be_visible()


def test_skenario_bandingkan_terbitkan(page, live_server, kota):
    masuk(page, live_server, "analis")
    page.goto(f"{live_server.url}/i/{kota.kode}/penyederhanaan/")
    asal = page.get_by_role("row", name="SOTK uji")
    expect(asal.locator(".lencana")).to_have_text("Berlaku")
    asal.get_by_role("link", name="Salin jadi skenario").click()
    # The name is asked for (it is printed on every document of the scenario).
    page.get_by_label("Nama skenario").fill("Skenario dari SOTK uji")
    page.get_by_role("button", name="Salin").click()
    expect(page.get_by_text("Skenario dari SOTK uji dibuat sebagai draf.")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Skenario dari SOTK uji")

    # Remove Bidang Kesehatan Masyarakat: first the confirmation with its effect, then undo.
    draf = Struktur.objects.get(nama="Skenario dari SOTK uji")
    hapus_bidang(page)
    page.get_by_role("link", name="Batalkan dari riwayat").click()
    expect(page.locator("h1")).to_have_text("Riwayat perubahan skenario")
    page.get_by_role("link", name="Batalkan…").click()
    page.get_by_role("button", name="Ya, batalkan langkah ini").click()
    expect(page.get_by_text("Dibatalkan: Unit Bidang Kesehatan Masyarakat dihapus")).to_be_visible()
    assert UnitKerja.objects.filter(struktur=draf, nama="Bidang Kesehatan Masyarakat").exists()
    assert not UnitKerja.objects.filter(struktur=draf, jenis="kelompok_jf").exists()
    page.get_by_role("link", name="kembali ke skenario").click()
    # Again, for good: its positions join the kelompok JF.
    hapus_bidang(page)
    assert not UnitKerja.objects.filter(struktur=draf, nama="Bidang Kesehatan Masyarakat")
    kelompok = UnitKerja.objects.get(struktur=draf, nama__startswith="Kelompok Jabatan Fungsional")
    # The holder's position moves there; the vacant head post is dropped with its unit.
    assert list(Jabatan.objects.filter(unit=kelompok).values_list("nama", flat=True)) == [
        "Pengadministrasi Perkantoran"
    ]
    expect(page.locator(f"#unit-{kelompok.pk}")).to_contain_text("Kelompok Jabatan Fungsional")

    page.get_by_role("link", name="Bandingkan dengan asal").click()
    expect(page.locator("h1")).to_have_text("Perbandingan struktur organisasi")
    expect(page.locator("[data-hitung=unit-dihapus]")).to_have_text("1")
    expect(page.locator("[data-sorotan='2'] .perubahan")).to_contain_text("−1")
    expect(page.get_by_role("row", name="Dinas Kesehatan")).to_contain_text("1 → 0")

    page.get_by_role("link", name="Skenario & versi").click()
    page.get_by_role("row", name="Skenario dari SOTK uji").get_by_role(
        "link", name="Terbitkan"
    ).click()
    page.get_by_label("Nomor Perwal/Perkada").fill("Perwal Nomor 9 Tahun 2026")
    page.get_by_label("Tanggal penetapan").fill("2026-03-02")
    page.get_by_role("button", name="Terbitkan").click()
    expect(page.get_by_text("Skenario dari SOTK uji kini berlaku")).to_be_visible()
    baru = page.get_by_role("row", name="Skenario dari SOTK uji")
    expect(baru.locator(".lencana")).to_have_text("Berlaku")
    expect(baru).to_contain_text("Perwal Nomor 9 Tahun 2026")
    lama = page.locator("tbody tr").filter(
        has=page.get_by_role("link", name="SOTK uji", exact=True)
    )
    expect(lama.locator(".lencana")).to_have_text("Arsip")
    assert Struktur.objects.get(nama="SOTK uji").status == "arsip"
