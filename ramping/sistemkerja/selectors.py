"""Every read of the work system: tenant filter and prefetching live here.

The workload matrix and the dashboard are set-based: a fixed number of queries whatever the
number of people, teams or assignments (asserted in tests/sistemkerja/test_kueri.py).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.utils import timezone

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.akun.models import Peran
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.sistemkerja.models import (
    AnggotaTim,
    Kegiatan,
    Penugasan,
    RelasiKoordinasi,
    RiwayatPenugasan,
    TimKerja,
)

A = AnggotaTim
S = Penugasan.Status

# --- Tim -----------------------------------------------------------------------------------


def tim_daftar(
    *,
    akses: Akses,
    struktur: Struktur,
    unit: UnitKerja | None = None,
    status: str = "",
    cari: str = "",
) -> QuerySet[TimKerja]:
    qs = TimKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if status:
        qs = qs.filter(status=status)
    if cari:
        qs = qs.filter(Q(nama__icontains=cari) | Q(program__icontains=cari))
    return (
        qs.select_related("unit")
        .annotate(
            jumlah_anggota=Count(
                "anggota_set", filter=Q(anggota_set__status=A.Status.DISETUJUI), distinct=True
            ),
            jumlah_menunggu=Count(
                "anggota_set", filter=Q(anggota_set__status=A.Status.DIAJUKAN), distinct=True
            ),
            jumlah_penugasan=Count("penugasan_set", distinct=True),
        )
        .order_by("status", "nama", "id")
    )


def tim_ambil(*, akses: Akses, tim_id: int) -> TimKerja:
    tim = (
        TimKerja.objects.filter(instansi_id=akses.instansi_id, pk=tim_id)
        .select_related("unit", "struktur", "dibuat_oleh")
        .first()
    )
    if tim is None:
        raise TidakDitemukan("Tim kerja tidak ditemukan.")
    return tim


def anggota_tim(*, tim: TimKerja) -> list[AnggotaTim]:
    """Members with their person, unit and current position in the team's version."""
    anggota = list(
        AnggotaTim.objects.filter(instansi_id=tim.instansi_id, tim=tim)
        .select_related("pegawai", "unit_asal", "diputuskan_oleh", "diajukan_oleh")
        .order_by("status", "-peran", "id")
    )
    jabatan = {
        p.pegawai_id: p.jabatan
        for p in Penempatan.objects.aktif()
        .filter(
            instansi_id=tim.instansi_id,
            struktur_id=tim.struktur_id,
            pegawai_id__in=[a.pegawai_id for a in anggota if a.pegawai_id],
        )
        .select_related("jabatan")
    }
    for a in anggota:
        a.jabatan = jabatan.get(a.pegawai_id)
        a.lintas_unit = a.eksternal or (
            a.unit_asal is not None and not a.unit_asal.path.startswith(tim.unit.path)
        )
    return anggota


def anggota_ambil(*, akses: Akses, anggota_id: int) -> AnggotaTim:
    a = (
        AnggotaTim.objects.filter(instansi_id=akses.instansi_id, pk=anggota_id)
        .select_related("tim__unit", "pegawai", "unit_asal")
        .first()
    )
    if a is None:
        raise TidakDitemukan("Anggota tim tidak ditemukan.")
    return a


def pegawai_unit(*, akses: Akses, struktur: Struktur, unit: UnitKerja) -> list[Penempatan]:
    """People placed in the unit's subtree (the member picker), with their positions."""
    return list(
        Penempatan.objects.aktif()
        .filter(
            instansi_id=akses.instansi_id,
            struktur=struktur,
            jabatan__unit__path__startswith=unit.path,
        )
        .select_related("pegawai", "jabatan__unit")
        .order_by("jabatan__unit__path", "-jabatan__is_kepala", "jabatan__urutan", "pegawai__nama")
    )


def pegawai_nip(*, akses: Akses, nip: str) -> Pegawai | None:
    return Pegawai.objects.filter(instansi_id=akses.instansi_id, nip=nip).first()


def unit_ambil(*, akses: Akses, struktur: Struktur, unit_id: int) -> UnitKerja:
    unit = (
        UnitKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur, pk=unit_id)
        .select_related("struktur")
        .first()
    )
    if unit is None:
        raise TidakDitemukan("Unit kerja tidak ditemukan pada versi ini.")
    return unit


