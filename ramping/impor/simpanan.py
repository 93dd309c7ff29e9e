"""Uploaded files waiting for confirmation, kept in the private storage folder.

The preview step stores the bytes under a random token; confirming reads them back and
applies the import (which re-checks everything), in the request or, for a large file, in the
worker (`ramping.impor.latar`). That is why they live in `RAMPING_PENYIMPANAN/impor` (0700,
files 0600) rather than the web server's temporary folder: the worker is another process, and
systemd may give each service its own /tmp. Files older than a day are removed.
"""

import os
import secrets
import time
from pathlib import Path

from django.conf import settings

from ramping.pekerjaan.penyimpanan import _folder_pribadi

UMUR_MAKS = 24 * 3600


def _folder() -> Path:
    akar = _folder_pribadi(Path(settings.RAMPING_PENYIMPANAN))
    return _folder_pribadi(akar / "impor")


def _sah(token: str) -> bool:
    return bool(token) and token.replace("-", "").replace("_", "").isalnum()


class BukanPemilik(PermissionError):
    """A preview token presented by another user than the one who uploaded the file."""

    pesan = "Pratinjau ini milik pengguna lain; unggah berkas Anda sendiri."


def _tulis(jalur: Path, isi: bytes) -> None:
    # Created 0600 (names and NIPs), never readable by another account even for a moment.
    fd = os.open(jalur, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as berkas:
        berkas.write(isi)


def simpan(data: bytes, pemilik: int | None = None) -> str:
    """Store an upload; `pemilik` (the user's id) is the only one who may apply it."""
    batas = time.time() - UMUR_MAKS
    for lama in [*_folder().glob("*.xlsx"), *_folder().glob("*.pemilik")]:
        if lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
    token = secrets.token_urlsafe(16)
    _tulis(_folder() / f"{token}.pemilik", str(pemilik or "").encode())
    _tulis(_folder() / f"{token}.xlsx", data)
    return token


def baca(token: str, pemilik: int | None = None) -> bytes | None:
    """The stored bytes, None when expired; BukanPemilik when another user uploaded them."""
    if not _sah(token):
        return None
    berkas = _folder() / f"{token}.xlsx"
    if not berkas.exists():
        return None
    tanda = _folder() / f"{token}.pemilik"
    milik = tanda.read_text().strip() if tanda.exists() else ""
    if milik != str(pemilik or ""):
        raise BukanPemilik(BukanPemilik.pesan)
    return berkas.read_bytes()


def hapus(token: str) -> None:
    if _sah(token):
        (_folder() / f"{token}.xlsx").unlink(missing_ok=True)
        (_folder() / f"{token}.pemilik").unlink(missing_ok=True)


def ada(token: str) -> bool:
    return _sah(token) and (_folder() / f"{token}.xlsx").is_file()
