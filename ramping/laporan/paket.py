"""Bulk download of an OPD's documents as one ZIP, built in the background with progress.

No job queue (DESIGN.md §6 plans django-tasks later): the request reads everything the
documents need (a fixed number of queries, in the request's own connection and transaction),
then a daemon thread renders the documents into a temporary file keyed by a random token and
rewrites a small JSON status file after each document. The status page polls that file, so it
works with the dev server, with several worker processes on one machine and in tests (the
thread never touches the database). Files older than `UMUR` are removed whenever a new build
starts. A build interrupted by a server restart stays "berjalan" until it expires; the user
simply starts a new one.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.inti.lingkup import lingkup_instansi
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

UMUR = 2 * 60 * 60  # seconds a finished ZIP stays downloadable
POLA_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")
_BENANG: dict[str, threading.Thread] = {}

Pekerjaan = list[tuple[str, Callable[[], bytes]]]


def direktori() -> Path:
    d = Path(getattr(settings, "RAMPING_LAPORAN_DIR", Path(tempfile.gettempdir()) / "ramping-zip"))
    d.mkdir(parents=True, exist_ok=True)
    return d


@dataclass
class Status:
    token: str
    instansi_id: int
    pengguna_id: int | None
    opd: str
    jumlah: int
    selesai: int = 0
    keadaan: str = "berjalan"  # berjalan | selesai | gagal
    sedang: str = ""  # the document being rendered
    nama_berkas: str = ""
    dibuat: float = 0.0

    @property
    def persen(self) -> int:
        return int(100 * self.selesai / self.jumlah) if self.jumlah else 100


def pekerjaan_paket(
    *, akses: Akses, struktur: Struktur, opd: UnitKerja, tanggal: date | None = None
) -> Pekerjaan:
    """Read every document's data now; return (path in ZIP, render function) pairs.

    The render functions use only what was loaded here: they can run in another thread.
    """
    kw = {"akses": akses, "struktur": struktur, "opd": opd, "tanggal": tanggal}
    folder = slug(opd.kode)
    kerja: Pekerjaan = []

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


def tulis_zip(tujuan: Path, kerja: Pekerjaan, kemajuan: Callable[[int, str], None]) -> None:
    """Render each document into the ZIP, reporting (documents done, next name) as it goes."""
    sementara = tujuan.with_suffix(".part")
    with zipfile.ZipFile(sementara, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, (nama, buat) in enumerate(kerja):
            kemajuan(n, nama)
            zf.writestr(nama, buat())
    os.replace(sementara, tujuan)
    kemajuan(len(kerja), "")


def _path(token: str, akhiran: str) -> Path:
    if not POLA_TOKEN.match(token):
        raise TidakDitemukan("Berkas tidak ditemukan.")
    return direktori() / f"{token}{akhiran}"


def _simpan(status: Status) -> None:
    berkas = _path(status.token, ".json")
    sementara = berkas.with_suffix(".json.tmp")
    sementara.write_text(json.dumps(asdict(status)))
    os.replace(sementara, berkas)  # readers never see half a file


def bersihkan(umur: float = UMUR) -> None:
    batas = time.time() - umur
    for berkas in direktori().iterdir():
        try:
            if berkas.stat().st_mtime < batas:
                berkas.unlink()
        except FileNotFoundError:
            pass  # removed by another process meanwhile


def mulai(
    *, akses: Akses, struktur: Struktur, opd: UnitKerja, tanggal: date | None = None
) -> Status:
    """Start building the OPD's ZIP; returns at once with the status to poll."""
    bersihkan()
    kerja = pekerjaan_paket(akses=akses, struktur=struktur, opd=opd, tanggal=tanggal)
    status = Status(
        token=secrets.token_urlsafe(24),
        instansi_id=akses.instansi_id,
        pengguna_id=getattr(akses.pengguna, "pk", None),
        opd=opd.nama,
        jumlah=len(kerja),
        nama_berkas=f"dokumen-{slug(opd.kode)}-{slug(struktur.nama, 40)}.zip",
        dibuat=time.time(),
    )
    _simpan(status)

    def jalan() -> None:
        def kemajuan(n: int, nama: str) -> None:
            status.selesai, status.sedang = n, nama
            _simpan(status)

        try:
            # A new thread starts with an empty context: it opens the agency scope itself.
            with lingkup_instansi(status.instansi_id):
                tulis_zip(_path(status.token, ".zip"), kerja, kemajuan)
            status.keadaan = "selesai"
        except Exception:
            status.keadaan = "gagal"
            raise
        finally:
            _simpan(status)
            _BENANG.pop(status.token, None)

    benang = threading.Thread(target=jalan, name=f"zip-{status.token[:8]}", daemon=True)
    _BENANG[status.token] = benang
    benang.start()
    return status


def baca_status(*, akses: Akses, token: str) -> Status:
    """The build's status; another user's or agency's token does not exist (404, no leak)."""
    try:
        data = json.loads(_path(token, ".json").read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        raise TidakDitemukan("Berkas tidak ditemukan atau sudah kedaluwarsa.") from None
    status = Status(**data)
    if status.instansi_id != akses.instansi_id or status.pengguna_id != getattr(
        akses.pengguna, "pk", None
    ):
        raise TidakDitemukan("Berkas tidak ditemukan atau sudah kedaluwarsa.")
    return status


def berkas_zip(*, akses: Akses, token: str) -> tuple[Path, Status]:
    status = baca_status(akses=akses, token=token)
    path = _path(token, ".zip")
    if status.keadaan != "selesai" or not path.exists():
        raise TidakDitemukan("Berkas belum selesai dibuat.")
    return path, status


def tunggu(token: str, batas: float = 120) -> None:
    """Wait for a build to end (tests and the CLI); a no-op when it already has."""
    benang = _BENANG.get(token)
    if benang is not None:
        benang.join(batas)
