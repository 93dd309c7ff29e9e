"""Page fragments cached by the agency's change counter (ramping.web.potongan): every kind
of write shows on the next request, and a request without a write is served from the cache."""

import io
import re
from datetime import date
from decimal import Decimal
from unittest import mock

import pytest
from django.core.cache import caches
from django.urls import reverse
from openpyxl import Workbook

from ramping.audit.models import JejakAudit, NomorPerubahan
from ramping.audit.pemulihan import rencana_pemulihan, riwayat_kembalikan
from ramping.impor.dasar import impor_terapkan
from ramping.impor.jenis.tugas import ImporTugas
from ramping.jabatan.models import Anjab, Jabatan, Tugas
from ramping.jabatan.services import (
    anjab_ubah,
    evaluasi_simpan,
    jabatan_buat,
    tugas_buat,
    tugas_ubah,
)
from ramping.organisasi.models import Struktur
from ramping.organisasi.services import struktur_buat, unit_buat
from ramping.organisasi.services_pengaturan import pengaturan_aturan_ubah
from ramping.pegawai.services import pegawai_buat, penempatan_buat
from ramping.penyederhanaan.services.terbitkan import struktur_terbitkan
from ramping.web.views import dasbor as dasbor_view
from ramping.web.views import jabatan as jabatan_view
from ramping.web.views import jabatan_bersama
from ramping.web.views import peta as peta_view

pytestmark = pytest.mark.django_db


@pytest.fixture
def jab(dunia) -> Jabatan:
    """One position with one task of 1,500 hours a year: K = 1500 / 1250 = 1.2 → 1
    (PermenPAN-RB 1/2020, WKE 1,250 hours, rounded half up)."""
    j = jabatan_buat(
        akses=dunia.analis, unit=dunia.bidang_a, nama="Analis Data", jenis="pelaksana", kelas=7
    )
    tugas_buat(
        akses=dunia.analis, jabatan=j, uraian="Mengolah data", hasil_kerja="Data",
        satuan_hasil="berkas", volume=Decimal(1500), waktu=Decimal(1),
    )  # fmt: skip
    j.refresh_from_db()
    assert j.kebutuhan == 1
    return j


def _k_di_peta(client, dunia, nama: str = "Analis Data", **param) -> str:
    """The K cell of the position's row in the whole agency's peta (every row shown)."""
    url = reverse("web:peta", args=[dunia.instansi.kode])
    r = client.get(url, {"semua": "1", **param})
    assert r.status_code == 200
    baris = re.search(rf"<tr>(?:(?!</tr>).)*{nama}(?:(?!</tr>).)*</tr>", r.content.decode(), re.S)
    assert baris, nama
    return re.findall(r'<td class="angka">(.*?)</td>', baris[0])[2]


def _k_di_dasbor(client, dunia, **param) -> str:
    """The K of the dashboard's "B / K" card ("–": no K yet), read from the page's markup."""
    r = client.get(reverse("web:dasbor", args=[dunia.instansi.kode]), param)
    assert r.status_code == 200
    kartu = re.search(
        r'Kebutuhan \(K\)</span>\s*<span class="kartu-angka">[\d.]+ <span class="redup">/</span> '
        r"([\d.]+|–)</span>",
        r.content.decode(),
    )
    return kartu[1]


def _k_di_unit(r) -> int:
    """The K card of a unit page: the third figure of its cards (positions, B, K, ±)."""
    return int(re.findall(r'<span class="kartu-angka">([\d.]+)</span>', r.content.decode())[2])


def _dibangun(modul, nama):
    """Spy on the function that builds a fragment: called only when the cache misses."""
    return mock.patch.object(modul, nama, wraps=getattr(modul, nama))


def test_tanpa_penulisan_potongan_diambil_dari_cache(client, dunia, jab):
    client.force_login(dunia.analis.pengguna)
    with (
        _dibangun(peta_view, "pohon_jabatan") as pohon,
        _dibangun(dasbor_view, "rekap_versi") as rv,
    ):
        assert _k_di_peta(client, dunia) == "1"
        assert _k_di_peta(client, dunia) == "1"
        assert _k_di_dasbor(client, dunia) == "1"
        assert _k_di_dasbor(client, dunia) == "1"
    assert (pohon.call_count, rv.call_count) == (1, 1)
    # Another filter, another fragment; the same filter again, the cached one.
    with _dibangun(peta_view, "pohon_jabatan") as pohon:
        _k_di_peta(client, dunia, jenis="pelaksana")
        _k_di_peta(client, dunia, jenis="pelaksana")
    assert pohon.call_count == 1


