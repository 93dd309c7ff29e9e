"""Reads of positions and of the peta jabatan (B / K / ±), scoped to one agency.

B (bezetting) is the count of active placements (`tmt_selesai` empty) of the position in its
Struktur version, annotated in the same query as the positions. K is `Jabatan.kebutuhan`, which
stays empty until the ABK is computed: such a position counts as "K unknown" and is left out
of K and ± sums, and the number of such positions is reported next to every total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jabatan, JenisJabatan
from ramping.organisasi.models import Struktur, UnitKerja


@dataclass(slots=True)
class BarisJabatan:
    """One position with its B, as the peta jabatan shows it."""

    id: int
    unit_id: int
    nama: str
    jenis: str
    jenjang: str
    kelas: int | None
    kebutuhan: int | None
    is_kepala: bool
    b: int

    @property
    def selisih(self) -> int | None:
        """± = B − K (negative: shortage); unknown while K is."""
        return None if self.kebutuhan is None else self.b - self.kebutuhan

    def get_jenis_display(self) -> str:
        return JenisJabatan(self.jenis).label


@dataclass(slots=True)
class Rekap:
    """Totals over a set of positions. K and ± count only positions whose K is known."""

    jumlah: int = 0
    b: int = 0
    k: int = 0
    k_kosong: int = 0
    selisih: int = 0
    kurang: int = 0  # positions with B < K
    lebih: int = 0  # positions with B > K

    def tambah(self, baris: BarisJabatan) -> None:
        self.jumlah += 1
        self.b += baris.b
        if baris.kebutuhan is None:
            self.k_kosong += 1
            return
        self.k += baris.kebutuhan
        self.selisih += baris.b - baris.kebutuhan
        self.kurang += baris.b < baris.kebutuhan
        self.lebih += baris.b > baris.kebutuhan

    def gabung(self, lain: Rekap) -> None:
        for nama in ("jumlah", "b", "k", "k_kosong", "selisih", "kurang", "lebih"):
            setattr(self, nama, getattr(self, nama) + getattr(lain, nama))

    @property
    def k_diketahui(self) -> bool:
        return self.k_kosong < self.jumlah


@dataclass(slots=True)
class SimpulUnit:
    """A unit with its own positions, its sub-units and the totals of its whole subtree."""

    unit: UnitKerja
    jabatan: list[BarisJabatan] = field(default_factory=list)
    anak: list[SimpulUnit] = field(default_factory=list)
    rekap: Rekap = field(default_factory=Rekap)

    @property
    def kepala(self) -> BarisJabatan | None:
        return next((j for j in self.jabatan if j.is_kepala), None)

    def telusuri(self):
        """This node and its descendants, depth first in tree order."""
        yield self
        for anak in self.anak:
            yield from anak.telusuri()


def _jabatan_dengan_b(*, akses: Akses, struktur: Struktur) -> QuerySet[Jabatan]:
    return Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur).annotate(
        b=Count("penempatan_set", filter=Q(penempatan_set__tmt_selesai__isnull=True))
    )


def pohon_jabatan(
    *,
    akses: Akses,
    struktur: Struktur,
    unit: UnitKerja | None = None,
    jenis: str = "",
    hanya_kurang: bool = False,
) -> list[SimpulUnit]:
    """The unit tree (whole version or one unit's subtree) with positions, B and subtotals.

    Two queries whatever the size: the units, and the positions with B annotated. With a
    filter (`jenis`, `hanya_kurang`) only matching positions are kept and counted, and units
    left without any are pruned, so subtotals add up to what is shown.
    """
    akses.pastikan_instansi(struktur)
    units = UnitKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
    jabatan = _jabatan_dengan_b(akses=akses, struktur=struktur)
    if unit is not None:
        akses.pastikan_instansi(unit)
        units = units.filter(path__startswith=unit.path)
        jabatan = jabatan.filter(unit__path__startswith=unit.path)
    if jenis:
        jabatan = jabatan.filter(jenis=jenis)
    simpul: dict[int, SimpulUnit] = {}
    akar: list[SimpulUnit] = []
    for u in units.order_by("path"):
        node = simpul[u.pk] = SimpulUnit(unit=u)
        induk = simpul.get(u.induk_id) if u.induk_id else None
        (induk.anak if induk is not None else akar).append(node)
    baris = jabatan.order_by("-is_kepala", "urutan", "id").values_list(
        "id", "unit_id", "nama", "jenis", "jenjang", "kelas", "kebutuhan", "is_kepala", "b"
    )
    for row in baris:
        j = BarisJabatan(*row)
        if hanya_kurang and not (j.kebutuhan is not None and j.b < j.kebutuhan):
            continue
        simpul[j.unit_id].jabatan.append(j)
    for node in akar:
        _hitung_rekap(node)
    if jenis or hanya_kurang:
        akar = [n for n in akar if _pangkas(n)]
    return akar


def _hitung_rekap(node: SimpulUnit) -> Rekap:
    # Recursion depth is the tree depth (a handful of levels), not the number of units.
    for j in node.jabatan:
        node.rekap.tambah(j)
    for anak in node.anak:
        node.rekap.gabung(_hitung_rekap(anak))
    return node.rekap


def _pangkas(node: SimpulUnit) -> bool:
    """Drop sub-units without any (matching) position; True if this node keeps something."""
    node.anak = [a for a in node.anak if _pangkas(a)]
    return node.rekap.jumlah > 0


def rekap_total(akar: list[SimpulUnit]) -> Rekap:
    total = Rekap()
    for node in akar:
        total.gabung(node.rekap)
    return total


def jabatan_ambil(*, akses: Akses, jabatan_id: int) -> Jabatan:
    """One position of the agency with its unit, version and B."""
    jabatan = (
        Jabatan.objects.filter(instansi_id=akses.instansi_id, pk=jabatan_id)
        .annotate(b=Count("penempatan_set", filter=Q(penempatan_set__tmt_selesai__isnull=True)))
        .select_related("unit", "struktur")
        .first()
    )
    if jabatan is None:
        raise TidakDitemukan("Jabatan tidak ditemukan.")
    return jabatan


def jabatan_versi(*, akses: Akses, struktur: Struktur) -> QuerySet[Jabatan]:
    """Every position of one version (what a placement may point at), with its unit."""
    akses.pastikan_instansi(struktur)
    return Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur).select_related(
        "unit"
    )


def jabatan_boleh_diubah(*, akses: Akses, struktur: Struktur) -> QuerySet[Jabatan]:
    """The positions of one version this user may edit: all for an analyst, the OPD's for an
    operator, none for a leader. Ordered by unit path, for grouped choice lists."""
    qs = jabatan_versi(akses=akses, struktur=struktur).order_by(
        "unit__path", "-is_kepala", "urutan"
    )
    if akses.mengelola_seluruh_instansi:
        return qs
    if not akses.opd_kode:
        return qs.none()
    opd = UnitKerja.objects.filter(
        instansi_id=akses.instansi_id, struktur=struktur, kedalaman=0, kode=akses.opd_kode
    ).values_list("path", flat=True)
    path = opd.first()
    if path is None:
        return qs.none()
    return qs.filter(unit__path__startswith=path)
