"""A structure's whole life in a real browser (#12): copy → name → remove a unit (confirm) →
undo → merge (confirm) → check → apply the recommendation → compare → publish → the team, the
coordination relation and the penyetaraan entry are there in the version now in force."""

from datetime import date

import pytest
from playwright.sync_api import expect

from ramping.organisasi.models import Struktur, UnitKerja
from ramping.penyederhanaan.models import Penyetaraan
from ramping.sistemkerja.models import AnggotaTim, RelasiKoordinasi, TimKerja
from tests.browser.conftest import KATA_SANDI, masuk

pytestmark = pytest.mark.browser


@pytest.fixture
def kota_alur(transactional_db):
    from ramping.akun.akses import Akses
    from ramping.akun.models import Keanggotaan, Pengguna, Peran
    from ramping.jabatan.services import jabatan_buat
    from ramping.organisasi.services import instansi_buat, struktur_buat, unit_buat
    from ramping.pegawai.models import Pegawai, Penempatan

    instansi = instansi_buat(nama="Kota Alur", kode="kota-alur", jenis="kota")
    s = Akses.sistem(instansi)
    versi = struktur_buat(akses=s, instansi=instansi, nama="SOTK 2021")

    def unit(kode, nama, induk, jenis, eselon):
        return unit_buat(akses=s, struktur=versi, induk=induk, kode=kode, nama=nama,
                         jenis=jenis, eselon=eselon)  # fmt: skip

    dinas = unit("DA", "Dinas Alur", None, "dinas", "II.b")
    bidang = unit("DA.B1", "Bidang Satu", dinas, "bidang", "III.b")
    seksi1 = unit("DA.B1.S1", "Seksi Satu", bidang, "seksi", "IV.a")
    seksi2 = unit("DA.B1.S2", "Seksi Dua", bidang, "seksi", "IV.a")
    orang = []
    for i, (u, nama, jenis, kepala) in enumerate(
        [
            (dinas, "Kepala Dinas Alur", "jpt_pratama", True),
            (bidang, "Kepala Bidang Satu", "administrator", True),
            (seksi1, "Kepala Seksi Satu", "pengawas", True),
            (seksi1, "Pengolah Data dan Informasi", "pelaksana", False),
            (seksi2, "Kepala Seksi Dua", "pengawas", True),
        ]
    ):
        j = jabatan_buat(akses=s, unit=u, nama=nama, jenis=jenis, is_kepala=kepala, kelas=9)
        p = Pegawai.objects.create(
            instansi=instansi, nip=f"19800101200501100{i}", nama=f"Pegawai Alur {i}",
            jenis_kelamin="L", tanggal_lahir=date(1980, 1, 1), status_asn="PNS",
            tmt_pengangkatan=date(2005, 1, 1), golongan="III/c", pendidikan="S-1",
        )  # fmt: skip
        Penempatan.objects.create(instansi=instansi, struktur=versi, pegawai=p, jabatan=j,
                                  tmt_mulai=date(2021, 1, 4))  # fmt: skip
        orang.append(p)
    Struktur.objects.filter(pk=versi.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2021, 1, 4)
    )
    tim = TimKerja.objects.create(
        instansi=instansi, struktur=versi, unit=bidang, nama="Tim Data Terpadu",
        program="Satu data", periode_mulai=date(2026, 1, 2), periode_selesai=date(2026, 12, 31),
    )  # fmt: skip
    AnggotaTim.objects.create(
        instansi=instansi, tim=tim, pegawai=orang[3], unit_asal=seksi1, jam_per_tahun=100,
        status="disetujui",
    )  # fmt: skip
    RelasiKoordinasi.objects.create(
        instansi=instansi, struktur=versi, unit_dari=dinas, unit_ke=bidang,
        jenis="mengoordinasikan",
    )  # fmt: skip
    pengguna = Pengguna.objects.create_user(username="analis", password=KATA_SANDI)
    Keanggotaan.objects.create(instansi=instansi, pengguna=pengguna, peran=Peran.ANALIS)
    return instansi


def _baris_unit(page, struktur, nama):
    return page.locator(f"#unit-{UnitKerja.objects.get(struktur=struktur, nama=nama).pk}")