def unit_pilihan(*, akses: Akses, struktur: Struktur, kedalaman_maks: int = 1) -> list[UnitKerja]:
    """OPD and their direct units (bidang, bagian, sekretariat): the teams' owners.

    Each unit knows its OPD's kode (for `boleh_bertindak_sebagai`) without a query per unit.
    """
    units = list(
        UnitKerja.objects.filter(
            instansi_id=akses.instansi_id, struktur=struktur, kedalaman__lte=kedalaman_maks
        )
        .select_related("struktur")
        .order_by("path")
    )
    kode = {u.path: u.kode for u in units if u.kedalaman == 0}
    for u in units:
        u._kode_opd = kode[u.path_opd]
    return units


def opd_pengguna(*, akses: Akses, struktur: Struktur) -> UnitKerja | None:
    """An operator's own OPD in this version (their default scope)."""
    if akses.peran != Peran.OPERATOR:
        return None
    return UnitKerja.objects.filter(
        instansi_id=akses.instansi_id, struktur=struktur, kode=akses.opd_kode, kedalaman=0
    ).first()


# --- Penugasan -----------------------------------------------------------------------------


def _penugasan_qs(akses: Akses) -> QuerySet[Penugasan]:
    return (
        Penugasan.objects.filter(instansi_id=akses.instansi_id)
        .select_related("unit", "tim", "pegawai")
        .annotate(progres_rata=Avg("kegiatan_set__progres"))
    )


def penugasan_daftar(
    *,
    akses: Akses,
    struktur: Struktur,
    status: str = "",
    terlambat: bool = False,
    unit: UnitKerja | None = None,
    tim: TimKerja | None = None,
    hari_ini: date | None = None,
) -> QuerySet[Penugasan]:
    qs = _penugasan_qs(akses).filter(struktur=struktur)
    if status:
        qs = qs.filter(status=status)
    if terlambat:
        qs = qs.filter(tenggat__lt=hari_ini or timezone.localdate()).exclude(status=S.DITERIMA)
    if unit is not None:
        qs = qs.filter(unit__path__startswith=unit.path)
    if tim is not None:
        qs = qs.filter(tim=tim)
    return qs.order_by("tenggat", "id")


def penugasan_ambil(*, akses: Akses, penugasan_id: int) -> Penugasan:
    p = (
        _penugasan_qs(akses)
        .filter(pk=penugasan_id)
        .select_related("dibuat_oleh")
        .prefetch_related(
            Prefetch("kegiatan_set", queryset=Kegiatan.objects.select_related("diubah_oleh")),
            Prefetch("riwayat_set", queryset=RiwayatPenugasan.objects.select_related("oleh")),
        )
        .first()
    )
    if p is None:
        raise TidakDitemukan("Penugasan tidak ditemukan.")
    return p


def kegiatan_ambil(*, akses: Akses, kegiatan_id: int) -> Kegiatan:
    k = (
        Kegiatan.objects.filter(instansi_id=akses.instansi_id, pk=kegiatan_id)
        .select_related("penugasan__unit")
        .first()
    )
    if k is None:
        raise TidakDitemukan("Kegiatan tidak ditemukan.")
    return k


def terlambat(p: Penugasan, hari_ini: date | None = None) -> bool:
    return p.status != S.DITERIMA and p.tenggat < (hari_ini or timezone.localdate())


# --- Persetujuan ---------------------------------------------------------------------------


def pengajuan_menunggu(*, akses: Akses, struktur: Struktur) -> list[AnggotaTim]:
    """Cross-unit memberships waiting for a decision this user may take."""
    qs = AnggotaTim.objects.filter(
        instansi_id=akses.instansi_id, tim__struktur=struktur, status=A.Status.DIAJUKAN
    ).select_related("tim__unit", "pegawai", "unit_asal")
    if akses.peran == Peran.PIMPINAN:
        return []
    if akses.peran == Peran.OPERATOR:
        opd = opd_pengguna(akses=akses, struktur=struktur)
        if opd is None:
            return []
        qs = qs.filter(
            Q(eksternal=False, unit_asal__path__startswith=opd.path)
            | Q(eksternal=True, tim__unit__path__startswith=opd.path)
        )
    return list(qs.order_by("diajukan_pada", "id"))


# --- Dasbor --------------------------------------------------------------------------------


