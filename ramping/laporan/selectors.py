"""Reads for the reports: a fixed number of queries whatever the number of positions.

Every selector returns plain dataclasses, never model instances with lazy relations, so the
documents can be rendered later without touching the database (the ZIP builder renders in a
background thread that must not query: it would not see a test's transaction and would hold a
connection of its own).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.errors import RampingError, TidakDitemukan
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.selectors import FIELD_BARIS, BarisJabatan, SimpulUnit, pohon_jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import KopInstansi, pengaturan_dan_kop
from ramping.pegawai.models import Penempatan, b_jabatan

FIELD_JABATAN = (*FIELD_BARIS, "b")
FIELD_UNIT = ("id", "induk_id", "path", "kedalaman", "kode", "nama", "jenis", "eselon")
FIELD_ANJAB = (
    "ikhtisar", "pendidikan_formal", "pelatihan", "pengalaman", "hasil_kerja", "bahan_kerja",
    "perangkat_kerja", "tanggung_jawab", "wewenang", "korelasi_jabatan", "kondisi_lingkungan",
    "risiko_bahaya", "syarat_jabatan", "prestasi_kerja",
)  # fmt: skip
FIELD_EVALUASI = (
    "jenis",
    "tingkat",
    "alasan",
    "nilai",
    "kelas",
    "tim_evaluator",
    "tanggal",
    "status",
)


@dataclass(slots=True)
class UnitL:
    id: int
    induk_id: int | None
    path: str
    kedalaman: int
    kode: str
    nama: str
    jenis: str
    eselon: str


# The reports read the same position tree as the pages (`ramping.jabatan.selectors`).
JabatanL = BarisJabatan
SimpulL = SimpulUnit


@dataclass(frozen=True, slots=True)
class Konteks:
    """What every document's title block names."""

    instansi: str
    struktur: str
    dasar_hukum: str
    lingkup: str  # the OPD's name, or "Seluruh perangkat daerah"
    opd_kode: str  # "" for the whole agency
    wke_jam: Decimal
    pengaturan: aturan.Pengaturan
    kop: KopInstansi  # the letterhead every document starts with


@dataclass(frozen=True, slots=True)
class PegawaiL:
    nama: str
    nip: str
    tanggal_lahir: date


@dataclass(slots=True)
class Rincian:
    """Everything the ANJAB and evaluation documents of one position need."""

    jabatan: JabatanL
    rantai: list[UnitL]  # from the OPD down to the position's own unit
    anjab: dict[str, Any]
    tugas: list[dict[str, Any]]
    evaluasi: dict[str, Any] | None
    pemangku: list[PegawaiL]
    atasan: JabatanL | None
    pemangku_atasan: list[PegawaiL]


# --- scope -----------------------------------------------------------------------------------


PILIH_OPD = "Pilih perangkat daerah untuk laporan ini."


def opd_ambil(*, akses: Akses, struktur: Struktur, kode: str) -> UnitKerja:
    """A perangkat daerah (top-level unit) of the version by its stable kode."""
    akses.pastikan_instansi(struktur)
    if not kode:  # a choice left empty on the form: said beside the field, not a bare 404
        raise RampingError(PILIH_OPD, field="opd")
    opd = UnitKerja.objects.filter(
        instansi_id=akses.instansi_id, struktur=struktur, kedalaman=0, kode=kode
    ).first()
    if opd is None:
        raise TidakDitemukan("Perangkat daerah tidak ditemukan pada versi struktur ini.")
    return opd


def opd_jabatan(*, akses: Akses, struktur: Struktur, jabatan_id: int) -> UnitKerja | None:
    """The perangkat daerah a single position sits in: a one-position document (ANJAB of one
    jabatan asked without an OPD) is titled with its OPD, not "Seluruh perangkat daerah"."""
    path = (
        Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur, pk=jabatan_id)
        .values_list("unit__path", flat=True)
        .first()
    )
    if path is None:
        return None
    return UnitKerja.objects.filter(
        instansi_id=akses.instansi_id, struktur=struktur, path=path[: UnitKerja.SEGMEN]
    ).first()


def konteks_laporan(*, akses: Akses, struktur: Struktur, opd: UnitKerja | None) -> Konteks:
    """Two queries: the agency (name, kind) and its settings (rules and letterhead)."""
    akses.pastikan_instansi(struktur)
    nama, pengaturan, kop = pengaturan_dan_kop(instansi_id=akses.instansi_id)
    dasar = struktur.dasar_hukum_nomor
    if struktur.dasar_hukum_tanggal:
        from ramping.laporan.format import tanggal

        dasar = f"{dasar} tanggal {tanggal(struktur.dasar_hukum_tanggal)}".strip()
    return Konteks(
        instansi=nama,
        struktur=struktur.nama,
        dasar_hukum=dasar,
        lingkup=opd.nama if opd else "Seluruh perangkat daerah",
        opd_kode=opd.kode if opd else "",
        wke_jam=pengaturan.wke_jam,
        pengaturan=pengaturan,
        kop=kop,
    )


