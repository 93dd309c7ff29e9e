"""How one table cell prints in PDF and DOCX (shared by both renderers)."""

from decimal import Decimal

from ramping.laporan.dokumen import ANGKA, DESIMAL, SELISIH, Kolom, Nilai
from ramping.laporan.format import angka, selisih


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
