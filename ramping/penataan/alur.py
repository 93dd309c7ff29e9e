"""The state machine of one OPD in a penataan round, as a table (tested row by row).

    belum ──mulai──▶ draf ──ajukan──▶ diajukan ──setujui──▶ disetujui
      └──────────ajukan──────────▲        │                     │
                    revisi ◀──kembalikan──┘◀───buka_kembali─────┘
                      └──────────ajukan─────────▲

Who may act: the OPD's own operator starts and submits; an analyst (or the agency admin)
returns, approves and reopens. A return or a reopening needs a note: the OPD must know why.
"""

from dataclasses import dataclass

from ramping.penataan.models import PesertaPenataan

S = PesertaPenataan.Status


@dataclass(frozen=True)
class Transisi:
    dari: frozenset[str]
    ke: str
    oleh: str  # "operator": the OPD's own operator; "analis": analyst or agency admin
    kata_kerja: str
    perlu_catatan: bool = False


TRANSISI: dict[str, Transisi] = {
    "mulai": Transisi(frozenset({S.BELUM}), S.DRAF, "operator", "memulai"),
    "ajukan": Transisi(
        frozenset({S.BELUM, S.DRAF, S.REVISI}), S.DIAJUKAN, "operator", "mengajukan"
    ),
    "kembalikan": Transisi(frozenset({S.DIAJUKAN}), S.REVISI, "analis", "mengembalikan", True),
    "setujui": Transisi(frozenset({S.DIAJUKAN}), S.DISETUJUI, "analis", "menyetujui"),
    "buka_kembali": Transisi(frozenset({S.DISETUJUI}), S.REVISI, "analis", "membuka kembali", True),
}
