"""Publish a draft as the version in force; the previous one becomes an archive.

Teams, their assignments and the coordination relations of the version in force are carried to
the new one in the same transaction (`ramping.penyederhanaan.bawa`, the plan the page shows).
"""

from datetime import date

from django.db import transaction

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat
from ramping.errors import RampingError, StrukturTidakBisaDiubah
from ramping.organisasi.models import Struktur
from ramping.penyederhanaan.bawa import rencana_terbit, terapkan


class DasarHukumWajib(RampingError):
    pesan = "Nomor dan tanggal dasar hukum (Perwal/Perkada) wajib diisi untuk menerbitkan versi."


@transaction.atomic
def struktur_terbitkan(
    *,
    akses: Akses,
    struktur: Struktur,
    dasar_hukum_nomor: str,
    dasar_hukum_tanggal: date | None,
    berlaku_mulai: date | None = None,
) -> Struktur:
    """Make a draft/proposal the berlaku version. Only the analis organisasi (or admin)."""
    akses.pastikan_instansi(struktur)
    pastikan_analis(akses)
    struktur = Struktur.objects.select_for_update().get(pk=struktur.pk)
    if struktur.status not in (Struktur.Status.DRAFT, Struktur.Status.USULAN):
        raise StrukturTidakBisaDiubah("Hanya versi draf atau usulan yang dapat diterbitkan.")
    nomor = (dasar_hukum_nomor or "").strip()
    if not nomor:
        raise DasarHukumWajib(field="dasar_hukum_nomor")
    if dasar_hukum_tanggal is None:
        raise DasarHukumWajib(field="dasar_hukum_tanggal")
    lama = list(
        Struktur.objects.select_for_update().filter(
            instansi_id=struktur.instansi_id, status=Struktur.Status.BERLAKU
        )
    )
    # The old version is archived first: one version in force per agency (a DB constraint).
    Struktur.objects.filter(pk__in=[s.pk for s in lama]).update(status=Struktur.Status.ARSIP)
    struktur.status = Struktur.Status.BERLAKU
    struktur.dasar_hukum_nomor = nomor
    struktur.dasar_hukum_tanggal = dasar_hukum_tanggal
    struktur.berlaku_mulai = berlaku_mulai or dasar_hukum_tanggal
    struktur.full_clean()
    struktur.save()
    # Planned after the locks, so nothing is added to the old version between plan and apply.
    rencana = rencana_terbit(struktur, lama[0] if lama else None)
    dibawa = terapkan(rencana, struktur, struktur.berlaku_mulai)
    audit_catat(
        instansi_id=struktur.instansi_id,
        pengguna=akses.pengguna,
        aksi="struktur_terbitkan",
        objek=struktur,
        ringkasan=f"Versi {struktur.nama} diterbitkan ({nomor})",
        perubahan={
            "dasar_hukum_nomor": nomor,
            "dasar_hukum_tanggal": dasar_hukum_tanggal,
            "diarsipkan": [s.pk for s in lama],
            "dibawa": dibawa,
            "tim_diakhiri": [t.pk for t in rencana.tim_diakhiri],
            "penugasan_tertinggal": [p.pk for p in rencana.penugasan_tertinggal],
            "relasi_tertinggal": [r.pk for r in rencana.relasi_tertinggal],
        },
    )
    return struktur
