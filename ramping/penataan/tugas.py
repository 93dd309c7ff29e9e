"""Deadline reminders as a background task (`ramping pengingat --antrikan`), run by the worker."""

from datetime import date

from django_tasks import task

from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi
from ramping.penataan.notifikasi import pengingat_tenggat


@task()
def pengingat(kode_instansi: str | None, hari: int, tanggal: str | None) -> dict:
    """Remind every agency (or one) in turn, each in its own scope; returns the totals."""
    hari_ini = date.fromisoformat(tanggal) if tanggal else None
    daftar = Instansi.objects.order_by("kode")
    if kode_instansi:
        daftar = daftar.filter(kode=kode_instansi)
    total = {"instansi": 0, "opd": 0, "notifikasi": 0}
    for tempat in daftar:
        # The worker starts with an empty context: one agency's scope at a time.
        with lingkup_instansi(tempat.pk):
            hasil = pengingat_tenggat(
                instansi_id=tempat.pk, kode_instansi=tempat.kode, hari=hari, hari_ini=hari_ini
            )
        total["instansi"] += 1
        total["opd"] += len(hasil.opd)
        total["notifikasi"] += hasil.notifikasi
    return total
