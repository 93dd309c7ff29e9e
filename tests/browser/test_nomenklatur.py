"""The nomenklatur workbench in a real browser: filter → accept the top suggestions in bulk →
fix one post by catalogue search → see the checks → download the decision appendix."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from ramping.akun.models import Peran
from ramping.jabatan.models import Jabatan
from tests.browser.conftest import _pengguna, masuk

pytestmark = pytest.mark.browser


@pytest.fixture
def draf(transactional_db):
    """A draft with 41/2018 names: Dinas Kesehatan (3 posts) and Dinas Pendidikan (1)."""
    from ramping.akun.akses import Akses
    from ramping.jabatan.services import jabatan_buat
    from ramping.organisasi.services import instansi_buat, struktur_buat, unit_buat
    from ramping.pegawai.models import Pegawai, Penempatan

    instansi = instansi_buat(nama="Kota Peramban", kode="kota-peramban", jenis="kota")
    sistem = Akses.sistem(instansi)
    struktur = struktur_buat(akses=sistem, instansi=instansi, nama="Penyesuaian nomenklatur")

    def unit(kode, nama, induk=None, jenis="dinas", eselon="II.b"):
        return unit_buat(akses=sistem, struktur=struktur, induk=induk, kode=kode, nama=nama,
                         jenis=jenis, eselon=eselon)  # fmt: skip

    dinkes = unit("DINKES", "Dinas Kesehatan")
    disdik = unit("DISDIK", "Dinas Pendidikan")
    pos = {}
    for u, nama, kelas in (
        (dinkes, "Pengadministrasi Umum", 5),
        (dinkes, "Pengemudi", 3),
        (dinkes, "Pengolah Data", 6),
        (disdik, "Analis Kepegawaian", 7),
    ):
        pos[nama] = jabatan_buat(akses=sistem, unit=u, nama=nama, jenis="pelaksana", kelas=kelas)
    orang = Pegawai.objects.create(
        instansi=instansi, nip="198001012005011001", nama="Budi Santoso", jenis_kelamin="L",
        tanggal_lahir=date(1980, 1, 1), status_asn="PNS", tmt_pengangkatan=date(2005, 1, 1),
        golongan="II/a", pendidikan="SMP",
    )  # fmt: skip
    Penempatan.objects.create(instansi=instansi, struktur=struktur, pegawai=orang,
                              jabatan=pos["Pengemudi"], tmt_mulai=date(2024, 1, 2))  # fmt: skip
    siti = Pegawai.objects.create(
        instansi=instansi, nip="198502022010012002", nama="Siti Aminah", jenis_kelamin="P",
        tanggal_lahir=date(1985, 2, 2), status_asn="PNS", tmt_pengangkatan=date(2010, 1, 1),
        golongan="II/b", pendidikan="SLTA",
    )  # fmt: skip
    Penempatan.objects.create(instansi=instansi, struktur=struktur, pegawai=siti,
                              jabatan=pos["Pengolah Data"], tmt_mulai=date(2024, 1, 2))  # fmt: skip
    _pengguna(instansi, "analis", Peran.ANALIS)
    return instansi.kode, struktur, pos


def test_saring_terima_perbaiki_periksa_unduh(page, live_server, draf):
    kode, struktur, pos = draf
    masuk(page, live_server, "analis")
    page.goto(f"{live_server.url}/i/{kode}/nomenklatur/?versi={struktur.pk}")
    expect(page.locator("h1")).to_have_text("Penyesuaian nomenklatur jabatan pelaksana")

    # Filter: Dinas Kesehatan, posts needing a decision.
    page.get_by_label("Perangkat daerah", exact=True).select_option(label="Dinas Kesehatan")
    page.get_by_label("Status", exact=True).select_option(label="Perlu keputusan")
    page.get_by_role("button", name="Saring", exact=True).click()
    expect(page.locator("tbody tr[data-baris-status=perlu]")).to_have_count(3)

    # Accept the top suggestion of the three filtered rows.
    page.get_by_role("button", name="Terima saran teratas untuk 3 jabatan tersaring").click()
    expect(page.get_by_text("saran diterima untuk 3 jabatan pelaksana")).to_be_visible()
    nama = {k: Jabatan.objects.get(pk=j.pk).nama for k, j in pos.items()}
    assert nama == {
        "Pengadministrasi Umum": "Pengadministrasi Perkantoran",
        "Pengemudi": "Operator Layanan Operasional",
        "Pengolah Data": "Pengolah Data dan Informasi",
        "Analis Kepegawaian": "Analis Kepegawaian",  # other OPD: not in the filter
    }

    # Fix one: the driver becomes a general-service post, found by catalogue search.
    page.get_by_label("Status", exact=True).select_option(label="Diputuskan")
    page.get_by_role("button", name="Saring", exact=True).click()
    baris = page.locator(f"#jabatan-{pos['Pengemudi'].pk}")
    baris.get_by_placeholder("atau cari di katalog…").fill("Pengelola Umum Operasional")
    baris.get_by_role("button", name="Putuskan").click()
    expect(page.get_by_text("menjadi Pengelola Umum Operasional")).to_be_visible()
    assert Jabatan.objects.get(pk=pos["Pengemudi"].pk).nama == "Pengelola Umum Operasional"

    # Checks: the SLTA incumbent of a D-III name is listed (not blocked); the driver, now in a
    # general-service post (minimum SD), is not.
    page.get_by_role("link", name="Pemeriksaan", exact=True).click()
    tabel = page.locator("#p-pendidikan + p + table")
    expect(tabel).to_contain_text("Siti Aminah")
    expect(tabel).not_to_contain_text("Budi Santoso")

    # Export the decision appendix.
    page.get_by_role("link", name="Meja kerja nomenklatur").click()
    with page.expect_download() as unduh:
        page.get_by_role("link", name="Lampiran keputusan (XLSX)").click()
    with open(unduh.value.path(), "rb") as f:
        wb = load_workbook(io.BytesIO(f.read()))
    baris_xlsx = [
        r for r in wb.worksheets[0].iter_rows(values_only=True) if r and r[2] == "Pengemudi"
    ]
    assert baris_xlsx[0][3] == "Pengelola Umum Operasional"
