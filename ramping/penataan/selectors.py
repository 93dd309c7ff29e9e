"""Reads of the penataan cycle: rounds, the progress board, one OPD's page. Constant queries
whatever the number of OPDs (asserted in tests)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Max, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.akun.models import Peran
from ramping.audit.models import JejakAudit
from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import UnitKerja
from ramping.penataan.models import (
    Catatan,
    Cuplikan,
    KegiatanPenataan,
    PesertaPenataan,
)
from ramping.penataan.temuan import Temuan, kelengkapan, temuan_struktur

S = PesertaPenataan.Status
SELESAI = (S.DIAJUKAN, S.DISETUJUI)


def kegiatan_daftar(*, akses: Akses) -> list[KegiatanPenataan]:
    """The agency's rounds, newest first, each with its count of OPDs per state."""
    daftar = list(
        KegiatanPenataan.objects.filter(instansi_id=akses.instansi_id)
        .select_related("struktur")
        .annotate(
            jumlah_opd=Count("peserta_set"),
            jumlah_disetujui=Count("peserta_set", filter=Q(peserta_set__status=S.DISETUJUI)),
            jumlah_diajukan=Count("peserta_set", filter=Q(peserta_set__status=S.DIAJUKAN)),
        )
    )
    return daftar


def kegiatan_ambil(*, akses: Akses, kegiatan_id: int) -> KegiatanPenataan:
    k = (
        KegiatanPenataan.objects.filter(instansi_id=akses.instansi_id, pk=kegiatan_id)
        .select_related("struktur", "instansi")
        .first()
    )
    if k is None:
        raise TidakDitemukan("Kegiatan penataan tidak ditemukan.")
    return k


def kegiatan_berjalan_opd(*, akses: Akses) -> PesertaPenataan | None:
    """The operator's own OPD in the newest running round (their landing page), or None."""
    if akses.peran != Peran.OPERATOR:
        return None
    return (
        PesertaPenataan.objects.filter(
            instansi_id=akses.instansi_id,
            opd__kode=akses.opd_kode,
            kegiatan__status=KegiatanPenataan.Status.BERJALAN,
        )
        .select_related("kegiatan")
        .order_by("-kegiatan__dibuat", "-pk")
        .first()
    )


def peserta_ambil(*, akses: Akses, kegiatan: KegiatanPenataan, peserta_id: int) -> PesertaPenataan:
    """One OPD of a round. Its operator sees it; another OPD's operator does not (403)."""
    p = (
        PesertaPenataan.objects.filter(kegiatan=kegiatan, pk=peserta_id)
        .select_related("opd", "analis", "kegiatan__struktur", "kegiatan__instansi")
        .first()
    )
    if p is None:
        raise TidakDitemukan("Perangkat daerah tidak ikut kegiatan ini.")
    if akses.peran == Peran.OPERATOR and akses.opd_kode != p.opd.kode:
        raise TidakBerhak("Halaman ini milik perangkat daerah lain.")
    return p


def sisa_hari(peserta: PesertaPenataan, hari_ini: date) -> int:
    """Days left to the OPD's deadline (negative: days late)."""
    return (peserta.batas() - hari_ini).days


@dataclass
class BarisPapan:
    peserta: PesertaPenataan
    kelengkapan: dict[str, int | None]  # part → % of positions complete (None: no positions)
    galat: int
    peringatan: int
    catatan_terbuka: int
    sisa_hari: int

    @property
    def terlambat(self) -> bool:
        return self.sisa_hari < 0 and self.peserta.status not in SELESAI

    def kelengkapan_urut(self) -> list[int | None]:
        """The percentages in the order of the round's asked parts (the board's columns)."""
        return list(self.kelengkapan.values())

    @property
    def kelengkapan_rata(self) -> int:
        nilai = [v for v in self.kelengkapan.values() if v is not None]
        return round(sum(nilai) / len(nilai)) if nilai else 0


