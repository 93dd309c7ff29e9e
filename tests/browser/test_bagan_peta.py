"""The org chart and the folded whole-agency peta jabatan in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import masuk

pytestmark = pytest.mark.browser


def _skala(page) -> float:
    transform = page.locator("#bagan-svg").evaluate("e => e.style.transform")
    return float(re.search(r"scale\(([\d.]+)\)", transform)[1])


def test_bagan_digeser_dan_diperbesar_dengan_satu_transform(page, live_server, kota):
    masuk(page, live_server, "analis")
    page.goto(f"{live_server.url}/i/{kota.kode}/bagan/?kedalaman=9")
    kanvas = page.locator(".bagan-kanvas[data-siap]")
    expect(kanvas).to_have_count(1)
    svg = page.locator("#bagan-svg")
    # The chart is drawn at its natural size and only the transform changes afterwards.
    lebar = svg.get_attribute("data-lebar")
    assert svg.evaluate("e => e.style.width") == f"{lebar}px"
    assert svg.get_attribute("viewBox") == f"0 0 {lebar} {svg.get_attribute('data-tinggi')}"
    awal = _skala(page)
    page.get_by_role("button", name="Perbesar").click()
    page.wait_for_function(
        f"!document.querySelector('#bagan-svg').style.transform.includes('scale({awal})')"
    )
    assert _skala(page) == pytest.approx(min(awal * 1.25, 4))
    # Zooming out stops at half the fitted size; a chart that small on screen keeps its labels
    # (they are hidden only below 45 %, on charts too wide to read whole).
    for _ in range(12):
        page.get_by_role("button", name="Perkecil").click()
    tinggi = svg.get_attribute("data-tinggi")
    pas = page.locator(".bagan-kanvas").evaluate(
        f"k => Math.min(k.clientWidth / {lebar}, k.clientHeight / {tinggi})"
    )
    page.wait_for_timeout(100)
    assert _skala(page) == pytest.approx(pas / 2)
    assert "ringkas" not in (svg.get_attribute("class") or "")
    page.get_by_role("button", name="100%").click()
    page.wait_for_function(
        "document.querySelector('#bagan-svg').style.transform.includes('scale(1)')"
    )
    # A drag moves the chart and does not open the box it ends on; a click does.
    kotak = page.locator("#bagan-svg .kotak:not(.akar) .nama").first
    sebelum = kotak.bounding_box()
    page.mouse.move(sebelum["x"] + 5, sebelum["y"] + 5)
    page.mouse.down()
    page.mouse.move(sebelum["x"] + 65, sebelum["y"] + 45, steps=5)
    page.mouse.up()
    sesudah = kotak.bounding_box()
    assert sesudah["x"] == pytest.approx(sebelum["x"] + 60, abs=1)
    assert "/bagan/" in page.url
    kotak.click()
    expect(page).to_have_url(re.compile(r"/unit/\d+/"))


def test_peta_seluruh_instansi_dilipat_per_opd_dan_dimuat_saat_dibuka(page, live_server, kota):
    masuk(page, live_server, "analis")
    page.goto(f"{live_server.url}/i/{kota.kode}/peta/")
    tabel = page.locator("table.peta")
    expect(tabel.locator("tbody.opd-lipat")).to_have_count(2)
    expect(tabel.get_by_role("link", name="Pengadministrasi Perkantoran")).to_have_count(0)
    page.get_by_role("button", name="Tampilkan jabatan di Dinas Kesehatan").click()
    expect(tabel.get_by_role("link", name="Pengadministrasi Perkantoran")).to_be_visible()
    expect(tabel.locator("tbody.opd-terbuka")).to_have_count(1)
    expect(tabel.locator("tbody.opd-lipat")).to_have_count(1)
    # Numbered on from the OPDs above it (Dinas Kesehatan comes first: 1 and 2).
    expect(tabel.locator("tbody.opd-terbuka td.no")).to_have_text(["1", "2"])
    page.get_by_role("link", name="tampilkan semua jabatan").click()
    expect(tabel.get_by_role("link", name="Penelaah Teknis Kebijakan")).to_be_visible()


def test_bagan_lebar_pas_layar_tanpa_label_lalu_label_muncul_saat_diperbesar(
    page, live_server, kota
):
    """A chart far wider than the screen opens fitted, with only boxes and lines (labels are
    hidden below 45 %); at 100 % every label is back."""
    from ramping.akun.akses import Akses
    from ramping.organisasi.models import Instansi, Struktur
    from ramping.organisasi.services import unit_buat

    instansi = Instansi.objects.get(kode=kota.kode)
    sistem = Akses.sistem(instansi)
    struktur = Struktur.objects.get(instansi=instansi)
    # Units are added to a draft; the fixture's version is in force, so open it for a moment.
    Struktur.objects.filter(pk=struktur.pk).update(status=Struktur.Status.DRAFT)
    struktur.refresh_from_db()
    for i in range(8):
        opd = unit_buat(akses=sistem, struktur=struktur, induk=None, kode=f"B{i}",
                        nama=f"Badan {i}", jenis="badan", eselon="II.b")  # fmt: skip
        for j in range(3):
            bidang = unit_buat(akses=sistem, struktur=struktur, induk=opd, kode=f"B{i}.{j}",
                               nama=f"Bidang {i}.{j}", jenis="bidang", eselon="III.b")  # fmt: skip
            unit_buat(akses=sistem, struktur=struktur, induk=bidang, kode=f"B{i}.{j}.1",
                      nama=f"Subbidang {i}.{j}", jenis="subbidang", eselon="IV.a")  # fmt: skip
    Struktur.objects.filter(pk=struktur.pk).update(status=Struktur.Status.BERLAKU)
    masuk(page, live_server, "analis")
    page.goto(f"{live_server.url}/i/{kota.kode}/bagan/?kedalaman=9")
    expect(page.locator(".bagan-kanvas[data-siap]")).to_have_count(1)
    svg = page.locator("#bagan-svg")
    assert _skala(page) < 0.45
    expect(svg).to_have_class(re.compile(r"\bringkas\b"))
    assert page.locator("#bagan-svg .kotak").count() == 1 + 3 + 8 * 7
    expect(page.locator("#bagan-svg text.nama").first).to_be_hidden()
    page.get_by_role("button", name="100%").click()
    expect(svg).not_to_have_class(re.compile(r"\bringkas\b"))
    expect(page.locator("#bagan-svg text.nama").first).to_be_visible()
