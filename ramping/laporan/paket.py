"""An OPD's documents as one ZIP: what goes in it and how it is written.

The request-independent half of the ZIP package. The web page runs it as a background job
(`ramping.laporan.latar`, executed by `ramping worker` with progress in `Pekerjaan`); the CLI
`ramping ekspor zip` runs it in the foreground. Both read every document's data first (a fixed
number of queries), then render document after document.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import BinaryIO

from ramping.akun.akses import Akses
from ramping.laporan.exporters import (
    BeritaAcara,
    EvaluasiJabatan,
    InformasiJabatan,
    Kebutuhan5Tahun,
    PetaJabatan,
    RekapAbk,
)
from ramping.laporan.format import slug
from ramping.laporan.renderers import render
from ramping.organisasi.models import Struktur, UnitKerja

Kerja = list[tuple[str, Callable[[], bytes]]]


def pekerjaan_paket(
    *, akses: Akses, struktur: Struktur, opd: UnitKerja, tanggal: date | None = None
) -> Kerja:
    """Read every document's data now; return (path in ZIP, render function) pairs.

    The render functions use only what was loaded here, never the database.
    """
    kw = {"akses": akses, "struktur": struktur, "opd": opd, "tanggal": tanggal}
    folder = slug(opd.kode)
    kerja: Kerja = []

    def tambah(nama: str, exporter, format: str) -> None:
        kerja.append((f"{folder}/{nama}", lambda: exporter.ekspor(format)))

    for kelas, format in (
        (PetaJabatan, "xlsx"), (PetaJabatan, "pdf"), (RekapAbk, "xlsx"),
        (Kebutuhan5Tahun, "xlsx"), (BeritaAcara, "pdf"), (BeritaAcara, "docx"),
        (EvaluasiJabatan, "pdf"), (InformasiJabatan, "pdf"),
    ):  # fmt: skip
        e = kelas(**kw)
        e.muat()
        tambah(e.nama_berkas(format), e, format)
    anjab = e  # the last one read: the ANJAB of every position
    # One editable DOCX per position: what an analyst sends back and forth with the OPD.
    for nama, dok in anjab.bagian():
        kerja.append((f"{folder}/anjab/{nama}.docx", lambda dok=dok: render(dok, "docx")))
    return kerja


def tulis_zip(tujuan: Path | BinaryIO, kerja: Kerja, kemajuan: Callable[[int, str], None]) -> None:
    """Render each document into the ZIP, reporting (documents done, next name) as it goes.

    A path is written under `.part` and renamed when complete; an open file (the job's private
    temporary file) is written as is, its owner renames it."""
    if isinstance(tujuan, Path):
        sementara = tujuan.with_suffix(".part")
        try:
            with sementara.open("wb") as berkas:
                tulis_zip(berkas, kerja, kemajuan)
        except BaseException:
            sementara.unlink(missing_ok=True)
            raise
        os.replace(sementara, tujuan)
        return
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, (nama, buat) in enumerate(kerja):
            kemajuan(n, nama)
            zf.writestr(nama, buat())
    kemajuan(len(kerja), "")