@dataclass
class Papan:
    kegiatan: KegiatanPenataan
    baris: list[BarisPapan]
    per_status: Counter = field(default_factory=Counter)
    terlambat: int = 0

    @property
    def jumlah(self) -> int:
        return sum(self.per_status.values())


URUTAN = {
    "opd": lambda b: b.peserta.opd.path,
    "status": lambda b: (list(S.values).index(b.peserta.status), b.peserta.opd.path),
    "tenggat": lambda b: (b.sisa_hari, b.peserta.opd.path),
    "temuan": lambda b: (-b.galat, -b.peringatan, b.peserta.opd.path),
    "kelengkapan": lambda b: (b.kelengkapan_rata, b.peserta.opd.path),
    "aktivitas": lambda b: (
        b.peserta.terakhir_aktif is None,
        -(b.peserta.terakhir_aktif.timestamp() if b.peserta.terakhir_aktif else 0),
    ),
}


def _aktivitas_opd(kegiatan: KegiatanPenataan) -> dict[int, Any]:
    """Last change to each OPD's positions (their ANJAB, tasks, evaluation, placements) since
    the round opened, from the audit trail: two grouped queries, not one per OPD."""
    per_jabatan = (
        JejakAudit.objects.filter(waktu__gte=kegiatan.dibuat)
        .filter(
            Q(induk_tipe="jabatan.Jabatan") | Q(objek_tipe="jabatan.Jabatan"),
        )
        .annotate(jabatan_id=Coalesce("induk_id", "objek_id"))
        .values("jabatan_id")
        .annotate(terakhir=Max("waktu"))
        .values_list("jabatan_id", "terakhir")
    )
    terakhir = dict(per_jabatan)
    if not terakhir:
        return {}
    opd_path = dict(
        UnitKerja.objects.filter(struktur_id=kegiatan.struktur_id, kedalaman=0).values_list(
            "path", "id"
        )
    )
    hasil: dict[int, Any] = {}
    for jabatan_id, path in Jabatan.objects.filter(
        struktur_id=kegiatan.struktur_id, pk__in=list(terakhir)
    ).values_list("id", "unit__path"):
        opd_id = opd_path.get(path[: UnitKerja.SEGMEN])
        if opd_id is not None and (opd_id not in hasil or terakhir[jabatan_id] > hasil[opd_id]):
            hasil[opd_id] = terakhir[jabatan_id]
    return hasil


def papan(
    *,
    akses: Akses,
    kegiatan: KegiatanPenataan,
    status: str = "",
    hanya_terlambat: bool = False,
    analis_id: int | None = None,
    urut: str = "opd",
    hari_ini: date | None = None,
) -> Papan:
    """One row per OPD: state, completeness per asked part, open findings, deadline, last
    activity, analyst; filtered and sorted. Constant queries in the number of OPDs."""
    akses.pastikan_instansi(kegiatan)
    hari_ini = hari_ini or timezone.localdate()
    peserta = list(
        PesertaPenataan.objects.filter(kegiatan=kegiatan).select_related("opd", "analis")
    )
    lengkap = kelengkapan(akses=akses, struktur=kegiatan.struktur, diminta=kegiatan.diminta)
    temuan = Counter(
        (t.opd_id, t.tingkat)
        for t in temuan_struktur(
            akses=akses, struktur=kegiatan.struktur, opd=None, diminta=kegiatan.diminta
        )
    )
    catatan = dict(
        Catatan.objects.filter(peserta__kegiatan=kegiatan, selesai_pada__isnull=True)
        .values("peserta_id")
        .annotate(n=Count("id"))
        .values_list("peserta_id", "n")
    )
    aktivitas = _aktivitas_opd(kegiatan)
    hasil = Papan(kegiatan=kegiatan, baris=[])
    for p in peserta:
        p.kegiatan = kegiatan  # already loaded: no query per row for the deadline
        # Last activity: a cycle action (submit, answer, note) or an edit of the OPD's data.
        data = aktivitas.get(p.opd_id)
        if data is not None and (p.terakhir_aktif is None or data > p.terakhir_aktif):
            p.terakhir_aktif = data
        per_bagian = lengkap.get(p.opd_id, {})
        baris = BarisPapan(
            peserta=p,
            kelengkapan={
                b: (round(100 * n / total) if total else None)
                for b, (n, total) in ((b, per_bagian.get(b, (0, 0))) for b in kegiatan.diminta)
            },
            galat=temuan[(p.opd_id, "galat")],
            peringatan=temuan[(p.opd_id, "peringatan")],
            catatan_terbuka=catatan.get(p.pk, 0),
            sisa_hari=sisa_hari(p, hari_ini),
        )
        hasil.per_status[p.status] += 1
        hasil.terlambat += baris.terlambat
        if status and p.status != status:
            continue
        if hanya_terlambat and not baris.terlambat:
            continue
        if analis_id is not None and p.analis_id != analis_id:
            continue
        hasil.baris.append(baris)
    hasil.baris.sort(key=URUTAN.get(urut, URUTAN["opd"]))
    return hasil


