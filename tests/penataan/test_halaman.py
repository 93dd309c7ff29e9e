"""Pages of the cycle per persona, the board's query count, the notes flow through the web."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ramping.penataan import services as svc
from ramping.penataan.models import Catatan, KegiatanPenataan, PesertaPenataan


def url(dunia, nama, *args):
    return reverse(f"penataan:{nama}", args=[dunia.instansi.kode, *args])


def masuk(client, dunia, persona):
    client.force_login(getattr(dunia, persona).pengguna)


@pytest.mark.parametrize(
    "persona, harap",
    [("analis", 200), ("pimpinan", 200), ("operator_a", 302), ("operator_b", 302),
     ("orang_luar", 404)],
)  # fmt: skip
def test_papan_per_persona(client, dunia, kegiatan, persona, harap):
    masuk(client, dunia, persona)
    r = client.get(url(dunia, "kegiatan", kegiatan.pk))
    assert r.status_code == harap
    if harap == 302:  # an operator lands on their own OPD's page
        kode = getattr(dunia, persona).opd_kode
        p = kegiatan.peserta_set.get(opd__kode=kode)
        assert r["Location"] == url(dunia, "peserta", kegiatan.pk, p.pk)
    if harap == 200:
        html = r.content.decode()
        assert "Dinas A" in html and "Dinas B" in html and "Belum dimulai" in html


@pytest.mark.parametrize(
    "persona, harap",
    [("analis", 200), ("pimpinan", 200), ("operator_a", 200), ("operator_b", 403),
     ("orang_luar", 404)],
)  # fmt: skip
def test_halaman_opd_per_persona(client, dunia, peserta_a, persona, harap):
    masuk(client, dunia, persona)
    assert (
        client.get(url(dunia, "peserta", peserta_a.kegiatan_id, peserta_a.pk)).status_code == harap
    )


def test_membuka_kegiatan_lewat_web(client, dunia, jabatan_a):
    masuk(client, dunia, "analis")
    assert client.get(url(dunia, "kegiatan_buat")).status_code == 200
    r = client.post(
        url(dunia, "kegiatan_buat"),
        {"nama": "Penataan 2027", "diminta": ["anjab", "abk"], "tenggat": "2027-01-31",
         "opd": ["DINAS-A"], "nomor_surat": "800/1/Org"},
    )  # fmt: skip
    k = KegiatanPenataan.objects.get(nama="Penataan 2027")
    assert r.status_code == 302 and r["Location"] == url(dunia, "kegiatan", k.pk)
    assert list(k.peserta_set.values_list("opd__kode", flat=True)) == ["DINAS-A"]
    assert k.diminta == ["anjab", "abk"] and k.tenggat == date(2027, 1, 31)


@pytest.mark.parametrize("persona", ["operator_a", "pimpinan"])
def test_bukan_analis_tidak_membuka_kegiatan(client, dunia, persona):
    masuk(client, dunia, persona)
    assert client.get(url(dunia, "kegiatan_buat")).status_code == 403


def test_isian_salah_ditolak_dengan_pesan(client, dunia, jabatan_a):
    masuk(client, dunia, "analis")
    r = client.post(url(dunia, "kegiatan_buat"), {"nama": "", "tenggat": "31/13/2027"})
    assert r.status_code == 422
    html = r.content.decode()
    assert "Tanggal tidak valid" in html and "Pilih sedikitnya satu" in html


def test_alur_web_ajukan_catatan_kembalikan_selesaikan_setujui(client, dunia, peserta_a, jabatan_a):
    k = peserta_a.kegiatan
    masuk(client, dunia, "operator_a")
    r = client.post(url(dunia, "peserta_aksi", k.pk, peserta_a.pk, "ajukan"),
                    {"versi": peserta_a.versi})  # fmt: skip
    assert r.status_code == 302
    peserta_a.refresh_from_db()
    assert peserta_a.status == "diajukan"
    masuk(client, dunia, "analis")
    halaman = client.get(url(dunia, "peserta", k.pk, peserta_a.pk)).content.decode()
    assert "Data yang diajukan" in halaman and "Penelaah Teknis Kebijakan" in halaman
    r = client.post(
        url(dunia, "catatan_buat", k.pk, peserta_a.pk),
        {"jabatan": jabatan_a.pk, "sasaran": "anjab", "butir": "ikhtisar",
         "isi": "Ikhtisar belum menggambarkan tugas."},
    )  # fmt: skip
    assert r.status_code == 302
    c = Catatan.objects.get(peserta=peserta_a)
    r = client.post(url(dunia, "peserta_aksi", k.pk, peserta_a.pk, "kembalikan"),
                    {"versi": peserta_a.versi, "catatan": "Perbaiki ikhtisar."})  # fmt: skip
    assert r.status_code == 302
    peserta_a.refresh_from_db()
    assert peserta_a.status == "revisi"
    # The operator sees the note beside the ANJAB item it concerns.
    masuk(client, dunia, "operator_a")
    jab = client.get(
        reverse("web:jabatan", args=[dunia.instansi.kode, jabatan_a.pk]) + "?tab=anjab"
    )
    assert "Ikhtisar belum menggambarkan tugas." in jab.content.decode()
    r = client.post(url(dunia, "peserta_aksi", k.pk, peserta_a.pk, "ajukan"),
                    {"versi": peserta_a.versi})  # fmt: skip
    assert r.status_code == 422 and "belum ditandai selesai" in r.content.decode()
    client.post(url(dunia, "catatan_selesaikan", c.pk), {"versi": c.versi, "tanggapan": "Sudah."})
    c.refresh_from_db()
    assert c.selesai and c.tanggapan == "Sudah."
    peserta_a.refresh_from_db()
    client.post(
        url(dunia, "peserta_aksi", k.pk, peserta_a.pk, "ajukan"), {"versi": peserta_a.versi}
    )
    peserta_a.refresh_from_db()
    assert peserta_a.status == "diajukan"
    masuk(client, dunia, "analis")
    client.post(
        url(dunia, "peserta_aksi", k.pk, peserta_a.pk, "setujui"), {"versi": peserta_a.versi}
    )
    peserta_a.refresh_from_db()
    assert peserta_a.status == "disetujui"
    papan = client.get(url(dunia, "kegiatan", k.pk) + "?status=disetujui").content.decode()
    assert "Dinas A" in papan and "Dinas B" not in papan


def test_operator_opd_lain_tidak_bertindak_atas_opd_ini(client, dunia, peserta_a):
    masuk(client, dunia, "operator_b")
    r = client.post(url(dunia, "peserta_aksi", peserta_a.kegiatan_id, peserta_a.pk, "ajukan"),
                    {"versi": peserta_a.versi})  # fmt: skip
    assert r.status_code == 403
    peserta_a.refresh_from_db()
    assert peserta_a.status == "belum"


def test_papan_terlambat_dan_perpanjangan(client, dunia, peserta_a, peserta_b):
    PesertaPenataan.objects.filter(pk=peserta_a.pk).update(tenggat=date.today() - timedelta(days=3))
    masuk(client, dunia, "analis")
    k = peserta_a.kegiatan
    html = client.get(url(dunia, "kegiatan", k.pk) + "?terlambat=on").content.decode()
    assert "Dinas A" in html and "Dinas B" not in html and "terlambat 3 hari" in html
    peserta_a.refresh_from_db()
    baru = date.today() + timedelta(days=7)
    client.post(url(dunia, "peserta_atur", k.pk, peserta_a.pk),
                {"versi": peserta_a.versi, "tenggat": baru.isoformat()})  # fmt: skip
    peserta_a.refresh_from_db()
    assert peserta_a.tenggat == baru


def test_unduh_papan_xlsx(client, dunia, kegiatan):
    masuk(client, dunia, "analis")
    r = client.get(url(dunia, "kegiatan_unduh", kegiatan.pk))
    assert r.status_code == 200
    from io import BytesIO

    ws = load_workbook(BytesIO(r.content)).active
    teks = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert "Dinas A" in teks and "Dinas B" in teks
    # The deadline is a real date cell in the one day-first format (issue #17 item 3).
    kepala = next(r for r in ws.iter_rows() if r[0].value == "Perangkat daerah")
    k_batas = [c.value for c in kepala].index("Batas waktu")
    dinas_a = next(r for r in ws.iter_rows() if r[0].value == "Dinas A")
    batas = dinas_a[k_batas]
    assert batas.is_date and batas.number_format == "dd/mm/yyyy"
    assert batas.value.date() == kegiatan.tenggat


def test_kueri_papan_tetap_untuk_banyak_opd(client, dunia, jabatan_a):
    from ramping.akun.akses import Akses
    from ramping.organisasi.services import unit_buat

    def kegiatan_baru(nama):
        return svc.kegiatan_buat(akses=dunia.analis, struktur=dunia.struktur, nama=nama,
                                 tenggat=date(2027, 1, 1), diminta=["abk", "anjab"])  # fmt: skip

    def hitung(k):
        masuk(client, dunia, "analis")
        with CaptureQueriesContext(connection) as q:
            assert client.get(url(dunia, "kegiatan", k.pk)).status_code == 200
        return len(q)

    dua = kegiatan_baru("Dua OPD")
    hitung(dua)  # the first request also creates the session
    sedikit = hitung(dua)
    sistem = Akses.sistem(dunia.instansi)
    for i in range(8):
        unit_buat(akses=sistem, struktur=dunia.struktur, induk=None, kode=f"DINAS-X{i}",
                  nama=f"Dinas X{i}", jenis="dinas", eselon="II.b")  # fmt: skip
    assert hitung(kegiatan_baru("Sepuluh OPD")) == sedikit


def test_papan_disaring_menurut_analis(client, dunia, peserta_a, peserta_b):
    svc.peserta_tetapkan_analis(
        akses=dunia.analis, peserta=peserta_a, versi=peserta_a.versi, analis=dunia.analis.pengguna
    )
    masuk(client, dunia, "analis")
    k = peserta_a.kegiatan
    html = client.get(url(dunia, "kegiatan", k.pk) + f"?analis={dunia.analis.pengguna.pk}")
    assert "Dinas A" in html.content.decode() and "Dinas B" not in html.content.decode()


def test_aktivitas_terakhir_dari_perubahan_data_opd(dunia, peserta_a, peserta_b, jabatan_a):
    from ramping.jabatan.models import Tugas
    from ramping.jabatan.services import tugas_ubah
    from ramping.penataan.selectors import papan

    k = peserta_a.kegiatan

    def aktivitas():
        baris = papan(akses=dunia.analis, kegiatan=k).baris
        return {b.peserta.opd.kode: b.peserta.terakhir_aktif for b in baris}

    assert aktivitas() == {"DINAS-A": None, "DINAS-B": None}
    t = Tugas.objects.get(jabatan=jabatan_a)
    tugas_ubah(akses=dunia.operator_a, tugas=t, versi=t.versi, volume=Decimal(120))
    sesudah = aktivitas()
    assert sesudah["DINAS-A"] is not None and sesudah["DINAS-B"] is None


def test_papan_menampilkan_nol_persen_dan_tanda_kosong(client, dunia, kegiatan):
    from ramping.jabatan.services import jabatan_buat

    jabatan_buat(akses=dunia.analis, unit=dunia.bidang_a, nama="Pengolah Data",
                 jenis="pelaksana", kelas=6)  # fmt: skip
    masuk(client, dunia, "analis")
    html = client.get(url(dunia, "kegiatan", kegiatan.pk)).content.decode()
    baris = {
        kode: html.split(f'data-opd="{kode}"')[1].split("</tr>")[0]
        for kode in ("DINAS-A", "DINAS-B")
    }
    assert "75%" in baris["DINAS-A"]  # 3 of 4 positions have tasks and K
    assert "%" not in baris["DINAS-B"] and "–" in baris["DINAS-B"]  # no position at all
    assert "{}" not in html


def test_catatan_dengan_dua_isian_salah_dijawab_sekaligus(
    client, dunia, kegiatan, peserta_a, jabatan_a
):
    """Issue #17 item 4: the note form says both wrong fields in one round, nothing saved."""
    from html import unescape

    masuk(client, dunia, "operator_a")
    client.post(
        url(dunia, "peserta_aksi", kegiatan.pk, peserta_a.pk, "ajukan"),
        {"versi": peserta_a.versi},
        follow=True,  # the success banner is shown (and used up) on the page after
    )
    masuk(client, dunia, "analis")
    r = client.post(
        url(dunia, "catatan_buat", kegiatan.pk, peserta_a.pk),
        {"jabatan": jabatan_a.pk, "sasaran": "tidak-ada", "isi": ""},
    )
    html = unescape(r.content.decode())
    assert "Tentang: " in html and "Catatan: " in html
    assert not Catatan.objects.filter(peserta=peserta_a).exists()
    assert 'class="pesan success"' not in html


def test_unduh_papan_xlsx_memuat_identitas_dan_kop(client, dunia, kegiatan):
    from tests.laporan.bantu import identitas_berkas

    masuk(client, dunia, "analis")
    r = client.get(url(dunia, "kegiatan_unduh", kegiatan.pk))
    i = identitas_berkas(r.content)
    assert i["penulis"] == "Pemerintah Kota Uji" and i["pembuat"] == "ramping"
    from io import BytesIO

    ws = load_workbook(BytesIO(r.content)).active
    assert ws.cell(1, 1).value == "PEMERINTAH KOTA UJI"
