"""What the worker does with one job: claim it, run its kind, store the file, record the end.

Runs inside the agency's scope opened by the task (`ramping.pekerjaan.tugas`). Every state
change is one conditional UPDATE, so a job that cleanup already declared dead (its worker was
killed) is never resurrected by a late finish.
"""

from datetime import timedelta
from pathlib import PurePath

from django.utils import timezone

from ramping.akun.akses import Akses, akses_pengguna
from ramping.errors import RampingError
from ramping.pekerjaan.jenis import JENIS
from ramping.pekerjaan.models import Pekerjaan
from ramping.pekerjaan.penyimpanan import path_berkas, tulis_atomik

PESAN_GAGAL = (
    "Terjadi kesalahan saat membuat berkas. Silakan coba lagi; bila terulang, hubungi admin "
    "instansi."
)
PESAN_MACET = "Pekerjaan terhenti karena layanan pekerjaan latar dimulai ulang. Silakan mulai lagi."
# A running job that reported no progress for this long belongs to a worker that died
# (killed mid-task): no single step (one document) takes nearly as long.
MACET = timedelta(minutes=30)


def tandai_macet(qs) -> int:
    """Fail the running jobs of `qs` whose worker went silent; returns how many."""
    batas = timezone.now() - MACET
    return qs.filter(status=Pekerjaan.Status.BERJALAN, diperbarui__lt=batas).update(
        status=Pekerjaan.Status.GAGAL, pesan=PESAN_MACET, sedang="", berakhir=timezone.now()
    )


def pekerjaan_jalankan(*, pekerjaan_id: int) -> dict:
    """Run one queued job to its end (selesai or gagal); the task's return value."""
    p = Pekerjaan.objects.select_related("pengguna", "instansi").filter(pk=pekerjaan_id).first()
    if p is None:
        return {"status": "hilang"}  # removed before a worker got to it
    jalan = Pekerjaan.objects.filter(pk=p.pk, status=Pekerjaan.Status.ANTRI)
    if not jalan.update(status=Pekerjaan.Status.BERJALAN, diperbarui=timezone.now()):
        return {"status": Pekerjaan.objects.get(pk=p.pk).status}  # not queued any more
    berjalan = Pekerjaan.objects.filter(pk=p.pk, status=Pekerjaan.Status.BERJALAN)

    def kemajuan(selesai: int, jumlah: int, sedang: str) -> None:
        berjalan.update(
            selesai=selesai, jumlah=jumlah, sedang=sedang[:300], diperbarui=timezone.now()
        )

    nama = f"{p.token.hex}{PurePath(p.nama_berkas).suffix.lower()[:10]}"
    try:
        jenis = JENIS.get(p.jenis)
        if jenis is None:
            raise RampingError("Jenis pekerjaan tidak dikenal.")
        # The owner's standing now, not when they asked: a revoked membership stops the job.
        # A system job (no owner) was queued from the command line by the installation's admin.
        if p.pengguna_id is None:
            akses = Akses.sistem(p.instansi)
        else:
            akses = akses_pengguna(p.pengguna, p.instansi_id)
        with tulis_atomik(nama) as berkas:
            jenis.jalankan(akses=akses, parameter=p.parameter, berkas=berkas, kemajuan=kemajuan)
        ukuran = path_berkas(nama).stat().st_size
    except Exception as exc:
        pesan = exc.pesan if isinstance(exc, RampingError) else PESAN_GAGAL
        berjalan.update(
            status=Pekerjaan.Status.GAGAL, pesan=pesan[:500], sedang="", berakhir=timezone.now()
        )
        raise  # django-tasks records the traceback in its own result row, for the admin
    selesai = berjalan.update(
        status=Pekerjaan.Status.SELESAI, berkas=nama, ukuran=ukuran, sedang="",
        berakhir=timezone.now(),
    )  # fmt: skip
    if not selesai:  # declared dead meanwhile: its file must not outlive the record
        path_berkas(nama).unlink(missing_ok=True)
        return {"status": Pekerjaan.Status.GAGAL}
    return {"status": Pekerjaan.Status.SELESAI, "ukuran": ukuran}