def _ubah_tugas(dunia, jab):
    t = Tugas.objects.get(jabatan=jab)
    tugas_ubah(akses=dunia.analis, tugas=t, versi=t.versi, volume=Decimal(3000))


def _impor(dunia, jab):
    buku = Workbook()
    lembar = buku.active
    lembar.append(["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan Hasil",
                   "Jumlah Hasil", "Waktu Penyelesaian", "Satuan Waktu"])  # fmt: skip
    lembar.append(["Bidang Satu", "Analis Data", "Mengolah data", "Data", "berkas", 3000, 1, "jam"])
    data = io.BytesIO()
    buku.save(data)
    pengimpor = ImporTugas(akses=dunia.analis, struktur=dunia.struktur)
    pengimpor.setuju_peringatan = True  # 3,000 hours in one task: above WKE, acknowledged
    impor_terapkan(pengimpor, data.getvalue())


def _pengaturan(dunia, jab):
    # WKE 1,000 hours: 1500 / 1000 = 1.5; rounded up → 2 (the agency's own setting).
    pengaturan_aturan_ubah(
        akses=dunia.analis, wke_jam=Decimal(1000), mode_pembulatan="ceil", minimal_satu=True
    )


@pytest.mark.parametrize(
    ("tulis", "k_baru"),
    [(_ubah_tugas, "2"), (_impor, "2"), (_pengaturan, "2")],
    ids=["ubah-tugas", "impor", "pengaturan-abk"],
)
def test_setiap_penulisan_tampak_pada_permintaan_berikutnya(client, dunia, jab, tulis, k_baru):
    client.force_login(dunia.analis.pengguna)
    assert _k_di_peta(client, dunia) == "1"
    assert _k_di_dasbor(client, dunia) == "1"
    sebelum = NomorPerubahan.objects.get(instansi_id=dunia.instansi.pk).nomor
    tulis(dunia, jab)
    assert NomorPerubahan.objects.get(instansi_id=dunia.instansi.pk).nomor > sebelum
    assert _k_di_peta(client, dunia) == k_baru
    assert _k_di_dasbor(client, dunia) == k_baru


def test_pembatalan_dari_riwayat_tampak(client, dunia, jab):
    client.force_login(dunia.analis.pengguna)
    _ubah_tugas(dunia, jab)
    assert _k_di_peta(client, dunia) == "2"
    assert _k_di_dasbor(client, dunia) == "2"
    entri = JejakAudit.objects.filter(aksi="tugas_ubah").order_by("-id").first()
    versi = rencana_pemulihan(akses=dunia.analis, entri_id=entri.pk).versi
    riwayat_kembalikan(akses=dunia.analis, entri_id=entri.pk, versi=versi)
    assert _k_di_peta(client, dunia) == "1"
    assert _k_di_dasbor(client, dunia) == "1"


def test_penerbitan_versi_tampak(client, dunia, jab):
    """The page without ?versi shows the version in force: publishing another one changes
    what it shows, with the same URL."""
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2024, 1, 2)
    )
    baru = struktur_buat(akses=dunia.analis, instansi=dunia.instansi, nama="SOTK 2026")
    unit = unit_buat(
        akses=dunia.analis, struktur=baru, induk=None, kode="DINAS-C", nama="Dinas C",
        jenis="dinas", eselon="II.b",
    )  # fmt: skip
    jabatan_buat(akses=dunia.analis, unit=unit, nama="Penata Kelola", jenis="pelaksana", kelas=7)
    client.force_login(dunia.analis.pengguna)
    assert _k_di_peta(client, dunia) == "1"
    assert _k_di_dasbor(client, dunia) == "1"
    struktur_terbitkan(
        akses=dunia.analis, struktur=baru, dasar_hukum_nomor="Perwal 1/2026",
        dasar_hukum_tanggal=date(2026, 1, 2),
    )  # fmt: skip
    html = client.get(reverse("web:peta", args=[dunia.instansi.kode]), {"semua": "1"})
    assert "Penata Kelola" in html.content.decode()
    assert "Analis Data" not in html.content.decode()
    assert _k_di_dasbor(client, dunia) == "–"  # the new version: one position, no K yet


