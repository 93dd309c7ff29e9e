"""Forms say everything at once (issue #17 item 4): for each form that edits data, a POST with
two wrong fields answers both Indonesian errors, each naming its field, in one response;
nothing is saved and no success banner of an earlier save is left on the page."""

from dataclasses import dataclass
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from ramping.akun.models import Keanggotaan, Peran, TokenApi
from ramping.jabatan.models import EvaluasiJabatan, Jabatan, KelasInstansi, Tugas
from ramping.organisasi.models import PengaturanInstansi, Struktur, UnitKerja
from ramping.penataan.models import KegiatanPenataan
from ramping.sistemkerja.models import TimKerja
from tests.aturan.test_tugas import pesan_aturan
from tests.conftest import _persona

HTMX = {"HTTP_HX_REQUEST": "true"}


@dataclass
class Kasus:
    url: str
    data: dict
    pesan: tuple[str, ...]  # every message expected in the one response
    jumlah: object  # callable: rows that must not change
    htmx: bool = False
    persona: str = "analis"


def _tugas(dunia, isi) -> Kasus:
    j = isi.pelaksana_a
    return Kasus(
        reverse("web:tugas_buat", args=[dunia.instansi.kode, j.pk]),
        {
            "kunci": "baru-abc123",
            "uraian": "Menyusun laporan",
            "hasil_kerja": "Laporan",
            "satuan_hasil": "dokumen",
            "volume": "-5",  # a rule error (negative) …
            "waktu": "dua jam",  # … together with an unreadable number
            "satuan_waktu": "jam",
        },
        (pesan_aturan("volume", Decimal(-5)), "Isi dengan angka, mis. 1.250,5."),
        lambda: Tugas.objects.count(),
        htmx=True,
    )


def _evaluasi(dunia, isi) -> Kasus:
    return Kasus(
        reverse("web:evaluasi_simpan", args=[dunia.instansi.kode, isi.kepala_a.pk]),
        {"tingkat.F1": "9-9", "tingkat.F2": "8-8", "tanggal": "30/11/2026", "versi": "0"},
        (
            "Tingkat 9-9 tidak ada pada faktor F1.",
            "Tingkat 8-8 tidak ada pada faktor F2.",
            "Tanggal tidak valid; contoh 2026-11-30.",
        ),
        lambda: EvaluasiJabatan.objects.count(),
    )


def _kelas_instansi(dunia, isi) -> Kasus:
    return Kasus(
        reverse("web:kelas_instansi_daftar", args=[dunia.instansi.kode]),
        {"jenis": "pelaksana", "nama": "Pengolah Data dan Informasi", "kelas": "18",
         "dasar_hukum": ""},
        ("Kelas jabatan: ", "Dasar hukum: "),
        lambda: KelasInstansi.objects.count(),
    )  # fmt: skip


def _pengaturan(dunia, isi) -> Kasus:
    return Kasus(
        reverse("web:pengaturan_aturan", args=[dunia.instansi.kode]),
        {"wke_jam": "abc", "mode_pembulatan": "tidak-ada", "hari_kerja_tahun": "x"},
        ("Waktu kerja efektif", "Pembulatan", "Hari kerja"),
        lambda: PengaturanInstansi.objects.count(),
    )


def _unit(dunia, isi) -> Kasus:
    # Units are edited in a draft (the version in force changes through a scenario).
    Struktur.objects.filter(pk=dunia.struktur.pk).update(status=Struktur.Status.DRAFT)
    return Kasus(
        reverse("web:unit_ubah", args=[dunia.instansi.kode, dunia.bidang_a.pk]),
        {"nama": "", "tipe": "Z"},
        ("Nama unit: ", "Tipe/kelas: "),
        lambda: list(UnitKerja.objects.values_list("nama", "jenis", "tipe").order_by("pk")),
    )


def _token(dunia, isi) -> Kasus:
    return Kasus(
        reverse("web:token_daftar", args=[dunia.instansi.kode]),
        {"nama": "", "berlaku_hari": "0"},
        ("Nama token (untuk apa): ", "Berlaku (hari): "),
        lambda: TokenApi.objects.count(),
    )


def _tim(dunia, isi) -> Kasus:
    return Kasus(
        reverse("sistemkerja:tim_buat", args=[dunia.instansi.kode]),
        {"unit": "", "nama": "", "program": "Program A", "periode_mulai": "2026-12-01",
         "periode_selesai": "2026-01-01"},
        ("Pilih unit pemilik tim.", "Nama tim wajib diisi."),
        lambda: TimKerja.objects.count(),
    )  # fmt: skip