def test_hidup_struktur_dari_salin_sampai_terbit(page, live_server, kota_alur):
    masuk(page, live_server, "analis")
    dasar = f"{live_server.url}/i/kota-alur/penyederhanaan/"
    page.goto(dasar)
    page.get_by_role("row", name="SOTK 2021").get_by_role(
        "link", name="Salin jadi skenario"
    ).click()
    page.get_by_label("Nama skenario").fill("Coba-coba 2027")
    page.get_by_role("button", name="Salin").click()
    expect(page.locator("h1")).to_have_text("Coba-coba 2027")
    coba = Struktur.objects.get(nama="Coba-coba 2027")

    # Remove Seksi Satu, confirmed on the page that names its holders; then undo it.
    _baris_unit(page, coba, "Seksi Satu").get_by_role("button", name="Hapus → kelompok JF").click()
    expect(page.locator("h1")).to_have_text("Hapus unit?")
    expect(page.get_by_text("Dinas Alur › Bidang Satu › Seksi Satu")).to_be_visible()
    expect(page.get_by_text("Pegawai Alur 2", exact=True)).to_be_visible()
    page.get_by_role("button", name="Ya, hapus unit").click()
    assert not UnitKerja.objects.filter(struktur=coba, nama="Seksi Satu").exists()
    page.get_by_role("link", name="Batalkan dari riwayat").click()
    page.get_by_role("link", name="Batalkan…").click()
    page.get_by_role("button", name="Ya, batalkan langkah ini").click()
    expect(page.get_by_text("Dibatalkan: Unit Seksi Satu dihapus")).to_be_visible()
    assert UnitKerja.objects.filter(struktur=coba, nama="Seksi Satu").exists()

    # Merge Seksi Dua into Seksi Satu, chosen by its path, confirmed.
    page.get_by_role("link", name="kembali ke skenario").click()
    baris = _baris_unit(page, coba, "Seksi Dua")
    baris.locator("select[name=ke]").select_option(label="Dinas Alur › Bidang Satu › Seksi Satu")
    baris.get_by_role("button", name="Gabungkan").click()
    expect(page.locator("h1")).to_have_text("Gabungkan unit?")
    page.get_by_role("button", name="Ya, gabungkan").click()
    expect(page.get_by_text("Seksi Dua digabungkan ke Seksi Satu")).to_be_visible()
    assert Penyetaraan.objects.filter(struktur=coba).count() == 1

    # The 25/2021 check of the version in force, and its recommendation as a new draft.
    page.goto(dasar)
    sotk = Struktur.objects.get(nama="SOTK 2021")
    page.goto(f"{dasar}versi/{sotk.pk}/kriteria/")
    expect(page.locator("[data-angka=dihapus]")).to_have_text("2")
    page.get_by_label("Nama draf baru").fill("SOTK 2027")
    page.get_by_role("button", name="Terapkan rekomendasi").click()
    expect(page.locator("h1")).to_have_text("SOTK 2027")
    baru = Struktur.objects.get(nama="SOTK 2027")
    assert not UnitKerja.objects.filter(struktur=baru, nama__startswith="Seksi").exists()

    # Compare with the version in force, then publish.
    page.get_by_role("link", name="Bandingkan dengan asal").click()
    expect(page.locator("h1")).to_have_text("Perbandingan struktur organisasi")
    page.goto(f"{dasar}versi/{baru.pk}/terbitkan/")
    expect(
        page.get_by_text("Tim Data Terpadu").or_(page.get_by_text("1 tim kerja aktif"))
    ).not_to_have_count(0)
    page.get_by_label("Nomor Perwal/Perkada").fill("Perwal Nomor 3 Tahun 2027")
    page.get_by_label("Tanggal penetapan").fill("2027-01-04")
    page.get_by_role("button", name="Terbitkan").click()
    expect(page.get_by_text("SOTK 2027 kini berlaku")).to_be_visible()

    # Teams, relations and penyetaraan of the new version in force.
    assert TimKerja.objects.get(nama="Tim Data Terpadu").struktur_id == baru.pk
    assert RelasiKoordinasi.objects.filter(struktur=baru).count() == 1
    page.goto(f"{live_server.url}/i/kota-alur/sistem-kerja/tim/")
    expect(page.get_by_text("Tim Data Terpadu")).to_be_visible()
    page.goto(f"{dasar}penyetaraan/?versi={baru.pk}")
    expect(page.get_by_role("row").filter(has_text="Kepala Seksi Satu")).to_have_count(1)
    expect(page.get_by_role("row").filter(has_text="Kepala Seksi Dua")).to_have_count(1)
