"""Tree tables shared by the peta jabatan, the ABK recap and the 5-year projection.

Layout of PermenPAN-RB 1/2020 / Peraturan BKN 9/2022 peta jabatan tables (anjab-abk.md §4):
a tree by unit, positions under their unit, indentation by unit depth, a subtotal row closing
each unit (its whole subtree) and a grand total.
"""

from collections.abc import Callable, Iterator

from ramping.laporan.dokumen import DATA, SUBTOTAL, TOTAL, UNIT, Baris, Nilai
from ramping.laporan.selectors import JabatanL, SimpulL

SelJabatan = Callable[[int, JabatanL], tuple[Nilai, ...]]
SelRekap = Callable[[str, list[JabatanL]], tuple[Nilai, ...]]


def baris_pohon(
    akar: list[SimpulL], sel_jabatan: SelJabatan, sel_rekap: SelRekap, kolom_nama: int = 1
) -> list[Baris]:
    """Unit header, its positions, its sub-units, then "Jumlah <unit>"; a grand total last.

    `sel_rekap(label, positions)` builds a subtotal row from the positions of a subtree, so
    every total is by construction the sum of the rows it closes.
    """
    baris: list[Baris] = []
    nomor = 0

    def kunjungi(node: SimpulL) -> None:
        nonlocal nomor
        tingkat = node.unit.kedalaman
        kosong = sel_rekap("", [])
        judul = tuple(node.unit.nama if i == kolom_nama else None for i in range(len(kosong)))
        baris.append(Baris(judul, UNIT, tingkat, kunci=node.unit.path))
        for j in node.jabatan:
            nomor += 1
            baris.append(Baris(sel_jabatan(nomor, j), DATA, tingkat + 1, kepala=j.is_kepala))
        for anak in node.anak:
            kunjungi(anak)
        semua = list(node.semua_jabatan())
        baris.append(
            Baris(sel_rekap(f"Jumlah {node.unit.nama}", semua), SUBTOTAL, tingkat, node.unit.path)
        )

    for node in akar:
        kunjungi(node)
    semua = [j for node in akar for j in node.semua_jabatan()]
    baris.append(Baris(sel_rekap("JUMLAH SELURUHNYA", semua), TOTAL))
    return baris


def jumlah(nilai: Iterator) -> int | None:
    """Sum of the known values; None when none is known (K before the ABK is computed)."""
    daftar = [n for n in nilai if n is not None]
    return sum(daftar) if daftar else None
