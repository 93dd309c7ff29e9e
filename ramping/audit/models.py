from django.conf import settings
from django.db import models

from ramping.inti.models import MilikInstansi


class JejakAudit(MilikInstansi):
    """Who changed what, when, from which value to which (written by every service)."""

    pengguna = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="pengguna",
    )
    waktu = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    aksi = models.CharField("aksi", max_length=64)
    objek_tipe = models.CharField("jenis objek", max_length=64)
    objek_id = models.BigIntegerField("ID objek", null=True, blank=True)
    ringkasan = models.CharField("ringkasan", max_length=300)
    # {"field": [old, new]} for edits; {"field": new} for creations; counts for bulk actions.
    perubahan = models.JSONField("perubahan", default=dict, blank=True)
    # The object whose history this entry belongs to besides its own: the position of a task,
    # ANJAB, evaluation or placement (a deleted task's entry can still be found from it).
    induk_tipe = models.CharField("jenis objek induk", max_length=64, blank=True, default="")
    induk_id = models.BigIntegerField("ID objek induk", null=True, blank=True)
    # Set when the entry was written by restoring an earlier entry from the history page.
    pulih_dari = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="dikembalikan dari entri",
    )

    class Meta:
        verbose_name = "jejak audit"
        verbose_name_plural = "jejak audit"
        ordering = ["-waktu", "-id"]
        indexes = [
            models.Index(fields=["instansi", "objek_tipe", "objek_id"]),
            models.Index(fields=["instansi", "induk_tipe", "induk_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.waktu:%Y-%m-%d %H:%M} {self.aksi}: {self.ringkasan}"
