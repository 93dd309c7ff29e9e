"""The private storage folder for job results (`RAMPING_PENYIMPANAN`).

Result files hold names and NIPs, so the folder is 0700 and every file 0600, owned by the user
the web server and the worker run as. A file is written under a temporary name and renamed into
place only when complete: a reader (or a crash) never sees half a ZIP.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from django.conf import settings

SUBFOLDER = "pekerjaan"
AKHIRAN_SEMENTARA = ".sementara"


def _folder_pribadi(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is masked by the umask and ignored for an existing folder: enforce it.
    if path.stat().st_mode & 0o777 != 0o700:
        path.chmod(0o700)
    return path


def direktori() -> Path:
    """The folder of job results, created private on first use."""
    akar = _folder_pribadi(Path(settings.RAMPING_PENYIMPANAN))
    return _folder_pribadi(akar / SUBFOLDER)


def path_berkas(relatif: str) -> Path:
    """The absolute path of a stored result; refuses anything outside the folder."""
    dasar = direktori().resolve()
    path = (dasar / relatif).resolve()
    if not relatif or path.parent != dasar:
        raise ValueError(f"berkas di luar penyimpanan: {relatif!r}")
    return path


@contextmanager
def tulis_atomik(nama: str) -> Iterator[BinaryIO]:
    """Open `<folder>/<nama>.sementara` (0600) for writing; on success rename it to `nama`,
    on any error remove it. Yields the open binary file."""
    tujuan = path_berkas(nama)
    sementara = tujuan.with_name(tujuan.name + AKHIRAN_SEMENTARA)
    fd = os.open(sementara, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "wb") as berkas:
            yield berkas
            berkas.flush()
            os.fsync(berkas.fileno())
        os.replace(sementara, tujuan)
    except BaseException:
        sementara.unlink(missing_ok=True)
        raise
