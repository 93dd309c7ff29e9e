"""Optional TOTP two-factor login (django-otp's TOTP device; QR code drawn by segno)."""

import math
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.akun.services import catat_untuk_akun
from ramping.errors import RampingError
from ramping.inti.lingkup import semua_instansi

NAMA_PERANGKAT = "aplikasi autentikator"


def perangkat_aktif(pengguna: Pengguna) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(pengguna, confirmed=True).first()


def wajib_dua_faktor(pengguna: Pengguna) -> bool:
    """`RAMPING_2FA_WAJIB_ANALIS`: admins and analysts of any agency must use a second factor."""
    if not settings.RAMPING_2FA_WAJIB_ANALIS:
        return False
    # Across agencies on purpose: the person's roles wherever they are.
    with semua_instansi():
        return Keanggotaan.objects.filter(
            pengguna=pengguna, peran__in=[Peran.ADMIN_INSTANSI, Peran.ANALIS]
        ).exists()


def dua_faktor_siapkan(*, pengguna: Pengguna) -> TOTPDevice:
    """The unconfirmed device whose key the person scans (the same one until confirmed)."""
    if perangkat_aktif(pengguna) is not None:
        raise RampingError("Verifikasi dua langkah sudah aktif.")
    perangkat = TOTPDevice.objects.devices_for_user(pengguna, confirmed=False).first()
    if perangkat is None:
        perangkat = TOTPDevice.objects.create(user=pengguna, name=NAMA_PERANGKAT, confirmed=False)
    return perangkat


def kode_qr_svg(perangkat: TOTPDevice) -> str:
    return segno.make(perangkat.config_url, error="m").svg_inline(scale=4, border=2)


def kunci_teks(perangkat: TOTPDevice) -> str:
    """The key in base32, in groups of four, for typing into an app without a camera."""
    kunci = b32encode(perangkat.bin_key).decode()
    return " ".join(kunci[i : i + 4] for i in range(0, len(kunci), 4))


def periksa_kode(perangkat: TOTPDevice, kode: str) -> None:
    """Raise an Indonesian RampingError unless `kode` is the device's current code."""
    boleh, info = perangkat.verify_is_allowed()
    if not boleh:
        tunggu = ""
        if info and info.get("locked_until"):
            detik = math.ceil((info["locked_until"] - timezone.now()).total_seconds())
            tunggu = f" Tunggu {max(detik, 1)} detik lalu coba lagi."
        raise RampingError("Terlalu banyak kode yang salah." + tunggu, field="kode")
    kode = "".join(kode.split())
    if not (kode.isdigit() and perangkat.verify_token(kode)):
        raise RampingError(
            "Kode salah atau sudah lewat. Masukkan 6 angka yang sedang tampil di aplikasi "
            "autentikator (pastikan jam ponsel tepat).",
            field="kode",
        )


def dua_faktor_aktifkan(*, pengguna: Pengguna, kode: str) -> TOTPDevice:
    perangkat = dua_faktor_siapkan(pengguna=pengguna)
    # Outside the transaction: a wrong code's throttling must be saved, not rolled back.
    periksa_kode(perangkat, kode)
    with transaction.atomic():
        perangkat.confirmed = True
        perangkat.save(update_fields=["confirmed"])
        _catat(pengguna, "dua_faktor_aktifkan", "mengaktifkan verifikasi dua langkah")
    return perangkat


def dua_faktor_matikan(*, pengguna: Pengguna, kode: str) -> None:
    """Turn two-factor off, proven by a current code (a stolen session alone cannot)."""
    perangkat = perangkat_aktif(pengguna)
    if perangkat is None:
        raise RampingError("Verifikasi dua langkah belum aktif.")
    if wajib_dua_faktor(pengguna):
        raise RampingError("Verifikasi dua langkah wajib untuk peran Anda; tidak dapat dimatikan.")
    periksa_kode(perangkat, kode)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=pengguna).delete()
        _catat(pengguna, "dua_faktor_matikan", "mematikan verifikasi dua langkah")


def _catat(pengguna: Pengguna, aksi: str, apa: str) -> None:
    catat_untuk_akun(
        pengguna=pengguna, pelaku=pengguna, aksi=aksi, ringkasan=f"{pengguna.username} {apa}"
    )
