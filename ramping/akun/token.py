"""Creating, checking, listing and revoking API tokens."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ramping.akun.akses import Akses, akses_pengguna
from ramping.akun.models import Keanggotaan, Pengguna, Peran, TokenApi
from ramping.aturan import tampil
from ramping.audit.services import audit_catat
from ramping.errors import RampingError, TidakBerhak, TidakDitemukan
from ramping.inti.lingkup import lingkup_instansi, semua_instansi
from ramping.organisasi.models import Instansi

AWALAN = "rmp_"
HARI_MAKS = 3650


class TokenDitolak(RampingError):
    """The token cannot be used; `pesan` says why (the API answers 401 with it)."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def token_buat(
    *, pengguna: Pengguna, instansi: Instansi, nama: str, berlaku_hari: int | None = None
) -> tuple[TokenApi, str]:
    """A new token for a member of the agency; returns the row and the token (shown once).

    It expires after `berlaku_hari` days (default `RAMPING_TOKEN_HARI`)."""
    if not Keanggotaan.objects.filter(pengguna=pengguna, instansi=instansi).exists():
        raise RampingError("Pengguna bukan anggota instansi ini.", field="pengguna")
    hari = settings.RAMPING_TOKEN_HARI if berlaku_hari is None else berlaku_hari
    if not 1 <= hari <= HARI_MAKS:
        raise RampingError(f"Masa berlaku token 1–{HARI_MAKS} hari.", field="berlaku_hari")
    nama = nama.strip()
    if not nama:
        raise RampingError("Nama token wajib diisi.", field="nama")
    token = AWALAN + secrets.token_urlsafe(32)
    baris = TokenApi.objects.create(
        instansi=instansi,
        pengguna=pengguna,
        nama=nama,
        awalan=token[:8],
        digest=_digest(token),
        kedaluwarsa=timezone.now() + timedelta(days=hari),
    )
    audit_catat(
        instansi_id=instansi.pk,
        pengguna=pengguna,
        aksi="token_buat",
        objek=baris,
        ringkasan=f"Token API {nama} dibuat untuk {pengguna.username}, berlaku {hari} hari",
        perubahan={"awalan": baris.awalan, "kedaluwarsa": baris.kedaluwarsa},
    )
    return baris, token


def token_periksa(token: str) -> tuple[Akses, TokenApi]:
    """The Akses a valid token grants, and its row; `TokenDitolak` says why not.

    Membership is checked every time, so removing a user's role also disables their tokens."""
    # Across agencies on purpose: the token itself decides which agency the request serves.
    with semua_instansi():
        baris = TokenApi.objects.filter(digest=_digest(token)).select_related("pengguna").first()
    sekarang = timezone.now()
    if baris is None or not baris.pengguna.is_active:
        raise TokenDitolak("Token API tidak dikenal.")
    if baris.dicabut is not None:
        raise TokenDitolak("Token API sudah dicabut.")
    if baris.kedaluwarsa <= sekarang:
        kapan = tampil.tanggal_waktu(timezone.localtime(baris.kedaluwarsa))
        raise TokenDitolak(f"Token API sudah kedaluwarsa sejak {kapan}. Buat token baru.")
    with lingkup_instansi(baris.instansi_id):
        try:
            akses = akses_pengguna(baris.pengguna, baris.instansi_id)
        except RampingError:
            raise TokenDitolak("Pemilik token bukan lagi anggota instansi ini.") from None
        # Write the last-use time at most once a minute, not on every request.
        terakhir = baris.terakhir_dipakai
        if terakhir is None or (sekarang - terakhir).total_seconds() > 60:
            TokenApi.objects.filter(pk=baris.pk).update(terakhir_dipakai=sekarang)
    return akses, baris


def token_daftar(*, akses: Akses, semua: bool = False) -> list[TokenApi]:
    """The person's own tokens in the agency; with `semua`, every token of the agency (only an
    agency admin may ask)."""
    qs = TokenApi.objects.filter(instansi_id=akses.instansi_id).select_related("pengguna")
    if semua:
        if akses.peran != Peran.ADMIN_INSTANSI:
            raise TidakBerhak("Hanya admin instansi yang dapat melihat token semua pengguna.")
    else:
        qs = qs.filter(pengguna=akses.pengguna)
    return list(qs.order_by("-dibuat", "-pk"))


def token_ambil(*, akses: Akses, awalan: str) -> TokenApi:
    """A token of the agency by its prefix, if the caller may see it."""
    qs = TokenApi.objects.filter(instansi_id=akses.instansi_id, awalan=awalan)
    if akses.peran != Peran.ADMIN_INSTANSI:
        qs = qs.filter(pengguna=akses.pengguna)
    daftar = list(qs[:2])
    if not daftar:
        raise TidakDitemukan("Token tidak ditemukan.")
    if len(daftar) > 1:
        raise RampingError("Awalan itu cocok dengan lebih dari satu token.", field="awalan")
    return daftar[0]


@transaction.atomic
def token_cabut(*, akses: Akses, token: TokenApi) -> None:
    """Revoke a token: its owner, or an admin of its agency (akses.pengguna None: the CLI)."""
    akses.pastikan_instansi(token)
    pemilik = akses.pengguna is not None and token.pengguna_id == akses.pengguna.pk
    if not pemilik and akses.peran != Peran.ADMIN_INSTANSI:
        raise TidakBerhak("Hanya pemilik token atau admin instansi yang dapat mencabutnya.")
    if token.dicabut is not None:
        raise RampingError("Token ini sudah dicabut.")
    token.dicabut = timezone.now()
    TokenApi.objects.filter(pk=token.pk).update(dicabut=token.dicabut)
    audit_catat(
        instansi_id=token.instansi_id,
        pengguna=akses.pengguna,
        aksi="token_cabut",
        objek=token,
        ringkasan=f"Token API {token.nama} ({token.awalan}…) milik "
        f"{token.pengguna.username} dicabut",
    )
