"""Reads of positions and of the peta jabatan (B / K / ±), scoped to one agency.

B (bezetting) is the count of active placements (`tmt_selesai` empty) of the position in its
Struktur version, annotated in the same query as the positions. K is `Jabatan.kebutuhan`, which
stays empty until the ABK is computed: such a position counts as "K unknown" and is left out
of K and ± sums, and the number of such positions is reported next to every total.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.aturan.nomenklatur import cari_nama_pelaksana
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import (
    Anjab,
    EvaluasiJabatan,
    Jabatan,
    JenisJabatan,
    KelasInstansi,
    Tugas,
)
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan, b_jabatan
from ramping.penataan.catatan import catatan_terbuka_jabatan
from ramping.penataan.kunci import opd_terkunci

FIELD_BARIS = (
    "id", "unit_id", "kode", "nama", "jenis", "nama_jf", "jenjang", "kelas", "is_kepala",
    "beban_kerja_jam", "kebutuhan_desimal", "kebutuhan",
)  # fmt: skip


@dataclass(slots=True)
class BarisJabatan:
    """One position with its ABK results and B: a row of the peta jabatan, on the page and in
    every report (the fields are read in this order, `FIELD_BARIS`, with B appended)."""

    id: int
    unit_id: int
    kode: str
    nama: str
    jenis: str
    nama_jf: str
    jenjang: str
    kelas: int | None
    is_kepala: bool
    beban_kerja_jam: Decimal | None
    kebutuhan_desimal: Decimal | None
    kebutuhan: int | None
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

    def semua_jabatan(self):
        for simpul in self.telusuri():
            yield from simpul.jabatan


def pohon_jabatan(
    *,
    akses: Akses,
    struktur: Struktur,
    unit: UnitKerja | None = None,
    jenis: str = "",
    hanya_kurang: bool = False,
) -> list[SimpulUnit]:
    """The unit tree (whole version or one unit's subtree) with positions, B and subtotals:
    the one position tree behind the pages (peta, pohon, bagan, dasbor, unit) and the reports.

    Three queries whatever the size: the units, the positions, and B per position counted
    from the version's active placements alone (an index on instansi, struktur, jabatan; a
    join from every position to every placement grows with the whole table). With a
    filter (`jenis`, `hanya_kurang`) only matching positions are kept and counted, and units
    left without any are pruned, so subtotals add up to what is shown.
    """
    akses.pastikan_instansi(struktur)
    units = UnitKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
    jabatan = Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
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
    b = Penempatan.objects.bezetting(struktur_id=struktur.pk)
    baris = jabatan.order_by("-is_kepala", "urutan", "id").values_list(*FIELD_BARIS)
    for row in baris:
        j = BarisJabatan(*row, b.get(row[0], 0))
        if hanya_kurang and not (j.kebutuhan is not None and j.b < j.kebutuhan):
            continue
        simpul[j.unit_id].jabatan.append(j)
    hitung_rekap_pohon(akar)
    if jenis or hanya_kurang:
        akar = [n for n in akar if _pangkas(n)]
    return akar


def hitung_rekap_pohon(akar: list[SimpulUnit]) -> None:
    """Fill every node's subtree totals (the live tree and a snapshot's alike)."""
    for node in akar:
        _hitung_rekap(node)


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
        .annotate(b=b_jabatan())
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


# --- The position page (header, ANJAB, Tugas & ABK, Evaluasi) --------------------------------

# Item 3 of the informasi jabatan lists the unit chain per level (PermenPAN-RB 1/2020; Peraturan
# BKN 9/2022 Pasal 3): the level of a unit is the one of its head, read from its eselon.
TINGKAT_UNIT = (
    ("jpt_utama", "JPT Utama"),
    ("jpt_madya", "JPT Madya"),
    ("jpt_pratama", "JPT Pratama"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Jabatan Fungsional"),
)
_TINGKAT_ESELON = {"I": "jpt_madya", "II": "jpt_pratama", "III": "administrator"}
_TINGKAT_ESELON |= {"IV": "pengawas", "V": "pelaksana"}


def _tingkat_unit(unit: UnitKerja) -> str:
    if unit.jenis == "kelompok_jf":
        return "fungsional"
    return _TINGKAT_ESELON.get(unit.eselon.split(".")[0], "") if unit.eselon else ""


@dataclass(slots=True)
class RingkasanJabatan:
    """Everything the position page's header shows, and what the user may do there."""

    jabatan: Jabatan
    leluhur: list[UnitKerja]
    pengaturan: aturan.Pengaturan
    boleh_ubah: bool  # ANJAB and tasks: the OPD's operator or an analyst, not in an archive
    boleh_evaluasi: bool  # evaluasi jabatan: analysts and admins only
    ej: Decimal | None = None
    pj: str = ""
    terkunci: str = ""  # why a penataan round locks this OPD for the user ("" if it does not)
    catatan: list = field(default_factory=list)  # open verifier's notes (penataan cycle)

    def catatan_untuk(self, sasaran: str, butir: str = "") -> list:
        return [c for c in self.catatan if c.sasaran == sasaran and (not butir or c.butir == butir)]

    @property
    def opd(self) -> UnitKerja:
        return self.leluhur[0] if self.leluhur else self.jabatan.unit

    @property
    def selisih(self) -> int | None:
        k = self.jabatan.kebutuhan
        return None if k is None else self.jabatan.b - k

    @property
    def label_pj(self) -> str:
        return aturan.label_pj(self.pj, pengaturan=self.pengaturan) if self.pj else ""

    @property
    def arsip(self) -> bool:
        return self.jabatan.struktur.status == Struktur.Status.ARSIP

    def rantai_unit(self) -> list[tuple[str, str]]:
        """Item 3 of the ANJAB: (level label, unit names) from JPT Utama down to JF."""
        per_tingkat: dict[str, list[str]] = {}
        for unit in [*self.leluhur, self.jabatan.unit]:
            per_tingkat.setdefault(_tingkat_unit(unit), []).append(unit.nama)
        return [(label, ", ".join(per_tingkat.get(kode, []))) for kode, label in TINGKAT_UNIT]


