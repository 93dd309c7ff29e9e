"""Reads of the nomenklatur workbench: one row per pelaksana post with its suggestions, the
checks before applying (PermenPAN-RB 45/2022), and the kamus jabatan.

A fixed number of queries whatever the number of posts (positions, units, placements with
people, tasks, decisions); suggestions are computed in memory by `ramping.aturan`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ramping.akun.akses import Akses
from ramping.aturan.katalog import katalog_jf
from ramping.aturan.nomenklatur import NamaPelaksana, cari_nama_pelaksana, katalog_nomenklatur
from ramping.aturan.pendidikan import pendidikan_memenuhi
from ramping.aturan.saran_nomenklatur import (
    DaftarNomenklatur,
    HasilSaran,
    InfoKatalog,
    PosInput,
    SaranNama,
    info_katalog,
    normal,
    preseden_dari,
    sarankan_banyak,
)
from ramping.aturan.versi_nomenklatur import (
    ADA,
    HasilPeriksaDaftar,
    ambil_daftar,
    periksa_terhadap_daftar,
)
from ramping.jabatan.models import Jabatan, JenisJabatan, KelasInstansi, Tugas
from ramping.nomenklatur.models import KeputusanNomenklatur
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan

# Status of a post on the workbench.
BAKU, PERLU, DIPUTUSKAN, DIPERTAHANKAN, DIGABUNG = (
    "baku",
    "perlu",
    "diputuskan",
    "dipertahankan",
    "digabung",
)
LABEL_STATUS = {
    BAKU: _("Sudah baku"),
    PERLU: _("Perlu keputusan"),
    DIPUTUSKAN: _("Diputuskan"),
    DIPERTAHANKAN: _("Dipertahankan"),
    DIGABUNG: _("Digabung"),
}
_DARI_KEPUTUSAN = {
    KeputusanNomenklatur.Status.DIUBAH: DIPUTUSKAN,
    KeputusanNomenklatur.Status.DIPERTAHANKAN: DIPERTAHANKAN,
    KeputusanNomenklatur.Status.DIGABUNG: DIGABUNG,
}


@dataclass(frozen=True, slots=True)
class Pemangku:
    nip: str
    nama: str
    pendidikan: str


@dataclass(slots=True)
class BarisMeja:
    jabatan: Jabatan
    opd: UnitKerja
    jalur: str  # unit path below the OPD, "Bidang … › Seksi …"
    pemangku: list[Pemangku]
    status: str
    saran: tuple[SaranNama, ...]
    mirip_jf: str | None
    klasifikasi: str
    keputusan: KeputusanNomenklatur | None
    baku: NamaPelaksana | None

    @property
    def label_status(self) -> str:
        return LABEL_STATUS[self.status]

    @property
    def nama_lama(self) -> str:
        return self.keputusan.nama_lama if self.keputusan else self.jabatan.nama

    @property
    def teratas(self) -> SaranNama | None:
        return self.saran[0] if self.saran else None


def _pelaksana(struktur: Struktur):
    return (
        Jabatan.objects.filter(struktur=struktur, jenis=JenisJabatan.PELAKSANA, is_kepala=False)
        .select_related("unit")
        .order_by("unit__path", "urutan", "id")
    )


def baris_meja(
    *,
    akses: Akses,
    struktur: Struktur,
    opd_kode: str = "",
    status: str = "",
    klasifikasi: str = "",
    cari: str = "",
) -> list[BarisMeja]:
    """The workbench rows of a version (filtered); the operator sees their own OPD only."""
    akses.pastikan_instansi(struktur)
    if not akses.mengelola_seluruh_instansi:
        opd_kode = akses.opd_kode
    opd_list = list(UnitKerja.objects.filter(struktur=struktur, kedalaman=0))
    opd_per_path = {u.path: u for u in opd_list}
    pilih_opd = next((u for u in opd_list if u.kode == opd_kode), None) if opd_kode else None
    if opd_kode and pilih_opd is None:
        return []
    qs = _pelaksana(struktur)
    if pilih_opd is not None:
        qs = qs.filter(unit__path__startswith=pilih_opd.path)
    jabatan = list(qs)
    ids = [j.pk for j in jabatan]
    unit_nama = dict(UnitKerja.objects.filter(struktur=struktur).values_list("path", "nama"))
    pemangku: dict[int, list[Pemangku]] = defaultdict(list)
    for jid, nip, nama, pend in (
        Penempatan.objects.aktif()
        .filter(struktur=struktur, jabatan_id__in=ids)
        .order_by("pegawai__nama")
        .values_list("jabatan_id", "pegawai__nip", "pegawai__nama", "pegawai__pendidikan")
    ):
        pemangku[jid].append(Pemangku(nip, nama, pend))
    tugas: dict[int, list[str]] = defaultdict(list)
    for jid, uraian in (
        Tugas.objects.filter(jabatan_id__in=ids)
        .order_by("jabatan_id", "urutan")
        .values_list("jabatan_id", "uraian")
    ):
        tugas[jid].append(uraian)
    keputusan = {k.jabatan_id: k for k in KeputusanNomenklatur.objects.filter(struktur=struktur)}
    preseden = preseden_dari(
        [
            *(
                (k.nama_lama, k.nama_baru)
                for k in keputusan.values()
                if k.status == KeputusanNomenklatur.Status.DIUBAH
            ),
            *_pilihan_versi_lain(struktur),
        ]
    )
    masukan = [
        PosInput(
            keputusan[j.pk].nama_lama if j.pk in keputusan else j.nama,
            "; ".join(tugas.get(j.pk, ())),
            tuple(p.pendidikan for p in pemangku.get(j.pk, ())),
        )
        for j in jabatan
    ]
    hasil = sarankan_banyak(masukan, preseden=preseden)
    baris = []
    seg = UnitKerja.SEGMEN
    for j, h in zip(jabatan, hasil, strict=True):
        baris.append(_baris(j, h, keputusan.get(j.pk), pemangku.get(j.pk, []), opd_per_path,
                            unit_nama, seg))  # fmt: skip
    return [
        b
        for b in baris
        if (not status or b.status == status)
        and (not klasifikasi or b.klasifikasi == klasifikasi)
        and (not cari or normal(cari) in normal(f"{b.jabatan.nama} {b.nama_lama} {b.jalur}"))
    ]


def _pilihan_versi_lain(struktur: Struktur) -> list[tuple[str, str]]:
    """Names the agency already chose in its other versions: a pelaksana post whose copy origin
    carried an unlisted name and which now carries a listed one (one query)."""
    pasangan = (
        Jabatan.objects.filter(
            instansi_id=struktur.instansi_id,
            jenis=JenisJabatan.PELAKSANA,
            asal__isnull=False,
            asal__jenis=JenisJabatan.PELAKSANA,
        )
        .exclude(struktur=struktur)
        .values_list("asal__nama", "nama")
    )
    hasil = []
    for lama, baru in pasangan:
        if normal(lama) != normal(baru) and cari_nama_pelaksana(lama) is None:
            baku = cari_nama_pelaksana(baru)
            if baku is not None:
                hasil.append((lama, baku.nama))
    return hasil


def _baris(j, h: HasilSaran, k, pemangku, opd_per_path, unit_nama, seg) -> BarisMeja:
    path = j.unit.path
    opd = opd_per_path[path[:seg]]
    jalur = " › ".join(
        unit_nama[path[:i]] for i in range(2 * seg, len(path) + 1, seg) if path[:i] in unit_nama
    )
    baku = cari_nama_pelaksana(j.nama)
    if k is not None:
        status = _DARI_KEPUTUSAN[k.status]
    elif baku is not None:
        status = BAKU
    else:
        status = PERLU
    if baku is not None:
        klasifikasi = baku.klasifikasi
    elif h.saran:
        klasifikasi = katalog_nomenklatur()[h.saran[0].nama].klasifikasi
    else:
        klasifikasi = ""
    return BarisMeja(j, opd, jalur, pemangku, status, h.saran, h.mirip_jf, klasifikasi, k, baku)


# --- Checks before applying -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PendidikanKurang:
    baris: BarisMeja
    pemangku: Pemangku
    minimal: str


@dataclass(frozen=True, slots=True)
class NamaBanyakKelas:
    nama: str
    kelas: dict[int | None, int]  # kelas → number of posts


@dataclass(frozen=True, slots=True)
class NamaKembar:
    unit: UnitKerja
    nama: str
    baris: tuple[BarisMeja, ...]

    @property
    def b(self) -> int:
        return sum(len(x.pemangku) for x in self.baris)

    @property
    def k(self) -> int:
        return sum(x.jabatan.kebutuhan or 0 for x in self.baris)

    @property
    def bisa_gabung(self) -> bool:
        """Merge needs the same current name: decide the names first."""
        return len({normal(x.jabatan.nama) for x in self.baris}) == 1

    @property
    def ids(self) -> str:
        return ",".join(str(x.jabatan.pk) for x in self.baris)


@dataclass(slots=True)
class Pemeriksaan:
    pendidikan: list[PendidikanKurang] = field(default_factory=list)
    banyak_kelas: list[NamaBanyakKelas] = field(default_factory=list)
    kembar: list[NamaKembar] = field(default_factory=list)
    mirip_jf: list[BarisMeja] = field(default_factory=list)
    belum: int = 0  # posts still needing a decision

    @property
    def jumlah(self) -> int:
        return len(self.pendidikan) + len(self.banyak_kelas) + len(self.kembar) + len(self.mirip_jf)


def _memenuhi(dimiliki: str, syarat: str) -> bool:
    try:
        return pendidikan_memenuhi(dimiliki, syarat)
    except Exception:  # an education code the rules do not know never meets a minimum
        return False


def periksa(baris: list[BarisMeja]) -> Pemeriksaan:
    """The four checks of the issue on the rows given (normally the whole version):

    - R45-04: incumbents below the new name's minimum education (listed, not blocked: the
      regulation gives them time to meet it);
    - R45-02: one name, one kelas within the agency;
    - two posts of one unit with the same name (offer a merge, B and K summed, or keep distinct);
    - a post whose tasks look like a JF (PermenPAN-RB 1/2023: suggest the JF instead).
    """
    hasil = Pemeriksaan()
    kelas: dict[str, Counter] = defaultdict(Counter)
    per_unit: dict[tuple[int, str], list[BarisMeja]] = defaultdict(list)
    for b in baris:
        if b.status == PERLU:
            hasil.belum += 1
        if b.baku is not None:
            for p in b.pemangku:
                if not _memenuhi(p.pendidikan, b.baku.pendidikan_minimal_kode):
                    hasil.pendidikan.append(PendidikanKurang(b, p, b.baku.pendidikan_minimal))
            kelas[b.baku.nama][b.jabatan.kelas] += 1
        # The name the post has or will have (its top suggestion while undecided).
        per_unit[(b.jabatan.unit_id, normal(_akan(b)))].append(b)
        if b.mirip_jf:
            hasil.mirip_jf.append(b)
    hasil.banyak_kelas = [
        NamaBanyakKelas(n, dict(c)) for n, c in sorted(kelas.items()) if len(c) > 1
    ]
    hasil.kembar = [
        NamaKembar(d[0].jabatan.unit, _akan(d[0]), tuple(d))
        for d in per_unit.values()
        if len(d) > 1 and not all(x.status == DIPERTAHANKAN for x in d)
    ]
    return hasil


def _akan(b: BarisMeja) -> str:
    return b.teratas.nama if b.status == PERLU and b.teratas else b.jabatan.nama


# --- Kamus jabatan ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntriKamus:
    nama: NamaPelaksana
    info: InfoKatalog
    dipakai: int  # positions of the version with this name
    b: int
    k: int
    kelas_instansi: KelasInstansi | None


def kamus_pelaksana(
    *, akses: Akses, struktur: Struktur | None, cari: str = "", klasifikasi: str = ""
) -> list[EntriKamus]:
    """The pelaksana catalogue with where each name is used in the version (positions, B, K)
    and the agency's kelas override."""
    pakai: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    if struktur is not None:
        akses.pastikan_instansi(struktur)
        bez = Penempatan.objects.bezetting(struktur_id=struktur.pk)
        for pk, nama, k in _pelaksana(struktur).values_list("pk", "nama", "kebutuhan"):
            baku = cari_nama_pelaksana(nama)
            if baku is not None:
                t = pakai[baku.nama]
                t[0] += 1
                t[1] += bez.get(pk, 0)
                t[2] += k or 0
    khusus = {
        k.nama.strip().casefold(): k
        for k in KelasInstansi.objects.filter(
            instansi_id=akses.instansi_id, jenis=JenisJabatan.PELAKSANA
        )
    }
    info = info_katalog()
    hasil = []
    kunci = normal(cari) if cari else ""
    for nama, baris in katalog_nomenklatur().items():
        if klasifikasi and baris.klasifikasi != klasifikasi:
            continue
        i = info[nama]
        if kunci and kunci not in normal(f"{nama} {i.ikhtisar} {i.instansi_teknis}"):
            continue
        d, b, k = pakai.get(nama, (0, 0, 0))
        hasil.append(EntriKamus(baris, i, d, b, k, khusus.get(nama.casefold())))
    hasil.sort(key=lambda e: (-e.dipakai, e.nama.nama))
    return hasil


