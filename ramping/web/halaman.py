"""The one place where an agency page is opened: login, tenant, role, version, errors.

Every page under /i/<instansi_kode>/ is wrapped by `halaman_instansi`: an anonymous visitor is
sent to the login page; a user who does not belong to the agency gets 404 (never 403, so the
agency's existence does not leak); `TidakDitemukan` raised anywhere in the view becomes 404 and
`TidakBerhak` 403. The view and its template run inside the agency's scope
(`ramping.inti.lingkup`): every tenant query sees this agency's rows only.
"""

from dataclasses import dataclass
from functools import lru_cache, wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpRequest

from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Peran
from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi, Struktur
from ramping.organisasi.selectors import struktur_versi
from ramping.penataan.models import Notifikasi

KUNCI_SESI_INSTANSI = "instansi_kode"


@dataclass
class Halaman:
    """What every agency page knows: who, which agency, which version."""

    instansi: Instansi
    akses: Akses
    daftar_instansi: list[Instansi]
    daftar_versi: list[Struktur]
    struktur: Struktur | None

    @property
    def boleh_menempatkan(self) -> bool:
        """May place people at all (the service still checks the position's OPD)."""
        return self.akses.mengelola_seluruh_instansi or self.akses.peran == Peran.OPERATOR


def _versi_diminta(request: HttpRequest) -> int | None:
    nilai = request.GET.get("versi", "")
    if not nilai:
        return None
    if not nilai.isdigit():
        raise TidakDitemukan("Versi struktur tidak ditemukan.")
    return int(nilai)


@lru_cache(maxsize=1)
def _sql_keanggotaan() -> str:
    q = connection.ops.quote_name
    instansi, anggota = q(Instansi._meta.db_table), q(Keanggotaan._meta.db_table)
    notifikasi = q(Notifikasi._meta.db_table)
    return (
        f"SELECT i.*, k.{q('peran')} AS anggota_peran, k.{q('opd_kode')} AS anggota_opd_kode, "
        f"(SELECT COUNT(*) FROM {notifikasi} n WHERE n.{q('instansi_id')} = i.{q('id')} "
        f"AND n.{q('penerima_id')} = %s AND n.{q('dibaca')} IS NULL) AS belum_dibaca "
        f"FROM {instansi} i JOIN {anggota} k ON k.{q('instansi_id')} = i.{q('id')} "
        f"WHERE k.{q('pengguna_id')} = %s ORDER BY i.{q('nama')}, i.{q('id')}"
    )


def _instansi_diminta(request: HttpRequest, instansi_kode: str) -> tuple[Instansi, list[Instansi]]:
    """The user's agencies by name (the switcher), each with the user's role and OPD there
    and the header's unread notices: one query, written as SQL because every page runs it.
    Through the ORM the same reads (agencies with the unread count, then the membership) cost
    ≈ 1.6 ms of CPU per page to build, as fixed SQL ≈ 0.1 ms (issue #15 item 3). They read
    the user's own memberships and notices across agencies, before any agency scope opens;
    an agency the user does not belong to is not in the list: "not found"."""
    u = request.user.pk
    daftar = list(Instansi.objects.raw(_sql_keanggotaan(), [u, u]))
    instansi = next((i for i in daftar if i.kode == instansi_kode), None)
    if instansi is None:
        raise TidakDitemukan()
    return instansi, daftar


def buka_halaman(request: HttpRequest, instansi: Instansi, daftar: list[Instansi]) -> Halaman:
    """Inside the agency's scope: the user's standing and the version shown."""
    akses = Akses(
        instansi_id=instansi.pk,
        peran=instansi.anggota_peran,
        opd_kode=instansi.anggota_opd_kode,
        pengguna=request.user,
    )
    daftar_versi, struktur = struktur_versi(akses=akses, struktur_id=_versi_diminta(request))
    if request.session.get(KUNCI_SESI_INSTANSI) != instansi.kode:
        request.session[KUNCI_SESI_INSTANSI] = instansi.kode
    return Halaman(instansi, akses, daftar, daftar_versi, struktur)


def halaman_instansi(view):
    """Decorate a view `view(request, **kwargs)`; it finds `request.halaman` ready."""

    @login_required
    @wraps(view)
    def dibungkus(request: HttpRequest, instansi_kode: str, **kwargs):
        try:
            instansi, daftar = _instansi_diminta(request, instansi_kode)
            with lingkup_instansi(instansi.pk):
                request.halaman = buka_halaman(request, instansi, daftar)
                return view(request, **kwargs)
        except TidakDitemukan as exc:
            raise Http404(exc.pesan) from None
        except TidakBerhak as exc:
            raise PermissionDenied(exc.pesan) from None

    return dibungkus


def selaraskan_versi(request: HttpRequest, struktur_id: int) -> bool:
    """Make the header show the version an object belongs to.

    Returns False when the user explicitly picked another version (`?versi=`): the caller then
    moves to the matching object in that version, or to its list.
    """
    h: Halaman = request.halaman
    if h.struktur is not None and h.struktur.pk == struktur_id:
        return True
    if "versi" in request.GET:
        return False
    h.struktur = next(s for s in h.daftar_versi if s.pk == struktur_id)
    return True
