"""Start, read, download and clean up background jobs (`Pekerjaan`).

A job is its owner's alone: another user of the same agency, or anyone of another agency, gets
"not found" (404), never "forbidden", so a job's existence does not leak. A system job (queued
from the command line, no owner) is its agency's admins' alone.
"""

import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.akun.models import Pengguna, Peran
from ramping.errors import RampingError, TidakBerhak, TidakDitemukan
from ramping.inti.lingkup import semua_instansi
from ramping.pekerjaan import tugas
from ramping.pekerjaan.jenis import JENIS
from ramping.pekerjaan.models import Pekerjaan
from ramping.pekerjaan.pelaksana import MACET, tandai_macet
from ramping.pekerjaan.penyimpanan import AKHIRAN_SEMENTARA, direktori, path_berkas

PESAN_TIDAK_ADA = "Pekerjaan tidak ditemukan atau sudah kedaluwarsa."


class BatasPekerjaan(RampingError):
    pesan = "Anda sudah mencapai batas pekerjaan yang berjalan bersamaan."


def pekerjaan_mulai(*, akses: Akses, jenis: str, **parameter) -> Pekerjaan:
    """Check, record and queue one job for the user; returns at once (status `antri`)."""
    j = JENIS.get(jenis)
    if j is None:
        raise TidakDitemukan("Jenis pekerjaan tidak dikenal.")
    if akses.pengguna is None:
        raise TidakBerhak("Pekerjaan latar dimulai oleh pengguna yang masuk.")
    rencana = j.periksa(akses=akses, **parameter)
    pekerjaan_bersihkan()
    batas = settings.RAMPING_BATAS_PEKERJAAN
    with transaction.atomic():
        # Lock the user's row: two clicks at once cannot both pass the limit.
        list(Pengguna.objects.select_for_update().filter(pk=akses.pengguna.pk).values("pk"))
        # The limit protects the worker from one person: it counts their unfinished jobs in
        # every agency they belong to, hence the documented all-agencies scope for this count.
        with semua_instansi():
            aktif = Pekerjaan.objects.filter(
                pengguna=akses.pengguna, status__in=Pekerjaan.AKTIF
            ).count()
        if aktif >= batas:
            raise BatasPekerjaan(
                f"Anda masih memiliki {aktif} pekerjaan yang belum selesai (batas {batas} "
                "sekaligus). Tunggu hingga salah satunya selesai, lalu coba lagi."
            )
        p = _catat(akses, jenis, rencana)
    return p


def pekerjaan_mulai_sistem(*, instansi, jenis: str, **parameter) -> Pekerjaan:
    """Queue a job that belongs to no user (the command line's `--antrikan`): checked with the
    system's standing, outside the per-user limit, seen only by the agency's admins."""
    j = JENIS.get(jenis)
    if j is None:
        raise TidakDitemukan("Jenis pekerjaan tidak dikenal.")
    akses = Akses.sistem(instansi)
    rencana = j.periksa(akses=akses, **parameter)
    with transaction.atomic():
        return _catat(akses, jenis, rencana)


def _catat(akses: Akses, jenis: str, rencana) -> Pekerjaan:
    """Record the job and queue its task (inside the caller's transaction)."""
    p = Pekerjaan.objects.create(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        jenis=jenis,
        judul=rencana.judul[:300],
        nama_berkas=rencana.nama_berkas[:200],
        parameter=rencana.parameter,
    )
    # Same transaction as the record: a worker never sees a task without its job.
    hasil = tugas.jalankan.enqueue(pekerjaan_id=p.pk, instansi_id=p.instansi_id)
    p.hasil_id = str(hasil.id)
    p.save(update_fields=["hasil_id"])
    return p


def _milik(akses: Akses):
    """The user's own jobs here; an agency admin also sees the agency's system jobs."""
    if akses.pengguna is None:
        return Pekerjaan.objects.none()
    milik = Q(pengguna_id=akses.pengguna.pk)
    if akses.peran == Peran.ADMIN_INSTANSI:
        milik |= Q(pengguna__isnull=True)
    return Pekerjaan.objects.filter(milik, instansi_id=akses.instansi_id)


def pekerjaan_status(*, akses: Akses, token: str) -> Pekerjaan:
    """The user's own job by its token; anything else does not exist."""
    try:
        token = uuid.UUID(str(token))
    except ValueError:
        raise TidakDitemukan(PESAN_TIDAK_ADA) from None
    milik = _milik(akses).filter(token=token)
    tandai_macet(milik)
    p = milik.first()
    if p is None:
        raise TidakDitemukan(PESAN_TIDAK_ADA)
    return p


def pekerjaan_berkas(*, akses: Akses, token: str) -> tuple[Path, Pekerjaan]:
    """The finished result file of the user's own job."""
    p = pekerjaan_status(akses=akses, token=token)
    if p.status != Pekerjaan.Status.SELESAI:
        raise TidakDitemukan("Berkas belum selesai dibuat.")
    path = path_berkas(p.berkas)
    if not path.is_file():
        raise TidakDitemukan(PESAN_TIDAK_ADA)
    return path, p


def pekerjaan_daftar(*, akses: Akses, batas: int = 10) -> list[Pekerjaan]:
    """The user's latest jobs in this agency, newest first."""
    tandai_macet(_milik(akses))
    return list(_milik(akses)[:batas])


def pekerjaan_bersihkan() -> dict[str, int]:
    """Remove results older than RAMPING_SIMPAN_HASIL_HARI days (record, file and django-tasks'
    row), fail jobs whose worker died, and delete files no record names (a killed worker's
    partial file). Installation-wide housekeeping, hence the all-agencies scope."""
    from django_tasks_db.models import DBTaskResult

    sekarang = timezone.now()
    batas = sekarang - timedelta(days=settings.RAMPING_SIMPAN_HASIL_HARI)
    with semua_instansi():
        macet = tandai_macet(Pekerjaan.objects.all())
        lama = Pekerjaan.objects.exclude(status__in=Pekerjaan.AKTIF).filter(dibuat__lt=batas)
        berkas_lama = list(lama.exclude(berkas="").values_list("berkas", flat=True))
        dihapus, _ = lama.delete()
        dikenal = set(Pekerjaan.objects.exclude(berkas="").values_list("berkas", flat=True))
    DBTaskResult.objects.finished().filter(finished_at__lt=batas).delete()
    berkas_dihapus = 0
    for nama in berkas_lama:
        path = path_berkas(nama)
        if path.exists():
            path.unlink(missing_ok=True)
            berkas_dihapus += 1
    for path in direktori().iterdir():
        if path.name in dikenal:
            continue
        # A partial file is a killed worker's once its job would count as dead; a finished file
        # nobody names is an expired result (a minute's grace: its record is written just after).
        tenggang = MACET if path.name.endswith(AKHIRAN_SEMENTARA) else timedelta(minutes=1)
        try:
            if path.stat().st_mtime < (sekarang - tenggang).timestamp():
                path.unlink()
                berkas_dihapus += 1
        except FileNotFoundError:
            pass  # removed by another process meanwhile
    return {"macet": macet, "dihapus": dihapus, "berkas": berkas_dihapus}
