"""Column widths of a PDF/DOCX table in which a header wraps only at spaces (issue #17 item 7).

A column gets its share of the line by `Kolom.lebar`, but never less than its header's longest
word at the header's font and size plus the cell padding: reportlab would otherwise let the
word run into the next cell and Word would break it mid-word ("Penye- lesaian"). What a
too-narrow column gains is taken from the others in proportion to their shares. Only when
even the longest words together do not fit the line does a header's font shrink
(`ukuran_kepala`).
"""

from collections.abc import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

from ramping.laporan.dokumen import Kolom

UKURAN_TERKECIL = 6.0  # points: the smallest header font before a word would be split


def kata_terpanjang(judul: str, huruf: str, ukuran: float) -> float:
    return max((stringWidth(k, huruf, ukuran) for k in judul.split()), default=0.0)


def lebar_kolom(
    kolom: Sequence[Kolom], ruang: float, *, huruf: str, ukuran: float, tepi: float
) -> list[float]:
    """Widths (in the unit of `ruang`, points) summing to `ruang`."""
    n = len(kolom)
    minimum = [kata_terpanjang(k.judul, huruf, ukuran) + tepi for k in kolom]
    if sum(minimum) >= ruang:
        # Not even the words fit: proportional to the words, the fonts shrink (ukuran_kepala).
        total = sum(minimum) or 1.0
        return [ruang * m / total for m in minimum]
    tetap: dict[int, float] = {}
    while True:
        bebas = [i for i in range(n) if i not in tetap]
        sisa = ruang - sum(tetap.values())
        bagian = sum(kolom[i].lebar for i in bebas) or 1.0
        usul = {i: sisa * kolom[i].lebar / bagian for i in bebas}
        kurang = [i for i in bebas if usul[i] < minimum[i]]
        if not kurang:
            tetap.update(usul)
            return [tetap[i] for i in range(n)]
        for i in kurang:
            tetap[i] = minimum[i]


def ukuran_kepala(judul: str, lebar: float, *, huruf: str, ukuran: float, tepi: float) -> float:
    """The header's font size: `ukuran`, or smaller until its longest word fits the column."""
    kata = kata_terpanjang(judul, huruf, ukuran)
    if kata + tepi <= lebar or kata == 0:
        return ukuran
    return max(UKURAN_TERKECIL, ukuran * (lebar - tepi) / kata)
