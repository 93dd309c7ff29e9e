"""The position page in a real browser: HTMX task editing and the evaluasi picker."""

import re

import pytest
from playwright.sync_api import expect

from ramping.jabatan.models import EvaluasiJabatan, Tugas
from tests.browser.conftest import isi_tugas, masuk

pytestmark = pytest.mark.browser

LAHAT = {"F1": "1-1", "F2": "2-1", "F3": "3-1", "F4A": "4A-3", "F4B": "4B-3", "F5": "5-4"}
LAHAT["F6"] = "6-1"


def url_jabatan(live_server, kota, jabatan, tab: str) -> str:
    return f"{live_server.url}/i/{kota.kode}/jabatan/{jabatan.pk}/?tab={tab}"


def test_operator_menambah_tugas_dan_k_serta_pj_berubah_tanpa_muat_ulang(page, live_server, kota):
    masuk(page, live_server, "operator")
    page.goto(url_jabatan(live_server, kota, kota.pelaksana, "anjab"))
    k = page.locator('[data-ringkasan="k"]')
    pj = page.locator('[data-ringkasan="pj"]')
    expect(k).to_have_text("–")
    expect(pj).to_have_text("–")
    # A marker on window survives only if the page is never reloaded.
    page.evaluate("window.__tanpaMuatUlang = true")

    page.get_by_role("link", name=re.compile("^Tugas & ABK")).click()
    expect(page).to_have_url(re.compile(r"\?tab=tugas$"))
    page.get_by_role("link", name="+ Tambah tugas").click()
    baris = page.locator("tr.baris-ubah")
    isi_tugas(baris, "Mengagendakan surat masuk", "Agenda surat", "surat", "1.000", "1,1")

    # 1.000 × 1,1 h = 1.100 h ÷ 1.250 = 0,88 → K 1; EJ = 1.100 ÷ (1 × 1.250) = 0,88 → PJ C.
    expect(k).to_have_text("1")
    expect(pj).to_have_text("C")
    expect(page.locator('[data-ringkasan="ej"]')).to_have_text("0,88")
    expect(page.locator('[data-kaki="k-desimal"]')).to_have_text("0,8800")
    expect(page.get_by_text("Tugas ditambahkan.")).to_be_visible()
    assert page.evaluate("window.__tanpaMuatUlang") is True
    assert Tugas.objects.get(jabatan=kota.pelaksana).volume == 1000


def test_operator_tidak_bisa_mengubah_jabatan_opd_lain(page, live_server, kota):
    masuk(page, live_server, "operator")
    page.goto(url_jabatan(live_server, kota, kota.jabatan_lain, "tugas"))
    expect(page.get_by_role("heading", name="Tugas pokok dan analisis beban kerja")).to_be_visible()
    expect(page.get_by_role("link", name="+ Tambah tugas")).to_have_count(0)
    page.goto(url_jabatan(live_server, kota, kota.jabatan_lain, "anjab"))
    expect(page.get_by_role("button", name="Simpan ANJAB")).to_have_count(0)
    alamat = f"{live_server.url}/i/{kota.kode}/jabatan/{kota.jabatan_lain.pk}/tugas/baru/"
    assert page.request.get(alamat, headers={"HX-Request": "true"}).status == 403
    assert not Tugas.objects.filter(instansi__kode=kota.kode).exists()


def test_analis_memilih_tingkat_dan_melihat_nilai_serta_kelas(page, live_server, kota):
    masuk(page, live_server, "analis")
    page.goto(url_jabatan(live_server, kota, kota.kabid, "evaluasi"))
    total = page.locator("output[data-total]")
    kelas = page.locator("output[data-kelas]")
    for faktor, tingkat in LAHAT.items():
        page.locator(f'input[name="tingkat.{faktor}"][value="{tingkat}"]').check()
        if faktor == "F3":  # part-way: a running total, no kelas yet
            expect(total).to_have_text("725")
            expect(kelas).to_have_text("–")
    expect(total).to_have_text("1.715")
    expect(kelas).to_have_text("10")
    page.get_by_role("button", name="Simpan dan tetapkan").click()
    expect(page.get_by_text("Evaluasi jabatan ditetapkan: kelas 10.")).to_be_visible()
    expect(page.locator('[data-ringkasan="kelas"]')).to_have_text("10")
    ev = EvaluasiJabatan.objects.get(jabatan=kota.kabid)
    assert (ev.nilai, ev.kelas, ev.status) == (1715, 10, "ditetapkan")