@dataclass(frozen=True, slots=True)
class EntriJf:
    nama_jf: str
    kategori: str
    jenjang: tuple[tuple[str, int | None, str], ...]  # (jenjang, kelas, pendidikan)
    instansi_pembina: str
    dasar_hukum: str
    dipakai: int
    b: int


def kamus_jf(*, akses: Akses, struktur: Struktur | None, cari: str = "") -> list[EntriJf]:
    """The JF catalogue grouped by JF, with positions and B of the version."""
    pakai: Counter = Counter()
    bez_jf: Counter = Counter()
    if struktur is not None:
        akses.pastikan_instansi(struktur)
        bez = Penempatan.objects.bezetting(struktur_id=struktur.pk)
        for pk, nama_jf in Jabatan.objects.filter(
            struktur=struktur, jenis=JenisJabatan.FUNGSIONAL
        ).values_list("pk", "nama_jf"):
            pakai[nama_jf.casefold()] += 1
            bez_jf[nama_jf.casefold()] += bez.get(pk, 0)
    per_jf: dict[str, list] = {}
    for j in katalog_jf():
        per_jf.setdefault(j.nama_jf, []).append(j)
    kunci = normal(cari) if cari else ""
    hasil = []
    for nama, rows in per_jf.items():
        if kunci and kunci not in normal(f"{nama} {rows[0].instansi_pembina}"):
            continue
        hasil.append(
            EntriJf(
                nama,
                rows[0].kategori,
                tuple((r.jenjang, r.kelas_jabatan, r.pendidikan_minimal) for r in rows),
                rows[0].instansi_pembina,
                rows[0].sumber.dasar_hukum,
                pakai[nama.casefold()],
                bez_jf[nama.casefold()],
            )
        )
    hasil.sort(key=lambda e: (-e.dipakai, e.nama_jf))
    return hasil