@dataclass
class HalamanPeserta:
    peserta: PesertaPenataan
    temuan: list[Temuan]
    diakui: dict[tuple[str, str], Any]
    catatan: list[Catatan]
    riwayat: list[Any]
    cuplikan: Cuplikan | None  # the newest submitted snapshot
    disetujui: Cuplikan | None


def halaman_peserta(*, akses: Akses, peserta: PesertaPenataan) -> HalamanPeserta:
    kegiatan = peserta.kegiatan
    return HalamanPeserta(
        peserta=peserta,
        temuan=temuan_struktur(
            akses=akses, struktur=kegiatan.struktur, opd=peserta.opd, diminta=kegiatan.diminta
        ),
        diakui={(a.kode, a.objek): a for a in peserta.pengakuan_set.select_related("oleh")},
        catatan=list(
            peserta.catatan_set.select_related(
                "jabatan__unit", "tugas", "dibuat_oleh", "selesai_oleh"
            )
        ),
        riwayat=list(peserta.riwayat_set.select_related("oleh")),
        cuplikan=peserta.cuplikan_set.filter(jenis=Cuplikan.Jenis.DIAJUKAN).first(),
        disetujui=peserta.cuplikan_set.filter(jenis=Cuplikan.Jenis.DISETUJUI).first(),
    )


def catatan_ambil(*, akses: Akses, catatan_id: int) -> Catatan:
    c = (
        Catatan.objects.filter(instansi_id=akses.instansi_id, pk=catatan_id)
        .select_related("peserta__opd", "peserta__kegiatan", "jabatan")
        .first()
    )
    if c is None:
        raise TidakDitemukan("Catatan tidak ditemukan.")
    if akses.peran == Peran.OPERATOR and akses.opd_kode != c.peserta.opd.kode:
        raise TidakBerhak()
    return c


def ringkasan_dasbor(*, akses: Akses) -> dict[str, Any] | None:
    """The newest running round's totals for the dashboard, in one query, or None."""
    terbaru = (
        KegiatanPenataan.objects.filter(
            instansi_id=akses.instansi_id, status=KegiatanPenataan.Status.BERJALAN
        )
        .order_by("-dibuat", "-pk")
        .values("pk")[:1]
    )
    baris = list(
        PesertaPenataan.objects.filter(kegiatan_id=Subquery(terbaru)).values_list(
            "status", "tenggat", "kegiatan_id", "kegiatan__nama", "kegiatan__tenggat"
        )
    )
    if not baris:
        return None
    hari_ini = timezone.localdate()
    per_status: Counter = Counter(st for st, *_ in baris)
    terlambat = sum(
        (tenggat or umum) < hari_ini and st not in SELESAI for st, tenggat, _k, _n, umum in baris
    )
    _st, _t, kegiatan_id, nama, _u = baris[0]
    return {
        "kegiatan": {"pk": kegiatan_id, "nama": nama},
        "per_status": per_status,
        "terlambat": terlambat,
        "jumlah": len(baris),
    }
