"""The lock of the penataan cycle, checked by every service that changes an OPD's positions.

While an OPD's work is under review (Diajukan) or approved (Disetujui), or an analyst locked it
(e.g. past its deadline), its operator cannot change its ANJAB, tasks, evaluations or positions:
the verifier must read what was submitted. Analysts and admins may still correct data (the
submitted and approved snapshots keep what the OPD sent). One rule, used by the single-object
check (`pastikan_opd_terbuka`) and the per-row check of imports (`opd_terkunci`).
"""

from django.db.models import Q

from ramping.akun.akses import Akses
from ramping.errors import RampingError
from ramping.penataan.models import KegiatanPenataan, PesertaPenataan

DIKUNCI = (PesertaPenataan.Status.DIAJUKAN, PesertaPenataan.Status.DISETUJUI)


class DataTerkunci(RampingError):
    pesan = "Data perangkat daerah ini sedang dikunci dalam kegiatan penataan."


def _alasan(status: str, dikunci: bool, kegiatan: str) -> str:
    if status == PesertaPenataan.Status.DIAJUKAN:
        return (
            f"Data perangkat daerah ini sedang diverifikasi Bagian Organisasi ({kegiatan}) dan "
            "tidak dapat diubah sampai dikembalikan untuk revisi."
        )
    if status == PesertaPenataan.Status.DISETUJUI:
        return (
            f"Data perangkat daerah ini sudah disetujui dalam {kegiatan} dan dikunci; hubungi "
            "Bagian Organisasi bila perlu diubah."
        )
    return (
        f"Data perangkat daerah ini dikunci analis dalam {kegiatan} (misalnya karena melewati "
        "batas waktu); hubungi Bagian Organisasi untuk membukanya."
    )


def opd_terkunci(*, akses: Akses, struktur_id: int) -> dict[str, str]:
    """{OPD kode: reason} of the OPDs this user may not change in that version (one query)."""
    if akses.mengelola_seluruh_instansi:
        return {}
    baris = PesertaPenataan.objects.filter(
        Q(status__in=DIKUNCI) | Q(dikunci=True),
        kegiatan__struktur_id=struktur_id,
        kegiatan__status=KegiatanPenataan.Status.BERJALAN,
    ).values_list("opd__kode", "status", "dikunci", "kegiatan__nama")
    return {kode: _alasan(status, dikunci, nama) for kode, status, dikunci, nama in baris}


def pastikan_opd_terbuka(*, akses: Akses, struktur_id: int, opd_kode: str) -> None:
    """Raise `DataTerkunci` with the reason when the OPD's data is locked for this user."""
    alasan = opd_terkunci(akses=akses, struktur_id=struktur_id).get(opd_kode)
    if alasan is not None:
        raise DataTerkunci(alasan)
