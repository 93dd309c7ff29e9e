"""Who may act as which official of the 7/2022 work system, decided in one place.

PermenPAN-RB 7/2022 names two structural levels: Pejabat Level 1 sets targets and accepts
results (R7-10, R7-12), Pejabat Level 2 plans the work, decides team or individual work and
whether a Ketua Tim is needed (R7-05, R7-10). For a Pemda the mapping is not written down
(confidence C), so ramping derives it and documents it here:

- Level 1 of a unit is the head of its perangkat daerah (the top-level unit, JPT Pratama).
- Level 2 of a unit is the head of the unit that owns the team or plans the work (an
  administrator heading a bidang, bagian or sekretariat; for a team owned by the OPD itself,
  the OPD's own management).
- The members (JF and pelaksana) start work, break it into activities, report progress and
  submit results (R7-11).
- The head of a member's own unit agrees to cross-unit membership (R7-08).

Web users are `Pengguna` with a role, not pegawai, so each role acts for officials:

| role             | Level 1 | Level 2 | anggota | kepala unit asal | scope            |
|------------------|---------|---------|---------|------------------|------------------|
| admin / analis   | yes     | yes     | yes     | yes              | whole agency     |
| operator OPD     | no      | yes     | yes     | yes              | units of own OPD |
| pimpinan         | yes     | no      | no      | no               | whole agency     |

Pimpinan accept or return results as Level 1 (that is their role) but edit nothing else.
When accounts are linked to pegawai, only `boleh_bertindak_sebagai` needs to change.
"""

from enum import StrEnum

from ramping.akun.akses import Akses
from ramping.akun.models import Peran
from ramping.errors import TidakBerhak
from ramping.organisasi.models import UnitKerja


class Level(StrEnum):
    LEVEL_1 = "level_1"
    LEVEL_2 = "level_2"
    ANGGOTA = "anggota"
    KEPALA_UNIT_ASAL = "kepala_unit_asal"


LABEL_LEVEL = {
    Level.LEVEL_1: "Pejabat Level 1",
    Level.LEVEL_2: "Pejabat Level 2",
    Level.ANGGOTA: "Anggota/pelaksana",
    Level.KEPALA_UNIT_ASAL: "Kepala unit asal",
}

_OPERATOR = frozenset({Level.LEVEL_2, Level.ANGGOTA, Level.KEPALA_UNIT_ASAL})


def kode_opd(unit: UnitKerja) -> str:
    """The kode of the unit's perangkat daerah (cached on the instance: one query at most)."""
    kode = getattr(unit, "_kode_opd", None)
    if kode is None:
        if unit.induk_id is None:
            kode = unit.kode
        else:
            kode = (
                UnitKerja.objects.filter(struktur_id=unit.struktur_id, path=unit.path_opd)
                .values_list("kode", flat=True)
                .get()
            )
        unit._kode_opd = kode
    return kode


def boleh_bertindak_sebagai(akses: Akses, level: Level, unit: UnitKerja) -> bool:
    """May this user act as `level` for `unit` (the team's unit, or a member's own unit)?"""
    if unit.instansi_id != akses.instansi_id:
        return False
    if akses.mengelola_seluruh_instansi:
        return True
    if akses.peran == Peran.PIMPINAN:
        return level == Level.LEVEL_1
    if akses.peran == Peran.OPERATOR:
        return level in _OPERATOR and kode_opd(unit) == akses.opd_kode
    return False


def pastikan_bertindak(akses: Akses, level: Level, unit: UnitKerja) -> None:
    if not boleh_bertindak_sebagai(akses, level, unit):
        raise TidakBerhak(
            f"Anda tidak dapat bertindak sebagai {LABEL_LEVEL[level]} untuk {unit.nama}."
        )


def boleh_ubah_koordinasi(akses: Akses) -> bool:
    """The pola koordinasi is agency-wide (a Perkada): Bagian Organisasi maintains it."""
    return akses.mengelola_seluruh_instansi
