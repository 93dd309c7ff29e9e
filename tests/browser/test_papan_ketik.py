"""Keyboard only (issue #17 item 2): an operator reaches every action of the position page's task
form with Tab, sees where the focus is (a ring of at least 3:1 contrast) and saves a task with
Enter, at 1366×768."""

from decimal import Decimal
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ramping.jabatan.models import Tugas
from tests.browser.conftest import masuk
from tests.browser.periksa import LAPTOP, sekali_di_sqlite  # noqa: F401  (autouse)

pytestmark = pytest.mark.browser


FOKUS_JS = (Path(__file__).parent / "papan_ketik.js").read_text(encoding="utf-8")

# Every control in `main` a keyboard must reach, marked with its order in the document.
TANDAI_JS = """
() => [...document.querySelectorAll(
    "main a[href], main button, main input:not([type=hidden]), main select, main textarea")]
  .filter((el) => !el.disabled && el.checkVisibility({ visibilityProperty: true }))
  .map((el, i) => { el.dataset.ujiKetik = String(i); return el.dataset.ujiKetik; })
"""


def tab_sampai(page, batas: int, berhenti=None) -> list[dict]:
    """Press Tab up to `batas` times; each focused element as papan_ketik.js describes it."""
    jejak = []
    for _ in range(batas):
        page.keyboard.press("Tab")
        fokus = page.evaluate(FOKUS_JS)
        if fokus is None:
            continue
        jejak.append(fokus)
        if berhenti and berhenti(fokus):
            break
    return jejak


def test_formulir_tugas_dengan_papan_ketik_saja(browser, live_server, kota):
    konteks = browser.new_context(viewport=LAPTOP.ukuran, locale="id-ID")
    page = konteks.new_page()
    try:
        masuk(page, live_server, "operator")
        page.goto(f"{live_server.url}/i/{kota.kode}/jabatan/{kota.pelaksana.pk}/?tab=tugas")

        # The first Tab shows the skip link; Enter on it moves the focus to the content.
        page.keyboard.press("Tab")
        lewati = page.get_by_role("link", name="Langsung ke isi")
        expect(lewati).to_be_focused()
        expect(lewati).to_be_in_viewport()
        page.keyboard.press("Enter")
        expect(page.locator("main#isi")).to_be_focused()

        # From the content, Tab reaches "+ Tambah tugas"; Enter opens the row form.
        jejak = tab_sampai(page, 40, lambda f: "Tambah tugas" in f["nama"])
        assert "Tambah tugas" in jejak[-1]["nama"], [f["nama"] for f in jejak]
        page.keyboard.press("Enter")
        baris = page.locator("tr.baris-ubah")
        expect(baris).to_be_visible()
        # HTMX gives the new row's `autofocus` field the focus after it settles (≈20 ms after
        # the swap): wait for it, or it takes the focus from under the walk below.
        expect(baris.locator("[autofocus]")).to_be_focused()

        # Every control of the page, the new row's fields and buttons included, is reached by
        # Tab in turn, each with a visible focus ring of at least 3:1.
        tanda = page.evaluate(TANDAI_JS)
        page.locator("main#isi").focus()
        jejak = tab_sampai(page, len(tanda) + 5)
        dicapai = {f["tanda"] for f in jejak if f["tanda"] is not None}
        tak_tercapai = sorted(set(tanda) - dicapai, key=int)
        assert not tak_tercapai, page.evaluate(
            "(t) => t.map((i) => document.querySelector(`[data-uji-ketik='${i}']`).outerHTML"
            ".slice(0, 120))",
            tak_tercapai,
        )
        samar = [f for f in jejak if not f["terlihat"] or f["kontras"] < 3]
        assert not samar, samar

        # The form filled and saved from the keyboard alone.
        baris.get_by_label("Uraian tugas").focus()
        for teks in ("Mengagendakan surat masuk", "Agenda surat", "surat", "1000", "1,1"):
            page.keyboard.type(teks)
            page.keyboard.press("Tab")
        page.keyboard.press("Tab")  # past the time unit (jam)
        expect(baris.get_by_role("button", name="Simpan")).to_be_focused()
        page.keyboard.press("Enter")
        expect(page.get_by_text("Tugas ditambahkan.")).to_be_visible()
        tugas = Tugas.objects.get(jabatan=kota.pelaksana)
        assert (tugas.uraian, tugas.volume, tugas.waktu) == (
            "Mengagendakan surat masuk",
            Decimal(1000),
            Decimal("1.1"),
        )
    finally:
        konteks.close()
