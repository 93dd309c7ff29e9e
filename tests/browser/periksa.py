"""The checks every main page passes (issue #17 items 1–2): axe-core's accessibility rules and a
layout check at the screen sizes officials use. Shared by test_aksesibilitas.py and
runs against a dev server; see docs/aksesibilitas.md.

Each check returns a list of readable problems (empty = fine), so one test can visit many pages
and report everything that is wrong at once, naming the page, the element and what to fix.
"""

from dataclasses import dataclass
from pathlib import Path

# axe-core's impacts that fail the check; "moderate" and "minor" are reported by axe but
# tolerated (issue #17: "no serious or critical violation").
DAMPAK_GAGAL = ("serious", "critical")


@dataclass(frozen=True)
class Layar:
    nama: str
    lebar: int
    tinggi: int

    @property
    def ukuran(self) -> dict:
        return {"width": self.lebar, "height": self.tinggi}


LAPTOP = Layar("1366x768", 1366, 768)  # most government laptops
DESKTOP = Layar("1920x1080", 1920, 1080)
TABLET = Layar("800x1280", 800, 1280)  # portrait tablet, for reading


def axe_pelanggaran(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now: rule id, the
    target selector of each offending element, and axe's help text with its link."""
    from axe_playwright_python.sync_playwright import Axe

    hasil = Axe().run(page)
    masalah = []
    for v in hasil.response["violations"]:
        if v.get("impact") not in DAMPAK_GAGAL:
            continue
        for simpul in v["nodes"][:5]:
            sasaran = " ".join(str(t) for t in simpul["target"])
            masalah.append(
                f"axe {v['id']} ({v['impact']}) di `{sasaran}`: {v['help']} {v['helpUrl']}"
            )
        if len(v["nodes"]) > 5:
            masalah.append(f"axe {v['id']}: … dan {len(v['nodes']) - 5} elemen lain")
    return masalah


# Runs in the page. A control inside `main` is cut off when it reaches past the viewport (or
# past an ancestor that clips it) horizontally without a scrolling box around it; the page
# itself must never scroll sideways; two visible buttons must never overlap. Controls of the
# org chart's SVG live on a pannable canvas and are left out.
_TATA_LETAK_JS = (Path(__file__).parent / "tata_letak.js").read_text(encoding="utf-8")


def tata_letak_masalah(page) -> list[str]:
    """Layout problems of the page at its current viewport (see _TATA_LETAK_JS)."""
    return page.evaluate(_TATA_LETAK_JS)
