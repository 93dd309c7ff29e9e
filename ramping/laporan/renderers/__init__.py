"""Shared renderers: one `Dokumen` in, the bytes of an XLSX, PDF or DOCX file out."""

from decimal import Decimal

from ramping.laporan.dokumen import ANGKA, DESIMAL, SELISIH, Dokumen, Kolom, Nilai
from ramping.laporan.format import angka, selisih

MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def teks_sel(nilai: Nilai, kolom: Kolom) -> str:
    """A cell as printed in PDF/DOCX: Indonesian numbers, explicit sign for ±, blank for None.

    An int in a decimal column is a whole count (the ANJAB "Jumlah Pegawai" row): no decimals.
    """
    if nilai is None:
        return ""
    if kolom.jenis == SELISIH and isinstance(nilai, int):
        return selisih(nilai)
    if kolom.jenis in ANGKA and isinstance(nilai, int | Decimal):
        desimal = kolom.desimal if kolom.jenis == DESIMAL and isinstance(nilai, Decimal) else 0
        return angka(nilai, desimal)
    return str(nilai)


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
