"""Reads of agencies, structure versions and the unit tree."""

from functools import lru_cache

from django.db import connection
from django.db.models import Count, Q, QuerySet

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


def unit_opd(*, unit: UnitKerja) -> UnitKerja:
    """The perangkat daerah (top-level unit) a unit belongs to."""
    if unit.induk_id is None:
        return unit
    return UnitKerja.objects.get(
        instansi_id=unit.instansi_id, struktur_id=unit.struktur_id, path=unit.path_opd
    )


# --- Reads for the web workbench -------------------------------------------------------------


def instansi_pengguna(*, pengguna) -> list[Instansi]:
    """The agencies a user belongs to, for the landing page's choice: one query, by name.
    (Agency pages read them with the role and unread notices: `web.halaman`.)"""
    if not pengguna.is_authenticated:
        return []
    return list(Instansi.objects.filter(keanggotaan_set__pengguna=pengguna).order_by("nama"))


def struktur_versi(
    *, akses: Akses, struktur_id: int | None
) -> tuple[list[Struktur], Struktur | None]:
    """All versions of the agency and the chosen one: asked for, else in force, else newest.

    One query; an id of another agency's version is "not found" (no existence leak).
    """
    daftar = _versi_instansi(akses.instansi_id)
    if struktur_id is not None:
        for struktur in daftar:
            if struktur.pk == struktur_id:
                return daftar, struktur
        raise TidakDitemukan("Versi struktur tidak ditemukan.")
    berlaku = next((s for s in daftar if s.status == Struktur.Status.BERLAKU), None)
    return daftar, berlaku or (daftar[0] if daftar else None)


@lru_cache(maxsize=1)
def _sql_versi() -> str:
    q = connection.ops.quote_name
    return (
        f"SELECT * FROM {q(Struktur._meta.db_table)} WHERE {q('instansi_id')} = %s "
        f"ORDER BY {q('berlaku_mulai')} DESC, {q('id')} DESC"
    )


def _versi_instansi(instansi_id: int) -> list[Struktur]:
    """Every version of the agency, newest first, each with its parent version (`turunan_dari`)
    taken from the same list.

    Written as SQL because every agency page reads it (the version picker): through the ORM,
    building the query cost ≈ 0.8 ms of CPU per page, as fixed SQL ≈ 0.2 ms (issue #15 item 3).
    `raw` still turns the rows into model instances with the database's converters (dates).
    The agency filter is explicit here: raw SQL is outside the scope's automatic filter.
    """
    daftar = list(Struktur.objects.raw(_sql_versi(), [instansi_id]))
    per_id = {s.pk: s for s in daftar}
    induk = Struktur._meta.get_field("turunan_dari")
    for s in daftar:
        if s.turunan_dari_id in per_id:
            induk.set_cached_value(s, per_id[s.turunan_dari_id])
    return daftar


def unit_ambil(*, akses: Akses, unit_id: int) -> UnitKerja:
    unit = (
        UnitKerja.objects.filter(instansi_id=akses.instansi_id, pk=unit_id)
        .select_related("struktur")
        .first()
    )
    if unit is None:
        raise TidakDitemukan("Unit kerja tidak ditemukan.")
    return unit


def unit_kode_di_versi(*, akses: Akses, kode: str, struktur: Struktur) -> UnitKerja | None:
    """The same unit (by its stable kode) in another version, if it still exists there."""
    return UnitKerja.objects.filter(
        instansi_id=akses.instansi_id, struktur=struktur, kode=kode
    ).first()


def unit_di_versi(*, struktur: Struktur, unit_id: int | None) -> UnitKerja:
    """A unit of this version (scenario or structure) by id; any other id is not found (404)."""
    unit = UnitKerja.objects.filter(
        instansi_id=struktur.instansi_id, struktur=struktur, pk=unit_id or 0
    ).first()
    if unit is None:
        raise TidakDitemukan("Unit tidak ditemukan pada versi ini.")
    return unit


def unit_jalur(*, unit: UnitKerja) -> str:
    """ "Dinas A › Bidang Satu › Seksi Satu": the unit's place, not its bare name."""
    return " › ".join(u.nama for u in [*unit_leluhur(unit=unit), unit])


def unit_leluhur(*, unit: UnitKerja) -> list[UnitKerja]:
    """The unit's ancestors from the OPD down (for breadcrumbs): one query on path prefixes."""
    awalan = [unit.path[:i] for i in range(UnitKerja.SEGMEN, len(unit.path), UnitKerja.SEGMEN)]
    if not awalan:
        return []
    return list(
        UnitKerja.objects.filter(
            instansi_id=unit.instansi_id, struktur_id=unit.struktur_id, path__in=awalan
        ).order_by("path")
    )


def opd_daftar(*, akses: Akses, struktur: Struktur) -> list[UnitKerja]:
    """The perangkat daerah (top-level units) of one version, in tree order."""
    return list(
        UnitKerja.objects.filter(
            instansi_id=akses.instansi_id, struktur=struktur, kedalaman=0
        ).order_by("path")
    )


def struktur_ukuran(*, akses: Akses) -> dict[int, dict[str, int]]:
    """Units and OPD per version of the agency: one grouped query."""
    rows = (
        UnitKerja.objects.filter(instansi_id=akses.instansi_id)
        .values("struktur_id")
        .annotate(unit=Count("id"), opd=Count("id", filter=Q(kedalaman=0)))
    )
    return {r["struktur_id"]: {"unit": r["unit"], "opd": r["opd"]} for r in rows}
