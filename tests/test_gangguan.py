"""Faults give messages, not tracebacks: a locked database mid-write is a 503 page on the web
and the API's JSON error under /api/, with nothing half-written; the error pages render with
the database down; /sehat/ reports 200 or 503.

The fault is injected where it really happens, at the database: an execute wrapper (Django's
hook around every query) raises `OperationalError("database is locked")` on the audit INSERT,
i.e. after the service's own UPDATE/INSERT ran inside its atomic block.
"""

import errno
import json
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.apps import apps
from django.db import InterfaceError, OperationalError, connection
from django.test import Client, RequestFactory
from django.utils import timezone

from ramping.audit.models import JejakAudit
from ramping.jabatan.models import Tugas
from ramping.jabatan.services import jabatan_buat
from ramping.organisasi.models import UnitKerja
from ramping.web import gangguan, sehat

TERKUNCI = "Layanan sedang sibuk atau basis data tidak dapat dijangkau"


@contextmanager
def terkunci_saat(potongan_sql: str):
    """Every query containing `potongan_sql` fails as SQLite's busy writer lock does."""
    terpicu = []

    def pembungkus(execute, sql, params, many, context):
        if potongan_sql in sql:
            terpicu.append(sql)
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(pembungkus):
        yield terpicu
    assert terpicu, f"tidak ada kueri berisi {potongan_sql!r}"


@pytest.fixture
def klien():
    # As in production: the exception reaches handler500 instead of the test.
    return Client(raise_request_exception=False)


def test_basis_data_terkunci_saat_simpan_di_web_halaman_503_tanpa_data_setengah(klien, dunia):
    klien.force_login(dunia.analis.pengguna)
    url = f"/i/{dunia.instansi.kode}/unit/{dunia.bidang_a.pk}/ubah/"
    data = {"nama": "Bidang Satu Baru", "tugas": "Menyusun kebijakan", "kewilayahan": "on"}
    with terkunci_saat(f'INSERT INTO "{JejakAudit._meta.db_table}"') as terpicu:
        r = klien.post(url, data)
    assert len(terpicu) == 1
    assert r.status_code == 503
    assert r["Retry-After"] == "30"
    html = r.content.decode()
    assert "Layanan sementara tidak tersedia" in html and TERKUNCI in html
    assert "Perubahan Anda belum disimpan" in html
    assert "Traceback" not in html and "OperationalError" not in html
    # The unit's UPDATE ran before the audit INSERT failed: the service's transaction undid it.
    unit = UnitKerja.objects.get(pk=dunia.bidang_a.pk)
    assert (unit.nama, unit.kewilayahan) == ("Bidang Satu", False)
    assert not JejakAudit.objects.filter(aksi="unit_ubah").exists()
    # Once the lock is gone the same request goes through.
    assert klien.post(url, data).status_code == 302
    assert UnitKerja.objects.get(pk=dunia.bidang_a.pk).nama == "Bidang Satu Baru"


def test_basis_data_terkunci_saat_simpan_di_api_json_503_tanpa_data_setengah(klien, dunia):
    from ramping.akun.token import token_buat

    jabatan = jabatan_buat(
        akses=dunia.analis, unit=dunia.bidang_a, nama="Penelaah", jenis="pelaksana", kelas=7
    )
    token = token_buat(pengguna=dunia.analis.pengguna, instansi=dunia.instansi, nama="uji")[1]
    tugas = {"uraian": "Menelaah", "hasil_kerja": "Telaahan", "satuan_hasil": "Dokumen"}
    tugas |= {"volume": "240", "waktu": "2"}
    with terkunci_saat(f'INSERT INTO "{JejakAudit._meta.db_table}"'):
        r = klien.post(
            f"/api/v1/jabatan/{jabatan.pk}/tugas",
            tugas,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )
    assert r.status_code == 503
    assert r["Content-Type"] == "application/json"
    badan = r.json()
    assert badan["kode"] == "layanan_tidak_tersedia"
    assert badan["pesan"].startswith(TERKUNCI)
    assert (badan["field"], badan["galat"]) == (None, [])
    assert not Tugas.objects.filter(jabatan=jabatan).exists()
    assert not JejakAudit.objects.filter(aksi="tugas_buat").exists()


