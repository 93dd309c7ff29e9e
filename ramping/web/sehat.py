"""`/sehat/`: is this installation able to serve? For monitoring and load balancers, no login.

    {"status": "sehat", "pemeriksaan": {"basis_data": {"ok": true, "keterangan": "…"}, …}}

HTTP 200 when every check passes, 503 otherwise. Checks:

- `basis_data`: a `SELECT 1` on the default database;
- `penyimpanan`: a byte written, flushed and removed in each storage folder (RAMPING_MEDIA_ROOT,
  and the private storage RAMPING_PENYIMPANAN when the installation has one); a folder not
  created yet passes when its nearest existing parent is writable (Django creates it on
  first use); also reports the free space;
- `pekerja`: when the database task queue (django-tasks' `django_tasks_db`) is installed and
  migrated, when the worker last finished a task, and a failure when a due task has waited
  longer than RAMPING_SEHAT_ANTRIAN_MENIT minutes (no worker is taking them); without the
  queue it reports "tidak diketahui" and passes.

The answer names no path, host or exception text (it is public); details go to the log.
"""

import logging
import os
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

log = logging.getLogger(__name__)


def _hasil(ok: bool, keterangan: str, **lain) -> dict:
    return {"ok": ok, "keterangan": keterangan, **lain}


def periksa_basis_data() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        log.exception("sehat: basis data tidak menjawab")
        return _hasil(False, "basis data tidak dapat dijangkau atau terkunci")
    return _hasil(True, "basis data menjawab")


def _folder_penyimpanan() -> dict[str, Path]:
    folder = {"media": Path(settings.MEDIA_ROOT)}
    # The private storage folder of another part of the system, when this installation has it.
    pribadi = getattr(settings, "RAMPING_PENYIMPANAN", None) or os.environ.get(
        "RAMPING_PENYIMPANAN", ""
    )
    if pribadi:
        folder["pribadi"] = Path(pribadi)
    return folder


def _bisa_ditulis(folder: Path) -> tuple[bool, str]:
    if not folder.exists():
        induk = next((p for p in folder.parents if p.exists()), None)
        if induk is not None and os.access(induk, os.W_OK | os.X_OK):
            return True, "belum ada, akan dibuat saat pertama dipakai"
        return False, "belum ada dan tidak dapat dibuat"
    try:
        # A real write (not just os.access): catches a read-only mount and a full disk.
        with tempfile.TemporaryFile(dir=folder, prefix=".sehat-") as berkas:
            berkas.write(b"x")
            berkas.flush()
            os.fsync(berkas.fileno())
    except OSError:
        log.exception("sehat: folder penyimpanan %s tidak dapat ditulis", folder)
        return False, "tidak dapat ditulis"
    return True, "dapat ditulis"


def periksa_penyimpanan() -> dict:
    rincian = {}
    semua_ok = True
    for nama, folder in _folder_penyimpanan().items():
        ok, keterangan = _bisa_ditulis(folder)
        ada = next((p for p in (folder, *folder.parents) if p.exists()), None)
        bebas = shutil.disk_usage(ada).free // (1024 * 1024) if ada else None
        rincian[nama] = {"ok": ok, "keterangan": keterangan, "bebas_mb": bebas}
        semua_ok &= ok
    keterangan = "semua folder dapat ditulis" if semua_ok else "ada folder yang tidak dapat ditulis"
    return _hasil(semua_ok, keterangan, folder=rincian)


def _model_antrian():
    """django-tasks' database result model, when installed (another part of the system)."""
    for label in ("django_tasks_database", "django_tasks_db"):
        try:
            return apps.get_model(label, "DBTaskResult")
        except LookupError:
            continue
    return None


def periksa_pekerja() -> dict:
    tidak_diketahui = _hasil(True, "tidak diketahui", terakhir_selesai_detik=None)
    model = _model_antrian()
    if model is None:
        return tidak_diketahui
    try:
        if model._meta.db_table not in connection.introspection.table_names():
            return tidak_diketahui
        sekarang = timezone.now()
        terakhir = (
            model.objects.filter(finished_at__isnull=False)
            .order_by("-finished_at")
            .values_list("finished_at", flat=True)
            .first()
        )
        menit = settings.RAMPING_SEHAT_ANTRIAN_MENIT
        batas = timedelta(minutes=menit)
        macet = model.objects.filter(status="READY", run_after__lte=sekarang - batas).count()
    except DatabaseError:
        log.exception("sehat: antrian pekerjaan tidak terbaca")
        return _hasil(False, "antrian pekerjaan tidak terbaca", terakhir_selesai_detik=None)
    umur = int((sekarang - terakhir).total_seconds()) if terakhir else None
    if macet:
        return _hasil(
            False,
            f"{macet} pekerjaan menunggu lebih dari {menit} menit; periksa ramping-worker.service",
            terakhir_selesai_detik=umur,
        )
    keterangan = "belum ada pekerjaan selesai" if umur is None else "antrian berjalan"
    return _hasil(True, keterangan, terakhir_selesai_detik=umur)


@never_cache
@require_safe
def sehat(request: HttpRequest) -> JsonResponse:
    pemeriksaan = {
        "basis_data": periksa_basis_data(),
        "penyimpanan": periksa_penyimpanan(),
    }
    # The worker check reads the database: skip it when the database itself is down.
    if pemeriksaan["basis_data"]["ok"]:
        pemeriksaan["pekerja"] = periksa_pekerja()
    else:
        pemeriksaan["pekerja"] = _hasil(False, "tidak diperiksa: basis data tidak menjawab")
    ok = all(p["ok"] for p in pemeriksaan.values())
    return JsonResponse(
        {"status": "sehat" if ok else "terganggu", "pemeriksaan": pemeriksaan},
        status=200 if ok else 503,
    )
