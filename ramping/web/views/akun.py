"""Login, logout and password change: Django's auth views with ramping's templates."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from ramping.akun.sso import sso_aktif


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


class Masuk(auth_views.LoginView):
    template_name = "web/akun/masuk.html"
    authentication_form = FormMasuk
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        # SSO: the "Masuk dengan SSO" button only when a provider is configured.
        return super().get_context_data(**kwargs, sso_aktif=sso_aktif())


class Keluar(auth_views.LogoutView):
    next_page = reverse_lazy("web:masuk")


class UbahSandi(auth_views.PasswordChangeView):
    template_name = "web/akun/sandi.html"
    success_url = reverse_lazy("web:sandi_selesai")


class UbahSandiSelesai(auth_views.PasswordChangeDoneView):
    template_name = "web/akun/sandi_selesai.html"