def ringkasan_jabatan(*, akses: Akses, jabatan_id: int) -> RingkasanJabatan:
    """The position with B, its unit chain, EJ/PJ and the user's rights."""
    return hak_ringkasan(akses=akses, r=ringkasan_data(akses=akses, jabatan_id=jabatan_id))


def ringkasan_data(*, akses: Akses, jabatan_id: int) -> RingkasanJabatan:
    """What the header shows without the user's rights (`boleh_ubah`, `boleh_evaluasi` False,
    `terkunci` empty): a function of the agency's data alone, so the position page may keep it
    in `ramping.web.potongan` (keyed by the change counter); `hak_ringkasan` adds the rights
    per request. Five queries."""
    from ramping.organisasi.pengaturan import pengaturan_instansi
    from ramping.organisasi.selectors import unit_leluhur

    jabatan = jabatan_ambil(akses=akses, jabatan_id=jabatan_id)
    hasil = RingkasanJabatan(
        jabatan=jabatan,
        leluhur=unit_leluhur(unit=jabatan.unit),
        pengaturan=pengaturan_instansi(instansi_id=jabatan.instansi_id),
        boleh_ubah=False,
        boleh_evaluasi=False,
        catatan=catatan_terbuka_jabatan(instansi_id=jabatan.instansi_id, jabatan_id=jabatan.pk),
    )
    # EJ needs holders and a workload (anjab-abk.md §2); otherwise the page shows "–".
    if jabatan.b > 0 and jabatan.beban_kerja_jam is not None:
        hasil.ej, hasil.pj = aturan.efektivitas_jabatan(
            jabatan.beban_kerja_jam, jabatan.b, pengaturan=hasil.pengaturan
        )
    return hasil


def hak_ringkasan(*, akses: Akses, r: RingkasanJabatan) -> RingkasanJabatan:
    """`r` with this user's rights: the OPD's operator or an analyst may edit, outside an
    archive and a penataan round's lock (one query, none for who manages the whole agency);
    the evaluation is for analysts and admins only. Always computed per request."""
    terkunci = opd_terkunci(akses=akses, struktur_id=r.jabatan.struktur_id).get(r.opd.kode, "")
    boleh = akses.boleh_ubah_opd(r.opd.kode) and not r.arsip and not terkunci
    evaluasi = boleh and akses.mengelola_seluruh_instansi
    return replace(r, boleh_ubah=boleh, boleh_evaluasi=evaluasi, terkunci=terkunci)


@dataclass(frozen=True, slots=True)
class BarisTugas:
    """One task with its workload (hours/year) and its own, unrounded share of K."""

    tugas: Tugas
    beban_jam: Decimal
    kebutuhan: Decimal
    melebihi_wke: bool = False  # one unit of output takes longer than the WKE (a warning)


