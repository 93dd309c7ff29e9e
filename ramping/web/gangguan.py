"""Faults outside the application's control answer with a message, never with a traceback.

Django calls `galat_500` (the root URLconf's `handler500`) for every uncaught exception when
DEBUG is off, from a view, the API (django-ninja re-raises what it has no handler for) or a
middleware such as the session save. It runs inside Django's `except` block, so
`sys.exc_info()` still names the exception:

- a locked or unreachable database (`OperationalError`, `InterfaceError`) or a full disk
  (`OSError` ENOSPC) is a passing fault: **503** with `Retry-After`, the page `503.html`, or for
  `/api/` the API's error body (`ramping.api.galat`) with `kode` "layanan_tidak_tersedia";
- anything else is a **500** with `500.html` / `kode` "galat_server".

Nothing is half-written when the 503 is shown: services wrap their writes in
`transaction.atomic()`, so the exception has already rolled their transaction back on its way
out (ATOMIC_REQUESTS is off; outside a service Django runs in autocommit).

The pages are rendered without the request context (no context processors, so no session,
user or agency query) and carry their own styles: they render with the database down and
before `collectstatic` has run.
"""

import errno
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

# How long a client should wait before retrying (seconds): SQLite's busy timeout is 20 s.
COBA_LAGI_DETIK = 30


def gangguan_sementara(exc: BaseException | None) -> bool:
    """True for a database that is locked, gone or unreachable, or a full disk, also when
    another exception was raised while handling one (its `__cause__`/`__context__`)."""
    dilihat = set()
    while exc is not None and id(exc) not in dilihat:
        dilihat.add(id(exc))
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def _api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _tanggapan(request: HttpRequest, status: int, kode: str, pesan: str) -> HttpResponse:
    if _api(request):
        badan = {"kode": kode, "pesan": pesan, "field": None, "galat": []}
        respons = JsonResponse(badan, status=status)
    else:
        respons = HttpResponse(render_to_string(f"{status}.html", {"pesan": pesan}), status=status)
    if status == 503:
        respons["Retry-After"] = str(COBA_LAGI_DETIK)
    return respons


def tanggapan_503(request: HttpRequest) -> HttpResponse:
    pesan = _(
        "Layanan sedang sibuk atau basis data tidak dapat dijangkau untuk sementara. "
        "Perubahan Anda belum disimpan. Tunggu sebentar, lalu ulangi."
    )
    return _tanggapan(request, 503, "layanan_tidak_tersedia", pesan)


def galat_500(request: HttpRequest) -> HttpResponse:
    """`handler500`: 503 for a passing fault, otherwise 500, as a page or as API JSON."""
    if gangguan_sementara(sys.exc_info()[1]):
        return tanggapan_503(request)
    pesan = _(
        "Terjadi kesalahan di server. Kejadian ini sudah tercatat di log server; "
        "bila berulang, hubungi administrator aplikasi."
    )
    return _tanggapan(request, 500, "galat_server", pesan)
