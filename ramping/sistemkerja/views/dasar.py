"""Shared helpers of the work-system views."""

from django.core.exceptions import ValidationError

from ramping.errors import RampingError, TidakBerhak, TidakDitemukan
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


def jalankan(form, fungsi, peta: dict[str, str] | None = None, **kwargs):
    """Call a service; a business error lands next to its field. Returns the result or None."""
    peta = peta or {}
    try:
        return fungsi(**kwargs)
    except (TidakBerhak, TidakDitemukan):
        raise
    except RampingError as exc:
        medan = peta.get(exc.field or "", exc.field)
        form.add_error(medan if medan in form.fields else None, exc.pesan)
    except ValidationError as exc:
        for medan, pesan in exc.message_dict.items():
            form.add_error(medan if medan in form.fields else None, pesan)
    return None
