"""PostgreSQL's client programs (pg_dump, pg_restore), found like scripts/with_postgres.py does.

PATH first (Debian's /usr/bin/pg_dump is postgresql-common's wrapper, which picks the newest
installed version: its directory is used as is, not resolved through the symlink), then the
newest /usr/lib/postgresql/*/bin, where Debian installs them without putting them on PATH.
"""

import glob
import os
import shutil

from django.core.management.base import CommandError


def _versi(folder: str) -> tuple[int, ...]:
    nomor = folder.rstrip("/").split("/")[-2]  # /usr/lib/postgresql/15/bin → "15"
    return tuple(int(b) for b in nomor.split(".") if b.isdigit())


def _di_path(nama: str) -> str | None:
    # Literal names, so tests/test_program.py can see which programs the code runs.
    return {"pg_dump": shutil.which("pg_dump"), "pg_restore": shutil.which("pg_restore")}[nama]


def folder_program(nama: str) -> str:
    """The directory holding PostgreSQL's program `nama` (pg_dump or pg_restore); CommandError
    when it is missing."""
    ditemukan = _di_path(nama)
    if ditemukan:
        return os.path.dirname(ditemukan)
    calon = [
        os.path.dirname(p) for p in glob.glob(f"/usr/lib/postgresql/*/bin/{glob.escape(nama)}")
    ]
    if calon:
        return max(calon, key=_versi)
    raise CommandError(
        f"Program {nama} tidak ditemukan (dicari di PATH dan /usr/lib/postgresql/*/bin). "
        "Pasang klien PostgreSQL dengan versi yang sama atau lebih baru dari servernya, "
        "mis. `apt-get install postgresql-client`."
    )
