"""The person's notices in one agency, marking them read, and the e-mail preference."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ramping.akun.services import pengguna_atur_surel
from ramping.penataan.notifikasi import notifikasi_daftar, notifikasi_tandai_dibaca
from ramping.web.halaman import halaman_instansi

PER_HALAMAN = 30


def _daftar_url(request) -> str:
    return reverse("web:notifikasi_daftar", args=[request.halaman.instansi.kode])


@halaman_instansi
def daftar(request):
    h = request.halaman
    qs = notifikasi_daftar(pengguna=request.user, instansi_id=h.instansi.pk)
    return render(
        request,
        "web/notifikasi.html",
        {
            "aktif": "notifikasi",
            "notifikasi_halaman": Paginator(qs, PER_HALAMAN).get_page(request.GET.get("hal")),
        },
    )


@require_POST
@halaman_instansi
def tandai_dibaca(request):
    """With `notifikasi`: mark that one read and go to its link; without: mark all read."""
    h = request.halaman
    nilai = request.POST.get("notifikasi", "")
    if not nilai:
        notifikasi_tandai_dibaca(pengguna=request.user, instansi_id=h.instansi.pk)
        messages.success(request, _("Semua notifikasi ditandai sudah dibaca."))
        return redirect(_daftar_url(request))
    if not nilai.isdigit():
        return redirect(_daftar_url(request))
    notifikasi = notifikasi_tandai_dibaca(
        pengguna=request.user, instansi_id=h.instansi.pk, notifikasi_id=int(nilai)
    )
    # Links are written by ramping's services (relative paths); never leave the site.
    tujuan = notifikasi.tautan
    if tujuan and url_has_allowed_host_and_scheme(
        tujuan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(tujuan)
    return redirect(_daftar_url(request))


@require_POST
@halaman_instansi
def atur_surel(request):
    terima = request.POST.get("terima_surel") == "on"
    pengguna_atur_surel(pengguna=request.user, terima=terima)
    if terima:
        messages.success(request, _("Notifikasi juga akan dikirim lewat surel."))
    else:
        messages.success(request, _("Notifikasi hanya ditampilkan di aplikasi."))
    return redirect(_daftar_url(request))
