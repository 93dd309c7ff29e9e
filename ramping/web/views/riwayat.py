"""History pages of a position and of a unit, and "Kembalikan" (restore one entry's old values).

Everyone of the agency who may read the position or unit sees its history; only an analyst or
agency admin restores, through `riwayat_kembalikan` (which calls the owning service).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from ramping.akun.akses import pastikan_analis
from ramping.audit.pemulihan import rencana_pemulihan, riwayat_kembalikan
from ramping.audit.selectors import riwayat_jabatan, riwayat_unit
from ramping.organisasi.selectors import unit_ambil, unit_leluhur
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.views.jabatan_bersama import TAB, buka


def _boleh_kembalikan(request, struktur) -> bool:
    return request.halaman.akses.mengelola_seluruh_instansi and struktur.status != "arsip"


@halaman_instansi
def jabatan_riwayat(request, jabatan_id: int):
    h = request.halaman
    r = buka(request, jabatan_id)
    selaraskan_versi(request, r.jabatan.struktur_id)
    return render(
        request,
        "web/riwayat/jabatan.html",
        {
            "aktif": "peta",
            "r": r,
            "jabatan": r.jabatan,
            "tab": "riwayat",
            "tab_daftar": list(TAB.items()),
            "hal": riwayat_jabatan(akses=h.akses, jabatan=r.jabatan, hal=request.GET.get("hal")),
            "boleh_kembalikan": _boleh_kembalikan(request, r.jabatan.struktur),
        },
    )


@halaman_instansi
def unit_riwayat(request, unit_id: int):
    h = request.halaman
    u = unit_ambil(akses=h.akses, unit_id=unit_id)
    selaraskan_versi(request, u.struktur_id)
    return render(
        request,
        "web/riwayat/unit.html",
        {
            "aktif": "pohon",
            "unit": u,
            "leluhur": unit_leluhur(unit=u),
            "hal": riwayat_unit(akses=h.akses, unit=u, hal=request.GET.get("hal")),
            "boleh_kembalikan": _boleh_kembalikan(request, u.struktur),
        },
    )


def _url_riwayat(request, rencana) -> str:
    kode = request.halaman.instansi.kode
    if rencana.jabatan is not None:
        return reverse("web:jabatan_riwayat", args=[kode, rencana.jabatan.pk])
    return reverse("web:unit_riwayat", args=[kode, rencana.unit.pk])


@require_http_methods(["GET", "POST"])
@halaman_instansi
def kembalikan(request, entri_id: int):
    """GET: what would change (current → restored); POST: restore with the `versi` shown."""
    h = request.halaman
    pastikan_analis(h.akses)  # readers never see a form they cannot send (403)
    status = 200
    if request.method == "POST":
        versi = request.POST.get("versi", "")
        with layanan(request) as hasil:
            riwayat_kembalikan(
                akses=h.akses, entri_id=entri_id, versi=int(versi) if versi.isdigit() else None
            )
        if hasil.berhasil:
            messages.success(request, gettext("Nilai lama dikembalikan."))
            return redirect(
                _url_riwayat(request, rencana_pemulihan(akses=h.akses, entri_id=entri_id))
            )
        status = 409 if hasil.konflik else 422
    rencana = rencana_pemulihan(akses=h.akses, entri_id=entri_id)
    selaraskan_versi(request, (rencana.jabatan or rencana.unit).struktur_id)
    return render(
        request,
        "web/riwayat/kembalikan.html",
        {
            "aktif": "peta" if rencana.jabatan else "pohon",
            "rencana": rencana,
            "url_riwayat": _url_riwayat(request, rencana),
        },
        status=status,
    )
