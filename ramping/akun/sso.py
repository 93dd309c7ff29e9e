"""Single sign-on with OpenID Connect: who the provider says the person is, and their roles.

mozilla-django-oidc runs the authorization-code flow (state, nonce, token exchange, ID-token
signature); this module decides what the verified claims mean for ramping:

1. **Who.** The account already linked to the provider's `sub`; else the account with the NIP
   claim (the civil servant number, which never changes hands); else the account with the
   e-mail claim, when the provider does not say the address is unverified. A username is never
   matched: the provider's "admin" is not ramping's local `admin`. An account found by NIP or
   e-mail is linked to the `sub` from then on; one already linked to another `sub` is refused.
   Nobody found: a new account without a usable password (it can only log in through SSO).
2. **Roles.** The groups claim is the source of truth for an SSO person's memberships. Each
   group `<awalan>:<instansi_kode>:<peran>[:<opd_kode>]` (awalan `ramping` by default) gives a
   role in an agency; other groups, unknown agencies, unknown roles and unknown OPDs are ignored.
   At every login the person's memberships become exactly those roles (created, changed or
   removed in each agency's scope, each change audited). No role at all: the login is refused
   and nothing is written.

Failures never raise out of the flow: the backend leaves an Indonesian message on the request
and returns None; `ramping.web.views.sso.KembaliSSO` shows it on the login page.
"""

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.services import audit_catat
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi, UnitKerja

logger = logging.getLogger(__name__)

# Where the backend leaves the reason of a refused login for the callback view.
ATRIBUT_GALAT = "ramping_sso_galat"

# One membership per agency: when several groups name the same agency, the broadest role wins.
_URUTAN_PERAN = [Peran.ADMIN_INSTANSI, Peran.ANALIS, Peran.OPERATOR, Peran.PIMPINAN]
_USERNAME_SAH = re.compile(r"^[\w.@+-]{1,150}$")


def sso_aktif() -> bool:
    """SSO is configured (settings refuse a half-configured one, so the issuer decides)."""
    return bool(getattr(settings, "RAMPING_OIDC_PENERBIT", ""))


class SSODitolak(Exception):
    """A login the provider vouched for but ramping refuses; `pesan` is shown to the person."""

    def __init__(self, pesan: str):
        self.pesan = pesan
        super().__init__(pesan)


def pesan_tanpa_peran() -> str:
    return _("Akun SSO Anda belum memiliki peran di ramping; hubungi admin instansi.")


@dataclass(frozen=True)
class PeranSSO:
    instansi: Instansi
    peran: str
    opd_kode: str = ""


def _daftar_grup(nilai: Any) -> list[str]:
    if isinstance(nilai, str):
        return [nilai]
    if isinstance(nilai, Iterable) and not isinstance(nilai, (bytes, dict)):
        return sorted(g for g in nilai if isinstance(g, str))
    return []


def peran_dari_grup(grup: Any) -> dict[int, PeranSSO]:
    """The roles the groups claim gives, by agency id (agencies and OPDs that exist only)."""
    awalan = settings.RAMPING_OIDC_AWALAN_GRUP
    calon: dict[str, tuple[str, str]] = {}
    for teks in _daftar_grup(grup):
        # Keycloak's group mapper may send the full path ("/ramping:kota:analis").
        bagian = teks.strip().lstrip("/").split(":")
        if bagian[0] != awalan:
            continue
        if len(bagian) not in (3, 4) or bagian[2] not in Peran.values:
            logger.warning(
                "SSO: grup %r diabaikan (bentuknya %s:instansi:peran[:opd])", teks, awalan
            )
            continue
        kode, peran, opd = bagian[1], bagian[2], (bagian[3] if len(bagian) == 4 else "")
        if (peran == Peran.OPERATOR) != bool(opd):
            logger.warning(
                "SSO: grup %r diabaikan (hanya operator dan selalu operator menyebut kode OPD)",
                teks,
            )
            continue
        lama = calon.get(kode)
        if lama is None or _URUTAN_PERAN.index(peran) < _URUTAN_PERAN.index(lama[0]):
            calon[kode] = (peran, opd)
    hasil: dict[int, PeranSSO] = {}
    ada = {i.kode: i for i in Instansi.objects.filter(kode__in=calon)}
    for kode, (peran, opd) in calon.items():
        instansi = ada.get(kode)
        if instansi is None:
            logger.warning("SSO: instansi %r dari klaim grup tidak ada; diabaikan", kode)
            continue
        if opd:
            with lingkup_instansi(instansi.pk):
                opd_ada = UnitKerja.objects.filter(kode=opd, induk__isnull=True).exists()
            if not opd_ada:
                logger.warning("SSO: OPD %r di instansi %r tidak ada; diabaikan", opd, kode)
                continue
        hasil[instansi.pk] = PeranSSO(instansi=instansi, peran=peran, opd_kode=opd)
    return hasil


