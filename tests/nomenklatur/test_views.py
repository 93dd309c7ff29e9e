"""Workbench, checks, kamus and decision-document pages: rights, filters, POST actions."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ramping.jabatan.models import Jabatan
from ramping.nomenklatur.models import KeputusanNomenklatur


def _u(dunia, nama, *args, versi=True):
    url = reverse(f"nomenklatur:{nama}", args=[dunia.instansi.kode, *args])
    return url + (f"?versi={dunia.struktur.pk}" if versi else "")


HALAMAN = [("meja",), ("periksa",), ("kamus",), ("kamus_jf",), ("lampiran", "xlsx")]


@pytest.mark.parametrize("nama", HALAMAN)
@pytest.mark.parametrize("persona", ["analis", "operator_a", "pimpinan"])
def test_halaman_terbuka_bagi_anggota(client, dunia, meja, nama, persona):
    client.force_login(getattr(dunia, persona).pengguna)
    assert client.get(_u(dunia, *nama)).status_code == 200


@pytest.mark.parametrize("nama", HALAMAN)
def test_orang_luar_404(client, dunia, meja, nama):
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(_u(dunia, *nama)).status_code == 404


def test_meja_menampilkan_saran_dan_menyaring(client, dunia, meja):
    client.force_login(dunia.analis.pengguna)
    r = client.get(_u(dunia, "meja") + "&status=perlu&opd=DINAS-A")
    html = r.content.decode()
    assert "Pengadministrasi Perkantoran" in html and "Operator Layanan Operasional" in html
    assert "Analis Kepegawaian" not in html  # Dinas B filtered out
    assert 'data-baris-status="baku"' not in html
    assert html.count('data-baris-status="perlu"') == 3
    assert "Terima saran teratas untuk 3 jabatan tersaring" in html


def test_operator_hanya_melihat_opd_sendiri(client, dunia, meja):
    client.force_login(dunia.operator_b.pengguna)
    html = client.get(_u(dunia, "meja")).content.decode()
    assert "Analis Kepegawaian" in html and "Pengemudi" not in html


def test_terima_semua_lalu_ubah_satu_dengan_sama_nama(client, dunia, meja):
    client.force_login(dunia.analis.pengguna)
    r = client.post(
        _u(dunia, "putuskan"), {"aksi": "terima_semua", "opd": "DINAS-A", "status": "perlu"}
    )
    assert r.status_code == 302 and "opd=DINAS-A" in r.url
    assert Jabatan.objects.get(pk=meja.pengemudi.pk).nama == "Operator Layanan Operasional"
    assert Jabatan.objects.get(pk=meja.analis.pk).nama == "Analis Kepegawaian"  # not filtered
    r = client.post(
        _u(dunia, "putuskan"),
        {
            "aksi": "putuskan",
            "jabatan": meja.umum.pk,
            "nama": "Pengadministrasi Perkantoran",
            "nama_lain": "Pengolah Data dan Informasi",
            "sama_nama": "1",
        },
    )
    assert r.status_code == 302
    nama = set(
        Jabatan.objects.filter(pk__in=[meja.umum.pk, meja.umum2.pk]).values_list("nama", flat=True)
    )
    assert nama == {"Pengolah Data dan Informasi"}
    assert KeputusanNomenklatur.objects.get(jabatan=meja.umum2).nama_lama == "Pengadministrasi Umum"


def test_nama_salah_menjadi_pesan_bukan_500(client, dunia, meja):
    client.force_login(dunia.analis.pengguna)
    r = client.post(
        _u(dunia, "putuskan"),
        {"aksi": "putuskan", "jabatan": meja.umum.pk, "nama_lain": "Juru Tulis"},
        follow=True,
    )
    assert r.status_code == 200
    assert (
        "tidak ada dalam daftar" in r.content.decode() or "tidak baku" in r.content.decode().lower()
    )
    assert Jabatan.objects.get(pk=meja.umum.pk).nama == "Pengadministrasi Umum"


@pytest.mark.parametrize(
    ("aksi", "pesan"),
    [("putuskan", "Pilih nama baku atau tulis nama jabatan baru."),
     ("pertahankan", "Alasan mempertahankan nama wajib diisi.")],
)  # fmt: skip
def test_keputusan_tanpa_jabatan_dan_nama_dijawab_sekaligus(client, dunia, meja, aksi, pesan):
    client.force_login(dunia.analis.pengguna)
    r = client.post(_u(dunia, "putuskan"), {"aksi": aksi, "nama": "", "alasan": ""}, follow=True)
    html = r.content.decode()
    assert "Pilih sedikitnya satu jabatan pelaksana." in html and pesan in html
    assert Jabatan.objects.get(pk=meja.umum.pk).nama == "Pengadministrasi Umum"


def test_operator_opd_lain_ditolak_dan_orang_luar_404(client, dunia, meja):
    client.force_login(dunia.operator_b.pengguna)
    client.post(
        _u(dunia, "putuskan"),
        {"aksi": "putuskan", "jabatan": meja.umum.pk, "nama": "Pengadministrasi Perkantoran"},
    )
    assert Jabatan.objects.get(pk=meja.umum.pk).nama == "Pengadministrasi Umum"
    client.force_login(dunia.orang_luar.pengguna)
    r = client.post(
        _u(dunia, "putuskan"),
        {"aksi": "putuskan", "jabatan": meja.umum.pk, "nama": "Pengadministrasi Perkantoran"},
    )
    assert r.status_code == 404


def test_lampiran_xlsx_urut_struktur_dengan_ringkasan(client, dunia, meja):
    client.force_login(dunia.analis.pengguna)
    client.post(_u(dunia, "putuskan"), {"aksi": "terima_semua"})
    r = client.get(_u(dunia, "lampiran", "xlsx"))
    wb = load_workbook(io.BytesIO(r.content))
    lembar = wb.worksheets[0]
    teks = [[c for c in row if c is not None] for row in lembar.iter_rows(values_only=True)]
    data = [r for r in teks if r and r[0] in (1, 2, 3, 4, 5, 6) and len(r) >= 6]
    lama_baru = [(r[2], r[3]) for r in data]
    assert ("Pengemudi", "Operator Layanan Operasional") in lama_baru
    assert ("Analis Kepegawaian", "Penelaah Teknis Kebijakan") in lama_baru
    # Dinas A rows (path 0001…) before Dinas B rows.
    unit = [r[1] for r in data]
    assert unit.index(next(u for u in unit if u.startswith("Dinas B"))) > max(
        i for i, u in enumerate(unit) if u.startswith("Dinas A")
    )
    ringkasan = dict(
        r for r in wb["Ringkasan"].iter_rows(values_only=True) if len(r) == 2 and r[1] is not None
    )
    assert ringkasan["Disesuaikan ke nama baku"] == 5
    assert ringkasan["Sudah sesuai"] == 1


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_lampiran_docx_pdf(client, dunia, meja, fmt):
    client.force_login(dunia.analis.pengguna)
    r = client.get(_u(dunia, "lampiran", fmt))
    assert r.status_code == 200 and len(r.content) > 1000


def test_format_tak_dikenal_404(client, dunia, meja):
    client.force_login(dunia.analis.pengguna)
    assert client.get(_u(dunia, "lampiran", "csv")).status_code == 404


def test_meja_query_tetap_berapa_pun_jabatannya(client, dunia, meja, django_assert_max_num_queries):
    """The workbench reads a fixed number of queries: 30 more posts add none."""
    client.force_login(dunia.analis.pengguna)
    with django_assert_max_num_queries(30) as awal:
        client.get(_u(dunia, "meja"))
    for i in range(30):
        Jabatan.objects.create(
            instansi=dunia.instansi, struktur=dunia.struktur, unit=dunia.dinas_b,
            nama=f"Pengolah Data {i}", jenis="pelaksana", kelas=6,
        )  # fmt: skip
    with django_assert_max_num_queries(len(awal.captured_queries)):
        r = client.get(_u(dunia, "meja"))
    assert r.content.decode().count('data-baris-status="perlu"') == 35


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "docx"])
def test_lampiran_memuat_identitas_instansi(client, dunia, meja, fmt):
    from tests.laporan.bantu import identitas_berkas

    client.force_login(dunia.analis.pengguna)
    i = identitas_berkas(client.get(_u(dunia, "lampiran", fmt)).content)
    assert i["penulis"] == "Pemerintah Kota Uji" and i["pembuat"] == "ramping"
