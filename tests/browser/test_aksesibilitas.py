"""Every main page and state, for each role, at the screen sizes officials use (issue #17 items
1–2): axe-core reports no serious or critical violation (at 1366 and 800 px, see Layar.axe),
the page never scrolls sideways, no control inside `main` is cut off outside a scrolling box,
no two buttons overlap. A tablet in portrait (800 px) is checked on the reading pages. See
docs/aksesibilitas.md to add a page.

One test per screen size visits every page once (one browser per module, one context per role
logged in once, the database filled once per test): a failure lists every page and element at
fault, with axe's rule, selector and help, so one run says everything to fix.
"""

from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect

from ramping.akun.akses import Akses
from ramping.akun.models import Peran
from ramping.organisasi.models import Instansi, Struktur
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.services.salin import struktur_salin
from ramping.sistemkerja.services.koordinasi import relasi_buat
from tests.browser.conftest import KATA_SANDI, _pengguna, isi_tugas
from tests.browser.periksa import (
    DESKTOP,
    LAPTOP,
    TABLET,
    axe_pelanggaran,
    sekali_di_sqlite,  # noqa: F401  (autouse fixture)
    tata_letak_masalah,
)
from tests.browser.test_penataan import kegiatan  # noqa: F401  (fixture: an ABK round)
from tests.browser.test_sistemkerja import tim  # noqa: F401  (fixture: a team, a leader)

pytestmark = pytest.mark.browser


@dataclass
class Halaman:
    """One page or state: who opens it, where, and what to do there before checking."""

    peran: str
    nama: str
    alamat: str
    siapkan: object = None  # page -> None | list[str]: clicks into the state, its own checks
    baca: bool = False  # a reading page: checked at tablet width too


@dataclass
class Panggung:
    dasar: str
    halaman: list[Halaman] = field(default_factory=list)


def tambah_tugas(page) -> None:
    page.get_by_role("link", name="+ Tambah tugas").click()
    expect(page.locator("tr.baris-ubah")).to_be_visible()


def tugas_salah(page) -> None:
    """The task row with a negative volume and no time: the server's errors beside the fields."""
    tambah_tugas(page)
    isi_tugas(page.locator("tr.baris-ubah"), "Mengagendakan surat", "Agenda", "surat", "-5", "0")
    expect(page.locator("tr.baris-ubah .galat").first).to_be_visible()


def aksi_tugas_tanpa_digulir(page) -> list[str]:
    """The known defect of #17: a task row's Ubah/Hapus cut off at 1400 px. From 1366 px they
    are in sight without scrolling the table (narrower, the table scrolls in its box)."""
    expect(page.get_by_role("button", name="Hapus").first).to_be_visible()
    return page.evaluate(
        """() => [...document.querySelectorAll("#tabel-tugas .aksi-sel .tombol")]
        .filter((b) => b.getBoundingClientRect().right >
          Math.min(b.closest(".gulir-x").getBoundingClientRect().right, innerWidth) + 1)
        .map((b) => `tombol ${b.textContent.trim()} tugas harus digulir agar terlihat`)"""
    )


def aksi_tugas_dengan_baris_tambah(page) -> list[str]:
    """An open add row widens the columns with its fields: the other rows' actions stack then
    and stay in sight (they were cut off at 1366 px)."""
    tambah_tugas(page)
    return aksi_tugas_tanpa_digulir(page)


def penempatan_salah(page) -> None:
    page.get_by_role("button", name="Simpan penempatan").click()
    expect(page.locator(".galat").first).to_be_visible()