def _penataan(dunia, isi) -> Kasus:
    return Kasus(
        reverse("penataan:kegiatan_buat", args=[dunia.instansi.kode]),
        {"nama": "", "tenggat": "besok"},
        ("Nama kegiatan: ", "Batas waktu: ", "Pilih sedikitnya satu hal yang diminta."),
        lambda: KegiatanPenataan.objects.count(),
    )


def _jabatan_skenario(dunia, isi) -> Kasus:
    # Position create/edit happens in a draft scenario (penyederhanaan).
    Struktur.objects.filter(pk=dunia.struktur.pk).update(status=Struktur.Status.DRAFT)
    return Kasus(
        reverse("penyederhanaan:ubah", args=[dunia.instansi.kode, dunia.struktur.pk]),
        {"aksi": "jabatan_ubah", "jabatan": str(isi.pelaksana_a.pk), "jenis": "fungsional",
         "nama_jf": "", "jenjang": "", "kelas": "18", "opd": str(dunia.dinas_a.pk),
         "ubah": str(isi.pelaksana_a.pk)},
        ("Jabatan fungsional memerlukan nama JF.", "Jabatan fungsional memerlukan jenjang.",
         "Kelas jabatan berupa angka 1–17."),
        lambda: list(Jabatan.objects.values_list("jenis", "kelas").order_by("pk")),
    )  # fmt: skip


def _pengguna(dunia, isi) -> Kasus:
    # Both refusals come from the service (name rule, role/OPD rule), collected in one round.
    return Kasus(
        reverse("web:pengguna_daftar", args=[dunia.instansi.kode]),
        {"username": "budi santoso", "peran": "operator", "opd_kode": "TIDAK-ADA"},
        ("Nama pengguna hanya boleh berisi huruf, angka dan @ . + - _",
         "OPD dengan kode 'TIDAK-ADA' tidak ada."),
        lambda: Keanggotaan.objects.count(),
        persona="admin",
    )  # fmt: skip


KASUS = {
    "tugas": _tugas,
    "evaluasi": _evaluasi,
    "kelas_instansi": _kelas_instansi,
    "pengaturan_aturan": _pengaturan,
    "unit": _unit,
    "token": _token,
    "tim_kerja": _tim,
    "penataan": _penataan,
    "jabatan_skenario": _jabatan_skenario,
    "pengguna": _pengguna,
}


@pytest.mark.parametrize("nama", KASUS)
def test_dua_isian_salah_dijawab_sekaligus(client, dunia, isi, nama):
    kasus = KASUS[nama](dunia, isi)
    if kasus.persona == "admin":
        client.force_login(_persona("admin", dunia.instansi, Peran.ADMIN_INSTANSI).pengguna)
    else:
        client.force_login(getattr(dunia, kasus.persona).pengguna)
    sebelum = kasus.jumlah()
    response = client.post(kasus.url, kasus.data, **(HTMX if kasus.htmx else {}))
    html = unescape(response.content.decode())
    assert response.status_code in (200, 400, 422), response.status_code
    for pesan in kasus.pesan:
        assert pesan in html, f"{nama}: {pesan!r} missing"
    assert kasus.jumlah() == sebelum, "nothing is saved"
    assert 'class="pesan success"' not in html


def test_tugas_gagal_mengosongkan_pesan_berhasil_sebelumnya(client, dunia, isi):
    """After "Tugas ditambahkan." a failed save of the next row empties that banner (out of
    band: the row's answer carries an empty #pesan-tugas)."""
    client.force_login(dunia.operator_a.pengguna)
    kasus = _tugas(dunia, isi)
    baik = kasus.data | {"volume": "12", "waktu": "2"}
    berhasil = client.post(kasus.url, baik, **HTMX).content.decode()
    assert '<div id="pesan-tugas"><p class="pesan success" role="status">Tugas ditambahkan.' in (
        berhasil
    )
    gagal = client.post(kasus.url, kasus.data, **HTMX).content.decode()
    assert '<template><div id="pesan-tugas" hx-swap-oob="true"></div></template>' in gagal
    assert "Tugas ditambahkan." not in gagal
    # Without JavaScript the page after a failure shows no earlier banner either.
    client.post(kasus.url, baik)  # success: message queued for the next page
    client.get(reverse("web:jabatan", args=[dunia.instansi.kode, isi.pelaksana_a.pk]))
    halaman = client.post(kasus.url, kasus.data).content.decode()
    assert "Tugas ditambahkan." not in halaman and "Isi dengan angka" in halaman
