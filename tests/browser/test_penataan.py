"""The penataan cycle in a real browser: the operator fixes a finding, answers the warnings and
submits; the analyst returns it with a note; the operator resolves it and resubmits; the analyst
approves; the board shows Disetujui."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ramping.penataan.models import Catatan, PesertaPenataan
from tests.browser.conftest import isi_tugas, masuk

pytestmark = pytest.mark.browser


@pytest.fixture
def kegiatan(kota):
    """An ABK round on the small city; DINKES has one finding left: a position without tasks."""
    from ramping.akun.akses import Akses
    from ramping.jabatan.models import Jabatan
    from ramping.jabatan.services import tugas_buat
    from ramping.organisasi.models import Instansi, Struktur
    from ramping.penataan.services import kegiatan_buat

    instansi = Instansi.objects.get(kode=kota.kode)
    sistem = Akses.sistem(instansi)
    struktur = Struktur.objects.get(instansi=instansi)
    # The Dinas's own head, so only the pelaksana's missing tasks block the submission.
    Jabatan.objects.create(
        instansi=instansi, struktur=struktur, unit=kota.kabid.unit.induk, nama="Kepala Dinas",
        jenis="jpt_pratama", is_kepala=True, kelas=14,
    )  # fmt: skip
    for j in Jabatan.objects.filter(struktur=struktur).exclude(pk=kota.pelaksana.pk):
        tugas_buat(akses=sistem, jabatan=j, uraian="Memimpin", hasil_kerja="Kebijakan",
                   satuan_hasil="dokumen", volume=Decimal(10), waktu=Decimal(20))  # fmt: skip
    return kegiatan_buat(
        akses=sistem, struktur=struktur, nama="Penyusunan ABK 2026",
        tenggat=timezone.localdate() + timedelta(days=14), diminta=["abk"],
    )  # fmt: skip


def test_alur_penataan_dari_operator_ke_analis(page, live_server, kota, kegiatan):
    p = kegiatan.peserta_set.get(opd__kode="DINKES")
    halaman_opd = f"{live_server.url}/i/{kota.kode}/penataan/{kegiatan.pk}/opd/{p.pk}/"

    # The operator lands on their OPD's to-do: one error blocks the submission.
    masuk(page, live_server, "operator")
    expect(page).to_have_url(halaman_opd)
    temuan = page.locator("#temuan li[data-kode='ABK-01']")
    expect(temuan).to_contain_text("Pengadministrasi Perkantoran")
    expect(page.get_by_role("button", name="Ajukan ke Bagian Organisasi")).to_be_visible()
    page.get_by_role("button", name="Ajukan ke Bagian Organisasi").click()
    expect(page.locator("#tindakan .pesan.error")).to_contain_text("temuan galat")

    # Fix it where the finding points: add the position's task.
    temuan.get_by_role("link", name="Perbaiki").click()
    page.get_by_role("link", name="+ Tambah tugas").click()
    baris = page.locator("tr.baris-ubah")
    isi_tugas(baris, "Mengadministrasikan surat masuk", "Surat", "surat", "1.200", "0,5")
    expect(page.locator("tr", has_text="Mengadministrasikan surat masuk")).to_be_visible()

    # Back on the to-do: answer every warning, then submit.
    page.goto(halaman_opd)
    expect(page.locator("#temuan li[data-kode='ABK-01']")).to_have_count(0)
    belum = page.locator("#temuan form").filter(has_text="Simpan tanggapan")
    for sisa in range(belum.count(), 0, -1):
        expect(belum).to_have_count(sisa)
        belum.first.locator("textarea").fill("Sudah dicek bersama kepala bidang.")
        belum.first.get_by_role("button", name="Simpan tanggapan").click()
        expect(page.locator(".pesan.success")).to_contain_text("Tanggapan atas peringatan")
    expect(belum).to_have_count(0)
    page.get_by_role("button", name="Ajukan ke Bagian Organisasi").click()
    expect(page.locator("h1 .lencana").first).to_have_text("Diajukan")

    # The analyst returns it with a note on the position.
    page.context.clear_cookies()
    masuk(page, live_server, "analis")
    page.goto(halaman_opd)
    jabatan = page.locator("details.tinjau-jabatan", has_text="Pengadministrasi Perkantoran")
    jabatan.locator("summary").click()
    jabatan.get_by_label("Catatan").fill("Jumlah surat per tahun terlalu tinggi; periksa lagi.")
    jabatan.get_by_role("button", name="Tambah catatan").click()
    expect(page.locator("#catatan")).to_contain_text("terlalu tinggi")
    page.locator("#catatan-kembalikan").fill("Periksa catatan pada jabatan pelaksana.")
    page.get_by_role("button", name="Kembalikan untuk revisi").click()
    expect(page.locator("h1 .lencana").first).to_have_text("Revisi")

    # The operator sees the note, marks it resolved and submits again.
    page.context.clear_cookies()
    masuk(page, live_server, "operator")
    expect(page.locator("#catatan")).to_contain_text("terlalu tinggi")
    page.locator("#catatan").get_by_placeholder("Apa yang diperbaiki (boleh kosong)").fill(
        "Disesuaikan dengan agenda surat."
    )
    page.locator("#catatan").get_by_role("button", name="Tandai selesai").click()
    expect(page.locator("#catatan .catatan-verif.selesai")).to_have_count(1)
    page.get_by_role("button", name="Ajukan ke Bagian Organisasi").click()
    expect(page.locator("h1 .lencana").first).to_have_text("Diajukan")

    # The analyst approves; the board shows it.
    page.context.clear_cookies()
    masuk(page, live_server, "analis")
    page.goto(halaman_opd)
    page.get_by_role("button", name="Setujui").click()
    expect(page.locator("h1 .lencana").first).to_have_text("Disetujui")
    page.goto(f"{live_server.url}/i/{kota.kode}/penataan/{kegiatan.pk}/")
    expect(page.locator("tr[data-opd='DINKES'] .lencana").first).to_have_text("Disetujui")
    p.refresh_from_db()
    assert p.status == PesertaPenataan.Status.DISETUJUI
    assert Catatan.objects.get(peserta=p).tanggapan == "Disesuaikan dengan agenda surat."
