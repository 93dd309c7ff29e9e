"""Reads of agencies, structure versions and the unit tree."""

from django.db.models import QuerySet

from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.organisasi.models import Instansi, Struktur, UnitKerja


def struktur_daftar(*, akses: Akses) -> QuerySet[Struktur]:
    return Struktur.objects.filter(instansi_id=akses.instansi_id).select_related("turunan_dari")


def struktur_ambil(*, akses: Akses, struktur_id: int) -> Struktur:
    struktur = struktur_daftar(akses=akses).filter(pk=struktur_id).first()
    if struktur is None:
        raise TidakDitemukan("Versi struktur tidak ditemukan.")
    return struktur


def struktur_berlaku(*, instansi: Instansi) -> Struktur | None:
    return Struktur.objects.filter(instansi=instansi, status=Struktur.Status.BERLAKU).first()


def unit_subpohon(*, unit: UnitKerja) -> QuerySet[UnitKerja]:
    """The unit and all its descendants in tree order: one indexed prefix query."""
    return UnitKerja.objects.filter(
        instansi_id=unit.instansi_id, struktur_id=unit.struktur_id, path__startswith=unit.path
    ).order_by("path")


def unit_pohon(*, struktur: Struktur) -> QuerySet[UnitKerja]:
    """Every unit of a version in tree order (parents before their children)."""
    return UnitKerja.objects.filter(instansi_id=struktur.instansi_id, struktur=struktur).order_by(
        "path"
    )


def unit_opd(*, unit: UnitKerja) -> UnitKerja:
    """The perangkat daerah (top-level unit) a unit belongs to."""
    if unit.induk_id is None:
        return unit
    return UnitKerja.objects.get(
        instansi_id=unit.instansi_id, struktur_id=unit.struktur_id, path=unit.path_opd
    )