def test_kunci_memuat_peran_dan_opd(client, dunia, jab):
    """Two readers of one page with different roles get their own fragments."""
    client.force_login(dunia.analis.pengguna)
    _k_di_peta(client, dunia)
    client.force_login(dunia.operator_a.pengguna)
    with _dibangun(peta_view, "pohon_jabatan") as pohon:
        _k_di_peta(client, dunia)
    assert pohon.call_count == 1


def test_instansi_tanpa_nomor_tidak_dicache(client, dunia, jab):
    NomorPerubahan.objects.filter(instansi_id=dunia.instansi.pk).delete()
    caches["potongan"].clear()  # fragments of earlier tests (same agency id) are not ours
    client.force_login(dunia.analis.pengguna)
    with _dibangun(peta_view, "pohon_jabatan") as pohon:
        _k_di_peta(client, dunia)
        _k_di_peta(client, dunia)
    assert pohon.call_count == 2
    assert not [k for k in caches["potongan"]._cache if f"peta:{dunia.instansi.pk}:" in k]


def test_orang_luar_dan_operator_opd_lain_tetap_ditolak(client, dunia, jab):
    """The cache sits behind the page's door: an outsider still gets 404 (no leak)."""
    client.force_login(dunia.analis.pengguna)
    _k_di_peta(client, dunia)
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(reverse("web:peta", args=[dunia.instansi.kode])).status_code == 404
    assert client.get(reverse("web:dasbor", args=[dunia.instansi.kode])).status_code == 404


def test_pemulihan_cadangan_melompati_nomor(dunia, jab):
    """After a restore every counter jumps, past numbers a running server may have cached."""
    from ramping.audit.services import lompati_nomor_perubahan

    sebelum = NomorPerubahan.objects.get(instansi_id=dunia.instansi.pk).nomor
    lompati_nomor_perubahan()
    assert NomorPerubahan.objects.get(instansi_id=dunia.instansi.pk).nomor > sebelum


def test_halaman_unit_pohon_dan_bagan_ikut_berubah(client, dunia, jab):
    """The other cached pages: the unit page, the unit tree and both org charts."""
    kode = dunia.instansi.kode
    url = {
        "unit": reverse("web:unit", args=[kode, dunia.bidang_a.pk]),
        "pohon": reverse("web:pohon", args=[kode]),
        "bagan": reverse("web:bagan", args=[kode]) + "?kedalaman=9",
        "bagan_unit": reverse("web:bagan_unit", args=[kode, dunia.dinas_a.pk]),
    }
    client.force_login(dunia.analis.pengguna)

    def baca():
        r = {n: client.get(u) for n, u in url.items()}
        assert all(x.status_code == 200 for x in r.values())
        return (
            _k_di_unit(r["unit"]),
            r["pohon"].context["total"].k,
            str(r["bagan"].context["svg"]),
            str(r["bagan_unit"].context["svg"]),
        )

    k_unit, k_pohon, bagan, bagan_unit = baca()
    assert (k_unit, k_pohon) == (1, 1)
    assert baca() == (k_unit, k_pohon, bagan, bagan_unit)  # served again, unchanged
    _ubah_tugas(dunia, jab)  # 3,000 hours: K 2
    k_unit, k_pohon, bagan_baru, bagan_unit_baru = baca()
    assert (k_unit, k_pohon) == (2, 2)
    assert bagan_baru != bagan and bagan_unit_baru != bagan_unit


# The position page (`web:jabatan` and its tabs): the header's data and each tab's data are
# fragments; the user's rights, the penataan lock and edit rows are computed per request.


def _jabatan(client, dunia, jab, tab: str = "anjab", **param):
    url = reverse("web:jabatan_tab", args=[dunia.instansi.kode, jab.pk, tab])
    r = client.get(url, param)
    assert r.status_code == 200
    return r


def _anjab(dunia, jab):
    anjab_ubah(akses=dunia.analis, jabatan=jab, versi=0, ikhtisar="Mengolah data kesehatan.")