def _jabatan_qs(akses: Akses, struktur: Struktur, opd: UnitKerja | None):
    qs = Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur).annotate(
        b=b_jabatan()
    )
    if opd is not None:
        qs = qs.filter(unit__path__startswith=opd.path)
    return qs


def _units_qs(akses: Akses, struktur: Struktur):
    return UnitKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)


# --- peta jabatan, ABK, kebutuhan --------------------------------------------------------------


def pohon_laporan(*, akses: Akses, struktur: Struktur, opd: UnitKerja | None) -> list[SimpulL]:
    """The unit tree (whole version or one OPD) with positions, B and subtree totals."""
    return pohon_jabatan(akses=akses, struktur=struktur, unit=opd)


def tanggal_lahir_pemangku(
    *, akses: Akses, struktur: Struktur, opd: UnitKerja | None
) -> dict[int, list[date]]:
    """Birth dates of the active holders, by position: one query (for the BUP projection)."""
    qs = Penempatan.objects.aktif().filter(instansi_id=akses.instansi_id, struktur=struktur)
    if opd is not None:
        qs = qs.filter(jabatan__unit__path__startswith=opd.path)
    hasil: dict[int, list[date]] = defaultdict(list)
    for jabatan_id, lahir in qs.values_list("jabatan_id", "pegawai__tanggal_lahir"):
        hasil[jabatan_id].append(lahir)
    return hasil


# --- ANJAB and evaluasi (one document per position) -----------------------------------------


def rincian_jabatan(
    *,
    akses: Akses,
    struktur: Struktur,
    opd: UnitKerja | None = None,
    jabatan_id: int | None = None,
    hanya_dievaluasi: bool = False,
) -> list[Rincian]:
    """Positions of an OPD (or one position) with ANJAB, tasks, evaluation, chain and holders.

    Five queries whatever the count: positions (+ANJAB, evaluation), units of the chains, the
    chains' head positions, tasks, holders.
    """
    akses.pastikan_instansi(struktur)
    qs = _jabatan_qs(akses, struktur, opd).select_related("unit", "anjab", "evaluasi")
    if jabatan_id is not None:
        qs = qs.filter(pk=jabatan_id)
    if hanya_dievaluasi:
        qs = qs.filter(evaluasi__nilai__isnull=False)
    daftar = list(qs.order_by("unit__path", "-is_kepala", "urutan", "id"))
    if jabatan_id is not None and not daftar:
        raise TidakDitemukan("Jabatan tidak ditemukan.")
    awalan = {
        j.unit.path[:i]
        for j in daftar
        for i in range(UnitKerja.SEGMEN, len(j.unit.path) + 1, UnitKerja.SEGMEN)
    }
    units = {
        row[0]: UnitL(*row)
        for row in _units_qs(akses, struktur).filter(path__in=awalan).values_list(*FIELD_UNIT)
    }
    per_path = {u.path: u for u in units.values()}
    kepala = {
        j.unit_id: j
        for j in (
            JabatanL(*row)
            for row in _jabatan_qs(akses, struktur, None)
            .filter(unit_id__in=units, is_kepala=True)
            .values_list(*FIELD_JABATAN)
        )
    }
    tugas: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for t in (
        Tugas.objects.filter(instansi_id=akses.instansi_id, jabatan__in=[j.pk for j in daftar])
        .order_by("urutan", "id")
        .values(
            "jabatan_id",
            "uraian",
            "tahapan",
            "hasil_kerja",
            "satuan_hasil",
            "volume",
            "waktu",
            "satuan_waktu",
        )
    ):
        tugas[t.pop("jabatan_id")].append(t)
    hasil = []
    atasan_ids = set()
    for j in daftar:
        rantai = [per_path[p] for p in sorted(p for p in awalan if j.unit.path.startswith(p))]
        atasan = _atasan(j, rantai, kepala)
        if atasan is not None:
            atasan_ids.add(atasan.id)
        hasil.append(
            Rincian(
                jabatan=JabatanL(*(getattr(j, f) for f in FIELD_JABATAN)),
                rantai=rantai,
                anjab=_isi(j, "anjab", FIELD_ANJAB),
                tugas=tugas.get(j.pk, []),
                evaluasi=_isi(j, "evaluasi", FIELD_EVALUASI) or None,
                pemangku=[],
                atasan=atasan,
                pemangku_atasan=[],
            )
        )
    pemangku = _pemangku(akses, struktur, {r.jabatan.id for r in hasil} | atasan_ids)
    for r in hasil:
        r.pemangku = pemangku.get(r.jabatan.id, [])
        r.pemangku_atasan = pemangku.get(r.atasan.id, []) if r.atasan else []
    return hasil


