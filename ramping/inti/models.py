"""Abstract model bases: a model states what it is by what it inherits.

- `MilikInstansi`: the row belongs to one agency. It carries the `instansi` column (also the
  future distribution key, see docs/arsitektur.md) and a manager that fails closed outside an
  agency scope (`ramping.inti.lingkup`).
- `Berversi`: the row is edited by people and guarded by an optimistic lock: `versi`, `diubah`,
  `diubah_oleh`. Write it only through `ramping.inti.kunci.simpan_jika_tetap`.
"""

from django.db import models
from django_scopes import ScopedManager
from django_scopes.manager import DisabledQuerySet


def pengguna_opsional(verbose_name: str) -> models.ForeignKey:
    """Who did something (created, decided, changed): kept when the user is deleted."""
    return models.ForeignKey(
        "akun.Pengguna",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


class _Tertutup(DisabledQuerySet):
    """django-scopes' refusal, extended to a model's own QuerySet methods (`.aktif()`…)."""

    def __getattr__(self, nama: str):
        if nama.startswith("_"):
            raise AttributeError(nama)
        self.error()


def manajer_instansi(queryset: type[models.QuerySet] = models.QuerySet) -> models.Manager:
    """The fail-closed manager on the `instansi` dimension, with a model's own QuerySet."""
    dasar = ScopedManager(
        instansi="instansi", _manager_class=models.Manager.from_queryset(queryset)
    )

    class ManajerInstansi(type(dasar)):
        def get_queryset(self):
            qs = super().get_queryset()
            if type(qs) is DisabledQuerySet:
                qs.__class__ = _Tertutup
            return qs

    return ManajerInstansi()


class MilikInstansi(models.Model):
    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="+", verbose_name="instansi"
    )

    objects = manajer_instansi()

    class Meta:
        abstract = True


class Berversi(models.Model):
    # Optimistic concurrency: an edit names the version it started from; see `kunci`.
    versi = models.PositiveIntegerField("versi", default=1)
    diubah = models.DateTimeField("terakhir diubah", auto_now=True)
    diubah_oleh = pengguna_opsional("diubah oleh")

    class Meta:
        abstract = True
