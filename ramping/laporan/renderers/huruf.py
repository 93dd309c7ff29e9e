"""The fonts of the PDF renderers and diagrams: DejaVu (Indonesian text, the minus sign) when
Debian's fonts-dejavu is installed, else reportlab's Helvetica."""

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


@cache
def huruf() -> tuple[str, str, str]:
    """(regular, bold, condensed) font names, registering DejaVu once if it is installed."""
    berkas = {
        "DejaVu": "DejaVuSans.ttf",
        "DejaVu-Bold": "DejaVuSans-Bold.ttf",
        "DejaVu-Condensed": "DejaVuSansCondensed.ttf",
        "DejaVu-Condensed-Bold": "DejaVuSansCondensed-Bold.ttf",
    }
    if all((DEJAVU / f).exists() for f in berkas.values()):
        for nama, f in berkas.items():
            pdfmetrics.registerFont(TTFont(nama, str(DEJAVU / f)))
        return "DejaVu", "DejaVu-Bold", "DejaVu-Condensed"
    return "Helvetica", "Helvetica-Bold", "Helvetica"