@pytest.fixture
def panggung(live_server, kota, kegiatan, tim) -> Panggung:  # noqa: F811
    instansi = Instansi.objects.get(kode=kota.kode)
    _pengguna(instansi, "admin", Peran.ADMIN_INSTANSI)
    berlaku = Struktur.objects.get(instansi=instansi, status=Struktur.Status.BERLAKU)
    draf = struktur_salin(akses=Akses.sistem(instansi), sumber=berlaku, nama="Skenario uji")
    bidang_draf = draf.unit_set.get(kode="DINKES.B1")
    dinkes, bidang = kota.kabid.unit.induk, kota.kabid.unit
    relasi_buat(akses=Akses.sistem(instansi), unit_dari=dinkes, unit_ke=kota.jabatan_lain.unit,
                jenis="bekerja_sama", dasar_hukum="Perwal 1/2026")  # fmt: skip
    peserta = kegiatan.peserta_set.get(opd__kode="DINKES")
    pegawai = Penempatan.objects.get(jabatan=kota.pelaksana).pegawai
    i = f"/i/{kota.kode}"
    jab, kabid = f"{i}/jabatan/{kota.pelaksana.pk}", f"{i}/jabatan/{kota.kabid.pk}"
    H = Halaman
    return Panggung(
        live_server.url,
        [
            H("", "masuk", "/masuk/", baca=True),
            H("analis", "dasbor analis", f"{i}/", baca=True),
            H("analis", "versi struktur", f"{i}/struktur/"),
            H("analis", "pohon unit", f"{i}/pohon/", baca=True),
            H("analis", "unit", f"{i}/unit/{dinkes.pk}/", baca=True),
            H("analis", "jabatan ANJAB", f"{jab}/?tab=anjab", baca=True),
            H("analis", "jabatan tugas & ABK", f"{jab}/?tab=tugas", baca=True),
            H("analis", "jabatan evaluasi", f"{kabid}/?tab=evaluasi"),
            H("analis", "tugas: Ubah dan Hapus", f"{kabid}/?tab=tugas", aksi_tugas_tanpa_digulir),
            H(
                "analis",
                "tugas: Ubah dan Hapus, baris tambah terbuka",
                f"{kabid}/?tab=tugas",
                aksi_tugas_dengan_baris_tambah,
            ),
            H("analis", "jabatan pemangku", f"{jab}/?tab=pemangku", baca=True),
            H("analis", "jabatan riwayat", f"{jab}/riwayat/"),
            H("analis", "peta jabatan OPD", f"{i}/peta/{dinkes.pk}/", baca=True),
            H("analis", "peta jabatan instansi", f"{i}/peta/", baca=True),
            H("analis", "bagan", f"{i}/bagan/{dinkes.pk}/"),
            H("analis", "pegawai", f"{i}/pegawai/", baca=True),
            H("analis", "pegawai rinci", f"{i}/pegawai/{pegawai.pk}/", baca=True),
            H("analis", "penempatan dengan galat", f"{i}/penempatan/baru/", penempatan_salah),
            H("analis", "penataan", f"{i}/penataan/"),
            H("analis", "penataan kegiatan", f"{i}/penataan/{kegiatan.pk}/", baca=True),
            H("analis", "penataan periksa OPD", f"{i}/penataan/{kegiatan.pk}/opd/{peserta.pk}/"),
            H("analis", "penyederhanaan", f"{i}/penyederhanaan/"),
            H("analis", "skenario", f"{i}/penyederhanaan/versi/{draf.pk}/"),
            H(
                "analis",
                "skenario konfirmasi hapus",
                f"{i}/penyederhanaan/versi/{draf.pk}/konfirmasi/?aksi=unit_hapus"
                f"&unit={bidang_draf.pk}&kelompok_jf=1",
            ),
            H("analis", "skenario kriteria", f"{i}/penyederhanaan/versi/{draf.pk}/kriteria/"),
            H("analis", "bandingkan", f"{i}/penyederhanaan/bandingkan/", baca=True),
            H("analis", "register penyetaraan", f"{i}/penyederhanaan/penyetaraan/", baca=True),
            H("analis", "sistem kerja", f"{i}/sistem-kerja/"),
            H("analis", "tim kerja", f"{i}/sistem-kerja/tim/"),
            H("analis", "tim", f"{i}/sistem-kerja/tim/{tim.pk}/", baca=True),
            H("analis", "beban kerja tim", f"{i}/sistem-kerja/beban-kerja/"),
            H("analis", "koordinasi antarunit", f"{i}/sistem-kerja/koordinasi/"),
            H("analis", "tim baru", f"{i}/sistem-kerja/tim/baru/"),
            H("analis", "kegiatan penataan baru", f"{i}/penataan/baru/"),
            H("analis", "skenario riwayat", f"{i}/penyederhanaan/versi/{draf.pk}/riwayat/"),
            H("analis", "unit ubah", f"{i}/unit/{dinkes.pk}/ubah/"),
            H("analis", "ubah kata sandi", "/sandi/"),
            H("analis", "nomenklatur", f"{i}/nomenklatur/"),
            H("analis", "laporan", f"{i}/laporan/"),
            H("analis", "impor", f"{i}/impor/"),
            H("analis", "notifikasi", f"{i}/notifikasi/"),
            H("analis", "halaman tidak ada (404)", f"{i}/unit/999999/"),
            H("operator", "dasbor operator", f"{i}/"),
            H(
                "operator",
                "penataan pengajuan OPD",
                f"{i}/penataan/{kegiatan.pk}/opd/{peserta.pk}/",
            ),
            H("operator", "tugas: formulir tambah", f"{jab}/?tab=tugas", tambah_tugas),
            H("operator", "tugas: formulir dengan galat", f"{jab}/?tab=tugas", tugas_salah),
            H("operator", "bidang unit", f"{i}/unit/{bidang.pk}/"),
            H("pimpinan", "dasbor pimpinan", f"{i}/", baca=True),
            H("pimpinan", "ringkasan pimpinan", f"{i}/penyederhanaan/pimpinan/", baca=True),
            H("admin", "pengaturan kop", f"{i}/pengaturan/kop/"),
            H("admin", "pengaturan ABK", f"{i}/pengaturan/aturan/"),
            H("admin", "pengguna", f"{i}/pengguna/"),
            H("admin", "kelas jabatan instansi", f"{i}/kelas-instansi/"),
            H("admin", "token API", f"{i}/token/"),
        ],
    )


