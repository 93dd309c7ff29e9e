"""Bearer-token authentication and the per-token rate limit of the API."""

import threading

from django.conf import settings
from ninja.security import HttpBearer
from ninja.throttling import SimpleRateThrottle

from ramping.akun.token import token_periksa
from ramping.inti.lingkup import aktifkan_lingkup


class TokenBearer(HttpBearer):
    def authenticate(self, request, token: str):
        # An unknown, revoked or expired token raises TokenDitolak: 401 with its reason
        # (`galat.py`).
        akses, baris = token_periksa(token)
        # The rate limit counts per token, not per person: one script cannot starve another.
        request.token_api_kunci = baris.digest
        # The operation and its response run in this agency's scope; `api.py` gives every
        # request its own context, so the scope ends with the request.
        aktifkan_lingkup(akses.instansi_id)
        return akses


class BatasPerToken(SimpleRateThrottle):
    """django-ninja's cache-based throttle, keyed by the token and reading
    `RAMPING_API_BATAS_PER_MENIT` on every request (0: no limit).

    ninja keeps the request's history on the throttle object between `allow_request` and
    `wait`; one object serves every thread of a threaded server, so that state is per thread."""

    scope = "token"
    _lokal = threading.local()

    def __init__(self):
        super().__init__(rate="1/m")  # replaced per request from the settings

    key = property(lambda s: s._lokal.key, lambda s, v: setattr(s._lokal, "key", v))
    history = property(lambda s: s._lokal.history, lambda s, v: setattr(s._lokal, "history", v))
    now = property(lambda s: s._lokal.now, lambda s, v: setattr(s._lokal, "now", v))

    def get_cache_key(self, request):
        token_id = getattr(request, "token_api_kunci", None)
        if token_id is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token_id}

    def allow_request(self, request) -> bool:
        batas = settings.RAMPING_API_BATAS_PER_MENIT
        if batas <= 0:
            return True
        self.num_requests, self.duration = batas, 60
        return super().allow_request(request)
