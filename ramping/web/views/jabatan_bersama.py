"""What the position page and its write tabs share: the tab list, opening the position and
rendering the page or one tab.

It imports none of the tab modules, so `jabatan` (which reads every tab) and `jabatan_anjab`,
`jabatan_tugas`, `jabatan_evaluasi` (which render through `tampilkan`) import it without a
cycle.
"""

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from ramping.jabatan.selectors import (
    RingkasanJabatan,
    hak_ringkasan,
    ringkasan_data,
    ringkasan_jabatan,
)
from ramping.web.potongan import potongan

TAB = {
    "anjab": _("ANJAB"),
    "tugas": _("Tugas & ABK"),
    "evaluasi": _("Evaluasi jabatan"),
    "pemangku": _("Pemangku"),
}


def dari_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def url_tab(request: HttpRequest, jabatan_id: int, tab: str) -> str:
    kode = request.halaman.instansi.kode
    return reverse("web:jabatan", args=[kode, jabatan_id]) + f"?tab={tab}"


def versi_kiriman(request: HttpRequest) -> int:
    """The optimistic-lock revision the form was drawn with (`versi`): anything but digits is
    -1, which matches no row, so the service answers with its conflict message, never a 500."""
    versi = request.POST.get("versi", "")
    return int(versi) if versi.isdigit() else -1


def buka(request: HttpRequest, jabatan_id: int) -> RingkasanJabatan:
    return ringkasan_jabatan(akses=request.halaman.akses, jabatan_id=jabatan_id)


def buka_baca(request: HttpRequest, jabatan_id: int) -> RingkasanJabatan:
    """`buka` for the views that only read: the header's data from the fragment cache
    (`ramping.web.potongan`, keyed by the agency's change counter), the user's rights and the
    penataan lock computed per request. Only where nothing is written in the request: the
    counter is read once per request, so a view that writes must read through `buka`."""
    akses = request.halaman.akses
    if request.method not in ("GET", "HEAD"):
        return buka(request, jabatan_id)
    data = potongan(
        request,
        "jabatan",
        (jabatan_id,),
        lambda: ringkasan_data(akses=akses, jabatan_id=jabatan_id),
    )
    return hak_ringkasan(akses=akses, r=data)


def tampilkan(
    request: HttpRequest,
    r: RingkasanJabatan,
    tab: str,
    konteks: dict,
    *,
    ringkasan_oob: bool = False,
    tab_html: str | None = None,
) -> HttpResponse:
    """The whole page, or (for HTMX) the tab alone with the tab bar, and after a write the
    header, swapped out of band. `konteks` is what the tab shows; `tab_html` its markup when
    already drawn (`gambar_tab`, with this request's token)."""
    isi = isi_tab(request, r, tab, konteks, ringkasan_oob=ringkasan_oob)
    isi["tab_html"] = tab_html
    template = "web/jabatan/tab.html" if dari_htmx(request) else "web/jabatan/jabatan.html"
    return render(request, template, isi)


# What `{% csrf_token %}` prints inside a tab's markup kept in the fragment cache, replaced by
# this request's token (`tab_dengan_token`). The whole `name=… value="…"` is replaced: a double
# quote never comes out of escaped text, so only the tag's own output can match.
_CSRF_TEMPAT = "csrf-potongan-tab"
_CSRF_INPUT = f'name="csrfmiddlewaretoken" value="{_CSRF_TEMPAT}"'


def gambar_tab(request: HttpRequest, r: RingkasanJabatan, tab: str, konteks: dict) -> str:
    """The tab's markup without this request's CSRF token (so it may be kept in a fragment)."""
    isi = isi_tab(request, r, tab, konteks) | {"csrf_token": _CSRF_TEMPAT}
    return render_to_string(f"web/jabatan/_tab_{tab}.html", isi, request)


def tab_dengan_token(request: HttpRequest, html: str) -> str:
    """`gambar_tab`'s markup with this request's CSRF token."""
    token = f'name="csrfmiddlewaretoken" value="{get_token(request)}"'
    return mark_safe(html.replace(_CSRF_INPUT, token))  # markup drawn by the tab template


def isi_tab(
    request: HttpRequest, r: RingkasanJabatan, tab: str, konteks: dict, *, ringkasan_oob=False
) -> dict:
    """The context of the page and of the tab's own template."""
    return {
        "aktif": "peta",
        "r": r,
        "jabatan": r.jabatan,
        "tab": tab,
        "tab_daftar": list(TAB.items()),
        "tab_template": f"web/jabatan/_tab_{tab}.html",
        "oob": dari_htmx(request),
        "ringkasan_oob": ringkasan_oob,
        **konteks,
    }
