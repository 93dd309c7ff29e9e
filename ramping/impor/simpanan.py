"""Uploaded files waiting for confirmation, kept in a private temporary folder.

The preview step stores the bytes under a random token; confirming reads them back and
applies the import (which re-checks everything). Files older than a day are removed.
"""

import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings

UMUR_MAKS = 24 * 3600


def _folder() -> Path:
    folder = (
        Path(getattr(settings, "RAMPING_IMPOR_DIR", "") or tempfile.gettempdir()) / "ramping-impor"
    )
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def simpan(data: bytes) -> str:
    batas = time.time() - UMUR_MAKS
    for lama in _folder().glob("*.xlsx"):
        if lama.stat().st_mtime < batas:
            lama.unlink(missing_ok=True)
    token = secrets.token_urlsafe(16)
    (_folder() / f"{token}.xlsx").write_bytes(data)
    return token


def baca(token: str) -> bytes | None:
    if not token.replace("-", "").replace("_", "").isalnum():
        return None
    berkas = _folder() / f"{token}.xlsx"
    return berkas.read_bytes() if berkas.exists() else None


def hapus(token: str) -> None:
    if token.replace("-", "").replace("_", "").isalnum():
        (_folder() / f"{token}.xlsx").unlink(missing_ok=True)
