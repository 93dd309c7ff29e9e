"""What the position page and its write tabs share: the tab list, opening the position and
rendering the page or one tab.

It imports none of the tab modules, so `jabatan` (which reads every tab) and `jabatan_anjab`,
`jabatan_tugas`, `jabatan_evaluasi` (which render through `tampilkan`) import it without a
cycle.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ramping.jabatan.selectors import RingkasanJabatan, ringkasan_jabatan

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


def buka(request: HttpRequest, jabatan_id: int) -> RingkasanJabatan:
    return ringkasan_jabatan(akses=request.halaman.akses, jabatan_id=jabatan_id)


def tampilkan(
    request: HttpRequest,
    r: RingkasanJabatan,
    tab: str,
    konteks: dict,
    *,
    ringkasan_oob: bool = False,
) -> HttpResponse:
    """The whole page, or (for HTMX) the tab alone with the tab bar, and after a write the
    header, swapped out of band. `konteks` is what the tab shows."""
    isi = {
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
    template = "web/jabatan/tab.html" if dari_htmx(request) else "web/jabatan/jabatan.html"
    return render(request, template, isi)
