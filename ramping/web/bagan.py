"""Layout of the org chart (bagan organisasi) as plain boxes and lines for an SVG template.

Classic Indonesian SOTK charts put sub-units side by side under their parent, but list the
lowest level (seksi, subbagian, UPT) one below the other; doing the same keeps a large OPD's
chart a few screens wide instead of dozens. Leaves are stacked in columns of at most
`MAKS_BARIS`; subtrees are spread horizontally. One pass over the tree, no query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ramping.jabatan.selectors import Rekap

LEBAR, TINGGI = 236, 92  # box size (px in the SVG's user space)
JARAK_X, JARAK_Y = 22, 46  # gaps between sibling subtrees / between levels
JARAK_TUMPUK, INDEN = 12, 22  # stacked leaves: vertical gap, indent from the bus line
MAKS_BARIS = 8
MAKS_SEBAR = 6
TEPI = 16


@dataclass
class Simpul:
    """A chart node; the whole-agency chart adds a root that is not a unit."""

    judul: str
    href: str
    rekap: Rekap
    kepala: str = ""
    kepala_href: str = ""
    kelompok_jf: bool = False
    tersembunyi: int = 0  # sub-units below the depth shown
    anak: list[Simpul] = field(default_factory=list)


@dataclass
class Kotak:
    simpul: Simpul
    x: float
    y: float
    baris_judul: list[str] = field(default_factory=list)


@dataclass
class Blok:
    lebar: float
    tinggi: float
    akar_x: float  # centre of the block's root box
    kotak: list[Kotak]
    garis: list[list[tuple[float, float]]]  # connector polylines

    def geser(self, dx: float, dy: float) -> None:
        for k in self.kotak:
            k.x += dx
            k.y += dy
        self.garis = [[(x + dx, y + dy) for x, y in g] for g in self.garis]


def _garis(*titik: tuple[float, float]) -> list[tuple[float, float]]:
    return list(titik)


def bungkus(teks: str, lebar: int, maks_baris: int) -> list[str]:
    """Wrap words into at most `maks_baris` lines of `lebar` characters (… when cut)."""
    baris: list[str] = []
    kini = ""
    for kata in teks.split():
        calon = f"{kini} {kata}".strip()
        if len(calon) <= lebar or not kini:
            kini = calon
            continue
        baris.append(kini)
        kini = kata
    if kini:
        baris.append(kini)
    if len(baris) > maks_baris:
        baris = baris[:maks_baris]
        baris[-1] = baris[-1][: lebar - 1].rstrip() + "…"
    return [b if len(b) <= lebar else b[: lebar - 1] + "…" for b in baris]


def _daun(simpul: Simpul) -> Blok:
    return Blok(LEBAR, TINGGI, LEBAR / 2, [Kotak(simpul, 0, 0)], [])


def _kolom(daun: list[Simpul]) -> Blok:
    """Leaves one below the other, hanging from a vertical bus line on their left."""
    bus = INDEN / 2
    kotak, garis = [], []
    for j, simpul in enumerate(daun):
        y = j * (TINGGI + JARAK_TUMPUK)
        kotak.append(Kotak(simpul, INDEN, y))
        garis.append(_garis((bus, y + TINGGI / 2), (INDEN, y + TINGGI / 2)))
    garis.append(_garis((bus, -JARAK_Y / 2), (bus, kotak[-1].y + TINGGI / 2)))
    return Blok(INDEN + LEBAR, kotak[-1].y + TINGGI, bus, kotak, garis)


def _blok_anak(simpul: Simpul) -> list[Blok]:
    """Blocks hanging under a parent: subtrees side by side, leaves stacked in columns.

    Leaves are stacked when all children are leaves, or when a wide parent (more than
    `MAKS_SEBAR` children) has several: a dinas with a sekretariat and fifteen puskesmas
    then stays three columns wide instead of sixteen.
    """
    anak = simpul.anak
    daun = [a for a in anak if not a.anak]
    if len(daun) == len(anak) or (len(anak) > MAKS_SEBAR and len(daun) >= 3):
        cabang = [tata(a) for a in anak if a.anak]
        # Balanced columns (33 OPD → 7+7+7+6+6, not 8+8+8+8+1).
        per_kolom = math.ceil(len(daun) / math.ceil(len(daun) / MAKS_BARIS))
        kolom = [_kolom(daun[i : i + per_kolom]) for i in range(0, len(daun), per_kolom)]
        return cabang + kolom
    return [tata(a) for a in anak]


def tata(simpul: Simpul) -> Blok:
    """Lay out a subtree: parent centred over the blocks of its children, joined by a bus."""
    if not simpul.anak:
        return _daun(simpul)
    blok = _blok_anak(simpul)
    x = 0.0
    y_anak = TINGGI + JARAK_Y
    for b in blok:
        b.geser(x, y_anak)
        b.akar_x += x
        x += b.lebar + JARAK_X
    lebar_isi = x - JARAK_X
    pusat = (blok[0].akar_x + blok[-1].akar_x) / 2
    px = pusat - LEBAR / 2
    y_bus = TINGGI + JARAK_Y / 2
    garis = [_garis((pusat, TINGGI), (pusat, y_bus))]
    garis.append(_garis((blok[0].akar_x, y_bus), (blok[-1].akar_x, y_bus)))
    garis += [_garis((b.akar_x, y_bus), (b.akar_x, y_anak)) for b in blok]
    hasil = Blok(
        max(lebar_isi, px + LEBAR),
        max(y_anak + b.tinggi for b in blok),
        pusat,
        [Kotak(simpul, px, 0)] + [k for b in blok for k in b.kotak],
        garis + [g for b in blok for g in b.garis],
    )
    if px < 0:  # a wide parent over a narrow child: move everything right of the edge
        hasil.geser(-px, 0)
        hasil.akar_x -= px
        hasil.lebar -= px
    return hasil


@dataclass
class Bagan:
    lebar: int
    tinggi: int
    kotak: list[Kotak]
    garis: list[str]  # SVG path data
    lebar_kotak: int = LEBAR
    tinggi_kotak: int = TINGGI


def susun(akar: Simpul) -> Bagan:
    blok = tata(akar)
    blok.geser(TEPI, TEPI)
    for k in blok.kotak:
        k.x, k.y = round(k.x, 1), round(k.y, 1)
        k.baris_judul = bungkus(k.simpul.judul, 31, 2)
    garis = ["M " + " L ".join(f"{x:.1f},{y:.1f}" for x, y in g) for g in blok.garis]
    return Bagan(round(blok.lebar + 2 * TEPI), round(blok.tinggi + 2 * TEPI), blok.kotak, garis)
