"""Writes to users and their agency memberships."""

from django.db import transaction

from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.services import audit_catat
from ramping.errors import RampingError, TidakBerhak
from ramping.organisasi.models import Instansi, UnitKerja


@transaction.atomic
def keanggotaan_atur(
    *, akses: Akses, instansi: Instansi, pengguna: Pengguna, peran: str, opd_kode: str = ""
) -> Keanggotaan:
    """Give a user a role in an agency (replacing their previous role there)."""
    akses.pastikan_instansi(instansi)
    if akses.peran != Peran.ADMIN_INSTANSI:
        raise TidakBerhak("Hanya admin instansi yang dapat mengatur peran pengguna.")
    if peran == Peran.OPERATOR:
        opd_ada = UnitKerja.objects.filter(
            instansi=instansi, kode=opd_kode, induk__isnull=True
        ).exists()
        if not opd_ada:
            raise RampingError(f"OPD dengan kode {opd_kode!r} tidak ada.", field="opd_kode")
    elif opd_kode:
        raise RampingError("Hanya operator yang terikat pada satu OPD.", field="opd_kode")
    anggota, dibuat = Keanggotaan.objects.update_or_create(
        instansi=instansi, pengguna=pengguna, defaults={"peran": peran, "opd_kode": opd_kode}
    )
    audit_catat(
        instansi_id=instansi.pk,
        pengguna=akses.pengguna,
        aksi="keanggotaan_atur",
        objek=anggota,
        ringkasan=f"{pengguna.username} menjadi {anggota.get_peran_display()}",
        perubahan={"peran": peran, "opd_kode": opd_kode, "baru": dibuat},
    )
    return anggota


def pengguna_atur_surel(*, pengguna: Pengguna, terima: bool) -> bool:
    """A person's own choice to receive the penataan notices by e-mail too (in-app always).

    Not in the audit trail: the trail is kept per agency and this preference belongs to the
    person across all their agencies, like their password. Returns whether it changed.
    """
    if pengguna.terima_surel == terima:
        return False
    pengguna.terima_surel = terima
    pengguna.save(update_fields=["terima_surel"])
    return True
