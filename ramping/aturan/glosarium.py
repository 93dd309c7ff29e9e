"""The one glossary of abbreviations shown in the interface (``data/glosarium.csv``).

Each row: the abbreviation, its long form and a one-sentence explanation in Indonesian, the
English meaning (English interface and ``docs/glosarium.md``), the legal source and whether the
source was verified. Pages explain an abbreviation with the ``{% singkatan "EJ" %}`` tag
(``ramping.web.templatetags.ramping_web``), and the table "Abbreviations shown in the
interface" of ``docs/glosarium.md`` is :func:`tabel_markdown` (a test keeps them equal).

``data/singkatan.csv`` is a different table: abbreviations written out when a typed position
name is searched (SDM, PUU, APBN), not explanations for readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import baca_csv, ke_bool

BERKAS = "glosarium.csv"


@dataclass(frozen=True, slots=True)
class Istilah:
    singkatan: str
    kepanjangan: str
    keterangan: str
    english: str
    sumber: str
    verified: bool

    def judul(self, bahasa: str = "id") -> str:
        """The explanation for a hover/tap bubble: "Efektivitas Jabatan — beban kerja ÷ …"."""
        arti = self.english if bahasa[:2] == "en" else self.keterangan
        return f"{self.kepanjangan} — {arti}"


@cache
def glosarium() -> dict[str, Istilah]:
    """Every abbreviation, keyed as shown (``"EJ"``, ``"±"``)."""
    return {
        r["singkatan"]: Istilah(
            singkatan=r["singkatan"],
            kepanjangan=r["kepanjangan"],
            keterangan=r["keterangan"],
            english=r["english"],
            sumber=r["sumber"],
            verified=ke_bool(r["verified"]),
        )
        for r in baca_csv(BERKAS)
    }


def istilah(singkatan: str) -> Istilah:
    """One entry; KeyError names an abbreviation missing from the glossary (a template bug)."""
    return glosarium()[singkatan]


def tabel_markdown() -> str:
    """The glossary as the Markdown table of ``docs/glosarium.md``."""
    baris = [
        "| Abbreviation | Long form | Meaning | Source |",
        "|---|---|---|---|",
    ]
    for i in glosarium().values():
        tanda = "" if i.verified else " (unverified)"
        baris.append(f"| **{i.singkatan}** | {i.kepanjangan} | {i.english} | {i.sumber}{tanda} |")
    return "\n".join(baris) + "\n"


if __name__ == "__main__":  # python -m ramping.aturan.glosarium: print the docs table
    print(tabel_markdown(), end="")
