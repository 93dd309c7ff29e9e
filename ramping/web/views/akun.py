"""Login (with the lockout message and the optional second step), logout, password change and
two-factor setup."""

import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from ramping.akun import dua_faktor
from ramping.akun.models import Pengguna
from ramping.akun.services import sandi_ubah_sendiri
from ramping.akun.sso import sso_aktif
from ramping.web.galat import layanan

# The password step's result waits this long for the code.
KUNCI_SESI_MASUK = "masuk_menunggu_kode"
DETIK_MENUNGGU_KODE = 300


class FormMasuk(AuthenticationForm):
    # Django's Indonesian catalogue repeats the field name in this message; say it plainly.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Nama pengguna atau kata sandi salah. Perhatikan huruf besar dan kecil."
        ),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Nama pengguna")
        self.fields["password"].label = _("Kata sandi")


def pesan_terkunci() -> str:
    return gettext(
        "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(menit)d menit atau "
        "hubungi admin."
    ) % {"menit": settings.RAMPING_LOGIN_KUNCI_MENIT}


def terkunci(request, response=None, credentials=None):
    """axes' lockout response (`AXES_LOCKOUT_CALLABLE`): the login form again, with the message.

    Every attempt during the lockout starts the cool-off again, so the full time is right."""
    form = FormMasuk(request, data={"username": (credentials or {}).get("username", "")})
    form.errors.clear()
    form.add_error(None, pesan_terkunci())
    return render(
        request,
        "web/akun/masuk.html",
        {"form": form, "next": request.POST.get("next", "")},
        status=429,
    )


class Masuk(auth_views.LoginView):
    template_name = "web/akun/masuk.html"
    authentication_form = FormMasuk
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # SSO: the "Masuk dengan SSO" button only when a provider is configured.
        return super().get_context_data(**kwargs, sso_aktif=sso_aktif())

    def form_valid(self, form):
        user = form.get_user()
        if dua_faktor.perangkat_aktif(user) is None:
            return super().form_valid(form)
        # Password right, second factor pending: nobody is logged in until the code is right.
        self.request.session[KUNCI_SESI_MASUK] = {
            "pk": user.pk,
            "backend": user.backend,
            "waktu": time.time(),
            "lanjut": self.get_success_url(),
        }
        return redirect("web:masuk_kode")


class FormKode(forms.Form):
    kode = forms.CharField(
        label=_("Kode dari aplikasi autentikator"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


@require_http_methods(["GET", "POST"])
def masuk_kode(request):
    menunggu = request.session.get(KUNCI_SESI_MASUK)
    if not menunggu or time.time() - menunggu["waktu"] > DETIK_MENUNGGU_KODE:
        request.session.pop(KUNCI_SESI_MASUK, None)
        messages.error(request, gettext("Waktu memasukkan kode habis. Masuk lagi."))
        return redirect("web:masuk")
    pengguna = Pengguna.objects.filter(pk=menunggu["pk"], is_active=True).first()
    perangkat = dua_faktor.perangkat_aktif(pengguna) if pengguna else None
    if perangkat is None:
        request.session.pop(KUNCI_SESI_MASUK, None)
        return redirect("web:masuk")
    form = FormKode(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with layanan(form=form) as hasil:
            dua_faktor.periksa_kode(perangkat, form.cleaned_data["kode"])
        if hasil.berhasil:
            request.session.pop(KUNCI_SESI_MASUK, None)
            login(request, pengguna, backend=menunggu["backend"])
            return redirect(menunggu["lanjut"])
    return render(request, "web/akun/masuk_kode.html", {"form": form})


class Keluar(auth_views.LogoutView):
    next_page = reverse_lazy("web:masuk")


class UbahSandi(auth_views.PasswordChangeView):
    template_name = "web/akun/sandi.html"
    success_url = reverse_lazy("web:sandi_selesai")

    def form_valid(self, form):
        # Through the service: the new password is audited in every agency of the account and
        # ends a temporary password's detour.
        sandi_ubah_sendiri(pengguna=form.user, sandi_baru=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)
        return redirect(self.get_success_url())


class UbahSandiSelesai(auth_views.PasswordChangeDoneView):
    template_name = "web/akun/sandi_selesai.html"


class FormDuaFaktor(forms.Form):
    kode = forms.CharField(label=_("Kode 6 angka dari aplikasi"), max_length=12)


@login_required
@require_http_methods(["GET", "POST"])
def dua_faktor_halaman(request):
    """Turn two-factor login on (scan, confirm a code) or off (confirm a code)."""
    aktif = dua_faktor.perangkat_aktif(request.user)
    form = FormDuaFaktor(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kode = form.cleaned_data["kode"]
        with layanan(form=form) as hasil:
            if aktif is None:
                dua_faktor.dua_faktor_aktifkan(pengguna=request.user, kode=kode)
            else:
                dua_faktor.dua_faktor_matikan(pengguna=request.user, kode=kode)
        if hasil.berhasil:
            if aktif is None:
                messages.success(request, gettext("Verifikasi dua langkah aktif."))
            else:
                messages.success(request, gettext("Verifikasi dua langkah dimatikan."))
            return redirect("web:dua_faktor")
    konteks = {
        "aktif": aktif,
        "form": form,
        "wajib": dua_faktor.wajib_dua_faktor(request.user),
    }
    if aktif is None:
        perangkat = dua_faktor.dua_faktor_siapkan(pengguna=request.user)
        konteks["qr"] = dua_faktor.kode_qr_svg(perangkat)
        konteks["kunci"] = dua_faktor.kunci_teks(perangkat)
    return render(request, "web/akun/dua_faktor.html", konteks)