@dataclass
class Dasbor:
    tim_aktif: int
    anggota_dihitung: int
    orang: int
    lintas_unit: int
    menunggu: int
    per_status: list[tuple[str, str, int]]
    terlambat: int
    tim_terbesar: list[TimKerja]
    tim_per_orang: list[tuple[str, int]]
    daftar_terlambat: list[Penugasan]

    @property
    def persen_lintas_unit(self) -> Decimal:
        if not self.anggota_dihitung:
            return Decimal(0)
        return aturan.bulatkan(Decimal(100 * self.lintas_unit) / self.anggota_dihitung, 1)

    @property
    def total_penugasan(self) -> int:
        return sum(n for _s, _l, n in self.per_status)


def dasbor(*, akses: Akses, struktur: Struktur, hari_ini: date | None = None) -> Dasbor:
    """The work system at a glance: six queries whatever the agency's size."""
    hari_ini = hari_ini or timezone.localdate()
    aktif = TimKerja.objects.filter(
        instansi_id=akses.instansi_id, struktur=struktur, status=TimKerja.Status.AKTIF
    )
    tim_aktif = aktif.count()
    keanggotaan = list(
        AnggotaTim.objects.filter(
            instansi_id=akses.instansi_id, tim__struktur=struktur, tim__status="aktif"
        ).values_list("pegawai_id", "eksternal", "status", "unit_asal__path", "tim__unit__path")
    )
    dihitung = [k for k in keanggotaan if k[2] == A.Status.DISETUJUI]
    lintas = sum(
        1 for pid, eks, _s, asal, milik in dihitung if eks or not (asal or "").startswith(milik)
    )
    per_orang = Counter(pid for pid, *_ in dihitung if pid)
    sebaran = Counter(min(n, 4) for n in per_orang.values())
    label = {1: "1 tim", 2: "2 tim", 3: "3 tim", 4: "4 tim atau lebih"}
    status = dict(
        Penugasan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    telat = penugasan_daftar(akses=akses, struktur=struktur, terlambat=True, hari_ini=hari_ini)
    daftar_telat = list(telat[:10])
    terbesar = list(
        aktif.select_related("unit")
        .annotate(
            jumlah_anggota=Count("anggota_set", filter=Q(anggota_set__status="disetujui")),
            jumlah_menunggu=Count("anggota_set", filter=Q(anggota_set__status="diajukan")),
        )
        .order_by("-jumlah_anggota", "nama")[:12]
    )
    return Dasbor(
        tim_aktif=tim_aktif,
        anggota_dihitung=len(dihitung),
        orang=len(per_orang),
        lintas_unit=lintas,
        menunggu=sum(1 for k in keanggotaan if k[2] == A.Status.DIAJUKAN),
        per_status=[(s, lbl, status.get(s, 0)) for s, lbl in S.choices],
        terlambat=telat.count(),
        tim_terbesar=terbesar,
        tim_per_orang=[(label[k], sebaran.get(k, 0)) for k in sorted(label)],
        daftar_terlambat=daftar_telat,
    )


# --- Beban kerja per orang -----------------------------------------------------------------


@dataclass
class BarisBeban:
    pegawai: Pegawai
    jabatan: Jabatan
    abk: Decimal  # share of the position's ABK workload: beban_kerja_jam ÷ B
    jam: dict[int, Decimal] = field(default_factory=dict)  # agreed hours per team
    menunggu: dict[int, Decimal] = field(default_factory=dict)  # hours awaiting agreement
    wke: Decimal = Decimal(1250)
    ambang_menganggur: int = 50

    @property
    def jam_tim(self) -> Decimal:
        return sum(self.jam.values(), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.jam_tim + self.abk

    @property
    def persen(self) -> Decimal:
        return aturan.bulatkan(100 * self.total / self.wke, 0)

    @property
    def sisa(self) -> Decimal:
        return self.wke - self.total

    @property
    def tanda(self) -> str:
        if self.total > self.wke:
            return "lebih"
        if self.persen < self.ambang_menganggur:
            return "menganggur"
        return ""

    def sel(self, tim_id: int) -> tuple[Decimal | None, bool]:
        """Hours in a team and whether they still wait for agreement."""
        if tim_id in self.jam:
            return self.jam[tim_id], False
        if tim_id in self.menunggu:
            return self.menunggu[tim_id], True
        return None, False


@dataclass
class Matriks:
    unit: UnitKerja
    wke: Decimal
    tim: list[TimKerja]
    baris: list[BarisBeban]
    ambang_menganggur: int

    @property
    def total_per_tim(self) -> dict[int, Decimal]:
        total: defaultdict[int, Decimal] = defaultdict(Decimal)
        for b in self.baris:
            for tid, jam in b.jam.items():
                total[tid] += jam
        return dict(total)

    @property
    def kolom_total(self) -> list[Decimal]:
        t = self.total_per_tim
        return [t.get(x.pk, Decimal(0)) for x in self.tim]

    @property
    def total_abk(self) -> Decimal:
        return sum((b.abk for b in self.baris), Decimal(0))

    @property
    def total_jam_tim(self) -> Decimal:
        return sum((b.jam_tim for b in self.baris), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.total_abk + self.total_jam_tim

    @property
    def jumlah_lebih(self) -> int:
        return sum(1 for b in self.baris if b.tanda == "lebih")

    @property
    def jumlah_menganggur(self) -> int:
        return sum(1 for b in self.baris if b.tanda == "menganggur")


def beban_matriks(
    *,
    akses: Akses,
    unit: UnitKerja,
    cari: str = "",
    tanda: str = "",
    hanya_bertim: bool = False,
    ambang_menganggur: int = 50,
) -> Matriks:
    """People of a unit × their teams, with ABK share and totals against the WKE.

    Four queries whatever the size: settings, placements, B per position, memberships.
    """
    akses.pastikan_instansi(unit)
    wke = pengaturan_instansi(instansi_id=akses.instansi_id).wke_jam
    dasar = Penempatan.objects.aktif().filter(
        instansi_id=akses.instansi_id, struktur_id=unit.struktur_id
    )
    penempatan = dasar.filter(jabatan__unit__path__startswith=unit.path)
    if cari:
        penempatan = penempatan.filter(Q(pegawai__nama__icontains=cari) | Q(pegawai__nip=cari))
    penempatan = list(
        penempatan.select_related("pegawai", "jabatan__unit").order_by(
            "jabatan__unit__path", "-jabatan__is_kepala", "jabatan__urutan", "pegawai__nama"
        )
    )
    b = dict(
        dasar.filter(jabatan__unit__path__startswith=unit.path)
        .values("jabatan_id")
        .annotate(n=Count("id"))
        .values_list("jabatan_id", "n")
    )
    baris: dict[int, BarisBeban] = {}
    for p in penempatan:
        beban = p.jabatan.beban_kerja_jam or Decimal(0)
        baris[p.pegawai_id] = BarisBeban(
            pegawai=p.pegawai,
            jabatan=p.jabatan,
            abk=aturan.bulatkan(beban / max(b.get(p.jabatan_id, 1), 1), 2),
            wke=wke,
            ambang_menganggur=ambang_menganggur,
        )
    keanggotaan = (
        AnggotaTim.objects.filter(
            instansi_id=akses.instansi_id,
            tim__struktur_id=unit.struktur_id,
            tim__status=TimKerja.Status.AKTIF,
            pegawai_id__in=list(baris),
        )
        .exclude(status=A.Status.DITOLAK)
        .select_related("tim__unit")
    )
    tim: dict[int, TimKerja] = {}
    for a in keanggotaan:
        tujuan = baris[a.pegawai_id].jam if a.dihitung else baris[a.pegawai_id].menunggu
        tujuan[a.tim_id] = tujuan.get(a.tim_id, Decimal(0)) + a.jam_per_tahun
        tim[a.tim_id] = a.tim
    hasil = list(baris.values())
    if hanya_bertim:
        hasil = [x for x in hasil if x.jam or x.menunggu]
    if tanda:
        hasil = [x for x in hasil if x.tanda == tanda]
    urut_tim = sorted(tim.values(), key=lambda t: (t.nama, t.pk))
    return Matriks(unit, wke, urut_tim, hasil, ambang_menganggur)


# --- Koordinasi ----------------------------------------------------------------------------


def relasi_daftar(*, akses: Akses, struktur: Struktur) -> list[RelasiKoordinasi]:
    return list(
        RelasiKoordinasi.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
        .select_related("unit_dari", "unit_ke")
        .order_by("unit_dari__path", "unit_ke__path", "jenis")
    )


def relasi_ambil(*, akses: Akses, relasi_id: int) -> RelasiKoordinasi:
    r = (
        RelasiKoordinasi.objects.filter(instansi_id=akses.instansi_id, pk=relasi_id)
        .select_related("unit_dari", "unit_ke")
        .first()
    )
    if r is None:
        raise TidakDitemukan("Relasi koordinasi tidak ditemukan.")
    return r
