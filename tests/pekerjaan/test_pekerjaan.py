"""Background jobs through django-tasks' database backend and its real worker loop.

Enqueue → worker → status, progress, file (0600 in a 0700 folder) → owner-only download;
the per-user limit; a failing job (no partial file left); a killed worker's job; a new worker
picking up what was queued; cleanup; the reminders task.
"""

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import zipfile
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ramping.errors import TidakDitemukan
from ramping.laporan import latar
from ramping.pekerjaan.models import Pekerjaan
from ramping.pekerjaan.pelaksana import PESAN_GAGAL, PESAN_MACET
from ramping.pekerjaan.penyimpanan import direktori
from ramping.pekerjaan.services import (
    BatasPekerjaan,
    pekerjaan_berkas,
    pekerjaan_bersihkan,
    pekerjaan_mulai,
    pekerjaan_status,
)

AKAR = Path(__file__).resolve().parent.parent.parent
HX = {"HX-Request": "true"}


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _zip(dunia, akses, opd="DINAS-A") -> Pekerjaan:
    return pekerjaan_mulai(
        akses=akses, jenis=latar.PAKET, struktur_id=dunia.struktur.pk, opd_kode=opd
    )


def test_zip_antri_dijalankan_worker_lalu_hanya_pemilik_mengunduh(client, dunia, kecil, antrean):
    kode = dunia.instansi.kode
    client.force_login(dunia.operator_a.pengguna)
    respons = client.post(reverse("laporan:zip_mulai", args=[kode]), {"opd": "DINAS-A"}, headers=HX)
    assert respons.status_code == 202 and "menunggu giliran" in respons.content.decode()
    p = Pekerjaan.objects.get()
    assert (p.status, p.pengguna, p.instansi) == (
        "antri",
        dunia.operator_a.pengguna,
        dunia.instansi,
    )
    tugas = DBTaskResult.objects.get(id=p.hasil_id)
    assert tugas.status == "READY" and tugas.args_kwargs["kwargs"]["pekerjaan_id"] == p.pk

    antrean()

    p.refresh_from_db()
    assert (p.status, p.selesai, p.jumlah, p.pesan) == ("selesai", 11, 11, "")
    assert DBTaskResult.objects.get(id=p.hasil_id).status == "SUCCESSFUL"
    berkas = direktori() / p.berkas
    assert berkas.stat().st_size == p.ukuran > 1000
    assert _mode(berkas) == 0o600
    assert _mode(direktori()) == 0o700 and _mode(direktori().parent) == 0o700
    assert [b.name for b in direktori().iterdir()] == [p.berkas]  # no temporary file left

    fragmen = client.get(reverse("laporan:pekerjaan", args=[kode, p.token]), headers=HX)
    assert (
        "11/11 dokumen" in fragmen.content.decode() and "hx-trigger" not in fragmen.content.decode()
    )
    unduh = client.get(reverse("laporan:pekerjaan_unduh", args=[kode, p.token]))
    assert unduh["Content-Type"] == "application/zip"
    assert p.nama_berkas in unduh["Content-Disposition"]
    with zipfile.ZipFile(BytesIO(b"".join(unduh.streaming_content))) as z:
        assert len(z.namelist()) == 11
    # Listed on the reports page for its owner.
    assert str(p.token) in client.get(reverse("laporan:indeks", args=[kode])).content.decode()

    # Nobody else: the analyst of the same agency, the other operator, the outsider (with
    # their own agency's URL too), and the services themselves.
    for persona in ("analis", "operator_b", "pimpinan", "orang_luar"):
        client.force_login(getattr(dunia, persona).pengguna)
        for k in (kode, dunia.instansi_lain.kode):
            assert client.get(reverse("laporan:pekerjaan", args=[k, p.token])).status_code == 404
            assert (
                client.get(reverse("laporan:pekerjaan_unduh", args=[k, p.token])).status_code == 404
            )
        with pytest.raises(TidakDitemukan):
            pekerjaan_berkas(akses=getattr(dunia, persona), token=str(p.token))
        assert (
            str(p.token) not in client.get(reverse("laporan:indeks", args=[kode])).content.decode()
        )


