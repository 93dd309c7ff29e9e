"""Geometry of the dashboard's server-rendered SVG charts (no JS chart library; they print).

Functions here only compute coordinates from plain numbers; templates draw them.
"""

import math
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Batang:
    label: str
    nilai: int
    x: float
    y: float
    lebar: float
    tinggi: float
    href: str = ""

    @property
    def tengah(self) -> float:
        return self.x + self.lebar / 2


@dataclass(slots=True)
class GrafikKolom:
    """Vertical bars (e.g. positions per kelas jabatan)."""

    lebar: int
    tinggi: int
    dasar_y: float
    batang: list[Batang] = field(default_factory=list)
    garis: list[tuple[float, int]] = field(default_factory=list)  # (y, value) of gridlines


def skala_bulat(maks: int, langkah: int = 4) -> list[int]:
    """Round gridline values from 0 up to at least `maks` (1, 2, 5 × 10^n steps)."""
    if maks <= 0:
        return [0]
    kasar = maks / langkah
    pangkat = 10 ** math.floor(math.log10(kasar)) if kasar >= 1 else 1
    step = next(m * pangkat for m in (1, 2, 5, 10) if m * pangkat >= kasar)
    return list(range(0, int(step * math.ceil(maks / step)) + 1, int(step)))


def grafik_kolom(data: list[tuple[str, int, str]], *, lebar: int = 640, tinggi: int = 220):
    """`data`: (label, value, link) per bar, in display order."""
    kiri, bawah, atas = 36, 26, 10
    skala = skala_bulat(max((n for _l, n, _h in data), default=0))
    puncak = skala[-1] or 1
    area = tinggi - bawah - atas
    g = GrafikKolom(lebar=lebar, tinggi=tinggi, dasar_y=tinggi - bawah)
    g.garis = [(g.dasar_y - area * v / puncak, v) for v in skala]
    slot = (lebar - kiri) / max(len(data), 1)
    for i, (label, nilai, href) in enumerate(data):
        h = area * nilai / puncak
        g.batang.append(
            Batang(label, nilai, kiri + i * slot + slot * 0.15, g.dasar_y - h, slot * 0.7, h, href)
        )
    return g


@dataclass(frozen=True, slots=True)
class BarisBK:
    label: str
    href: str
    y: float
    b: int
    k: int | None
    lebar_b: float
    lebar_k: float | None
    selisih: int | None


@dataclass(slots=True)
class GrafikBK:
    """Horizontal paired bars of B and K per OPD."""

    lebar: int
    tinggi: int
    kiri: int
    tinggi_baris: int
    baris: list[BarisBK] = field(default_factory=list)
    garis: list[tuple[float, int]] = field(default_factory=list)  # (x, value)


def grafik_bk(data: list[tuple[str, str, int, int | None]], *, lebar: int = 640) -> GrafikBK:
    """`data`: (label, link, B, K or None) per OPD. K None: not computed yet (no K bar)."""
    kiri, kanan, tinggi_baris, atas = 210, 56, 22, 22
    skala = skala_bulat(max((max(b, k or 0) for _l, _h, b, k in data), default=0))
    puncak = skala[-1] or 1
    area = lebar - kiri - kanan
    g = GrafikBK(
        lebar=lebar,
        tinggi=atas + tinggi_baris * len(data) + 6,
        kiri=kiri,
        tinggi_baris=tinggi_baris,
    )
    g.garis = [(kiri + area * v / puncak, v) for v in skala]
    for i, (label, href, b, k) in enumerate(data):
        g.baris.append(
            BarisBK(
                label=label,
                href=href,
                y=atas + i * tinggi_baris,
                b=b,
                k=k,
                lebar_b=area * b / puncak,
                lebar_k=None if k is None else area * k / puncak,
                selisih=None if k is None else b - k,
            )
        )
    return g
