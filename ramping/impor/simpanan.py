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


def simpan(data: bytes) -> str:
    batas = time.time() - UMUR_MAKS
    for lama in _folder().glob("*.xlsx"):
        if lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
    token = secrets.token_urlsafe(16)
    # Created 0600 (names and NIPs), never readable by another account even for a moment.
    fd = os.open(_folder() / f"{token}.xlsx", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as berkas:
        berkas.write(data)
    return token


def baca(token: str) -> bytes | None:
    if not _sah(token):
        return None
    berkas = _folder() / f"{token}.xlsx"
    return berkas.read_bytes() if berkas.exists() else None


def hapus(token: str) -> None:
    if _sah(token):
        (_folder() / f"{token}.xlsx").unlink(missing_ok=True)


def ada(token: str) -> bool:
    return _sah(token) and (_folder() / f"{token}.xlsx").is_file()
