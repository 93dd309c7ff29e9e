"""Sistem kerja in a real browser: Level 2 plans, members submit, Level 1 accepts."""

from datetime import date
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from ramping.akun.models import Peran
from ramping.sistemkerja.models import Penugasan, RiwayatPenugasan
from tests.browser.conftest import _pengguna, masuk

pytestmark = pytest.mark.browser


@pytest.fixture
def tim(kota):
    from ramping.akun.akses import Akses
    from ramping.organisasi.models import Instansi, UnitKerja
    from ramping.sistemkerja.services import tim_buat

    instansi = Instansi.objects.get(kode=kota.kode)
    _pengguna(instansi, "pimpinan", Peran.PIMPINAN)
    bidang = UnitKerja.objects.get(instansi=instansi, kode="DINKES.B1")
    return tim_buat(
        akses=Akses.sistem(instansi),
        unit=bidang,
        nama="Tim Penurunan Stunting",
        program="Program Kesehatan Masyarakat",
        periode_mulai=date(2026, 1, 2),
        periode_selesai=date(2026, 12, 31),
    )


def test_rencana_serahkan_terima(page, live_server, kota, tim):
    dasar = f"{live_server.url}/i/{kota.kode}/sistem-kerja"
    masuk(page, live_server, "operator")
    page.goto(f"{dasar}/tim/{tim.pk}/")
    page.get_by_role("link", name="+ Rencanakan penugasan").click()
    page.get_by_label("Judul penugasan").fill("Pendataan keluarga berisiko stunting")
    page.get_by_label("Target output").fill("Data keluarga berisiko")
    page.get_by_label("Volume").fill("8")
    page.get_by_label("Satuan").fill("kelurahan")
    page.get_by_label("Tenggat").fill("2026-12-15")
    page.get_by_role("button", name="Simpan rencana").click()
    expect(page.get_by_text("Penugasan direncanakan.")).to_be_visible()
    status = page.locator("h1 [data-status]")
    expect(status).to_have_text("Direncanakan")

    page.get_by_role("button", name="Mulai kerjakan").click()
    expect(status).to_have_text("Berjalan")
    page.locator("#id_nama").fill("Pengumpulan data kelurahan")
    page.get_by_role("button", name="+ Tambah kegiatan").click()
    expect(page.get_by_text("Kegiatan ditambahkan.")).to_be_visible()
    page.get_by_role("spinbutton", name="Progres (%) Pengumpulan data kelurahan").fill("100")
    page.get_by_role("button", name="Perbarui").click()
    expect(page.get_by_text("Progres Pengumpulan data kelurahan: 100%.")).to_be_visible()
    page.get_by_role("button", name="Serahkan hasil").click()
    expect(status).to_have_text("Diserahkan")
    # The operator acts for Level 2 and the members, never for Level 1.
    expect(page.get_by_role("button", name="Terima hasil")).to_have_count(0)

    page.context.clear_cookies()
    masuk(page, live_server, "pimpinan")
    p = Penugasan.objects.get(tim=tim)
    page.goto(f"{dasar}/penugasan/{p.pk}/")
    page.get_by_role("button", name="Terima hasil").click()
    expect(status).to_have_text("Diterima")
    expect(page.get_by_text("Hasil sudah diterima Pejabat Level 1")).to_be_visible()
    p.refresh_from_db()
    assert p.status == "diterima" and p.volume == Decimal(8)
    assert list(RiwayatPenugasan.objects.filter(penugasan=p).values_list("ke", flat=True)) == [
        "direncanakan",
        "berjalan",
        "diserahkan",
        "diterima",
    ]
