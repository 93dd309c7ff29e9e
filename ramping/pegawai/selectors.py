"""Reads of people and placements."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from ramping.akun.akses import Akses
from ramping.aturan import batas_usia_pensiun, tanggal_pensiun
from ramping.aturan.pensiun import tambah_tahun
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur
from ramping.pegawai.models import AKTIF, Pegawai, Penempatan

# --- Reads for the web workbench -------------------------------------------------------------

# BUP of a person without an active position in the version: the administrasi value (PP
# 11/2017 Pasal 239 ayat 2 huruf a), the most common case among ASN.
BUP_TANPA_JABATAN = 58


@lru_cache(maxsize=512)
def bup_jabatan(jenis: str, jenjang: str, nama_jf: str) -> int:
    """BUP of a position kind, from the rules engine (cached: a handful of combinations)."""
    return batas_usia_pensiun(jenis, jenjang or None, nama_jf or None)


def bup_pegawai(pegawai: Pegawai, jabatan: Jabatan | None) -> tuple[int, date]:
    """BUP in years and the pension date of a person in (or without) a position."""
    if jabatan is None:
        bup = BUP_TANPA_JABATAN
    else:
        bup = bup_jabatan(jabatan.jenis, jabatan.jenjang, jabatan.nama_jf)
    return bup, tanggal_pensiun(pegawai.tanggal_lahir, bup)


def _aktif(*, akses: Akses, struktur: Struktur) -> QuerySet[Penempatan]:
    return Penempatan.objects.aktif().filter(instansi_id=akses.instansi_id, struktur=struktur)


@dataclass(frozen=True, slots=True)
class SaringanPegawai:
    """The filters of the pegawai list; empty means "no filter"."""

    cari: str = ""
    status_asn: str = ""
    opd_path: str = ""
    jenis: str = ""
    golongan: str = ""
    pendidikan: str = ""
    bup_dalam_tahun: int | None = None


def pegawai_daftar(
    *, akses: Akses, struktur: Struktur, saring: SaringanPegawai, hari_ini: date | None = None
) -> QuerySet[Pegawai]:
    """People of the agency with their active placement in `struktur` prefetched.

    Each filter is one condition of the same query; the BUP filter turns "reaches BUP within
    N years" into a birth-date bound per BUP value, so it stays set-based.
    """
    akses.pastikan_instansi(struktur)
    aktif = _aktif(akses=akses, struktur=struktur)
    qs = Pegawai.objects.filter(instansi_id=akses.instansi_id).prefetch_related(
        Prefetch(
            "penempatan_set",
            queryset=aktif.select_related("jabatan__unit"),
            to_attr="penempatan_aktif",
        )
    )
    s = saring
    if s.cari:
        cari = s.cari.replace(" ", "") if s.cari.replace(" ", "").isdigit() else s.cari
        qs = qs.filter(Q(nip__startswith=cari) | Q(nama__icontains=s.cari.strip()))
    for nama in ("status_asn", "golongan", "pendidikan"):
        if getattr(s, nama):
            qs = qs.filter(**{nama: getattr(s, nama)})
    if s.opd_path or s.jenis:
        jabatan = Q()
        if s.opd_path:
            jabatan &= Q(jabatan__unit__path__startswith=s.opd_path)
        if s.jenis:
            jabatan &= Q(jabatan__jenis=s.jenis)
        qs = qs.filter(Exists(aktif.filter(jabatan, pegawai=OuterRef("pk"))))
    if s.bup_dalam_tahun is not None:
        qs = qs.filter(
            _q_bup(akses=akses, struktur=struktur, tahun=s.bup_dalam_tahun, hari_ini=hari_ini)
        )
    return qs.order_by("nama", "nip")


def _q_bup(*, akses: Akses, struktur: Struktur, tahun: int, hari_ini: date | None) -> Q:
    """People whose BUP birthday falls on or before today + `tahun` years."""
    batas = tambah_tahun(hari_ini or date.today(), tahun)
    aktif = _aktif(akses=akses, struktur=struktur)
    jenis_ada = (
        Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
        .values_list("jenis", "jenjang", "nama_jf")
        .distinct()
    )
    # BUP depends on (jenis, jenjang) except for a few JF set by law (Guru, Dosen, ...): one
    # condition per pair plus one per exception keeps the SQL small whatever the JF count.
    dasar: dict[tuple[str, str], int] = {}
    khusus: dict[tuple[str, str, str], int] = {}
    for jenis, jenjang, nama_jf in jenis_ada:
        dasar[jenis, jenjang] = bup_jabatan(jenis, jenjang, "")
        if (bup := bup_jabatan(jenis, jenjang, nama_jf)) != dasar[jenis, jenjang]:
            khusus[jenis, jenjang, nama_jf] = bup
    per_bup: dict[int, Q] = {}
    for (jenis, jenjang), bup in dasar.items():
        q = Q(jabatan__jenis=jenis, jabatan__jenjang=jenjang)
        kecuali = [nf for (j, jj, nf) in khusus if (j, jj) == (jenis, jenjang)]
        if kecuali:
            q &= ~Q(jabatan__nama_jf__in=kecuali)
        per_bup[bup] = per_bup.get(bup, Q(pk__in=[])) | q
    for (jenis, jenjang, nama_jf), bup in khusus.items():
        q = Q(jabatan__jenis=jenis, jabatan__jenjang=jenjang, jabatan__nama_jf=nama_jf)
        per_bup[bup] = per_bup.get(bup, Q(pk__in=[])) | q
    hasil = Q(
        ~Exists(aktif.filter(pegawai=OuterRef("pk"))),
        tanggal_lahir__lte=tambah_tahun(batas, -BUP_TANPA_JABATAN),
    )
    for bup, q in per_bup.items():
        hasil |= Q(
            Exists(aktif.filter(q, pegawai=OuterRef("pk"))),
            tanggal_lahir__lte=tambah_tahun(batas, -bup),
        )
    return hasil


def pegawai_ambil(*, akses: Akses, pegawai_id: int) -> Pegawai:
    pegawai = Pegawai.objects.filter(instansi_id=akses.instansi_id, pk=pegawai_id).first()
    if pegawai is None:
        raise TidakDitemukan("Pegawai tidak ditemukan.")
    return pegawai


def pegawai_nip(*, akses: Akses, nip: str) -> Pegawai | None:
    return Pegawai.objects.filter(instansi_id=akses.instansi_id, nip=nip.replace(" ", "")).first()


def penempatan_riwayat(*, akses: Akses, pegawai: Pegawai) -> list[Penempatan]:
    """All placements of a person across versions, newest version first."""
    akses.pastikan_instansi(pegawai)
    return list(
        Penempatan.objects.filter(instansi_id=akses.instansi_id, pegawai=pegawai)
        .select_related("jabatan__unit", "struktur")
        .order_by("-struktur__berlaku_mulai", "-struktur_id", "-tmt_mulai")
    )


def pemangku_per_jabatan(
    *, akses: Akses, struktur: Struktur, jabatan_ids: list[int]
) -> dict[int, list[Pegawai]]:
    """Current holders of the given positions (one query), by position id."""
    hasil: dict[int, list[Pegawai]] = {i: [] for i in jabatan_ids}
    rows = (
        _aktif(akses=akses, struktur=struktur)
        .filter(jabatan_id__in=jabatan_ids)
        .select_related("pegawai")
        .order_by("pegawai__nama")
    )
    for p in rows:
        hasil[p.jabatan_id].append(p.pegawai)
    return hasil


def pegawai_rekap(*, akses: Akses, struktur: Struktur) -> dict[str, int]:
    """People by ASN status and how many hold no position in this version: one query."""
    aktif = _aktif(akses=akses, struktur=struktur).filter(pegawai=OuterRef("pk"))
    return Pegawai.objects.filter(instansi_id=akses.instansi_id).aggregate(
        jumlah=Count("id"),
        pns=Count("id", filter=Q(status_asn=Pegawai.Status.PNS)),
        pppk=Count("id", filter=Q(status_asn=Pegawai.Status.PPPK)),
        tanpa_jabatan=Count("id", filter=~Q(Exists(aktif))),
    )


def penempatan_jabatan(*, akses: Akses, jabatan: Jabatan, aktif: bool) -> QuerySet[Penempatan]:
    """Placements of one position with their person: current holders (`aktif`) by name, or
    ended ones, most recently ended first. Lazy, so the page can paginate a 450-holder Guru."""
    akses.pastikan_instansi(jabatan)
    semua = Penempatan.objects.filter(instansi_id=akses.instansi_id, jabatan=jabatan)
    qs = (semua.aktif() if aktif else semua.exclude(AKTIF)).select_related("pegawai")
    if aktif:
        return qs.order_by("pegawai__nama", "pk")
    return qs.order_by("-tmt_selesai", "-pk")
