"""Shared renderers: one `Dokumen` in, the bytes of an XLSX, PDF or DOCX file out."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ramping.laporan.dokumen import Dokumen
from ramping.laporan.renderers.sel import teks_sel

__all__ = ["MIME", "kemajuan_render", "lapor_kemajuan", "render", "teks_sel"]

# Progress of the document being rendered (selesai, total), for a background job's progress
# bar: set by the job around its render, reported by the renderers as they go.
_KEMAJUAN: ContextVar[Callable[[int, int], None] | None] = ContextVar(
    "kemajuan_render", default=None
)
_PERSEN_TERAKHIR: ContextVar[int] = ContextVar("persen_terakhir", default=-1)


@contextmanager
def kemajuan_render(lapor: Callable[[int, int], None]) -> Iterator[None]:
    """Report the renderers' progress to ``lapor(selesai, total)`` inside the block."""
    token, token_persen = _KEMAJUAN.set(lapor), _PERSEN_TERAKHIR.set(-1)
    try:
        yield
    finally:
        _KEMAJUAN.reset(token)
        _PERSEN_TERAKHIR.reset(token_persen)


def lapor_kemajuan(selesai: int, total: int) -> None:
    """Called by a renderer per step; passed on at most once per percent (a job writes its
    progress to the database)."""
    lapor = _KEMAJUAN.get()
    if lapor is None or total <= 0:
        return
    persen = selesai * 100 // total
    if persen != _PERSEN_TERAKHIR.get():
        _PERSEN_TERAKHIR.set(persen)
        lapor(selesai, total)


MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "zip": "application/zip",
    "txt": "text/plain; charset=utf-8",  # the report of a background job (import, recompute)
}


def render(dokumen: Dokumen, format: str, *, tata_letak: str = "") -> bytes:
    if format == "xlsx":
        from ramping.laporan.renderers.xlsx import render_xlsx

        return render_xlsx(dokumen)
    if format == "docx":
        from ramping.laporan.renderers.docx import render_docx

        return render_docx(dokumen)
    if format == "pdf":
        if tata_letak == "kartu":
            from ramping.laporan.renderers.kartu import render_kartu

            return render_kartu(dokumen)
        from ramping.laporan.renderers.pdf import render_pdf

        return render_pdf(dokumen)
    raise ValueError(f"format tidak dikenal: {format}")
