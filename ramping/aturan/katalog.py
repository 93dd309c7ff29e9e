"""The jabatan fungsional catalogue (data/jabatan_fungsional.csv), as editable seed data.

One row per JF × jenjang with pembina, legal basis, minimum education, kelas (where an agency
document states one), BUP and confidence. Kelas is never derived from the jenjang alone
(jabatan-fungsional.md §3.2).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import Sumber, baca_csv, ke_bool, ke_int


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
