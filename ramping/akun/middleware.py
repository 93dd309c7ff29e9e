"""What a logged-in person must do before anything else: change a temporary password, and (when
`RAMPING_2FA_WAJIB_ANALIS` is on) set up two-factor login as an admin or analyst."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Reached without the detour: the forms themselves, logging out, the language switch, static files.
_BEBAS = ("web:sandi", "web:dua_faktor", "web:keluar", "web:bahasa")
KUNCI_SESI_2FA = "dua_faktor_ada"


class AkunWajibMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            arah = self._arah(request, user)
            if arah is not None:
                return arah
        return self.get_response(request)

    def _arah(self, request, user):
        bebas = [reverse(n) for n in _BEBAS]
        if request.path in bebas or request.path.startswith(
            (settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/", "/api/")
        ):
            return None
        if user.wajib_ganti_sandi:
            messages.warning(
                request, _("Kata sandi Anda sementara. Buat kata sandi baru sebelum melanjutkan.")
            )
            return redirect("web:sandi")
        if settings.RAMPING_2FA_WAJIB_ANALIS and not request.session.get(KUNCI_SESI_2FA):
            from ramping.akun.dua_faktor import perangkat_aktif, wajib_dua_faktor

            if wajib_dua_faktor(user) and perangkat_aktif(user) is None:
                messages.warning(
                    request,
                    _("Admin dan analis wajib memakai verifikasi dua langkah. Aktifkan sekarang."),
                )
                return redirect("web:dua_faktor")
            request.session[KUNCI_SESI_2FA] = True
        return None
