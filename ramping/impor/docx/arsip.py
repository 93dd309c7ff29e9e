"""One upload → its Word documents, refusing what could hurt the server.

A .docx is itself a ZIP, so both shapes are opened with `zipfile` and checked before any XML is
parsed: at most `BERKAS_MAKS` documents, each entry's declared size and compression ratio
bounded (a zip bomb declares a few KB that inflate to gigabytes), the total inflated size
bounded, no nested archives. Nothing is extracted to disk, so a name such as
``../../etc/passwd`` cannot escape anywhere; it is still refused, since no agency's file is
named so.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from ramping.errors import RampingError

BERKAS_MAKS = 300  # documents per upload
UKURAN_DOKUMEN_MAKS = 30 * 1024 * 1024  # inflated size of one .docx (all its parts)
UKURAN_TOTAL_MAKS = 200 * 1024 * 1024  # inflated size of everything in one upload
RASIO_MAKS = 200  # inflated / compressed, per entry


class ArsipDitolak(RampingError):
    pesan = "Berkas tidak dapat dibaca sebagai dokumen Word (.docx) atau ZIP berisi .docx."


@dataclass(frozen=True)
class BerkasDocx:
    nama: str  # name inside the ZIP (or the upload's name)
    data: bytes


def _periksa_isi(zf: zipfile.ZipFile, nama: str, batas: int) -> int:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > batas or total > batas:
            raise ArsipDitolak(f"{nama}: isi berkas terlalu besar setelah dibuka.")
        if info.compress_size and info.file_size / info.compress_size > RASIO_MAKS:
            raise ArsipDitolak(f"{nama}: rasio pemadatan tidak wajar (kemungkinan bom ZIP).")
    return total


def _buka(data: bytes, nama: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ArsipDitolak(
            f"{nama}: bukan dokumen Word .docx (simpan ulang dari Word sebagai .docx; "
            "berkas .doc lama atau PDF tidak dapat dibaca) dan bukan ZIP."
        ) from None


def _docx(zf: zipfile.ZipFile) -> bool:
    nama = set(zf.namelist())
    return "word/document.xml" in nama and "[Content_Types].xml" in nama


def pisah_berkas(data: bytes, nama: str = "berkas") -> list[BerkasDocx]:
    """The Word documents of one upload, in name order; raises :class:`ArsipDitolak`."""
    zf = _buka(data, nama)
    with zf:
        if _docx(zf):
            _periksa_isi(zf, nama, UKURAN_DOKUMEN_MAKS)
            return [BerkasDocx(nama, data)]
        hasil: list[BerkasDocx] = []
        total = 0
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if info.is_dir():
                continue
            jalur = PurePosixPath(info.filename.replace("\\", "/"))
            if jalur.is_absolute() or ".." in jalur.parts:
                raise ArsipDitolak(f"{info.filename}: nama berkas di dalam ZIP tidak sah.")
            if jalur.name.startswith(("~$", ".")) or "__MACOSX" in jalur.parts:
                continue  # Word lock files and macOS metadata
            if jalur.suffix.lower() != ".docx":
                if jalur.suffix.lower() in (".doc", ".pdf", ".zip", ".rtf", ".odt"):
                    raise ArsipDitolak(
                        f"{info.filename}: hanya .docx yang dibaca; simpan ulang dari Word "
                        "sebagai .docx (ZIP di dalam ZIP tidak dibuka)."
                    )
                continue
            if len(hasil) >= BERKAS_MAKS:
                raise ArsipDitolak(f"ZIP berisi lebih dari {BERKAS_MAKS} dokumen; bagi menjadi "
                                   "beberapa unggahan.")  # fmt: skip
            if info.file_size > UKURAN_DOKUMEN_MAKS:
                raise ArsipDitolak(f"{info.filename}: dokumen terlalu besar.")
            if info.compress_size and info.file_size / info.compress_size > RASIO_MAKS:
                raise ArsipDitolak(f"{info.filename}: rasio pemadatan tidak wajar.")
            total += info.file_size
            if total > UKURAN_TOTAL_MAKS:
                raise ArsipDitolak("Isi ZIP terlalu besar setelah dibuka; bagi unggahannya.")
            try:
                isi = zf.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                raise ArsipDitolak(
                    f"{info.filename}: tidak dapat dibuka (rusak atau berkata sandi)."
                ) from None
            dalam = _buka(isi, info.filename)
            with dalam:
                if not _docx(dalam):
                    raise ArsipDitolak(f"{info.filename}: bukan dokumen Word .docx.")
                _periksa_isi(dalam, info.filename, UKURAN_DOKUMEN_MAKS)
            hasil.append(BerkasDocx(str(jalur), isi))
        if not hasil:
            raise ArsipDitolak("ZIP tidak berisi dokumen .docx.")
        return hasil


def zip_folder(berkas: list[tuple[str, bytes]]) -> bytes:
    """Several documents (CLI: a folder) as one ZIP, the shape an upload has."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as zf:
        for nama, data in berkas:
            zf.writestr(nama, data)
    return keluaran.getvalue()


def baca_folder(folder) -> bytes:
    """The .docx files of a folder (CLI), as one ZIP."""
    berkas = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".docx" and p.is_file())
    if not berkas:
        raise ArsipDitolak(f"Folder {folder} tidak berisi berkas .docx.")
    return zip_folder([(p.name, p.read_bytes()) for p in berkas])


def pasangan_dari(teks: list[str]) -> dict[str, int]:
    """``["a.docx=12", …]`` → ``{"a.docx": 12}`` (the confirmed pairs of the CLI)."""
    hasil = {}
    for t in teks:
        nama, _, pk = t.rpartition("=")
        if not nama or not pk.isdigit():
            raise ArsipDitolak(f"--pasangan {t!r}: tulis NAMA_BERKAS=ID_JABATAN.")
        hasil[nama] = int(pk)
    return hasil
