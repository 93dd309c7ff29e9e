"""Bearer-token authentication: the token decides the user and the one agency it serves."""

from ninja.security import HttpBearer

from ramping.akun.token import token_periksa


class TokenBearer(HttpBearer):
    def authenticate(self, request, token: str):
        return token_periksa(token)
