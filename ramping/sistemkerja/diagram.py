"""Layout of the coordination diagram: units on a circle, relations as edges (server SVG).

A circle keeps every edge visible without a layout library; units are placed in tree order,
so units of one OPD sit next to each other. Pure computation: the template draws it.
"""

import math
from dataclasses import dataclass

from ramping.sistemkerja.models import RelasiKoordinasi

LEBAR, TINGGI = 960, 640
R_SIMPUL = 26


@dataclass(frozen=True, slots=True)
class Simpul:
    id: int
    label: str
    nama: str
    x: float
    y: float
    lx: float  # label position, outside the circle
    ly: float
    anchor: str


@dataclass(frozen=True, slots=True)
class Garis:
    x1: float
    y1: float
    x2: float
    y2: float
    jenis: str
    judul: str


@dataclass(frozen=True, slots=True)
class Diagram:
    simpul: list[Simpul]
    garis: list[Garis]
    lebar: int = LEBAR
    tinggi: int = TINGGI


def _label(unit) -> str:
    if unit.singkatan:
        return unit.singkatan
    return unit.nama if len(unit.nama) <= 22 else unit.nama[:21] + "…"


def diagram(relasi: list[RelasiKoordinasi]) -> Diagram:
    unit = {}
    for r in relasi:
        unit.setdefault(r.unit_dari_id, r.unit_dari)
        unit.setdefault(r.unit_ke_id, r.unit_ke)
    urut = sorted(unit.values(), key=lambda u: u.path)
    cx, cy = LEBAR / 2, TINGGI / 2
    jari = min(cx, cy) - 90
    simpul: dict[int, Simpul] = {}
    for i, u in enumerate(urut):
        sudut = -math.pi / 2 + 2 * math.pi * i / max(len(urut), 1)
        x, y = cx + jari * math.cos(sudut), cy + jari * math.sin(sudut)
        lx, ly = (
            cx + (jari + R_SIMPUL + 8) * math.cos(sudut),
            cy + (jari + R_SIMPUL + 8) * math.sin(sudut),
        )
        anchor = "start" if math.cos(sudut) > 0.2 else "end" if math.cos(sudut) < -0.2 else "middle"
        simpul[u.pk] = Simpul(
            u.pk,
            _label(u),
            u.nama,
            round(x, 1),
            round(y, 1),
            round(lx, 1),
            round(ly + 4, 1),
            anchor,
        )
    garis = []
    for r in relasi:
        a, b = simpul[r.unit_dari_id], simpul[r.unit_ke_id]
        if r.jenis == RelasiKoordinasi.Jenis.DIKOORDINASIKAN:
            a, b = b, a  # the arrow always points from the coordinator to the coordinated
        dx, dy = b.x - a.x, b.y - a.y
        panjang = math.hypot(dx, dy) or 1
        # Stop the line at the circles' edges so the arrowhead stays visible.
        ux, uy = dx / panjang, dy / panjang
        garis.append(
            Garis(
                round(a.x + ux * R_SIMPUL, 1),
                round(a.y + uy * R_SIMPUL, 1),
                round(b.x - ux * (R_SIMPUL + 4), 1),
                round(b.y - uy * (R_SIMPUL + 4), 1),
                r.jenis,
                str(r),
            )
        )
    return Diagram(list(simpul.values()), garis)
