"""The decision on one pelaksana post's name in a draft version (PermenPAN-RB 45/2022).

A decision renames the position (``Jabatan.nama``/``kelas``) and keeps here what the
decision document (lampiran keputusan penyesuaian nomenklatur) prints: the old name and kelas,
the new ones, whether the post was renamed, kept with a reason, or merged into another post.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ramping.inti.models import MilikInstansi


class KeputusanNomenklatur(MilikInstansi):
    class Status(models.TextChoices):
        DIUBAH = "diubah", _("Diubah ke nama baku")
        DIPERTAHANKAN = "dipertahankan", _("Dipertahankan dengan alasan")
        DIGABUNG = "digabung", _("Digabung ke jabatan lain")

    struktur = models.ForeignKey(
        "organisasi.Struktur", on_delete=models.CASCADE, related_name="+", verbose_name="struktur"
    )
    jabatan = models.OneToOneField(
        "jabatan.Jabatan",
        on_delete=models.CASCADE,
        related_name="keputusan_nomenklatur",
        verbose_name="jabatan",
    )
    status = models.CharField("status", max_length=15, choices=Status.choices)
    nama_lama = models.CharField("nama lama", max_length=250)
    kelas_lama = models.PositiveSmallIntegerField("kelas lama", null=True, blank=True)
    nama_baru = models.CharField("nama baru", max_length=250, blank=True)
    kelas_baru = models.PositiveSmallIntegerField("kelas baru", null=True, blank=True)
    alasan = models.TextField("alasan", blank=True)
    sumber_kelas = models.CharField("sumber kelas", max_length=250, blank=True)
    digabung_ke = models.ForeignKey(
        "jabatan.Jabatan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="digabung ke",
    )
    dibuat = models.DateTimeField("dibuat", auto_now=True)

    class Meta:
        verbose_name = "keputusan nomenklatur"
        verbose_name_plural = "keputusan nomenklatur"
        indexes = [models.Index(fields=["struktur", "status"], name="keputusan_nk_struktur")]