def tugas_jabatan(*, jabatan: Jabatan, pengaturan: aturan.Pengaturan) -> list[BarisTugas]:
    """The tasks of a position in order, each with beban and kebutuhan: one query."""
    hasil = []
    for t in Tugas.objects.filter(instansi_id=jabatan.instansi_id, jabatan=jabatan):
        abk = aturan.Tugas(volume=t.volume, waktu=t.waktu, satuan=t.satuan_waktu)
        hasil.append(
            BarisTugas(
                tugas=t,
                beban_jam=aturan.bulatkan_beban(abk.beban_jam),
                kebutuhan=aturan.bulatkan_kebutuhan_desimal(
                    aturan.kebutuhan_pegawai([abk], pengaturan=pengaturan)
                ),
                melebihi_wke=aturan.waktu_melebihi_wke(abk, pengaturan=pengaturan),
            )
        )
    return hasil


def tugas_ambil(*, akses: Akses, jabatan: Jabatan, tugas_id: int) -> Tugas:
    tugas = Tugas.objects.filter(
        instansi_id=akses.instansi_id, jabatan=jabatan, pk=tugas_id
    ).first()
    if tugas is None:
        raise TidakDitemukan("Tugas tidak ditemukan.")
    return tugas


def anjab_isian(*, jabatan: Jabatan) -> dict[str, Any]:
    """The stored ANJAB items of a position in the shape the form edits, plus `versi`
    (0 while none has been saved) and who saved that revision when (`diubah`, `diubah_oleh`),
    shown beside the save button."""
    from ramping.jabatan.services.anjab import FIELD_ANJAB, bersihkan_anjab

    anjab = (
        Anjab.objects.filter(instansi_id=jabatan.instansi_id, jabatan=jabatan)
        .select_related("diubah_oleh")
        .first()
    )
    kosong = {"ikhtisar": "", "pendidikan_formal": "", "prestasi_kerja": "", "syarat_jabatan": {}}
    isian = bersihkan_anjab(
        {f: getattr(anjab, f) if anjab else kosong.get(f, []) for f in FIELD_ANJAB}
    )
    isian["versi"] = anjab.versi if anjab else 0
    isian["diubah"] = anjab.diubah if anjab else None
    isian["diubah_oleh"] = anjab.diubah_oleh if anjab else None
    return isian


def evaluasi_ambil(*, jabatan: Jabatan) -> EvaluasiJabatan | None:
    return EvaluasiJabatan.objects.filter(instansi_id=jabatan.instansi_id, jabatan=jabatan).first()


@dataclass(frozen=True)
class AcuanKelas:
    """Where a position's kelas comes from: the agency's own decision (`KelasInstansi`) first,
    then the catalogue (JF: `kelas_jabatan`; pelaksana: `kelas_indikatif`), else unknown."""

    khusus: dict[tuple[str, str, str], tuple[int, str]]

    def kelas(
        self, jenis: str, nama: str, nama_jf: str = "", jenjang: str = ""
    ) -> tuple[int | None, str]:
        if jenis == JenisJabatan.FUNGSIONAL:
            kunci = ("fungsional", (nama_jf or nama).strip().casefold(), jenjang)
            if kunci in self.khusus:
                return self.khusus[kunci]
            jf = aturan.cari_jf(nama_jf or nama, jenjang)
            if jf is not None and jf.kelas_jabatan is not None:
                return jf.kelas_jabatan, f"katalog: {jf.sumber.dasar_hukum}"
            return None, ""
        if jenis == JenisJabatan.PELAKSANA:
            kunci = ("pelaksana", nama.strip().casefold(), "")
            if kunci in self.khusus:
                return self.khusus[kunci]
            baku = cari_nama_pelaksana(nama)
            if baku is not None and baku.kelas_indikatif is not None:
                return baku.kelas_indikatif, f"katalog: {baku.sumber.dasar_hukum}"
        return None, ""


def kelas_acuan(instansi_id: int) -> AcuanKelas:
    """The agency's kelas reference, read in one query (use it for a whole version)."""
    khusus = {
        (k.jenis, k.nama.strip().casefold(), k.jenjang): (k.kelas, f"{k.dasar_hukum} (instansi)")
        for k in KelasInstansi.objects.filter(instansi_id=instansi_id)
    }
    return AcuanKelas(khusus)
