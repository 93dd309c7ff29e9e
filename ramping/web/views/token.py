"""API tokens of the agency (`/i/<kode>/token/`): every member lists, creates and revokes their
own; an agency admin sees and revokes every token of the agency. The token itself is shown
once, on the answer to its creation."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from ramping.akun.models import Peran, TokenApi
from ramping.akun.token import HARI_MAKS, token_buat, token_cabut, token_daftar
from ramping.errors import TidakDitemukan
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import GalatBernama


class FormToken(GalatBernama, forms.Form):
    nama = forms.CharField(label=_("Nama token (untuk apa)"), max_length=100)
    berlaku_hari = forms.IntegerField(label=_("Berlaku (hari)"), min_value=1, max_value=HARI_MAKS)


@require_http_methods(["GET", "POST"])
@halaman_instansi
def daftar(request):
    h = request.halaman
    admin = h.akses.peran == Peran.ADMIN_INSTANSI
    form = FormToken(request.POST or None, initial={"berlaku_hari": settings.RAMPING_TOKEN_HARI})
    token_baru = None
    if request.method == "POST" and form.is_valid():
        with layanan(form=form) as hasil:
            _baris, token_baru = token_buat(
                pengguna=request.user, instansi=h.instansi, **form.cleaned_data
            )
        if hasil.berhasil:
            form = FormToken(initial={"berlaku_hari": settings.RAMPING_TOKEN_HARI})
    sekarang = timezone.now()
    daftar_ = token_daftar(akses=h.akses, semua=admin)
    return render(
        request,
        "web/token.html",
        {
            "aktif": "token",
            "form": form,
            "token_baru": token_baru,
            "semua": admin,
            "daftar": [(t, t.status(sekarang)) for t in daftar_],
        },
    )


@require_POST
@halaman_instansi
def cabut(request, token_id: int):
    h = request.halaman
    token = TokenApi.objects.filter(instansi_id=h.akses.instansi_id, pk=token_id).first()
    if token is None:
        raise TidakDitemukan("Token tidak ditemukan.")
    with layanan(request) as hasil:
        token_cabut(akses=h.akses, token=token)
    if hasil.berhasil:
        messages.success(request, gettext("Token %(n)s dicabut.") % {"n": token.nama})
    return redirect(reverse("web:token_daftar", args=[h.instansi.kode]))
