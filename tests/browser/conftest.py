"""Browser tests: Playwright's sync API driving Debian's Chromium against `live_server`.

Never `playwright install`: the browser is /usr/bin/chromium (`make chromium`). Without it the
tests skip, except on CI (`CI=true`), where a missing browser is a failure.
"""

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from ramping.akun.models import Keanggotaan, Pengguna, Peran

CHROMIUM = Path("/usr/bin/chromium")
KATA_SANDI = "rahasia-uji-123"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives Chromium through Playwright (slow-ish)")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pesan = f"{CHROMIUM} tidak ada (pasang dengan `make chromium`)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI: uji peramban wajib jalan, tetapi {pesan}")
        pytest.skip(pesan)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django's ORM (fixtures, the
    # assertions below) refuses to run next to one unless told it is safe, which it is here.
    lama = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(
                executable_path=str(CHROMIUM),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            yield chromium
            chromium.close()
    finally:
        if lama is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = lama


@pytest.fixture
def page(browser, live_server):
    konteks = browser.new_context(viewport={"width": 1440, "height": 900}, locale="id-ID")
    konteks.set_default_timeout(10_000)
    halaman = konteks.new_page()
    yield halaman
    konteks.close()


@dataclass
class Kota:
    kode: str
    pelaksana: object  # a position of Dinas Kesehatan with one holder and no task yet
    kabid: object  # a structural post of Dinas Kesehatan without an evaluation
    jabatan_lain: object  # a position of another OPD


def _pengguna(instansi, username: str, peran: str, opd: str = "") -> None:
    pengguna = Pengguna.objects.create_user(username=username, password=KATA_SANDI)
    Keanggotaan.objects.create(instansi=instansi, pengguna=pengguna, peran=peran, opd_kode=opd)


@pytest.fixture
def kota(transactional_db) -> Kota:
    """A small agency: Dinas Kesehatan (DINKES) and Dinas Pendidikan, version in force."""
    from ramping.akun.akses import Akses
    from ramping.jabatan.services import jabatan_buat
    from ramping.organisasi.models import Struktur
    from ramping.organisasi.services import instansi_buat, struktur_buat, unit_buat
    from ramping.pegawai.models import Pegawai, Penempatan

    instansi = instansi_buat(nama="Kota Peramban", kode="kota-peramban", jenis="kota")
    sistem = Akses.sistem(instansi)
    struktur = struktur_buat(akses=sistem, instansi=instansi, nama="SOTK uji")

    def unit(kode, nama, induk=None, jenis="dinas", eselon="II.b"):
        return unit_buat(akses=sistem, struktur=struktur, induk=induk, kode=kode, nama=nama,
                         jenis=jenis, eselon=eselon)  # fmt: skip

    dinkes = unit("DINKES", "Dinas Kesehatan")
    bidang = unit("DINKES.B1", "Bidang Kesehatan Masyarakat", dinkes, "bidang", "III.b")
    disdik = unit("DISDIK", "Dinas Pendidikan")
    kabid = jabatan_buat(akses=sistem, unit=bidang, nama="Kepala Bidang Kesehatan Masyarakat",
                         jenis="administrator", is_kepala=True)  # fmt: skip
    pelaksana = jabatan_buat(akses=sistem, unit=bidang, nama="Pengadministrasi Perkantoran",
                             jenis="pelaksana", kelas=5)  # fmt: skip
    lain = jabatan_buat(akses=sistem, unit=disdik, nama="Penelaah Teknis Kebijakan",
                        jenis="pelaksana", kelas=7)  # fmt: skip
    Struktur.objects.filter(pk=struktur.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2024, 1, 2)
    )
    orang = Pegawai.objects.create(
        instansi=instansi, nip="198001012005011001", nama="Budi Santoso", jenis_kelamin="L",
        tanggal_lahir=date(1980, 1, 1), status_asn="PNS", tmt_pengangkatan=date(2005, 1, 1),
        golongan="III/a", pendidikan="S-1",
    )  # fmt: skip
    Penempatan.objects.create(instansi=instansi, struktur=struktur, pegawai=orang,
                              jabatan=pelaksana, tmt_mulai=date(2024, 1, 2))  # fmt: skip
    _pengguna(instansi, "operator", Peran.OPERATOR, "DINKES")
    _pengguna(instansi, "analis", Peran.ANALIS)
    assert pelaksana.kebutuhan is None and Decimal(0) == 0
    return Kota(instansi.kode, pelaksana, kabid, lain)


def masuk(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", KATA_SANDI)
    # Enter submits the login form itself (the header's language switch is a button too).
    page.press("input[name=password]", "Enter")
    page.wait_for_url(lambda url: "/masuk/" not in url)


def isi_tugas(baris, uraian: str, hasil: str, satuan: str, jumlah: str, waktu: str) -> None:
    """Fill the task row's form (position page, Tugas & ABK tab) as typed by a user, and save."""
    baris.get_by_label("Uraian tugas").fill(uraian)
    baris.get_by_label("Hasil kerja").fill(hasil)
    baris.get_by_label("Satuan hasil").fill(satuan)
    baris.get_by_label("Jumlah hasil per tahun").fill(jumlah)
    baris.get_by_label("Waktu penyelesaian").fill(waktu)
    baris.get_by_role("button", name="Simpan").click()
