"""The two SSO pages (mozilla-django-oidc's views, named in settings): start and callback.

Both answer 404 while SSO is not configured. A failed login never ends in an error page: the
person is sent back to the login page with the reason in Indonesian (left by the backend,
`ramping.akun.sso`, or decided here for what happens before it runs).
"""

from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from ramping.akun.sso import ATRIBUT_GALAT, sso_aktif


class _HanyaBilaAktif:
    def __init__(self, *args, **kwargs):
        # The library's views read the provider settings when built; unset while SSO is off.
        if sso_aktif():
            super().__init__(*args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        if not sso_aktif():
            raise Http404()
        return super().dispatch(request, *args, **kwargs)


class MulaiSSO(_HanyaBilaAktif, OIDCAuthenticationRequestView):
    """Redirects to the provider's login page (state and nonce kept in the session)."""


class KembaliSSO(_HanyaBilaAktif, OIDCAuthenticationCallbackView):
    """The provider sends the person back here: log in, or explain on the login page why not."""

    def get(self, request):
        try:
            return super().get(request)
        except SuspiciousOperation:
            # The state is not one this session started: an old tab, a reused link, or a
            # callback forged from elsewhere.
            return self.login_failure()

    def login_failure(self):
        pesan = getattr(self.request, ATRIBUT_GALAT, None)
        if pesan is None:
            if self.request.GET.get("error"):
                pesan = _("Masuk dengan SSO dibatalkan atau ditolak oleh layanan SSO.")
            elif "code" in self.request.GET:
                pesan = _(
                    "Sesi masuk SSO tidak cocok atau sudah kedaluwarsa. Silakan klik "
                    "“Masuk dengan SSO” lagi."
                )
            else:
                pesan = _("Masuk dengan SSO gagal. Silakan coba lagi.")
        messages.error(self.request, pesan)
        return redirect("web:masuk")
