"""Bearer-token authentication: the token decides the user and the one agency it serves."""

from ninja.security import HttpBearer

from ramping.akun.token import token_periksa
from ramping.inti.lingkup import aktifkan_lingkup


class TokenBearer(HttpBearer):
    def authenticate(self, request, token: str):
        akses = token_periksa(token)
        if akses is not None:
            # The operation and its response run in this agency's scope; `api.py` gives every
            # request its own context, so the scope ends with the request.
            aktifkan_lingkup(akses.instansi_id)
        return akses
