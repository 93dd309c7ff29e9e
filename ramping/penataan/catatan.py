"""Open verifier's notes on one position, for the position page (kept apart from the round
selectors so the position page's selector can import it without an import cycle)."""

from ramping.penataan.models import Catatan, KegiatanPenataan


def catatan_terbuka_jabatan(*, instansi_id: int, jabatan_id: int) -> list[Catatan]:
    """Open notes on one position in running rounds, shown beside the items they concern."""
    return list(
        Catatan.objects.filter(
            instansi_id=instansi_id,
            jabatan_id=jabatan_id,
            selesai_pada__isnull=True,
            peserta__kegiatan__status=KegiatanPenataan.Status.BERJALAN,
        ).select_related("tugas", "dibuat_oleh", "peserta__kegiatan")
    )
