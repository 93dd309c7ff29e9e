"""`ramping hitung_ulang`: K of an agency's versions (or every agency's) recomputed directly, or
queued as system jobs (`--antrikan`) that the worker runs and only the agency's admins see."""

import io

import pytest
from django.core.management import CommandError, call_command

from ramping.akun.models import Peran
from ramping.errors import TidakDitemukan
from ramping.jabatan.latar import HITUNG_ULANG
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur
from ramping.pekerjaan.models import Pekerjaan
from ramping.pekerjaan.penyimpanan import direktori
from ramping.pekerjaan.services import pekerjaan_daftar, pekerjaan_status
from tests.conftest import _persona


# Only this test's agency: the session's demo agency may share the database.
def _k():
    return dict(Jabatan.objects.filter(instansi__kode="kota-uji").values_list("pk", "kebutuhan"))


@pytest.fixture
def k_rusak(kecil):
    """K as it should be, after wiping it (as a changed WKE would leave it stale)."""
    benar = _k()
    assert any(v is not None for v in benar.values())
    Jabatan.objects.filter(instansi__kode="kota-uji").update(
        kebutuhan=None, kebutuhan_desimal=None, beban_kerja_jam=None
    )
    return benar


def _perintah(*argumen) -> str:
    keluar = io.StringIO()
    call_command("hitung_ulang", *argumen, stdout=keluar, stderr=io.StringIO())
    return keluar.getvalue()


def test_satu_instansi_langsung(dunia, k_rusak):
    keluar = _perintah("--instansi", "kota-uji")
    assert _k() == k_rusak
    assert f"kota-uji · Draf uji (id {dunia.struktur.pk}):" in keluar
    assert not Pekerjaan.objects.exists()


def test_semua_instansi_melewati_yang_tanpa_versi(dunia, k_rusak):
    assert "kota-uji · Draf uji" in _perintah("--semua")  # kab-lain has no version: skipped
    assert _k() == k_rusak


def test_versi_arsip_dan_versi_instansi_lain_ditolak(dunia, kecil):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(status=Struktur.Status.ARSIP)
    with pytest.raises(CommandError, match="diarsipkan"):
        _perintah("--instansi", "kota-uji", "--versi", str(dunia.struktur.pk))
    with pytest.raises(CommandError, match="tidak ditemukan"):
        _perintah("--instansi", "kab-lain", "--versi", str(dunia.struktur.pk))


def test_semua_antrikan_satu_pekerjaan_per_instansi_berversi(dunia, kecil):
    keluar = _perintah("--semua", "--antrikan")
    assert f"{Pekerjaan.objects.count()} pekerjaan diantrekan" in keluar
    assert Pekerjaan.objects.filter(instansi=dunia.instansi).count() == 1
    assert not Pekerjaan.objects.filter(instansi=dunia.instansi_lain).exists()  # no version
    assert set(Pekerjaan.objects.values_list("pengguna", flat=True)) == {None}


def test_antrikan_dijalankan_worker_hanya_admin_instansi_melihat(dunia, k_rusak, antrean):
    assert "1 pekerjaan diantrekan" in _perintah("--instansi", "kota-uji", "--antrikan")
    p = Pekerjaan.objects.get()
    assert (p.jenis, p.pengguna, p.status) == (HITUNG_ULANG, None, "antri")
    assert p.instansi == dunia.instansi
    assert any(v is not None for v in k_rusak.values()) and _k() != k_rusak  # not yet

    antrean()

    p.refresh_from_db()
    assert (p.status, p.selesai, p.jumlah) == ("selesai", 1, 1)
    assert _k() == k_rusak
    assert "jabatan dihitung ulang" in (direktori() / p.berkas).read_text(encoding="utf-8")

    admin = _persona("admin_kota", dunia.instansi, Peran.ADMIN_INSTANSI)
    assert pekerjaan_status(akses=admin, token=p.token) == p
    assert pekerjaan_daftar(akses=admin) == [p]
    for orang in (dunia.analis, dunia.operator_a, dunia.orang_luar):
        with pytest.raises(TidakDitemukan):
            pekerjaan_status(akses=orang, token=p.token)
        assert pekerjaan_daftar(akses=orang) == []
