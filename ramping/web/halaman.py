"""The one place where an agency page is opened: login, tenant, role, version, errors.

Every page under /i/<instansi_kode>/ is wrapped by `halaman_instansi`: an anonymous visitor is
sent to the login page; a user who does not belong to the agency gets 404 (never 403, so the
agency's existence does not leak); `TidakDitemukan` raised anywhere in the view becomes 404 and
`TidakBerhak` 403. The view and its template run inside the agency's scope
(`ramping.inti.lingkup`): every tenant query sees this agency's rows only.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ramping.akun.akses import Akses, akses_pengguna
from ramping.akun.models import Peran
from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi, Struktur
from ramping.organisasi.selectors import instansi_pengguna, struktur_versi
from ramping.penataan.notifikasi import belum_dibaca_per_instansi

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


def _instansi_diminta(request: HttpRequest, instansi_kode: str) -> tuple[Instansi, list[Instansi]]:
    # The header's unread count comes with the agencies, in the same query.
    daftar = instansi_pengguna(
        pengguna=request.user, belum_dibaca=belum_dibaca_per_instansi(pengguna=request.user)
    )
    instansi = next((i for i in daftar if i.kode == instansi_kode), None)
    if instansi is None:
        raise TidakDitemukan()
    return instansi, daftar


def buka_halaman(request: HttpRequest, instansi: Instansi, daftar: list[Instansi]) -> Halaman:
    """Inside the agency's scope: the user's standing and the version shown."""
    akses = akses_pengguna(request.user, instansi.pk)
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
