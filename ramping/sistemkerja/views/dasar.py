"""Shared helpers of the work-system views."""

from ramping.errors import TidakDitemukan
from ramping.organisasi.models import Struktur
from ramping.web.halaman import selaraskan_versi


def struktur(request) -> Struktur:
    s = request.halaman.struktur
    if s is None:
        raise TidakDitemukan("Instansi belum memiliki versi struktur.")
    return s


def selaras(request, struktur_id: int) -> bool:
    """The header shows the object's version; False when the user picked another one."""
    return selaraskan_versi(request, struktur_id)