def test_orang_luar_tetap_404_bukan_503(klien, dunia):
    """The fault handler does not change what the scope and roles answer."""
    klien.force_login(dunia.orang_luar.pengguna)
    r = klien.post(f"/i/{dunia.instansi.kode}/unit/{dunia.bidang_a.pk}/ubah/", {"nama": "x"})
    assert r.status_code == 404
    assert "Halaman tidak ditemukan" in r.content.decode()
    assert UnitKerja.objects.get(pk=dunia.bidang_a.pk).nama == "Bidang Satu"


@contextmanager
def basis_data_mati():
    """Every query fails as with an unreachable server."""

    def pembungkus(*args):
        raise OperationalError("could not connect to server: Connection refused")

    with connection.execute_wrapper(pembungkus):
        yield


def _dalam_except(exc: BaseException, fungsi, *args):
    """Call a handler as Django does: inside the `except` block of the failed request."""
    try:
        raise exc
    except type(exc):
        return fungsi(*args)


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        (OperationalError("database is locked"), 503),
        (InterfaceError("connection already closed"), 503),
        (OSError(errno.ENOSPC, "No space left on device"), 503),
        (PermissionError(errno.EACCES, "Permission denied"), 500),
        (ZeroDivisionError("division by zero"), 500),
    ],
)
def test_handler500_membedakan_gangguan_sementara_dan_galat_lain(db, exc, status):
    minta = RequestFactory().post("/i/kota-uji/unit/1/ubah/")
    with basis_data_mati():
        r = _dalam_except(exc, gangguan.galat_500, minta)
    assert r.status_code == status
    html = r.content.decode()
    judul = "Layanan sementara tidak tersedia" if status == 503 else "Terjadi kesalahan di server"
    assert judul in html and str(exc) not in html
    api = _dalam_except(exc, gangguan.galat_500, RequestFactory().get("/api/v1/jabatan/1"))
    kode = "layanan_tidak_tersedia" if status == 503 else "galat_server"
    assert (api.status_code, json.loads(api.content)["kode"]) == (status, kode)


def test_gangguan_yang_terbungkus_galat_lain_tetap_503(db):
    try:
        try:
            raise OperationalError("database is locked")
        except OperationalError as asal:
            raise RuntimeError("gagal menyimpan") from asal
    except RuntimeError:
        assert gangguan.galat_500(RequestFactory().get("/")).status_code == 503


def test_halaman_404_dan_403_tanpa_basis_data(db, client):
    """Django's 404/403 handlers render our templates with the request context: still no
    query (the pages read no user, session or agency)."""
    from django.views import defaults

    minta = RequestFactory().get("/i/kota-uji/tidak-ada/")
    with basis_data_mati():
        r404 = defaults.page_not_found(minta, Exception("x"))
        r403 = defaults.permission_denied(minta, Exception("x"))
    assert r404.status_code == 404 and "Halaman tidak ditemukan" in r404.content.decode()
    assert r403.status_code == 403 and "tidak berhak" in r403.content.decode()


def test_server_tanpa_basis_data_menjawab_503_bukan_traceback(klien, dunia):
    """A whole request with the database gone (the session and user cannot be read)."""
    klien.force_login(dunia.analis.pengguna)
    with basis_data_mati():
        r = klien.get(f"/i/{dunia.instansi.kode}/")
        api = klien.get("/api/v1/jabatan/1", HTTP_AUTHORIZATION="Bearer apa-saja")
    assert r.status_code == 503 and TERKUNCI in r.content.decode()
    assert api.status_code == 503 and api.json()["kode"] == "layanan_tidak_tersedia"


