"""What every management command that works on one agency does first."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError

from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi


@contextmanager
def instansi_perintah(kode: str) -> Iterator[Instansi]:
    """The agency named by `--instansi`, with its scope open for the command's work."""
    instansi = Instansi.objects.filter(kode=kode).first()
    if instansi is None:
        raise CommandError(f"Instansi {kode!r} tidak ditemukan.")
    with lingkup_instansi(instansi.pk):
        yield instansi