# --- Re-check against another Kepmen list -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class BarisDaftar:
    jabatan: Jabatan
    opd: UnitKerja
    jalur: str
    hasil: HasilPeriksaDaftar


@dataclass(frozen=True, slots=True)
class PemeriksaanDaftar:
    daftar: DaftarNomenklatur
    jumlah: int  # pelaksana posts checked
    baris: list[BarisDaftar]  # posts whose name is not in the list (renamed or missing)


def periksa_daftar(*, akses: Akses, struktur: Struktur, kode: str) -> PemeriksaanDaftar:
    """The version's pelaksana posts whose names a loaded list does not carry, with that list's
    successor or suggestions; the operator sees their own OPD only. Three queries whatever the
    number of posts. Raises :class:`DaftarTidakDimuat` for a list that is not loaded."""
    akses.pastikan_instansi(struktur)
    daftar = ambil_daftar(kode)
    opd_list = list(UnitKerja.objects.filter(struktur=struktur, kedalaman=0))
    opd_per_path = {u.path: u for u in opd_list}
    qs = _pelaksana(struktur)
    if not akses.mengelola_seluruh_instansi:
        pilih = next((u for u in opd_list if u.kode == akses.opd_kode), None)
        if pilih is None:
            return PemeriksaanDaftar(daftar, 0, [])
        qs = qs.filter(unit__path__startswith=pilih.path)
    jabatan = list(qs)
    unit_nama = dict(UnitKerja.objects.filter(struktur=struktur).values_list("path", "nama"))
    seg = UnitKerja.SEGMEN
    baris = []
    for j, h in zip(
        jabatan, periksa_terhadap_daftar([j.nama for j in jabatan], daftar.kode), strict=True
    ):
        if h.status == ADA:
            continue
        path = j.unit.path
        jalur = " › ".join(
            unit_nama[path[:i]] for i in range(2 * seg, len(path) + 1, seg) if path[:i] in unit_nama
        )
        baris.append(BarisDaftar(j, opd_per_path[path[:seg]], jalur, h))
    return PemeriksaanDaftar(daftar, len(jabatan), baris)
