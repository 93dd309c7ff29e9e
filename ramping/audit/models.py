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


class NomorPerubahan(models.Model):
    """An agency's change counter: raised in the same transaction as every audit entry (so by
    every write, which the project audits without exception), read by the page fragment cache
    (`ramping.web.potongan`) as part of its key. A cached fragment is therefore never served
    after a committed write of its agency: the write's counter makes a key not seen before.

    Not a foreign key on purpose: the row is bookkeeping, not agency data (the per-agency
    export/import of `ramping.cadangan.instansi` follows foreign keys to the agency)."""

    instansi_id = models.BigIntegerField(primary_key=True)
    # Starts at a random 40-bit value, so an agency id reused after a deletion, or a test's
    # rolled-back row, never meets a key from before; a restored backup jumps it likewise.
    nomor = models.BigIntegerField()

    class Meta:
        verbose_name = "nomor perubahan"
        verbose_name_plural = "nomor perubahan"

    def __str__(self) -> str:
        return f"instansi {self.instansi_id}: {self.nomor}"