def test_dokumen_opd_anjab_dibuat_di_latar(client, dunia, kecil, antrean):
    kode = dunia.instansi.kode
    client.force_login(dunia.pimpinan.pengguna)
    url = reverse("laporan:dokumen_mulai", args=[kode, "anjab"])
    respons = client.post(url, {"format": "pdf", "opd": "DINAS-A"})
    assert respons.status_code == 302 and "/pekerjaan/" in respons["Location"]
    antrean()
    p = Pekerjaan.objects.get()
    assert p.status == "selesai" and p.nama_berkas == "anjab-dinas-a.pdf"
    unduh = client.get(reverse("laporan:pekerjaan_unduh", args=[kode, p.token]))
    assert unduh["Content-Type"] == "application/pdf"
    assert b"".join(unduh.streaming_content).startswith(b"%PDF")
    # Bad input is a clear 404 before anything is queued; the outsider sees nothing.
    assert client.post(url, {"format": "xlsx", "opd": "DINAS-A"}).status_code == 404
    assert client.post(url, {"format": "pdf", "opd": "TIDAK-ADA"}).status_code == 404
    lain = reverse("laporan:dokumen_mulai", args=[kode, "peta-jabatan"])
    assert client.post(lain, {"format": "pdf", "opd": "DINAS-A"}).status_code == 404
    # No OPD picked: the form again with the error beside its OPD field (no bare 404), or
    # for HTMX the message where the job status goes; nothing queued.
    tanpa = client.post(url, {"format": "pdf", "opd": ""})
    assert tanpa.status_code == 400
    html = tanpa.content.decode()
    assert 'id="opd-anjab-galat"' in html and "Pilih perangkat daerah untuk laporan ini." in html
    zip_url = reverse("laporan:zip_mulai", args=[kode])
    assert 'id="zip-opd-galat"' in client.post(zip_url, {"opd": ""}).content.decode()
    hx = client.post(url, {"format": "pdf", "opd": ""}, headers={"HX-Request": "true"})
    assert "Pilih perangkat daerah untuk laporan ini." in hx.content.decode()
    client.force_login(dunia.orang_luar.pengguna)
    assert client.post(url, {"format": "pdf", "opd": "DINAS-A"}).status_code == 404
    assert client.post(url, {"format": "pdf", "opd": ""}).status_code == 404
    assert Pekerjaan.objects.count() == 1


def test_batas_pekerjaan_per_pengguna(client, dunia, kecil, antrean, settings):
    settings.RAMPING_BATAS_PEKERJAAN = 2
    _zip(dunia, dunia.analis)
    _zip(dunia, dunia.analis, "DINAS-B")
    with pytest.raises(BatasPekerjaan, match="2 pekerjaan yang belum selesai"):
        _zip(dunia, dunia.analis)
    kode = dunia.instansi.kode
    client.force_login(dunia.analis.pengguna)
    url = reverse("laporan:zip_mulai", args=[kode])
    fragmen = client.post(url, {"opd": "DINAS-A"}, headers=HX)
    assert fragmen.status_code == 200 and "batas 2 sekaligus" in fragmen.content.decode()
    tanpa_js = client.post(url, {"opd": "DINAS-A"}, follow=True)
    assert "batas 2 sekaligus" in tanpa_js.content.decode()
    assert Pekerjaan.objects.count() == 2
    _zip(dunia, dunia.operator_a)  # another user has their own limit
    antrean()
    assert set(Pekerjaan.objects.values_list("status", flat=True)) == {"selesai"}
    _zip(dunia, dunia.analis)  # finished jobs no longer count


def test_pekerjaan_gagal_tanpa_berkas_setengah_jadi(client, dunia, kecil, antrean, monkeypatch):
    asli = latar.pekerjaan_paket

    def rusak(**kw):
        kerja = asli(**kw)
        return [*kerja[:3], ("rusak.pdf", lambda: 1 / 0)]  # fails after three documents

    monkeypatch.setattr(latar, "pekerjaan_paket", rusak)
    p = _zip(dunia, dunia.operator_a)
    antrean()
    p.refresh_from_db()
    assert (p.status, p.pesan, p.berkas, p.selesai) == ("gagal", PESAN_GAGAL, "", 3)
    assert list(direktori().iterdir()) == []  # no partial ZIP, no temporary file
    tugas = DBTaskResult.objects.get(id=p.hasil_id)
    assert tugas.status == "FAILED" and "ZeroDivisionError" in tugas.traceback
    client.force_login(dunia.operator_a.pengguna)
    kode = dunia.instansi.kode
    halaman = client.get(reverse("laporan:pekerjaan", args=[kode, p.token])).content.decode()
    assert PESAN_GAGAL in halaman and "Unduh" not in halaman
    assert client.get(reverse("laporan:pekerjaan_unduh", args=[kode, p.token])).status_code == 404


def test_worker_memeriksa_ulang_hak_pemilik(dunia, kecil, antrean):
    """The operator was moved to another OPD after queuing: the job fails with the reason."""
    p = _zip(dunia, dunia.operator_a)
    dunia.operator_a.pengguna.keanggotaan_set.update(opd_kode="DINAS-B")
    antrean()
    p.refresh_from_db()
    assert p.status == "gagal" and "OPD-nya sendiri" in p.pesan
    assert list(direktori().iterdir()) == []


