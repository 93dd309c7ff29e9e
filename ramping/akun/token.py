"""Creating, checking and revoking API tokens."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from ramping.akun.akses import Akses, akses_pengguna
from ramping.akun.models import Keanggotaan, Pengguna, TokenApi
from ramping.audit.services import audit_catat
from ramping.errors import RampingError
from ramping.inti.lingkup import lingkup_instansi, semua_instansi
from ramping.organisasi.models import Instansi

AWALAN = "rmp_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_buat(*, pengguna: Pengguna, instansi: Instansi, nama: str) -> tuple[TokenApi, str]:
    """A new token for a member of the agency; returns the row and the token (shown once)."""
    if not Keanggotaan.objects.filter(pengguna=pengguna, instansi=instansi).exists():
        raise RampingError("Pengguna bukan anggota instansi ini.", field="pengguna")
    token = AWALAN + secrets.token_urlsafe(32)
    baris = TokenApi.objects.create(
        instansi=instansi, pengguna=pengguna, nama=nama, awalan=token[:8], digest=_digest(token)
    )
    audit_catat(
        instansi_id=instansi.pk,
        pengguna=pengguna,
        aksi="token_buat",
        objek=baris,
        ringkasan=f"Token API {nama} dibuat untuk {pengguna.username}",
    )
    return baris, token


def token_periksa(token: str) -> Akses | None:
    """The Akses a valid, unrevoked token grants, or None (membership is checked every time,
    so removing a user's role also disables their tokens)."""
    # Across agencies on purpose: the token itself decides which agency the request serves.
    with semua_instansi():
        baris = (
            TokenApi.objects.filter(digest=_digest(token), dicabut__isnull=True)
            .select_related("pengguna")
            .first()
        )
    if baris is None or not baris.pengguna.is_active:
        return None
    with lingkup_instansi(baris.instansi_id):
        try:
            akses = akses_pengguna(baris.pengguna, baris.instansi_id)
        except RampingError:
            return None
        sekarang = timezone.now()
        # Write the last-use time at most once a minute, not on every request.
        terakhir = baris.terakhir_dipakai
        if terakhir is None or (sekarang - terakhir).total_seconds() > 60:
            TokenApi.objects.filter(pk=baris.pk).update(terakhir_dipakai=sekarang)
    return akses


@transaction.atomic
def token_cabut(*, akses: Akses, token: TokenApi) -> None:
    akses.pastikan_instansi(token)
    if token.pengguna_id != getattr(akses.pengguna, "pk", None) and akses.peran != "admin_instansi":
        raise RampingError("Hanya pemilik token atau admin instansi yang dapat mencabutnya.")
    TokenApi.objects.filter(pk=token.pk).update(dicabut=timezone.now())
    audit_catat(
        instansi_id=token.instansi_id,
        pengguna=akses.pengguna,
        aksi="token_cabut",
        objek=token,
        ringkasan=f"Token API {token.nama} dicabut",
    )