def _evaluasi(dunia, jab):
    tingkat = {f"F{n}": f"{n}-2" for n in range(1, 10)}  # the 9 factors of a pelaksana
    evaluasi_simpan(akses=dunia.analis, jabatan=jab, versi=0, tingkat=tingkat)


def _penempatan(dunia, jab):
    budi = pegawai_buat(
        akses=dunia.analis, instansi=dunia.instansi, nip="198609262015051001",
        nama="Budi Santoso", jenis_kelamin="L", tanggal_lahir=date(1986, 9, 26),
        status_asn="PNS", tmt_pengangkatan=date(2015, 5, 1), golongan="III/b",
        pendidikan="S-1",
    )  # fmt: skip
    penempatan_buat(akses=dunia.analis, pegawai=budi, jabatan=jab, tmt_mulai=date(2024, 1, 2))


def _pembatalan(dunia, jab):
    """A task edit (K 1 → 2) undone from the history: K back to 1."""
    _ubah_tugas(dunia, jab)
    entri = JejakAudit.objects.filter(aksi="tugas_ubah").order_by("-id").first()
    versi = rencana_pemulihan(akses=dunia.analis, entri_id=entri.pk).versi
    riwayat_kembalikan(akses=dunia.analis, entri_id=entri.pk, versi=versi)


def _baca_tugas(r):
    return (r.context["r"].jabatan.kebutuhan, [b.tugas.volume for b in r.context["daftar_tugas"]])


# (write, tab, what the tab shows before, after). K = 3000 / 1250 = 2.4 → 2 (WKE 1,250 hours,
# PermenPAN-RB 1/2020); one holder and 1,500 hours: EJ = 1500 / (1 × 1250) = 1.2 (PJ "A").
PENULISAN_JABATAN = [
    ("ubah-tugas", _ubah_tugas, "tugas", _baca_tugas, (1, [1500]), (2, [3000])),
    ("pembatalan", _pembatalan, "tugas", _baca_tugas, (1, [1500]), (1, [1500])),
    ("anjab", _anjab, "anjab", lambda r: r.context["isian"]["ikhtisar"],
     "", "Mengolah data kesehatan."),
    ("evaluasi", _evaluasi, "evaluasi",
     lambda r: (r.context["evaluasi"] is not None,
                r.context["isian_evaluasi"]["tingkat"].get("F1")),
     (False, None), (True, "1-2")),
    ("penempatan", _penempatan, "pemangku",
     lambda r: (r.context["r"].jabatan.b, r.context["r"].ej,
                [p.pegawai.nama for p in r.context["pemangku"]]),
     (0, None, []), (1, Decimal("1.20"), ["Budi Santoso"])),
]  # fmt: skip


@pytest.mark.parametrize(
    ("tulis", "tab", "baca", "sebelum", "sesudah"),
    [p[1:] for p in PENULISAN_JABATAN],
    ids=[p[0] for p in PENULISAN_JABATAN],
)
def test_halaman_jabatan_menampilkan_penulisan_berikutnya(
    client, dunia, jab, tulis, tab, baca, sebelum, sesudah
):
    client.force_login(dunia.analis.pengguna)
    assert baca(_jabatan(client, dunia, jab, tab)) == sebelum
    with (
        _dibangun(jabatan_bersama, "ringkasan_data") as data,
        _dibangun(jabatan_view, "konteks_tab") as isi,
    ):
        assert baca(_jabatan(client, dunia, jab, tab)) == sebelum  # from the cache
        assert (data.call_count, isi.call_count) == (0, 0)
        tulis(dunia, jab)
        assert baca(_jabatan(client, dunia, jab, tab)) == sesudah  # the next request
        assert (data.call_count, isi.call_count) == (1, 1)
    # The whole page (not the HTMX tab) shows the same.
    url = reverse("web:jabatan", args=[dunia.instansi.kode, jab.pk])
    assert baca(client.get(url, {"tab": tab})) == sesudah


