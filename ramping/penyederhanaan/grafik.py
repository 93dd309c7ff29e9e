"""Paired columns (before/after per category) on one shared scale, for the comparison page.

Geometry only, like ramping.web.grafik; the template draws it. One scale for both series is
the point: two separate charts with their own axes made 373 → 148 look like a small change.
"""

from dataclasses import dataclass, field

from ramping.web.grafik import skala_bulat


@dataclass(frozen=True, slots=True)
class Pasangan:
    label: str
    lama: int
    baru: int
    x: float
    lebar: float  # of one bar
    y_lama: float
    y_baru: float
    tinggi_lama: float
    tinggi_baru: float

    @property
    def x_baru(self) -> float:
        return self.x + self.lebar

    @property
    def tengah(self) -> float:
        return self.x + self.lebar

    @property
    def tengah_lama(self) -> float:
        return self.x + self.lebar / 2

    @property
    def tengah_baru(self) -> float:
        return self.x + self.lebar * 1.5


@dataclass(slots=True)
class GrafikPasangan:
    lebar: int
    tinggi: int
    kiri: int
    dasar_y: float
    pasangan: list[Pasangan] = field(default_factory=list)
    garis: list[tuple[float, int]] = field(default_factory=list)  # (y, value)


def grafik_pasangan(
    data: list[tuple[str, int, int]], *, lebar: int = 560, tinggi: int = 230
) -> GrafikPasangan:
    """`data`: (label, before, after) per category, in display order."""
    kiri, bawah, atas = 40, 26, 16
    skala = skala_bulat(max((max(a, b) for _l, a, b in data), default=0))
    puncak = skala[-1] or 1
    area = tinggi - bawah - atas
    g = GrafikPasangan(lebar=lebar, tinggi=tinggi, kiri=kiri, dasar_y=tinggi - bawah)
    g.garis = [(g.dasar_y - area * v / puncak, v) for v in skala]
    slot = (lebar - kiri) / max(len(data), 1)
    batang = min(slot * 0.36, 34)
    for i, (label, a, b) in enumerate(data):
        x = kiri + i * slot + (slot - 2 * batang) / 2
        ha, hb = area * a / puncak, area * b / puncak
        g.pasangan.append(Pasangan(label, a, b, x, batang, g.dasar_y - ha, g.dasar_y - hb, ha, hb))
    return g
