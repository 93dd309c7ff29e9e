"""Organisation structure rules of PermenPAN-RB 25/2021 on a plain unit tree.

Interpretation used by the project (docs/aturan.md): after simplification only two structural
levels remain (R25-01; Pejabat Level 1 / Level 2 of PermenPAN-RB 7/2022): Level 1 = JPT (eselon
I/II: the head of the perangkat daerah, an Asisten) and Level 2 = Administrator (eselon III).
Pengawas (eselon IV) and eselon V units are removed (R25-04) unless they carry an exception
attribute (R25-03, [C], so the attributes that count are the setting ``atribut_pengecualian``).
Units without a head (``eselon=None``, e.g. jenis ``"kelompok_jf"``) are not structural levels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import StrukturTidakValid
from .jabatan import ESELON, kelompok_eselon
from .pengaturan import Pengaturan, atau_bawaan

_NAMA_KELOMPOK = {
    "jpt": "JPT",
    "administrator": "Administrator",
    "pengawas": "Pengawas",
    "eselon_v": "Eselon V",
}
ATRIBUT_PENGECUALIAN = ("otoritas_legalisasi", "kewilayahan", "kepala_satker", "upt_pelayanan")


@dataclass(frozen=True, slots=True)
class UnitInput:
    id: str
    induk_id: str | None
    nama: str
    jenis: str  # e.g. dinas, sekretariat, bidang, subbagian, seksi, upt, kelompok_jf
    eselon: str | None  # None for units without a structural head
    otoritas_legalisasi: bool = False
    kewilayahan: bool = False
    kepala_satker: bool = False
    upt_pelayanan: bool = False

    @property
    def struktural(self) -> bool:
        return self.eselon is not None


@dataclass(frozen=True, slots=True)
class LapisanUnit:
    unit_id: str
    level: int  # 1 = head of its tree; counts structural ancestors only
    lapisan_di_bawah: int  # structural levels below this unit


@dataclass(frozen=True, slots=True)
class RentangKendali:
    unit_id: str
    bawahan_struktural: int  # direct child units with a structural head
    kelompok_jf: int  # direct child units without a head
    status: str  # tanpa_bawahan | sempit | wajar | lebar


@dataclass(frozen=True, slots=True)
class KeputusanUnit:
    """What a simplification does to one structural unit."""

    unit_id: str
    nama: str
    eselon: str
    dihapus: bool
    alasan: str  # the sentence with its rule code at the end, "… (R25-04)"
    pengecualian: tuple[str, ...]  # exception attributes that keep the unit
    kode: str = ""  # the rule code alone, for pages that show it apart from the sentence


def _indeks(units: Iterable[UnitInput]) -> dict[str, UnitInput]:
    """Validate the tree (unique ids, known parents and eselon, no cycles) and index it."""
    hasil: dict[str, UnitInput] = {}
    for u in units:
        if u.id in hasil:
            raise StrukturTidakValid(u.id, "id unit ganda")
        if u.eselon is not None and u.eselon not in ESELON:
            raise StrukturTidakValid(u.id, f"eselon '{u.eselon}' tidak dikenal")
        if u.jenis == "kelompok_jf" and u.eselon is not None:
            raise StrukturTidakValid(u.id, "kelompok jabatan fungsional tidak bereselon")
        hasil[u.id] = u
    for u in hasil.values():
        if u.induk_id is not None and u.induk_id not in hasil:
            raise StrukturTidakValid(u.id, f"induk '{u.induk_id}' tidak ditemukan")
        dilihat = {u.id}
        induk = u.induk_id
        while induk is not None:
            if induk in dilihat:
                raise StrukturTidakValid(u.id, "struktur melingkar")
            dilihat.add(induk)
            induk = hasil[induk].induk_id
    return hasil


def _leluhur(unit: UnitInput, indeks: dict[str, UnitInput]) -> list[UnitInput]:
    hasil = []
    induk = unit.induk_id
    while induk is not None:
        hasil.append(indeks[induk])
        induk = indeks[induk].induk_id
    return hasil


def _level(indeks: dict[str, UnitInput]) -> dict[str, int]:
    return {
        u.id: 1 + sum(1 for a in _leluhur(u, indeks) if a.struktural)
        for u in indeks.values()
        if u.struktural
    }


def lapisan_struktural(units: Sequence[UnitInput]) -> dict[str, LapisanUnit]:
    """Level of each structural unit and the number of structural levels below it (R25-01)."""
    indeks = _indeks(units)
    level = _level(indeks)
    terdalam = dict(level)
    for uid, lv in level.items():
        for a in _leluhur(indeks[uid], indeks):
            if a.struktural:
                terdalam[a.id] = max(terdalam[a.id], lv)
    return {uid: LapisanUnit(uid, lv, terdalam[uid] - lv) for uid, lv in level.items()}


def rentang_kendali(
    units: Sequence[UnitInput], *, pengaturan: Pengaturan | None = None
) -> dict[str, RentangKendali]:
    """Span of control of each structural unit: its direct structural sub-units.

    The narrow/wide targets are settings (practice, no regulation).
    """
    p = atau_bawaan(pengaturan)
    indeks = _indeks(units)
    struktural: Counter[str] = Counter()
    kelompok: Counter[str] = Counter()
    for u in indeks.values():
        if u.induk_id is not None:
            (struktural if u.struktural else kelompok)[u.induk_id] += 1
    hasil = {}
    for u in indeks.values():
        if not u.struktural:
            continue
        n = struktural[u.id]
        if n == 0:
            status = "tanpa_bawahan"
        elif n < p.rentang_kendali_minimal:
            status = "sempit"
        elif n > p.rentang_kendali_maksimal:
            status = "lebar"
        else:
            status = "wajar"
        hasil[u.id] = RentangKendali(u.id, n, kelompok[u.id], status)
    return hasil


def _pengecualian(unit: UnitInput, indeks: dict[str, UnitInput], p: Pengaturan) -> tuple[str, ...]:
    sendiri = tuple(a for a in p.atribut_pengecualian if getattr(unit, a, False))
    if sendiri or not p.pengecualian_diwariskan:
        return sendiri
    for leluhur in _leluhur(unit, indeks):
        warisan = tuple(a for a in p.atribut_pengecualian if getattr(leluhur, a, False))
        if warisan:
            return warisan
    return ()


def keputusan_penyederhanaan(
    units: Sequence[UnitInput], *, pengaturan: Pengaturan | None = None
) -> list[KeputusanUnit]:
    """Keep/remove decision with its reason for every structural unit, in input order.

    Decided by eselon, not by depth: JPT stay as Level 1 (also an Asisten under the Sekda),
    Administrator as Level 2; Pengawas and eselon V go unless an exception attribute keeps them.
    """
    p = atau_bawaan(pengaturan)
    indeks = _indeks(units)
    hasil = []
    for u in indeks.values():
        if u.eselon is None:
            continue
        if u.eselon in p.eselon_level_1 or u.eselon in p.eselon_level_2:
            level_ke = 1 if u.eselon in p.eselon_level_1 else 2
            alasan = f"Pejabat Level {level_ke} (R25-01)"
            hasil.append(KeputusanUnit(u.id, u.nama, u.eselon, False, alasan, (), "R25-01"))
            continue
        nama_kelompok = _NAMA_KELOMPOK[kelompok_eselon(u.eselon)]
        pengecualian = _pengecualian(u, indeks, p)
        kode = "R25-02/R25-03" if pengecualian else "R25-04"
        if pengecualian:
            alasan = f"Dipertahankan: {', '.join(pengecualian)} ({kode})"
        else:
            alasan = f"{nama_kelompok} tanpa kriteria pengecualian dihapus ({kode})"
        hasil.append(
            KeputusanUnit(u.id, u.nama, u.eselon, not pengecualian, alasan, pengecualian, kode)
        )
    return hasil


def unit_dihapus(
    units: Sequence[UnitInput], *, pengaturan: Pengaturan | None = None
) -> list[KeputusanUnit]:
    """Units a simplification would remove, each with its reason (R25-01, R25-04)."""
    return [k for k in keputusan_penyederhanaan(units, pengaturan=pengaturan) if k.dihapus]


def jumlah_jabatan_struktural(
    units: Sequence[UnitInput],
    *,
    setelah_penyederhanaan: bool = False,
    pengaturan: Pengaturan | None = None,
) -> dict[str, int]:
    """Number of structural posts (one head per unit) per eselon, in eselon order."""
    indeks = _indeks(units)
    hapus = (
        {k.unit_id for k in unit_dihapus(units, pengaturan=pengaturan)}
        if setelah_penyederhanaan
        else set()
    )
    jumlah = Counter(u.eselon for u in indeks.values() if u.eselon and u.id not in hapus)
    return {e: jumlah[e] for e in ESELON if jumlah[e]}
