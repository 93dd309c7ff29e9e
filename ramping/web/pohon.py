"""Flatten a unit tree for templates that render nested lists or indented tables."""

from dataclasses import dataclass

from ramping.jabatan.selectors import SimpulUnit


@dataclass(frozen=True, slots=True)
class BarisPohon:
    node: SimpulUnit
    kedalaman: int
    punya_anak: bool
    tutup: range  # how many open parent lists end right after this node

    @property
    def indentasi(self) -> str:
        """Left padding of the name cell, in rem (unlocalised: it goes into a style)."""
        return f"{0.25 + 1.25 * self.kedalaman:.2f}rem"


def ratakan(akar: list[SimpulUnit]) -> list[BarisPohon]:
    """Depth-first rows; `tutup` lets a template close nested <ul> without recursion."""
    hasil: list[BarisPohon] = []

    def kunjungi(node: SimpulUnit, kedalaman: int, tutup_setelah: int) -> None:
        if not node.anak:
            hasil.append(BarisPohon(node, kedalaman, False, range(tutup_setelah)))
            return
        hasil.append(BarisPohon(node, kedalaman, True, range(0)))
        for i, anak in enumerate(node.anak):
            terakhir = i == len(node.anak) - 1
            kunjungi(anak, kedalaman + 1, tutup_setelah + 1 if terakhir else 0)

    for node in akar:
        kunjungi(node, 0, 0)
    return hasil
