"""The agency's allowance table as the rules engine reads it.

Its own module because both `selectors` (the register pages) and `perbandingan` (the version
comparison, which `selectors` re-exports) need it: neither imports the other for it.
"""

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.penyederhanaan.models import TabelTunjangan, TarifTunjangan


def tabel_tunjangan(*, akses: Akses) -> tuple[TabelTunjangan | None, aturan.TabelTunjangan]:
    """The agency's table as the rules engine's TabelTunjangan (example data when none)."""
    tabel = TabelTunjangan.objects.filter(instansi_id=akses.instansi_id).first()
    if tabel is None:
        return None, aturan.tabel_tunjangan_contoh()
    jabatan, fungsional, tpp = {}, {}, {}
    for t in TarifTunjangan.objects.filter(instansi_id=akses.instansi_id, tabel=tabel):
        if t.jenis == "jabatan":
            jabatan[t.kunci] = t.jumlah
        elif t.jenis == "fungsional":
            fungsional[(t.nama_jf, t.kunci) if t.nama_jf else t.kunci] = t.jumlah
        elif t.kunci.isdigit():
            tpp[int(t.kunci)] = t.jumlah
    return tabel, aturan.TabelTunjangan(jabatan, fungsional, tpp)
