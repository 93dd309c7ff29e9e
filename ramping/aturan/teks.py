"""Text that can be stored can be exported: the characters no document can carry.

DOCX and XLSX are XML 1.0, which cannot hold the C0 control characters other than tab, line
feed and carriage return; one such character in a task makes the whole OPD's DOCX (and the ZIP
that bundles it) fail. Excel and openpyxl write those characters as the escape ``_xHHHH_``, so
a cell copied out of a spreadsheet can carry the escape literally; it is refused as well, since
a spreadsheet reading it back would turn it into the character again.

Decisions: tab, LF and CR are allowed (multi-line fields, pasted tables). DEL (U+007F) and the
C1 controls (U+0080–U+009F) are legal XML but print nothing and mostly come from text decoded
with the wrong code page, so every Unicode control (category Cc) is refused the same way. Lone
surrogates and U+FFFE/U+FFFF (possible through JSON escapes) are not XML characters at all.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from .errors import TeksTidakDapatDicetak

DIIZINKAN: Final = frozenset("\t\n\r")
_ESCAPE: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")
# Anything that needs a closer look: a character outside printable ASCII, or an escape's start.
# Ordinary text has none, so it is passed in one C-level search (100,000 imported rows).
_CURIGA: Final = re.compile(r"[^\x20-\x7e]|_x")


def _terlarang(kode: int) -> bool:
    ch = chr(kode)
    if ch in DIIZINKAN:
        return False
    return unicodedata.category(ch) in ("Cc", "Cs") or kode in (0xFFFE, 0xFFFF)


def periksa_teks(teks: str) -> str:
    """Return ``teks`` unchanged, or raise :class:`TeksTidakDapatDicetak` naming the first
    forbidden character (or ``_xHHHH_`` escape of one)."""
    if _CURIGA.search(teks) is None:
        return teks
    for ch in teks:
        if (ch < " " or ch >= "\x7f") and _terlarang(ord(ch)):
            raise TeksTidakDapatDicetak(ord(ch))
    if "_x" in teks:
        for cocok in _ESCAPE.finditer(teks):
            kode = int(cocok[1], 16)
            if _terlarang(kode):
                raise TeksTidakDapatDicetak(kode, cocok[0])
    return teks
