"""The assignment state machine (R7-10..R7-12), as data: one row per action.

direncanakan ─mulai→ berjalan ─serahkan→ diserahkan ─terima→ diterima
                        ↑                      └─kembalikan→ dikembalikan ─mulai┘

Work counts as done only in `diterima`, which only Pejabat Level 1 can reach (R7-12);
returned work goes back to the members, who start it again.
"""

from dataclasses import dataclass

from ramping.akun.akses import Akses
from ramping.sistemkerja.akses import Level, boleh_bertindak_sebagai
from ramping.sistemkerja.models import Penugasan

S = Penugasan.Status


@dataclass(frozen=True, slots=True)
class Transisi:
    aksi: str
    dari: frozenset[str]
    ke: str
    level: Level
    label: str  # button text
    kata_kerja: str  # "… tidak dapat di<kata_kerja>"
    perlu_catatan: bool = False


TRANSISI: dict[str, Transisi] = {
    t.aksi: t
    for t in (
        Transisi(
            "mulai",
            frozenset({S.DIRENCANAKAN, S.DIKEMBALIKAN}),
            S.BERJALAN,
            Level.ANGGOTA,
            "Mulai kerjakan",
            "mulai",
        ),
        Transisi(
            "serahkan",
            frozenset({S.BERJALAN}),
            S.DISERAHKAN,
            Level.ANGGOTA,
            "Serahkan hasil",
            "serahkan",
        ),
        Transisi(
            "terima", frozenset({S.DISERAHKAN}), S.DITERIMA, Level.LEVEL_1, "Terima hasil", "terima"
        ),
        Transisi(
            "kembalikan",
            frozenset({S.DISERAHKAN}),
            S.DIKEMBALIKAN,
            Level.LEVEL_1,
            "Kembalikan dengan catatan",
            "kembalikan",
            perlu_catatan=True,
        ),
    )
}

# States in which the members may add and update activities.
STATUS_KEGIATAN = frozenset({S.BERJALAN})
STATUS_TERBUKA = frozenset({S.DIRENCANAKAN, S.BERJALAN, S.DISERAHKAN, S.DIKEMBALIKAN})


def aksi_tersedia(akses: Akses, penugasan: Penugasan) -> list[Transisi]:
    """The actions this user may take on the assignment now (the page's buttons)."""
    return [
        t
        for t in TRANSISI.values()
        if penugasan.status in t.dari and boleh_bertindak_sebagai(akses, t.level, penugasan.unit)
    ]
