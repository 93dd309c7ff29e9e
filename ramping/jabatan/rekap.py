"""Totals of a version without building the position tree: the dashboard's figures.

`pohon_jabatan` builds every position row (names, Decimal ABK fields, tree nodes) for pages
that show them. The dashboard shows only totals — per OPD (B, K), per jenis, per kelas, and
the agency's B/K/± with shortage and excess counts — so it reads four narrow columns of the
positions, the unit tree's ids and B per position (three queries, no Decimal conversion), and
adds them up with the same rules as `Rekap` (K and ± count only positions whose K is known).
`tests/web/test_rekap_dasbor.py` checks the result equals the tree's on the demo agency.
"""

from collections import Counter
from dataclasses import dataclass, field

from ramping.akun.akses import Akses
from ramping.jabatan.models import Jabatan
from ramping.jabatan.selectors import Rekap
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan


@dataclass
class RekapOpd:
    """One OPD (a root unit of the version) and the totals of its whole subtree."""

    pk: int
    nama: str
    singkatan: str
    rekap: Rekap = field(default_factory=Rekap)


@dataclass
class RekapVersi:
    total: Rekap
    opd: list[RekapOpd]  # in tree order (by path), as the peta and the chart list them
    jumlah_unit: int
    per_jenis: Counter
    per_kelas: Counter


def _tambah(r: Rekap, b: int, k: int | None) -> None:
    """`Rekap.tambah` for bare values (the same rule)."""
    r.jumlah += 1
    r.b += b
    if k is None:
        r.k_kosong += 1
        return
    r.k += k
    r.selisih += b - k
    r.kurang += b < k
    r.lebih += b > k


def rekap_versi(*, akses: Akses, struktur: Struktur) -> RekapVersi:
    akses.pastikan_instansi(struktur)
    akar: dict[int, int] = {}  # unit → its OPD (root unit)
    opd: dict[int, RekapOpd] = {}
    units = (
        UnitKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
        .order_by("path")
        .values_list("pk", "induk_id", "nama", "singkatan")
    )
    for pk, induk, nama, singkatan in units:
        if induk is None:
            akar[pk] = pk
            opd[pk] = RekapOpd(pk, nama, singkatan)
        else:
            akar[pk] = akar[induk]  # parents come first in path order
    b = Penempatan.objects.bezetting(struktur_id=struktur.pk)
    total = Rekap()
    per_jenis: Counter = Counter()
    per_kelas: Counter = Counter()
    baris = Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur).values_list(
        "id", "unit_id", "jenis", "kelas", "kebutuhan"
    )
    for pk, unit_id, jenis, kelas, k in baris:
        bj = b.get(pk, 0)
        _tambah(total, bj, k)
        _tambah(opd[akar[unit_id]].rekap, bj, k)
        per_jenis[jenis] += 1
        per_kelas[kelas] += 1
    return RekapVersi(total, list(opd.values()), len(akar), per_jenis, per_kelas)
