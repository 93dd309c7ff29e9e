"""The position page: a header (B, K, ±, EJ, PJ) and four tabs, ANJAB, Tugas & ABK, Evaluasi
jabatan and Pemangku.

Every tab is a plain link (`?tab=`) that works without JavaScript; HTMX fetches the tab alone
(`web:jabatan_tab`) and swaps the tab bar out of band. Writes live in the modules
`jabatan_anjab`, `jabatan_tugas` and `jabatan_evaluasi`; each renders through
`jabatan_bersama.tampilkan`, which this module uses too.
"""

from django.http import HttpRequest
from django.shortcuts import redirect
from django.urls import reverse

from ramping.errors import TidakDitemukan
from ramping.jabatan.selectors import RingkasanJabatan
from ramping.pegawai.selectors import penempatan_jabatan
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.potongan import potongan
from ramping.web.views import jabatan_anjab, jabatan_evaluasi, jabatan_tugas
from ramping.web.views.jabatan_bersama import (
    TAB,
    buka_baca,
    gambar_tab,
    tab_dengan_token,
    tampilkan,
)

PEMANGKU_PER_HALAMAN = 50
RIWAYAT_TERAKHIR = 20


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
    if tab == "anjab":
        return jabatan_anjab.konteks(r, request.halaman.akses)
    if tab == "tugas":
        return jabatan_tugas.konteks(request, r)
    if tab == "evaluasi":
        return jabatan_evaluasi.konteks(r)
    return _pemangku(request, r)


def _tampilkan_baca(request: HttpRequest, r: RingkasanJabatan, tab: str):
    """The page or tab of a read-only request, the tab's data and markup from the fragment
    cache. The key holds what the tab depends on besides the agency's data: the user's rights
    as computed for this request (so an operator locked by a penataan round and one who is not
    never share a fragment), whether they may place people, and the holders' page. The CSRF
    token is put in per request (`tab_dengan_token`). An edit row (`?ubah=`, `?tambah=`)
    carries a form and is built every time."""
    g = request.GET
    if tab == "tugas" and r.boleh_ubah and (g.get("ubah") or g.get("tambah")):
        return tampilkan(request, r, tab, konteks_tab(request, r, tab))
    hal = g.get("hal", "") if tab == "pemangku" else ""
    boleh = (r.boleh_ubah, r.boleh_evaluasi, r.terkunci, request.halaman.boleh_menempatkan)
    parameter = (r.jabatan.pk, tab, boleh, hal)

    def buat() -> tuple[dict, str]:
        konteks = konteks_tab(request, r, tab)
        return konteks, gambar_tab(request, r, tab, konteks)

    konteks, html = potongan(request, "jabatan_tab", parameter, buat)
    return tampilkan(request, r, tab, konteks, tab_html=tab_dengan_token(request, html))


@halaman_instansi
def jabatan(request, jabatan_id: int):
    h = request.halaman
    r = buka_baca(request, jabatan_id)
    if not selaraskan_versi(request, r.jabatan.struktur_id):
        # Positions have no stable key across versions; the other version's map is the
        # closest useful place.
        return redirect(reverse("web:peta", args=[h.instansi.kode]) + f"?versi={h.struktur.pk}")
    tab = request.GET.get("tab", "anjab")
    tab = tab if tab in TAB else "anjab"
    return _tampilkan_baca(request, r, tab)


@halaman_instansi
def tab(request, jabatan_id: int, tab: str):
    """One tab for HTMX (or a plain visitor following the link)."""
    if tab not in TAB:
        raise TidakDitemukan()
    r = buka_baca(request, jabatan_id)
    selaraskan_versi(request, r.jabatan.struktur_id)
    return _tampilkan_baca(request, r, tab)