def test_worker_baru_mengambil_antrean_dan_pekerjaan_worker_mati_gagal(dunia, kecil, antrean):
    pertama, kedua = _zip(dunia, dunia.analis), _zip(dunia, dunia.analis, "DINAS-B")
    antrean(maks=1, worker_id="lama")  # the first worker stops after one task
    pertama.refresh_from_db()
    kedua.refresh_from_db()
    assert (pertama.status, kedua.status) == ("selesai", "antri")
    # A worker killed mid-task leaves its job "berjalan" with no progress for long.
    mati = _zip(dunia, dunia.operator_a)
    Pekerjaan.objects.filter(pk=mati.pk).update(status="berjalan")
    Pekerjaan.objects.filter(pk=mati.pk).update(diperbarui=timezone.now() - timedelta(hours=1))
    sebelum = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:  # `ramping worker` itself, as systemd runs it, until the queue is empty
        call_command("worker", batch=True, reload=False, startup_delay=False, verbosity=0)
    finally:
        for s, h in sebelum.items():
            signal.signal(s, h)
    kedua.refresh_from_db()
    assert kedua.status == "selesai"
    assert DBTaskResult.objects.get(id=kedua.hasil_id).worker_ids != ["lama"]
    mati = pekerjaan_status(akses=dunia.operator_a, token=str(mati.token))
    assert (mati.status, mati.pesan) == ("gagal", PESAN_MACET)


def test_bersihkan_hasil_kedaluwarsa_dan_berkas_yatim(dunia, kecil, antrean, settings):
    settings.RAMPING_SIMPAN_HASIL_HARI = 7
    lama, baru = _zip(dunia, dunia.analis), _zip(dunia, dunia.analis, "DINAS-B")
    antrean()
    lama.refresh_from_db()
    Pekerjaan.objects.filter(pk=lama.pk).update(dibuat=timezone.now() - timedelta(days=8))
    yatim = direktori() / "sisa.zip.sementara"
    yatim.write_bytes(b"x")
    os.utime(yatim, (0, 0))
    hasil = pekerjaan_bersihkan()
    assert hasil["dihapus"] == 1 and hasil["berkas"] == 2
    assert not Pekerjaan.objects.filter(pk=lama.pk).exists()
    assert not (direktori() / lama.berkas).exists() and not yatim.exists()
    baru.refresh_from_db()
    assert (direktori() / baru.berkas).exists()


def test_pengingat_antrikan_dijalankan_worker(dunia, antrean, capsys):
    call_command("pengingat", antrikan=True, instansi=dunia.instansi.kode, hari=3)
    assert "masuk antrean" in capsys.readouterr().out
    tugas = DBTaskResult.objects.get()
    assert tugas.task_path == "ramping.penataan.tugas.pengingat"
    antrean()
    tugas.refresh_from_db()
    assert tugas.status == "SUCCESSFUL"
    assert tugas.return_value == {"instansi": 1, "opd": 0, "notifikasi": 0}
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("pengingat", antrikan=True, instansi="tidak-ada")


@pytest.mark.skipif(
    os.environ.get("RAMPING_DATABASE_URL", "").startswith("postgres"),
    reason="proses terpisah memakai berkas SQLite sendiri; cukup sekali di tahap SQLite",
)
def test_antrean_bertahan_dan_diambil_proses_worker_baru(tmp_path):
    """Queued in one process, run by a worker process started afterwards (a restart)."""
    basis = tmp_path / "ramping.sqlite3"
    env = {
        **os.environ,
        "RAMPING_DATABASE_URL": f"sqlite:///{basis}",
        "RAMPING_PENYIMPANAN": str(tmp_path / "penyimpanan"),
    }

    def ramping(*argumen):
        return subprocess.run(
            [sys.executable, "manage.py", *argumen],
            cwd=AKAR, env=env, capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip

    ramping("migrate", "-v0")
    assert "masuk antrean" in ramping("pengingat", "--antrikan").stdout
    with sqlite3.connect(basis) as db:
        assert db.execute("SELECT status FROM django_tasks_database_dbtaskresult").fetchall() == [
            ("READY",)
        ]
    ramping("worker", "--batch", "--no-reload", "--no-startup-delay", "-v0")
    with sqlite3.connect(basis) as db:
        status, nilai = db.execute(
            "SELECT status, return_value FROM django_tasks_database_dbtaskresult"
        ).fetchone()
    assert status == "SUCCESSFUL" and '"notifikasi": 0' in nilai
    assert stat.S_IMODE((tmp_path / "penyimpanan" / "pekerjaan").stat().st_mode) == 0o700
