"""Language choice: Bahasa Indonesia unless the user picked another language.

Django's LocaleMiddleware would follow the browser's Accept-Language, but officials' browsers
are often set to English while the product's working language is Indonesian. The language
switch stores the choice in Django's language cookie, which this middleware honours.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class BahasaMiddleware(LocaleMiddleware):
    def process_request(self, request):
        bahasa = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if bahasa not in dict(settings.LANGUAGES):
            bahasa = settings.LANGUAGE_CODE
        translation.activate(bahasa)
        request.LANGUAGE_CODE = translation.get_language()
