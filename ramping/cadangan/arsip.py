"""The archive both backups and agency exports are written to: a gzip-compressed tar whose
`manifest.json` lists the SHA-256 of every other member.

Written to a temporary file next to the destination (mode 0600 from the first byte: it holds
every person's data) and renamed into place only when complete, so a crash never leaves a
truncated archive under the final name. Read back by extracting into a working folder with
tarfile's "data" filter (no absolute paths, links or devices) and checking every checksum
before anything touches the database.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
import zlib
from pathlib import Path
from typing import Any, BinaryIO

from django.core.management.base import CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
UKURAN_BLOK = 1 << 20


def versi_ramping() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ramping")
    except PackageNotFoundError:
        return "tidak diketahui"


def sha256_berkas(jalur: Path) -> str:
    h = hashlib.sha256()
    with open(jalur, "rb") as f:
        while blok := f.read(UKURAN_BLOK):
            h.update(blok)
    return h.hexdigest()


class _BacaSambilHash:
    """A file object that hashes exactly the bytes tarfile copies into the archive."""

    def __init__(self, f: BinaryIO):
        self.f = f
        self.hash = hashlib.sha256()

    def read(self, n: int = -1) -> bytes:
        blok = self.f.read(n)
        self.hash.update(blok)
        return blok


def pastikan_tujuan_baru(tujuan: Path) -> None:
    if tujuan.exists():
        raise CommandError(f"{tujuan} sudah ada; pilih nama berkas lain (tidak ditimpa).")
    if not tujuan.parent.is_dir():
        raise CommandError(f"Folder {tujuan.parent} tidak ada.")


class PenulisArsip:
    """`with PenulisArsip(tujuan) as arsip: arsip.tambah_berkas(…); arsip.selesai(manifest)`."""

    def __init__(self, tujuan: Path):
        pastikan_tujuan_baru(tujuan)
        self.tujuan = tujuan
        fd, nama = tempfile.mkstemp(prefix=f".{tujuan.name}.", dir=tujuan.parent)
        os.fchmod(fd, 0o600)  # mkstemp already creates it 0600; say it where it matters
        self.sementara = Path(nama)
        self._berkas = os.fdopen(fd, "wb")
        # Closed in selesai() or __exit__: the archive outlives this method.
        self._tar = tarfile.open(fileobj=self._berkas, mode="w:gz", compresslevel=6)  # noqa: SIM115
        self.checksum: dict[str, str] = {}
        self.selesai_ditulis = False

    def __enter__(self) -> "PenulisArsip":
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.selesai_ditulis:
            self._tar.close()
            self._berkas.close()
            self.sementara.unlink(missing_ok=True)

    def _info(self, nama: str, ukuran: int, mtime: float) -> tarfile.TarInfo:
        info = tarfile.TarInfo(nama)
        info.size = ukuran
        info.mtime = int(mtime)
        info.mode = 0o600
        return info

    def tambah_berkas(self, nama: str, jalur: Path) -> None:
        with open(jalur, "rb") as f:
            stat = os.fstat(f.fileno())
            pembaca = _BacaSambilHash(f)
            self._tar.addfile(self._info(nama, stat.st_size, stat.st_mtime), pembaca)
        self.checksum[nama] = pembaca.hash.hexdigest()

    def tambah_bytes(self, nama: str, isi: bytes) -> None:
        self._tar.addfile(self._info(nama, len(isi), timezone.now().timestamp()), io.BytesIO(isi))
        self.checksum[nama] = hashlib.sha256(isi).hexdigest()

    def tambah_folder(self, awalan: str, folder: Path, kecuali: set[Path] = frozenset()) -> int:
        """Every regular file under `folder` as `awalan/relative/path`; symlinks are skipped
        (they may point anywhere). Returns the number of files."""
        jumlah = 0
        if not folder.is_dir():
            return 0
        for akar, folder_anak, berkas in os.walk(folder):
            folder_anak.sort()
            for nama in sorted(berkas):
                jalur = Path(akar, nama)
                if jalur.is_symlink() or not jalur.is_file() or jalur in kecuali:
                    continue
                if jalur.name.startswith(f".{self.tujuan.name}."):
                    continue  # our own temporary archive, when it is written inside the folder
                self.tambah_berkas(f"{awalan}/{jalur.relative_to(folder).as_posix()}", jalur)
                jumlah += 1
        return jumlah

    def selesai(self, manifest: dict[str, Any]) -> dict[str, Any]:
        manifest = {**manifest, "berkas": dict(sorted(self.checksum.items()))}
        isi = json.dumps(manifest, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
        data = isi.encode()
        self._tar.addfile(
            self._info(MANIFEST, len(data), timezone.now().timestamp()), io.BytesIO(data)
        )
        self._tar.close()
        self._berkas.flush()
        os.fsync(self._berkas.fileno())
        self._berkas.close()
        os.replace(self.sementara, self.tujuan)
        self.selesai_ditulis = True
        return manifest


def manifest_dasar(jenis: str) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "jenis": jenis,
        "versi_ramping": versi_ramping(),
        "dibuat": timezone.now().isoformat(),
    }


def buka_arsip(jalur: Path, folder: Path, *, jenis: str) -> dict[str, Any]:
    """Extract `jalur` into `folder`, verify every checksum and return the manifest.

    Every expected failure (missing file, not an archive, truncated or damaged, a checksum that
    does not match, an archive of the other kind) is a CommandError in Indonesian."""
    if not jalur.is_file():
        raise CommandError(f"Berkas {jalur} tidak ditemukan.")
    try:
        with tarfile.open(jalur, "r:*") as tar:
            for anggota in tar:
                if not (anggota.isfile() or anggota.isdir()):
                    raise CommandError(
                        f"{jalur}: anggota {anggota.name!r} bukan berkas biasa; arsip ditolak."
                    )
                tar.extract(anggota, folder, filter="data")
    except CommandError:
        raise
    except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
        raise CommandError(
            f"{jalur} rusak atau bukan arsip ramping ({str(exc).splitlines()[0]}). "
            "Arsip ditolak; tidak ada yang diubah."
        ) from None
    jalur_manifest = folder / MANIFEST
    if not jalur_manifest.is_file():
        raise CommandError(f"{jalur} bukan arsip ramping: {MANIFEST} tidak ada.")
    try:
        manifest = json.loads(jalur_manifest.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise CommandError(f"{jalur}: {MANIFEST} tidak terbaca; arsip ditolak.") from None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("berkas"), dict):
        raise CommandError(f"{jalur}: {MANIFEST} tidak lengkap; arsip ditolak.")
    if manifest.get("format") != FORMAT:
        raise CommandError(
            f"{jalur}: format arsip {manifest.get('format')!r} tidak dikenal versi ramping ini "
            f"(format {FORMAT})."
        )
    if manifest.get("jenis") != jenis:
        raise CommandError(_pesan_jenis_salah(jalur, manifest.get("jenis"), jenis))
    rusak = []
    for nama, harapan in manifest["berkas"].items():
        berkas = folder / nama
        if not berkas.is_file():
            rusak.append(f"{nama} (tidak ada)")
        elif sha256_berkas(berkas) != harapan:
            rusak.append(f"{nama} (checksum tidak cocok)")
    terdaftar = {*manifest["berkas"], MANIFEST}
    for berkas in folder.rglob("*"):
        if berkas.is_file() and berkas.relative_to(folder).as_posix() not in terdaftar:
            rusak.append(f"{berkas.relative_to(folder).as_posix()} (tidak tercantum di manifest)")
    if rusak:
        raise CommandError(
            f"{jalur} rusak: " + "; ".join(rusak[:10]) + ". Arsip ditolak; tidak ada yang diubah."
        )
    return manifest


def _pesan_jenis_salah(jalur: Path, ada: Any, harapan: str) -> str:
    if ada == "ekspor-instansi":
        return f"{jalur} adalah ekspor satu instansi; pulihkan dengan `ramping instansi impor`."
    if ada == "cadangan-penuh":
        return f"{jalur} adalah cadangan penuh; pulihkan dengan `ramping pulihkan`."
    return f"{jalur}: jenis arsip {ada!r} bukan {harapan!r}."
