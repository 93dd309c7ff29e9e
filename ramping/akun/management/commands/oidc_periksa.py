"""`ramping oidc_periksa [URL-PENERBIT]`: read the provider's discovery document.

Prints the RAMPING_OIDC_* lines to copy into the environment (settings never fetch it: start-up
must not depend on the provider). With SSO already configured it also compares, and fails when
a configured endpoint differs from what the provider announces.
"""

import requests
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# Environment variable → (discovery field, setting).
ENDPOINT = {
    "RAMPING_OIDC_AUTHORIZATION_ENDPOINT": (
        "authorization_endpoint",
        "OIDC_OP_AUTHORIZATION_ENDPOINT",
    ),
    "RAMPING_OIDC_TOKEN_ENDPOINT": ("token_endpoint", "OIDC_OP_TOKEN_ENDPOINT"),
    "RAMPING_OIDC_USERINFO_ENDPOINT": ("userinfo_endpoint", "OIDC_OP_USER_ENDPOINT"),
    "RAMPING_OIDC_JWKS_ENDPOINT": ("jwks_uri", "OIDC_OP_JWKS_ENDPOINT"),
}


class Command(BaseCommand):
    help = (
        "Membaca dokumen discovery penyedia SSO (OpenID Connect) dan mencetak baris "
        "RAMPING_OIDC_* untuk lingkungan; bila SSO sudah diatur, memeriksa kecocokannya."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "penerbit",
            nargs="?",
            help="URL penerbit (issuer), mis. https://sso.kota.go.id/realms/spbe; "
            "bawaan: RAMPING_OIDC_PENERBIT",
        )

    def handle(self, *args, penerbit: str | None, **options):
        penerbit = (penerbit or settings.RAMPING_OIDC_PENERBIT).rstrip("/")
        if not penerbit:
            raise CommandError("Sebutkan URL penerbit, atau isi RAMPING_OIDC_PENERBIT.")
        alamat = f"{penerbit}/.well-known/openid-configuration"
        try:
            jawaban = requests.get(alamat, timeout=settings.OIDC_TIMEOUT)
            jawaban.raise_for_status()
            dokumen = jawaban.json()
        except (requests.RequestException, ValueError) as exc:
            raise CommandError(f"Dokumen discovery {alamat} tidak dapat dibaca: {exc}") from exc
        if str(dokumen.get("issuer", "")).rstrip("/") != penerbit:
            raise CommandError(
                f"Penyedia menyebut penerbit {dokumen.get('issuer')!r}, bukan {penerbit!r}: "
                "pakai persis URL itu (periksa nama host di balik proxy)."
            )
        kurang = [medan for medan, _s in ENDPOINT.values() if not dokumen.get(medan)]
        if kurang:
            raise CommandError(f"Dokumen discovery tidak memuat {', '.join(kurang)}.")
        algoritma = dokumen.get("id_token_signing_alg_values_supported") or []
        if algoritma and settings.OIDC_RP_SIGN_ALGO not in algoritma:
            self.stderr.write(
                f"Peringatan: penyedia menandatangani token dengan {', '.join(algoritma)}; "
                f"atur RAMPING_OIDC_ALGORITMA (kini {settings.OIDC_RP_SIGN_ALGO})."
            )

        self.stdout.write(f"RAMPING_OIDC_PENERBIT={penerbit}")
        for env, (medan, _setelan) in ENDPOINT.items():
            self.stdout.write(f"{env}={dokumen[medan]}")

        if settings.RAMPING_OIDC_PENERBIT:
            beda = [
                f"{env}: diatur {getattr(settings, setelan)!r}, penyedia {dokumen[medan]!r}"
                for env, (medan, setelan) in ENDPOINT.items()
                if getattr(settings, setelan) != dokumen[medan].rstrip("/")
            ]
            if penerbit != settings.RAMPING_OIDC_PENERBIT:
                beda.insert(0, f"RAMPING_OIDC_PENERBIT: diatur {settings.RAMPING_OIDC_PENERBIT!r}")
            if beda:
                raise CommandError("Pengaturan SSO berbeda dari penyedia:\n" + "\n".join(beda))
            self.stderr.write("Pengaturan SSO cocok dengan penyedia.")
        else:
            self.stderr.write(
                "Salin baris di atas ke lingkungan ramping, lalu isi RAMPING_OIDC_KLIEN_ID dan "
                "RAMPING_OIDC_KLIEN_RAHASIA."
            )