def test_disk_penuh_503(klien, dunia, monkeypatch):
    """A full disk (here while the page is built) is the same passing fault."""
    from ramping.web.views import unit

    def penuh(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(unit, "render", penuh)
    klien.force_login(dunia.analis.pengguna)
    r = klien.get(f"/i/{dunia.instansi.kode}/unit/{dunia.bidang_a.pk}/")
    assert r.status_code == 503 and "Layanan sementara tidak tersedia" in r.content.decode()


# --- /sehat/ -----------------------------------------------------------------------------------


def test_sehat_200_tanpa_login(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    r = client.get("/sehat/")
    assert r.status_code == 200
    assert r["Cache-Control"].startswith("max-age=0")
    badan = r.json()
    assert badan["status"] == "sehat"
    periksa = badan["pemeriksaan"]
    assert periksa["basis_data"] == {"ok": True, "keterangan": "basis data menjawab"}
    assert periksa["penyimpanan"]["folder"]["media"]["ok"] is True
    assert periksa["penyimpanan"]["folder"]["media"]["bebas_mb"] > 0
    assert periksa["pekerja"]["ok"] is True
    assert str(tmp_path) not in r.content.decode()  # no path leaks to the public
    assert not list(settings.MEDIA_ROOT.iterdir())  # the probe file is gone


def test_sehat_503_bila_basis_data_mati(client, db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with basis_data_mati():
        r = client.get("/sehat/")
    assert r.status_code == 503
    badan = r.json()
    assert badan["status"] == "terganggu"
    assert badan["pemeriksaan"]["basis_data"]["ok"] is False
    assert "Connection refused" not in r.content.decode()
    assert badan["pemeriksaan"]["penyimpanan"]["ok"] is True


def test_sehat_503_bila_folder_tidak_dapat_ditulis(client, db, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.RAMPING_PENYIMPANAN = str(tmp_path / "pribadi")
    settings.MEDIA_ROOT.mkdir()
    (tmp_path / "pribadi").mkdir()
    asli = sehat.tempfile.TemporaryFile

    def hanya_baca(*args, dir=None, **kwargs):
        if dir == tmp_path / "pribadi":
            raise OSError(errno.EROFS, "Read-only file system")
        return asli(*args, dir=dir, **kwargs)

    monkeypatch.setattr(sehat.tempfile, "TemporaryFile", hanya_baca)
    r = client.get("/sehat/")
    assert r.status_code == 503
    folder = r.json()["pemeriksaan"]["penyimpanan"]["folder"]
    assert folder["media"]["ok"] is True
    assert folder["pribadi"] == {
        "ok": False,
        "keterangan": "tidak dapat ditulis",
        "bebas_mb": folder["pribadi"]["bebas_mb"],
    }


def test_sehat_pekerja_tidak_diketahui_tanpa_antrian(client, db, monkeypatch):
    monkeypatch.setattr(sehat, "_model_antrian", lambda: None)
    assert sehat.periksa_pekerja() == {
        "ok": True,
        "keterangan": "tidak diketahui",
        "terakhir_selesai_detik": None,
    }


@pytest.mark.skipif(
    not apps.is_installed("django_tasks_db"),
    reason="antrian django-tasks (bagian lain dari #14) belum terpasang di cabang ini",
)
def test_sehat_pekerja_dari_antrian_django_tasks(client, db):
    model = sehat._model_antrian()
    sekarang = timezone.now()
    umum = {"args_kwargs": {}, "task_path": "uji", "backend_name": "default"}
    umum |= {"exception_class_path": "", "traceback": ""}
    model.objects.create(
        status="SUCCESSFUL", run_after=sekarang, finished_at=sekarang - timedelta(minutes=3), **umum
    )
    r = client.get("/sehat/")
    assert r.status_code == 200
    assert r.json()["pemeriksaan"]["pekerja"]["terakhir_selesai_detik"] >= 180
    model.objects.create(status="READY", run_after=sekarang - timedelta(minutes=20), **umum)
    r = client.get("/sehat/")
    assert r.status_code == 503
    pekerja = r.json()["pemeriksaan"]["pekerja"]
    assert pekerja["ok"] is False and "ramping-worker.service" in pekerja["keterangan"]
