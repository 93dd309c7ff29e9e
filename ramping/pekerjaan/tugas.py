"""The django-tasks task behind every background job (one task, many kinds: `jenis.py`)."""

from django_tasks import task

from ramping.inti.lingkup import lingkup_instansi
from ramping.pekerjaan.pelaksana import pekerjaan_jalankan


@task()
def jalankan(pekerjaan_id: int, instansi_id: int) -> dict:
    # A worker starts every task with an empty context: open the job's agency scope here.
    with lingkup_instansi(instansi_id):
        return pekerjaan_jalankan(pekerjaan_id=pekerjaan_id)
