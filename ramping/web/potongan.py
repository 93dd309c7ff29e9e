"""Page fragments cached by the agency's change counter (issue #15 item 3).

The heavy, data-only parts of a page (the peta jabatan table, the dashboard's totals and
charts) are kept in Django's cache under a key that holds everything they depend on:

    fragment name, agency, the agency's change counter, the version, the language, the role
    and OPD of the reader (what a role may see differs), and the request's own parameters.

**Why it cannot go stale.** The change counter (`ramping.audit.models.NomorPerubahan`) is
raised inside the same transaction as every audit entry, and every write of the project is
audited (`ramping.audit.services`; imports, recomputes, settings, publishes, restores of
history, the API and the admin's services alike). A committed write therefore gives the
agency a number no cached fragment was built under; the next request misses and rebuilds.
Concurrent writers serialise on the counter's row. A request that reads the counter just
before a write commits may build its fragment from the newer data under the older number:
that is newer, never older, than what the number promises. An agency without a counter row
(nothing audited yet, e.g. a generator's bulk copy) is never cached. A restored backup jumps
every counter (`lompati_nomor_perubahan`), and new rows start at a random number, so a reused
id never meets an old key.

The backend is the "potongan" cache of `settings.CACHES` (memory of each gunicorn worker):
nothing to share between workers, since a key is valid forever or never reached again; old
keys fall out by the cache's size limit.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import caches
from django.db import connection
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from ramping.audit.models import NomorPerubahan

T = TypeVar("T")
CACHE = "potongan"
_ATRIBUT = "_ramping_nomor_perubahan"


def nomor_perubahan(instansi_id: int) -> int | None:
    """The agency's change counter, or None when it has none yet (then nothing is cached)."""
    tabel = connection.ops.quote_name(NomorPerubahan._meta.db_table)
    with connection.cursor() as kursor:
        kursor.execute(f"SELECT nomor FROM {tabel} WHERE instansi_id = %s", [instansi_id])
        baris = kursor.fetchone()
    return baris[0] if baris else None


def _nomor_permintaan(request: HttpRequest, instansi_id: int) -> int | None:
    """Read once per request (two fragments of one page share one number)."""
    simpan = request.__dict__.setdefault(_ATRIBUT, {})
    if instansi_id not in simpan:
        simpan[instansi_id] = nomor_perubahan(instansi_id)
    return simpan[instansi_id]


def potongan(request: HttpRequest, nama: str, parameter: tuple, buat: Callable[[], T]) -> T:
    """The fragment `nama` of the agency page being served: from the cache, or built by `buat`
    and kept. `parameter`: whatever else the fragment depends on (filters, the unit shown,
    the version parameter carried in its links); the agency, counter, version, language, role
    and OPD are added here."""
    h = request.halaman
    nomor = _nomor_permintaan(request, h.instansi.pk)
    if nomor is None:
        return buat()
    bagian = repr(
        (
            h.instansi.pk,
            nomor,
            h.struktur.pk if h.struktur is not None else None,
            get_language(),
            h.akses.peran,
            h.akses.opd_kode,
            parameter,
        )
    )
    # Readable prefix, hashed rest: a key any cache backend accepts.
    kunci = f"{nama}:{h.instansi.pk}:{hashlib.sha256(bagian.encode()).hexdigest()}"
    cache = caches[CACHE]
    hasil = cache.get(kunci)
    if hasil is None:
        hasil = buat()
        cache.set(kunci, hasil, timeout=None)
    return hasil


def markah(
    request: HttpRequest,
    nama: str,
    parameter: tuple,
    template: str,
    konteks: Callable[[], dict],
    *,
    simpan: bool = True,
) -> SafeString:
    """A part of the page as markup, drawn once per key: `template` rendered with `konteks()`
    (called on a miss only). A hit then costs neither the data's unpickling nor the template.

    The part may show only what the key holds: the agency's data at the counter, the version,
    language, role and OPD, and `parameter` — which therefore names every request parameter the
    part prints or links with (a filter form bound to the query string: the whole query
    string). It must not hold this request's CSRF token (a POST form inside the part would
    keep another reader's token), nor a time-dependent mark unless the day is in `parameter`.
    `simpan=False`: drawn for this request only (e.g. a free-text search, a new key per
    keystroke, which would only push the pages people come back to out of the cache)."""

    def gambar() -> str:
        html = render_to_string(template, konteks(), request)
        # A programming error, caught by the page's first test: the token is the reader's own.
        if "csrfmiddlewaretoken" in html:
            raise RuntimeError(f"{template}: formulir POST tidak boleh di dalam markah tersimpan")
        return html

    # Markup of a template, which escapes what it prints.
    return mark_safe(potongan(request, nama, parameter, gambar) if simpan else gambar())
