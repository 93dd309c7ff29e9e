"""The jabatan fungsional catalogue (data/jabatan_fungsional.csv), as editable seed data.

One row per JF × jenjang with pembina, legal basis, minimum education, kelas (where an agency
document states one), BUP and confidence. Kelas is never derived from the jenjang alone
(jabatan-fungsional.md §3.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import Sumber, baca_csv, ke_bool, ke_int
from .pencarian import normalkan, peringkat


@dataclass(frozen=True, slots=True)
class JabatanFungsional:
    nama_jf: str
    kategori: str  # keahlian | keterampilan
    jenjang: str  # code, e.g. "ahli_madya"
    instansi_pembina: str
    pendidikan_minimal: str  # text as in the source
    pendidikan_minimal_kode: str | None  # project code, None when not stated or not a level
    kelas_jabatan: int | None
    bup: int | None
    sumber: Sumber


@cache
def katalog_jf() -> tuple[JabatanFungsional, ...]:
    """All rows of the JF catalogue."""
    return tuple(
        JabatanFungsional(
            nama_jf=r["nama_jf"],
            kategori=r["kategori"],
            jenjang=r["jenjang_kode"],
            instansi_pembina=r["instansi_pembina"],
            pendidikan_minimal=r["pendidikan_minimal"],
            pendidikan_minimal_kode=r["pendidikan_minimal_kode"] or None,
            kelas_jabatan=ke_int(r["kelas_jabatan"]),
            bup=ke_int(r["bup"]),
            sumber=Sumber(r["dasar_hukum"], r["sumber"], r["keyakinan"], ke_bool(r["verified"])),
        )
        for r in baca_csv("jabatan_fungsional.csv")
    )


def cari_jf(nama_jf: str, jenjang: str) -> JabatanFungsional | None:
    """The catalogue row of one JF and jenjang (case-insensitive name), or None."""
    nama = nama_jf.strip().casefold()
    return next(
        (j for j in katalog_jf() if j.nama_jf.casefold() == nama and j.jenjang == jenjang), None
    )


# Jenjang words at the end of a typed JF name. The older names (before the 2019 jenjang naming of
# PermenPAN-RB 13/2019: "Perencana Madya", "Pranata Komputer Pelaksana Lanjutan") map to the
# current codes the same way the conversion tables of the JF regulations do.
_JENJANG_AKHIR: tuple[tuple[str, str], ...] = (
    ("ahli pertama", "ahli_pertama"),
    ("ahli muda", "ahli_muda"),
    ("ahli madya", "ahli_madya"),
    ("ahli utama", "ahli_utama"),
    ("pelaksana pemula", "pemula"),
    ("pelaksana lanjutan", "mahir"),
    ("pelaksana", "terampil"),
    ("pemula", "pemula"),
    ("terampil", "terampil"),
    ("mahir", "mahir"),
    ("penyelia", "penyelia"),
    ("pertama", "ahli_pertama"),
    ("muda", "ahli_muda"),
    ("madya", "ahli_madya"),
    ("utama", "ahli_utama"),
)


@dataclass(frozen=True, slots=True)
class Kandidat:
    """One ranked answer of :func:`cari_jf_kandidat`."""

    nama_jf: str  # catalogue spelling
    jenjang: str | None  # code, when the text names a jenjang the JF has
    skor: float  # 0–100
    alasan: str


def pisah_jenjang(teks: str) -> tuple[str, str | None]:
    """("Pranata Komputer", "mahir") from "Pranata Komputer Mahir"; the jenjang is None when the
    text names none. Works on the normalised key, so case and punctuation do not matter."""
    kunci = normalkan(teks)
    for kata, kode in _JENJANG_AKHIR:
        if kunci == kata:
            break
        if kunci.endswith(" " + kata):
            return kunci[: -len(kata) - 1].strip(), kode
    return kunci, None


@cache
def _kunci_jf() -> dict[str, tuple[str, frozenset[str]]]:
    """normalised JF name → (catalogue name, its jenjang codes)."""
    jenjang: dict[str, set[str]] = {}
    for j in katalog_jf():
        jenjang.setdefault(j.nama_jf, set()).add(j.jenjang)
    return {normalkan(n): (n, frozenset(js)) for n, js in jenjang.items()}


def cari_jf_kandidat(teks: str, batas: int = 5, *, skor_minimal: float = 60.0) -> list[Kandidat]:
    """JF names of the catalogue closest to ``teks``, best first, with score and reason.

    ``teks`` may carry a jenjang ("Analis SDM Aparatur Ahli Muda"): it is split off, and kept on
    each candidate that has that jenjang. Abbreviations (``data/singkatan.csv``) are written out
    before comparing. Never applies anything: callers show the candidates.
    """
    nama, jenjang = pisah_jenjang(teks)
    kunci = _kunci_jf()
    hasil = []
    for c in peringkat(nama, list(kunci), batas=batas, skor_minimal=skor_minimal):
        nama_jf, ada = kunci[c.kunci]
        alasan = c.alasan
        jj = jenjang if jenjang in ada else None
        if jenjang and jj is None:
            alasan += f"; jenjang {jenjang.replace('_', ' ')} tidak ada pada JF ini"
        hasil.append(Kandidat(nama_jf, jj, c.skor, alasan))
    return hasil


def cari_jf_longgar(nama_jf: str, jenjang: str) -> JabatanFungsional | None:
    """Like :func:`cari_jf`, also accepting abbreviations and spacing ("Analis SDM Aparatur"):
    the catalogue row whose normalised name equals the normalised text. Still exact (no fuzzy
    score), so it never picks a different JF."""
    if (baris := cari_jf(nama_jf, jenjang)) is not None:
        return baris
    nama = _kunci_jf().get(normalkan(nama_jf))
    return cari_jf(nama[0], jenjang) if nama else None


# A JF name that is not in the catalogue but this close to one is most likely that one mistyped
# or abbreviated: callers refuse it with "maksud Anda …?" instead of storing a name no kelas,
# BUP or education rule can be found for. Below it the name is taken as a JF the catalogue does
# not hold yet (the catalogue is not complete).
SKOR_MAKSUD = 90.0


def maksud_jf(nama_jf: str) -> str | None:
    """The catalogue spelling the user most likely meant, or None when ``nama_jf`` is already
    a catalogue name (case-insensitive) or nothing is close enough (:data:`SKOR_MAKSUD`)."""
    if any(j.nama_jf.casefold() == nama_jf.strip().casefold() for j in katalog_jf()):
        return None
    calon = cari_jf_kandidat(nama_jf, 1, skor_minimal=SKOR_MAKSUD)
    return calon[0].nama_jf if calon else None