def keanggotaan_selaraskan_sso(*, pengguna: Pengguna, peran: dict[int, PeranSSO]) -> None:
    """Make the person's memberships exactly `peran`, one agency scope at a time, audited.

    The change is made by the login itself, so the audit entry names the person as its author
    and says "(SSO)" in the summary."""
    instansi = {i.pk: i for i in Instansi.objects.filter(keanggotaan_set__pengguna=pengguna)}
    instansi |= {pk: p.instansi for pk, p in peran.items()}
    for instansi_id in sorted(instansi):
        baru = peran.get(instansi_id)
        with lingkup_instansi(instansi_id):
            lama = Keanggotaan.objects.filter(pengguna=pengguna).first()
            if baru is None:
                assert lama is not None
                lama.delete()
                audit_catat(
                    instansi_id=instansi_id,
                    pengguna=pengguna,
                    aksi="keanggotaan_hapus",
                    objek=None,
                    ringkasan=f"Peran {lama.get_peran_display()} {pengguna.username} dicabut (SSO)",
                    perubahan={
                        "pengguna": pengguna.pk,
                        "peran": lama.peran,
                        "opd_kode": lama.opd_kode,
                    },
                )
            elif lama is None:
                anggota = Keanggotaan.objects.create(
                    instansi_id=instansi_id,
                    pengguna=pengguna,
                    peran=baru.peran,
                    opd_kode=baru.opd_kode,
                )
                audit_catat(
                    instansi_id=instansi_id,
                    pengguna=pengguna,
                    aksi="keanggotaan_atur",
                    objek=anggota,
                    ringkasan=f"{pengguna.username} menjadi {anggota.get_peran_display()} (SSO)",
                    perubahan={"peran": baru.peran, "opd_kode": baru.opd_kode, "baru": True},
                )
            elif (lama.peran, lama.opd_kode) != (baru.peran, baru.opd_kode):
                sebelum = (lama.peran, lama.opd_kode)
                lama.peran, lama.opd_kode = baru.peran, baru.opd_kode
                lama.save(update_fields=["peran", "opd_kode"])
                audit_catat(
                    instansi_id=instansi_id,
                    pengguna=pengguna,
                    aksi="keanggotaan_atur",
                    objek=lama,
                    ringkasan=f"{pengguna.username} menjadi {lama.get_peran_display()} (SSO)",
                    perubahan={
                        "peran": (sebelum[0], baru.peran),
                        "opd_kode": (sebelum[1], baru.opd_kode),
                    },
                )


def _teks(klaim: dict[str, Any], nama: str) -> str:
    nilai = klaim.get(nama)
    return nilai.strip() if isinstance(nilai, str) else ""