def test_halaman_jabatan_hak_dihitung_per_permintaan(client, dunia, jab):
    """One fragment of data, rights per reader: the OPD's operator edits, another OPD's operator
    reads without forms and is refused on a write, an outsider gets 404 from the cache too."""
    kode = dunia.instansi.kode
    client.force_login(dunia.operator_a.pengguna)
    r = _jabatan(client, dunia, jab, "anjab")
    assert r.context["r"].boleh_ubah and "formulir-anjab" in r.content.decode()
    assert _jabatan(client, dunia, jab, "tugas", ubah="baru").context["ubah"] == "baru"

    client.force_login(dunia.operator_b.pengguna)
    r = _jabatan(client, dunia, jab, "anjab")
    assert not r.context["r"].boleh_ubah and "formulir-anjab" not in r.content.decode()
    assert _jabatan(client, dunia, jab, "tugas", ubah="baru").context["ubah"] is None
    anjab_url = reverse("web:anjab_ubah", args=[kode, jab.pk])
    assert client.post(anjab_url, {"versi": "0", "ikhtisar": "x"}).status_code == 403
    assert Anjab.objects.filter(jabatan=jab).count() == 0

    client.force_login(dunia.orang_luar.pengguna)
    for tab in ("anjab", "tugas", "evaluasi", "pemangku"):
        url = reverse("web:jabatan_tab", args=[kode, jab.pk, tab])
        assert client.get(url).status_code == 404
    assert client.get(reverse("web:jabatan", args=[kode, jab.pk])).status_code == 404


def test_halaman_jabatan_tulis_tidak_memakai_potongan(client, dunia, jab):
    """A write view reads the header itself: after a task edit through the page the header
    shows the new K at once (the counter read before the write would be out of date)."""
    client.force_login(dunia.analis.pengguna)
    assert _jabatan(client, dunia, jab, "tugas").context["r"].jabatan.kebutuhan == 1
    t = Tugas.objects.get(jabatan=jab)
    url = reverse("web:tugas_ubah", args=[dunia.instansi.kode, jab.pk, t.pk])
    data = {"uraian": t.uraian, "hasil_kerja": t.hasil_kerja, "satuan_hasil": t.satuan_hasil,
            "volume": "3000", "waktu": "1", "satuan_waktu": "jam", "versi": t.versi}  # fmt: skip
    r = client.post(url, data, HTTP_HX_REQUEST="true")
    assert r.status_code == 200
    assert r.context["r"].jabatan.kebutuhan == 2
    assert _jabatan(client, dunia, jab, "tugas").context["r"].jabatan.kebutuhan == 2


def _tanpa_token(html: str) -> str:
    html = re.sub(r'csrfmiddlewaretoken" value="[^"]*"', "TOKEN", html)
    return re.sub(r'X-CSRFToken": "[^"]*"', "TOKEN", html)


@pytest.mark.parametrize("tab", ["anjab", "tugas", "evaluasi", "pemangku"])
def test_markup_tab_dari_potongan_sama_dan_token_csrf_milik_permintaan(dunia, jab, tab):
    """The tab's markup is kept with a placeholder for the CSRF token: a second session (same
    user, same key) gets the same page with its own token, and a form posted with it is
    accepted under CSRF checks."""
    from django.test import Client

    url = reverse("web:jabatan", args=[dunia.instansi.kode, jab.pk]) + f"?tab={tab}"
    pertama, kedua = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    pertama.force_login(dunia.analis.pengguna)
    kedua.force_login(dunia.analis.pengguna)
    with _dibangun(jabatan_view, "konteks_tab") as isi:
        html_1 = pertama.get(url).content.decode()
        html_2 = kedua.get(url).content.decode()
    assert isi.call_count == 1  # the second session was served from the fragment
    assert _tanpa_token(html_1) == _tanpa_token(html_2)
    token = re.findall(r'name="csrfmiddlewaretoken" value="([^"]*)"', html_2)
    # The tab's forms besides logout and language (the holders' tab has none).
    assert len(token) == 2 if tab == "pemangku" else len(token) >= 3
    assert "csrf-potongan-tab" not in html_2
    if tab == "anjab":
        simpan = reverse("web:anjab_ubah", args=[dunia.instansi.kode, jab.pk])
        data = {"csrfmiddlewaretoken": token[-1], "versi": "0", "ikhtisar": "Mengolah data."}
        assert kedua.post(simpan, data).status_code == 302
        assert Anjab.objects.get(jabatan=jab).ikhtisar == "Mengolah data."