def _isi(jabatan: Jabatan, relasi: str, nama_field: tuple[str, ...]) -> dict[str, Any]:
    """The fields of a one-to-one row loaded by select_related, or {} when there is none."""
    try:
        obj = getattr(jabatan, relasi)
    except (Jabatan.anjab.RelatedObjectDoesNotExist, Jabatan.evaluasi.RelatedObjectDoesNotExist):
        return {}
    return {f: getattr(obj, f) for f in nama_field}


def _atasan(j: Jabatan, rantai: list[UnitL], kepala: dict[int, JabatanL]) -> JabatanL | None:
    """The direct superior: the head of the own unit, or of the nearest unit above with one."""
    units = rantai[:-1] if j.is_kepala else rantai
    for unit in reversed(units):
        if (k := kepala.get(unit.id)) is not None and k.id != j.pk:
            return k
    return None


def _pemangku(akses: Akses, struktur: Struktur, ids: set[int]) -> dict[int, list[PegawaiL]]:
    hasil: dict[int, list[PegawaiL]] = defaultdict(list)
    rows = (
        Penempatan.objects.aktif()
        .filter(
            instansi_id=akses.instansi_id,
            struktur=struktur,
            jabatan_id__in=ids,
        )
        .select_related("pegawai")
        .order_by("pegawai__nama")
    )
    for p in rows:
        hasil[p.jabatan_id].append(
            PegawaiL(p.pegawai.nama_lengkap, p.pegawai.nip, p.pegawai.tanggal_lahir)
        )
    return hasil


# --- pola koordinasi (Perwal appendix) ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UnitRelasiL:
    id: int
    path: str
    nama: str
    singkatan: str


@dataclass(frozen=True, slots=True)
class RelasiL:
    dari: UnitRelasiL
    ke: UnitRelasiL
    jenis: str  # RelasiKoordinasi.Jenis value
    keterangan: str
    dasar_hukum: str


def relasi_laporan(*, akses: Akses, struktur: Struktur, opd: UnitKerja | None) -> list[RelasiL]:
    """The version's coordination relations with either end inside `opd` (None: all). One
    query."""
    from django.db.models import Q

    from ramping.sistemkerja.models import RelasiKoordinasi

    akses.pastikan_instansi(struktur)
    qs = RelasiKoordinasi.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
    if opd is not None:
        qs = qs.filter(
            Q(unit_dari__path__startswith=opd.path) | Q(unit_ke__path__startswith=opd.path)
        )
    kolom = ("id", "path", "nama", "singkatan")
    hasil = []
    for r in qs.values(
        *(f"unit_dari__{k}" for k in kolom),
        *(f"unit_ke__{k}" for k in kolom),
        "jenis",
        "keterangan",
        "dasar_hukum",
    ):
        hasil.append(
            RelasiL(
                UnitRelasiL(*(r[f"unit_dari__{k}"] for k in kolom)),
                UnitRelasiL(*(r[f"unit_ke__{k}"] for k in kolom)),
                r["jenis"],
                r["keterangan"],
                r["dasar_hukum"],
            )
        )
    hasil.sort(key=lambda r: (r.dari.path, r.ke.path, r.jenis))
    return hasil


# --- Surat Edaran of a penataan round -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PesertaL:
    opd: str
    kode: str
    tenggat: date  # the OPD's own deadline, or the round's


@dataclass(frozen=True, slots=True)
class KegiatanL:
    id: int
    nama: str
    struktur: str
    dasar_hukum: str
    diminta: tuple[str, ...]
    tenggat: date
    nomor_surat: str
    tanggal_surat: date | None
    perihal: str
    isi_surat: str
    peserta: tuple[PesertaL, ...]


def kegiatan_surat(*, akses: Akses, kegiatan_id: int) -> KegiatanL:
    """A round and its participating OPD, for its Surat Edaran. Two queries."""
    from ramping.penataan.models import KegiatanPenataan, PesertaPenataan

    k = (
        KegiatanPenataan.objects.filter(instansi_id=akses.instansi_id, pk=kegiatan_id)
        .select_related("struktur")
        .first()
    )
    if k is None:
        raise TidakDitemukan("Kegiatan penataan tidak ditemukan.")
    peserta = tuple(
        PesertaL(nama, kode, tenggat or k.tenggat)
        for nama, kode, tenggat in PesertaPenataan.objects.filter(
            instansi_id=akses.instansi_id, kegiatan_id=k.pk
        )
        .order_by("opd__path")
        .values_list("opd__nama", "opd__kode", "tenggat")
    )
    return KegiatanL(
        id=k.pk,
        nama=k.nama,
        struktur=k.struktur.nama,
        dasar_hukum=k.dasar_hukum,
        diminta=tuple(k.bagian_diminta()),
        tenggat=k.tenggat,
        nomor_surat=k.nomor_surat,
        tanggal_surat=k.tanggal_surat,
        perihal=k.perihal,
        isi_surat=k.isi_surat,
        peserta=peserta,
    )
