"""How one table cell prints in PDF and DOCX (shared by both renderers, and the XLSX number
format follows the same rule)."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from ramping.aturan import bulatkan, tampil
from ramping.laporan.dokumen import ANGKA, DESIMAL, SELISIH, Kolom, Nilai
from ramping.laporan.format import angka, selisih


def tempat_desimal(nilai: int | Decimal, kolom: Kolom) -> int:
    """Decimal places a number prints with (issue #17 item 7: no "106,00").

    Counts (BULAT, SELISIH) and any int: none. A DESIMAL column prints as many places as the
    value has after rounding to the column's `desimal`, so a whole volume is "106" and half an
    hour "0,5"; a `tetap` column keeps all its places — the unrounded K "0,7680" and EJ "1,00",
    as the worked example of the PermenPAN-RB 1/2020 ABK form prints them (Σ 960 jam ÷ 1.250 =
    0,7680; anjab-abk.md §1.5 and §7).
    """
    if kolom.jenis != DESIMAL or isinstance(nilai, int):
        return 0
    if kolom.tetap:
        return kolom.desimal
    d = bulatkan(Decimal(nilai), kolom.desimal)
    return max(0, -d.normalize().as_tuple().exponent) if d else 0


def waktu_lokal(nilai: datetime) -> datetime:
    """A moment in the local time zone (settings.TIME_ZONE), without its zone: what a document
    prints and what an XLSX cell stores (Excel has no time zones)."""
    if timezone.is_aware(nilai):
        nilai = timezone.localtime(nilai)
    return nilai.replace(tzinfo=None)


def teks_sel(nilai: Nilai, kolom: Kolom) -> str:
    """A cell as printed in PDF/DOCX: Indonesian numbers, explicit sign for ±, dates with the
    month spelled out (a moment in local time with "pukul"), blank for None."""
    if nilai is None:
        return ""
    if isinstance(nilai, datetime):
        return tampil.tanggal_waktu(waktu_lokal(nilai))
    if isinstance(nilai, date):
        return tampil.tanggal(nilai)
    if kolom.jenis == SELISIH and isinstance(nilai, int):
        return selisih(nilai)
    if kolom.jenis in ANGKA and isinstance(nilai, int | Decimal):
        return angka(nilai, tempat_desimal(nilai, kolom))
    return str(nilai)
