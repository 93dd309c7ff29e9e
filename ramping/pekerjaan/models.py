"""The user-facing record of one background job.

django-tasks keeps its own result row per task (`django_tasks_database.DBTaskResult`: arguments,
status, traceback), but that row belongs to no user or agency. `Pekerjaan` is what a person sees:
their job, its progress, the Indonesian failure message and the result file in the private
storage folder (`RAMPING_PENYIMPANAN`). It lives in the agency's scope like every tenant row.
"""

import uuid

from django.db import models

from ramping.inti.models import MilikInstansi


class Pekerjaan(MilikInstansi):
    class Status(models.TextChoices):
        ANTRI = "antri", "Dalam antrean"
        BERJALAN = "berjalan", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    AKTIF = (Status.ANTRI, Status.BERJALAN)

    # In URLs instead of the id: not guessable (ownership is checked anyway).
    token = models.UUIDField("token", default=uuid.uuid4, unique=True, editable=False)
    # None for a system job (queued from the command line, e.g. a national recompute): it runs
    # with the system's standing and only the agency's admins see it.
    pengguna = models.ForeignKey(
        "akun.Pengguna",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name="pemilik",
        null=True,
        blank=True,
    )
    jenis = models.CharField("jenis", max_length=40)
    judul = models.CharField("judul", max_length=300)
    parameter = models.JSONField("parameter", default=dict)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.ANTRI)
    selesai = models.PositiveIntegerField("langkah selesai", default=0)
    jumlah = models.PositiveIntegerField("jumlah langkah", default=0)
    sedang = models.CharField("sedang dikerjakan", max_length=300, blank=True)
    pesan = models.CharField("pesan kegagalan", max_length=500, blank=True)
    berkas = models.CharField("berkas (relatif terhadap penyimpanan)", max_length=200, blank=True)
    nama_berkas = models.CharField("nama berkas unduhan", max_length=200, blank=True)
    ukuran = models.BigIntegerField("ukuran (bait)", null=True, blank=True)
    hasil_id = models.CharField("id hasil django-tasks", max_length=64, blank=True)
    dibuat = models.DateTimeField("dibuat", auto_now_add=True)
    # Touched at every progress step: a running job silent for long is a dead worker's.
    diperbarui = models.DateTimeField("diperbarui", auto_now=True)
    berakhir = models.DateTimeField("berakhir", null=True, blank=True)

    class Meta:
        verbose_name = "pekerjaan latar"
        verbose_name_plural = "pekerjaan latar"
        ordering = ["-dibuat", "-id"]
        indexes = [models.Index(fields=["pengguna", "status"])]

    def __str__(self) -> str:
        return f"{self.judul} ({self.get_status_display()})"

    @property
    def aktif(self) -> bool:
        return self.status in self.AKTIF

    @property
    def persen(self) -> int:
        if self.status == self.Status.SELESAI:
            return 100
        return int(100 * self.selesai / self.jumlah) if self.jumlah else 0