def test_tabel_halaman_unit_dari_potongan(client, dunia, jab):
    """The unit page's tables are kept as markup: a write shows in them on the next request;
    the link to place a holder follows the reader (the OPD's operator and analysts only)."""
    url = reverse("web:unit", args=[dunia.instansi.kode, dunia.bidang_a.pk])

    def baca():
        html = client.get(url).content.decode()
        baris = re.search(r"<tr>(?:(?!</tr>).)*Analis Data(?:(?!</tr>).)*</tr>", html, re.S)[0]
        k = re.findall(r'<td class="angka">(.*?)</td>', baris)[2]  # kelas, B, K
        return k, "penempatan/baru" in baris

    client.force_login(dunia.analis.pengguna)
    assert baca() == ("1", True)
    assert baca() == ("1", True)
    _ubah_tugas(dunia, jab)  # 3,000 hours: K 2
    assert baca() == ("2", True)
    client.force_login(dunia.operator_a.pengguna)
    assert baca() == ("2", True)
    client.force_login(dunia.operator_b.pengguna)
    assert baca() == ("2", False)
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(url).status_code == 404


def test_dasbor_dibangun_ulang_tiap_hari_tanpa_penulisan(client, dunia, jab):
    """The running round's "late" count depends on the day: the dashboard's content is kept
    per day, so the next day's first visit rebuilds it although nothing was written."""
    client.force_login(dunia.analis.pengguna)
    with _dibangun(dasbor_view, "ringkasan_dasbor") as ringkasan:
        for hari in (date(2026, 12, 6), date(2026, 12, 6), date(2026, 12, 7), date(2026, 12, 7)):
            with mock.patch.object(dasbor_view.timezone, "localdate", return_value=hari):
                assert _k_di_dasbor(client, dunia) == "1"
    assert ringkasan.call_count == 2


def test_halaman_unit_menurut_hak_pembaca(client, dunia, jab):
    """The unit page's content is kept per role and OPD: the OPD's own operator sees the edit
    and placement links, the other OPD's operator does not, whichever visited first."""
    url = reverse("web:unit", args=[dunia.instansi.kode, dunia.bidang_a.pk])
    ubah = reverse("web:unit_ubah", args=[dunia.instansi.kode, dunia.bidang_a.pk])
    # The row's "place someone" link (the menu's "Penempatan baru" has no query string).
    tempatkan = reverse("web:penempatan_buat", args=[dunia.instansi.kode]) + "?versi="
    for persona, boleh in ((dunia.operator_b, False), (dunia.operator_a, True)):
        client.force_login(persona.pengguna)
        for _ in range(2):
            html = client.get(url).content.decode()
            assert (ubah in html, tempatkan in html) == (boleh, boleh), persona.opd_kode


def test_daftar_pegawai_ikut_berubah_dan_pencarian_tidak_disimpan(client, dunia, jab):
    """The employee list's content is kept per query string and day: a new person placed
    shows on the next visit; a name search is drawn for its own request and never kept."""
    url = reverse("web:pegawai_daftar", args=[dunia.instansi.kode])
    client.force_login(dunia.analis.pengguna)
    assert "Budi Santoso" not in client.get(url).content.decode()
    n = len(caches["potongan"]._cache)
    assert "Tidak ada pegawai yang cocok" in client.get(url, {"cari": "Budi"}).content.decode()
    assert len(caches["potongan"]._cache) == n  # the search added nothing to the cache
    _penempatan(dunia, jab)
    assert "Budi Santoso" in client.get(url).content.decode()
    assert "Budi Santoso" in client.get(url, {"cari": "Budi"}).content.decode()
    assert "Budi Santoso" in client.get(url, {"status": "PNS"}).content.decode()
    assert "Budi Santoso" not in client.get(url, {"status": "PPPK"}).content.decode()


def test_markah_menolak_token_csrf(rf):
    """Content kept for every reader of a key must not carry one reader's CSRF token."""
    from django.middleware.csrf import get_token
    from django.template import engines

    from ramping.web.potongan import markah

    request = rf.get("/")
    get_token(request)
    templat = engines["django"].from_string("<form method=post>{% csrf_token %}</form>")
    with (
        mock.patch("ramping.web.potongan.render_to_string", lambda *a: templat.render({}, a[2])),
        pytest.raises(RuntimeError, match="POST"),
    ):
        markah(request, "uji", (), "uji.html", dict, simpan=False)
