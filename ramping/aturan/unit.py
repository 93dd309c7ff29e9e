"""Kinds of unit kerja and the eselon of their head (``data/jenis_unit.toml``).

Central agencies (kementerian, lembaga) have kinds local government does not: Sekretariat
Jenderal, Direktorat Jenderal, Inspektorat Jenderal and Kedeputian at eselon I.a; Biro,
Direktorat, Pusat, Asisten Deputi and Inspektorat at II.a; Bagian, Bidang and Subdirektorat at
III.a; Subbagian, Subbidang and Seksi at IV.a (Perpres 7/2015 Pasal 132, kept by Perpres
68/2019), and UPT as Balai Besar / Balai / Loka (PermenPAN-RB 7/2019, [C]). Each kind carries
its legal basis and verified flag; a unit whose head has an eselon its kind does not allow is
refused with the regulation named.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .data import baca_toml
from .errors import AturanError

LINGKUP_INSTANSI = {
    "kementerian": "pusat",
    "lembaga": "pusat",
    "provinsi": "daerah",
    "kabupaten": "daerah",
    "kota": "daerah",
}


@dataclass(frozen=True, slots=True)
class JenisUnit:
    kode: str
    label: str
    lingkup: str  # pusat | daerah | semua
    eselon: tuple[str, ...]  # eselon of the head allowed; () = no structural head
    dasar_hukum: str
    verified: bool


class EselonUnitTidakSesuai(AturanError):
    """The head's eselon is not one the unit kind allows."""

    dasar = "Perpres 7/2015 Pasal 132; PP 18/2016"

    def __init__(self, jenis: JenisUnit, eselon: str):
        self.jenis, self.eselon = jenis, eselon
        if not jenis.eselon:
            pesan = f"{jenis.label} tidak memiliki kepala bereselon ({jenis.dasar_hukum})."
        else:
            sah = ", ".join(jenis.eselon)
            pesan = f"Kepala {jenis.label} bereselon {sah}, bukan {eselon} ({jenis.dasar_hukum})."
        super().__init__(pesan)


@cache
def daftar_jenis_unit() -> dict[str, JenisUnit]:
    """Every unit kind by code, in the table's order (central agencies first)."""
    return {
        j["kode"]: JenisUnit(
            j["kode"],
            j["label"],
            j["lingkup"],
            tuple(j["eselon"]),
            j["dasar_hukum"],
            bool(j["verified"]),
        )
        for j in baca_toml("jenis_unit.toml")["jenis"]
    }


def jenis_unit_untuk(jenis_instansi: str) -> list[JenisUnit]:
    """The unit kinds an agency of this kind uses (pusat or daerah, plus the shared ones)."""
    lingkup = LINGKUP_INSTANSI.get(jenis_instansi)
    return [j for j in daftar_jenis_unit().values() if j.lingkup in ("semua", lingkup)]


def periksa_eselon_unit(jenis: str, eselon: str | None) -> None:
    """Raise :class:`EselonUnitTidakSesuai` when ``eselon`` is not allowed for the unit kind
    ``jenis``. A blank eselon (head not set yet) and an unknown kind are not judged here."""
    j = daftar_jenis_unit().get(jenis)
    if j is None or not eselon:
        return
    if eselon not in j.eselon:
        raise EselonUnitTidakSesuai(j, eselon)