class BackendSSO(OIDCAuthenticationBackend):
    """mozilla-django-oidc's backend with ramping's matching, role mapping and messages.

    Listed in AUTHENTICATION_BACKENDS always: while SSO is off it answers nothing (so settings
    and tests switch SSO on and off without touching the backend list)."""

    def __init__(self, *args, **kwargs):
        if sso_aktif():
            super().__init__(*args, **kwargs)
        else:
            self.UserModel = Pengguna

    def authenticate(self, request, **kwargs):
        if not sso_aktif() or request is None:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SSODitolak as exc:
            pesan = exc.pesan
        except requests.RequestException as exc:
            logger.warning("SSO: penyedia tidak dapat dihubungi atau menolak: %s", exc)
            pesan = _(
                "Layanan SSO sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi, atau "
                "masuk dengan nama pengguna dan kata sandi bila Anda memilikinya."
            )
        except SuspiciousOperation as exc:
            # A bad signature, nonce, issuer or audience: the response is not to be trusted.
            logger.warning("SSO: tanggapan penyedia ditolak: %s", exc)
            pesan = _("Tanggapan layanan SSO tidak sah. Silakan coba masuk lagi.")
        setattr(request, ATRIBUT_GALAT, pesan)
        return None

    def get_user(self, user_id):
        # ModelBackend's, which also refuses a deactivated account on every request.
        return ModelBackend.get_user(self, user_id)

    def verify_token(self, token, **kwargs):
        """The library checks the signature and nonce; the issuer and audience are checked
        here, so a token the same provider minted for another application is refused."""
        payload = super().verify_token(token, **kwargs)
        penerbit = str(payload.get("iss", "")).rstrip("/")
        if penerbit != settings.RAMPING_OIDC_PENERBIT:
            raise SuspiciousOperation(f"penerbit token {penerbit!r} tidak cocok")
        audiens = payload.get("aud")
        audiens = [audiens] if isinstance(audiens, str) else list(audiens or [])
        if self.OIDC_RP_CLIENT_ID not in audiens:
            raise SuspiciousOperation(f"token bukan untuk klien ini (aud {audiens!r})")
        return payload

    def verify_claims(self, claims):
        # Only `sub` is required: a person may come with a NIP and no e-mail.
        return bool(_teks(claims, "sub"))

    def get_or_create_user(self, access_token, id_token, payload):
        klaim = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(klaim):
            raise SSODitolak(_("Tanggapan layanan SSO tidak berisi identitas akun."))
        peran = peran_dari_grup(klaim.get(settings.RAMPING_OIDC_KLAIM_GRUP))
        if not peran:
            logger.info("SSO: %s ditolak, tidak ada peran yang dikenal", klaim.get("sub"))
            raise SSODitolak(pesan_tanpa_peran())
        with transaction.atomic():
            pengguna = self._cari(klaim)
            if pengguna is None:
                pengguna = self.create_user(klaim)
            elif not pengguna.is_active:
                raise SSODitolak(_("Akun ramping Anda dinonaktifkan; hubungi admin instansi."))
            else:
                pengguna = self.update_user(pengguna, klaim)
            keanggotaan_selaraskan_sso(pengguna=pengguna, peran=peran)
        return pengguna

    def _cari(self, klaim: dict[str, Any]) -> Pengguna | None:
        sub = _teks(klaim, "sub")
        pengguna = Pengguna.objects.filter(oidc_sub=sub).first()
        if pengguna is not None:
            return pengguna
        nip = _teks(klaim, settings.RAMPING_OIDC_KLAIM_NIP)
        if nip:
            pengguna = Pengguna.objects.filter(nip=nip).first()
        email = _teks(klaim, "email")
        if pengguna is None and email and klaim.get("email_verified") is not False:
            sama = list(Pengguna.objects.filter(email__iexact=email)[:2])
            if len(sama) > 1:
                raise SSODitolak(
                    _(
                        "Lebih dari satu akun ramping memakai surel %(email)s; hubungi admin "
                        "instansi."
                    )
                    % {"email": email}
                )
            pengguna = sama[0] if sama else None
        if pengguna is not None and pengguna.oidc_sub and pengguna.oidc_sub != sub:
            raise SSODitolak(
                _(
                    "Akun ramping yang cocok dengan NIP atau surel Anda sudah tertaut ke akun SSO "
                    "lain; hubungi admin instansi."
                )
            )
        return pengguna

    def _nama_pengguna(self, klaim: dict[str, Any]) -> str:
        """The provider's username or the NIP when free, else one derived from `sub`."""
        for calon in (
            _teks(klaim, "preferred_username"),
            _teks(klaim, settings.RAMPING_OIDC_KLAIM_NIP),
        ):
            if (
                _USERNAME_SAH.match(calon)
                and not Pengguna.objects.filter(username__iexact=calon).exists()
            ):
                return calon
        return "sso-" + hashlib.sha256(_teks(klaim, "sub").encode()).hexdigest()[:12]

    def _isi_profil(self, pengguna: Pengguna, klaim: dict[str, Any]) -> list[str]:
        berubah = []
        isian = {
            "oidc_sub": _teks(klaim, "sub"),
            "email": _teks(klaim, "email"),
            "first_name": _teks(klaim, "given_name")[:150],
            "last_name": _teks(klaim, "family_name")[:150],
        }
        nip = _teks(klaim, settings.RAMPING_OIDC_KLAIM_NIP)
        # A NIP another account holds stays there (an administrator sorts the duplicate out).
        if (
            nip
            and len(nip) <= 18
            and not Pengguna.objects.filter(nip=nip).exclude(pk=pengguna.pk).exists()
        ):
            isian["nip"] = nip
        for nama, nilai in isian.items():
            if nilai and getattr(pengguna, nama) != nilai:
                setattr(pengguna, nama, nilai)
                berubah.append(nama)
        return berubah

    def create_user(self, claims):
        pengguna = Pengguna(username=self._nama_pengguna(claims))
        pengguna.set_unusable_password()
        self._isi_profil(pengguna, claims)
        pengguna.save()
        return pengguna

    def update_user(self, user, claims):
        berubah = self._isi_profil(user, claims)
        if berubah:
            user.save(update_fields=berubah)
        return user
