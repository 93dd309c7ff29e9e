"""The position page: a header (B, K, ±, EJ, PJ) and four tabs, ANJAB, Tugas & ABK, Evaluasi
jabatan and Pemangku.

Every tab is a plain link (`?tab=`) that works without JavaScript; HTMX fetches the tab alone
(`web:jabatan_tab`) and swaps the tab bar out of band. Writes live in the modules
`jabatan_anjab`, `jabatan_tugas` and `jabatan_evaluasi`; each renders through `tampilkan`.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ramping.errors import TidakDitemukan
from ramping.jabatan.selectors import RingkasanJabatan, ringkasan_jabatan
from ramping.pegawai.selectors import penempatan_jabatan
from ramping.web.halaman import halaman_instansi, selaraskan_versi

TAB = {
    "anjab": _("ANJAB"),
    "tugas": _("Tugas & ABK"),
    "evaluasi": _("Evaluasi jabatan"),
    "pemangku": _("Pemangku"),
}
PEMANGKU_PER_HALAMAN = 50
RIWAYAT_TERAKHIR = 20


def dari_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def url_tab(request: HttpRequest, jabatan_id: int, tab: str) -> str:
    kode = request.halaman.instansi.kode
    return reverse("web:jabatan", args=[kode, jabatan_id]) + f"?tab={tab}"


def _pemangku(request: HttpRequest, r: RingkasanJabatan) -> dict:
    """Holders page by page; B (already counted in the header query) is the total, so a page
    costs one query whatever the number of holders."""
    akses = request.halaman.akses
    jumlah = r.jabatan.b
    halaman_akhir = max(1, -(-jumlah // PEMANGKU_PER_HALAMAN))
    nomor = request.GET.get("hal", "1")
    nomor = min(int(nomor), halaman_akhir) if nomor.isdigit() and int(nomor) > 0 else 1
    awal = (nomor - 1) * PEMANGKU_PER_HALAMAN
    aktif = penempatan_jabatan(akses=akses, jabatan=r.jabatan, aktif=True)
    riwayat = list(
        penempatan_jabatan(akses=akses, jabatan=r.jabatan, aktif=False)[: RIWAYAT_TERAKHIR + 1]
    )
    return {
        "pemangku": list(aktif[awal : awal + PEMANGKU_PER_HALAMAN]) if jumlah else [],
        "hal": {
            "nomor": nomor,
            "akhir": halaman_akhir,
            "awal": awal + 1,
            "sampai": min(awal + PEMANGKU_PER_HALAMAN, jumlah),
        },
        "riwayat": riwayat[:RIWAYAT_TERAKHIR],
        "riwayat_lebih": len(riwayat) > RIWAYAT_TERAKHIR,
    }


def konteks_tab(request: HttpRequest, r: RingkasanJabatan, tab: str) -> dict:
    """What the chosen tab shows, read only (a write view passes its own on error)."""
    from ramping.web.views import jabatan_anjab, jabatan_evaluasi, jabatan_tugas

    if tab == "anjab":
        return jabatan_anjab.konteks(r)
    if tab == "tugas":
        return jabatan_tugas.konteks(request, r)
    if tab == "evaluasi":
        return jabatan_evaluasi.konteks(r)
    return _pemangku(request, r)


def tampilkan(
    request: HttpRequest,
    r: RingkasanJabatan,
    tab: str,
    konteks: dict | None = None,
    *,
    ringkasan_oob: bool = False,
) -> HttpResponse:
    """The whole page, or (for HTMX) the tab alone with the tab bar, and after a write the
    header, swapped out of band."""
    isi = {
        "aktif": "peta",
        "r": r,
        "jabatan": r.jabatan,
        "tab": tab,
        "tab_daftar": list(TAB.items()),
        "tab_template": f"web/jabatan/_tab_{tab}.html",
        "oob": dari_htmx(request),
        "ringkasan_oob": ringkasan_oob,
        **(konteks if konteks is not None else konteks_tab(request, r, tab)),
    }
    template = "web/jabatan/tab.html" if dari_htmx(request) else "web/jabatan/jabatan.html"
    return render(request, template, isi)


def buka(request: HttpRequest, jabatan_id: int) -> RingkasanJabatan:
    return ringkasan_jabatan(akses=request.halaman.akses, jabatan_id=jabatan_id)


@halaman_instansi
def jabatan(request, jabatan_id: int):
    h = request.halaman
    r = buka(request, jabatan_id)
    if not selaraskan_versi(request, r.jabatan.struktur_id):
        # Positions have no stable key across versions; the other version's map is the
        # closest useful place.
        return redirect(reverse("web:peta", args=[h.instansi.kode]) + f"?versi={h.struktur.pk}")
    tab = request.GET.get("tab", "anjab")
    return tampilkan(request, r, tab if tab in TAB else "anjab")


@halaman_instansi
def tab(request, jabatan_id: int, tab: str):
    """One tab for HTMX (or a plain visitor following the link)."""
    if tab not in TAB:
        raise TidakDitemukan()
    r = buka(request, jabatan_id)
    selaraskan_versi(request, r.jabatan.struktur_id)
    return tampilkan(request, r, tab)
