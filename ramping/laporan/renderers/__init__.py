"""Shared renderers: one `Dokumen` in, the bytes of an XLSX, PDF or DOCX file out."""

from ramping.laporan.dokumen import Dokumen
from ramping.laporan.renderers.kemajuan import kemajuan_render, lapor_kemajuan
from ramping.laporan.renderers.sel import teks_sel

__all__ = ["MIME", "kemajuan_render", "lapor_kemajuan", "render", "teks_sel"]

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
