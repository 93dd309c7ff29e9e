"""The English catalogue stays complete: no entry untranslated or fuzzy, placeholders kept.

A tiny PO reader (stdlib only) is enough for what `makemessages` writes: comments, flags,
msgctxt, msgid, msgid_plural, msgstr and msgstr[n], each possibly continued on "..." lines.
Obsolete entries (#~) are ignored, as gettext does.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "ramping/locale/en/LC_MESSAGES/django.po"

ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}
KATA_KUNCI = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(".*")$')
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdfir]")


@dataclass
class Entri:
    baris: int
    flags: set[str] = field(default_factory=set)
    bagian: dict[str, str] = field(default_factory=dict)

    @property
    def msgid(self) -> str:
        return self.bagian.get("msgid", "")

    @property
    def terjemahan(self) -> list[str]:
        return [v for k, v in self.bagian.items() if k.startswith("msgstr")]

    def __str__(self) -> str:
        return f"django.po:{self.baris} {self.msgid!r}"


def _string(literal: str) -> str:
    isi = literal[1:-1]
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(0)), isi)


def baca_po(path: Path) -> list[Entri]:
    entri: list[Entri] = []
    kini: Entri | None = None
    kunci = None
    for no, mentah in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        baris = mentah.strip()
        if not baris:
            kini, kunci = None, None
            continue
        if baris.startswith("#~"):
            continue
        # An entry ends at a blank line, or where a comment or msgctxt/msgid follows its msgstr.
        selesai = kini is not None and any(k.startswith("msgstr") for k in kini.bagian)
        if kini is None or (selesai and not baris.startswith(('"', "msgstr"))):
            kini = Entri(baris=no)
            entri.append(kini)
        if baris.startswith("#,"):
            kini.flags |= {f.strip() for f in baris[2:].split(",")}
        elif baris.startswith("#"):
            continue
        elif m := KATA_KUNCI.match(baris):
            kunci = m.group(1)
            kini.bagian[kunci] = _string(m.group(2))
        elif baris.startswith('"') and kunci:
            kini.bagian[kunci] += _string(baris)
        else:
            raise AssertionError(f"django.po:{no}: baris tidak dikenali: {mentah!r}")
    return [e for e in entri if "msgid" in e.bagian]


ENTRI = baca_po(PO)
PESAN = [e for e in ENTRI if e.msgid]  # without the header (msgid "")


def test_katalog_terbaca_dan_berkepala():
    assert ENTRI[0].msgid == "" and "Plural-Forms: nplurals=2" in ENTRI[0].terjemahan[0]
    assert len(PESAN) > 500


def test_tidak_ada_entri_yang_belum_diterjemahkan():
    kosong = [str(e) for e in PESAN if not e.terjemahan or not all(e.terjemahan)]
    assert not kosong, "belum diterjemahkan:\n" + "\n".join(kosong)


def test_tidak_ada_entri_fuzzy():
    fuzzy = [str(e) for e in ENTRI if "fuzzy" in e.flags]
    assert not fuzzy, "fuzzy (tinjau lalu hapus tandanya):\n" + "\n".join(fuzzy)


def test_placeholder_python_format_tetap():
    """A translation names exactly the msgid's placeholders (a plural form may drop the count)."""
    salah = []
    for e in PESAN:
        if "python-format" not in e.flags:
            continue
        sumber = set(PLACEHOLDER.findall(e.msgid))
        jamak = sumber | set(PLACEHOLDER.findall(e.bagian.get("msgid_plural", "")))
        for t in e.terjemahan:
            nama = set(PLACEHOLDER.findall(t))
            if nama != sumber and not ("msgid_plural" in e.bagian and nama <= jamak):
                salah.append(f"{e}: {t!r}")
    assert not salah, "placeholder berbeda:\n" + "\n".join(salah)
