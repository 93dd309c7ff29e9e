"""Reads of people and placements."""

from django.db.models import Count

from ramping.pegawai.models import Penempatan


def bezetting_per_jabatan(*, instansi_id: int, struktur_id: int) -> dict[int, int]:
    """B per position of one version: one grouped query, never a count per row."""
    rows = (
        Penempatan.objects.filter(
            instansi_id=instansi_id, struktur_id=struktur_id, tmt_selesai__isnull=True
        )
        .values("jabatan_id")
        .annotate(b=Count("id"))
        .values_list("jabatan_id", "b")
    )
    return dict(rows)
