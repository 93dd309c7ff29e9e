"""Language choice: Bahasa Indonesia unless the user picked another language.

Django's LocaleMiddleware would follow the browser's Accept-Language, but officials' browsers
are often set to English while the product's working language is Indonesian. The language
switch stores the choice in Django's language cookie, which this middleware honours.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation

from ramping.inti.lingkup import semua_instansi


class BahasaMiddleware(LocaleMiddleware):
    def process_request(self, request):
        bahasa = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if bahasa not in dict(settings.LANGUAGES):
            bahasa = settings.LANGUAGE_CODE
        translation.activate(bahasa)
        request.LANGUAGE_CODE = translation.get_language()


class AdminSemuaInstansiMiddleware:
    """The Django admin browses the whole installation: its requests run in the documented
    all-agencies scope (`ramping.inti.lingkup.semua_instansi`). The admin is read-only for
    domain data and open to staff only; every other request keeps the fail-closed default."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.awalan = None

    def __call__(self, request):
        if self.awalan is None:
            self.awalan = reverse("admin:index")
        if request.path.startswith(self.awalan):
            with semua_instansi():
                return self.get_response(request)
        return self.get_response(request)