def _konteks(browser, layar, dasar: str, peran: str):
    """One context per role and screen size, logged in through the form once."""
    konteks = browser.new_context(viewport=layar.ukuran, locale="id-ID")
    konteks.set_default_timeout(15_000)
    page = konteks.new_page()
    if peran:
        page.goto(f"{dasar}/masuk/")
        page.fill("input[name=username]", peran)
        page.fill("input[name=password]", KATA_SANDI)
        page.press("input[name=password]", "Enter")
        page.wait_for_url(lambda url: "/masuk/" not in url)
    return konteks, page


def periksa_semua(browser, panggung: Panggung, layar, hanya_baca: bool = False) -> dict:
    masalah: dict[str, list[str]] = {}
    konteks_per_peran: dict[str, tuple] = {}
    try:
        for h in panggung.halaman:
            if hanya_baca and not h.baca:
                continue
            if h.peran not in konteks_per_peran:
                konteks_per_peran[h.peran] = _konteks(browser, layar, panggung.dasar, h.peran)
            page = konteks_per_peran[h.peran][1]
            page.goto(panggung.dasar + h.alamat)
            # A state's own check may add problems (a list), besides the common ones below.
            temuan = (h.siapkan(page) if h.siapkan else None) or []
            temuan += tata_letak_masalah(page) + (axe_pelanggaran(page) if layar.axe else [])
            if temuan:
                masalah[f"{h.nama} ({h.alamat})"] = temuan
    finally:
        for konteks, _page in konteks_per_peran.values():
            konteks.close()
    return masalah


def laporan(masalah: dict, layar) -> str:
    baris = [f"{len(masalah)} halaman bermasalah pada {layar.nama}:"]
    for halaman, daftar in masalah.items():
        baris.append(f"- {halaman}")
        baris += [f"    {m}" for m in daftar]
    return "\n".join(baris)


@pytest.mark.parametrize("layar", [LAPTOP, DESKTOP], ids=lambda layar: layar.nama)
def test_halaman_utama_aksesibel_dan_utuh(browser, panggung, layar):
    masalah = periksa_semua(browser, panggung, layar)
    assert not masalah, laporan(masalah, layar)


def test_halaman_baca_di_tablet(browser, panggung):
    masalah = periksa_semua(browser, panggung, TABLET, hanya_baca=True)
    assert not masalah, laporan(masalah, TABLET)


# The checks themselves, on pages built to fail them (a check that never fails proves nothing).
CONTOH_SALAH = [
    (
        "tombol terpotong panel",
        '<main><div style="width:300px;overflow-x:clip"><div style="width:600px">'
        '<button style="margin-left:400px">Hapus</button></div></div></main>',
        ['<button> "Hapus" terpotong oleh <div>'],
    ),
    (
        "halaman bergulir mendatar",
        '<main><div style="width:2000px"><a href="#">Ubah</a></div></main>',
        ["halaman bergulir mendatar: lebar isi 2008 px > layar 1366 px"],
    ),
    (
        "tombol bertumpuk",
        '<main><button style="position:absolute;left:0;top:0">Simpan</button>'
        '<button style="position:absolute;left:8px;top:4px">Batal</button></main>',
        ['tombol bertumpuk: <button> "Simpan" dan <button> "Batal"'],
    ),
    (
        "isian tanpa label",
        '<main><h1>Uji</h1><input name="nama"></main>',
        ["axe label (critical) di `input`"],
    ),
]
CONTOH_BENAR = (
    '<main><h1>Uji</h1><div style="width:300px;overflow-x:auto"><div style="width:600px">'
    '<button style="margin-left:400px">Hapus</button></div></div>'
    '<details><summary>Lagi</summary><div style="width:3000px"><button>Tersembunyi</button>'
    '</div></details><label for="n">Nama</label><input id="n"></main>'
)


def test_pemeriksa_menangkap_contoh_salah_dan_meloloskan_yang_benar(browser):
    konteks = browser.new_context(viewport=LAPTOP.ukuran)
    page = konteks.new_page()
    try:
        for nama, isi, harapan in CONTOH_SALAH:
            page.set_content(f'<!doctype html><html lang="id"><title>{nama}</title>{isi}</html>')
            temuan = tata_letak_masalah(page) + axe_pelanggaran(page)
            for h in harapan:
                assert any(t.startswith(h) for t in temuan), (nama, h, temuan)
        # Scrolling inside its own box, or folded in a closed <details>: nothing to report.
        page.set_content(
            f'<!doctype html><html lang="id"><title>benar</title>{CONTOH_BENAR}</html>'
        )
        assert tata_letak_masalah(page) + axe_pelanggaran(page) == []
    finally:
        konteks.close()
