"""What happens to version-bound objects when a version is copied or published.

`CARA` is the registry: every model with a foreign key to `organisasi.Struktur` is named here
with how it follows a new version (a structural test fails when a new one is missing):

- "disalin": copied into a scenario by `services.salin` (with `asal` links), so the published
  scenario already holds them;
- "dibawa": carried to the new version at publish by `terapkan` below, units mapped through
  their `asal` links;
- "tetap": stays with its version on purpose (the reason is given).

`rencana_terbit` computes the carry plan once; the Terbitkan page shows it before the click and
`struktur_terbitkan` applies exactly that plan, so what the page promises is what happens.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext, pgettext

from ramping.organisasi.models import Struktur, UnitKerja
from ramping.penyederhanaan.models import Penyetaraan
from ramping.sistemkerja.models import AnggotaTim, Penugasan, RelasiKoordinasi, TimKerja

DISALIN, DIBAWA, TETAP = "disalin", "dibawa", "tetap"

CARA: dict[str, tuple[str, str]] = {
    "organisasi.UnitKerja": (DISALIN, "Unit disalin ke skenario; salinan menyimpan asal."),
    "jabatan.Jabatan": (DISALIN, "Jabatan (dengan tugas, ANJAB, evaluasi) disalin ke skenario."),
    "jabatan.Tugas": (DISALIN, "Ikut jabatannya."),
    "jabatan.Anjab": (DISALIN, "Ikut jabatannya."),
    "jabatan.EvaluasiJabatan": (DISALIN, "Ikut jabatannya."),
    "pegawai.Penempatan": (DISALIN, "Penempatan disalin ke skenario bersama jabatannya."),
    "sistemkerja.TimKerja": (
        DIBAWA,
        "Tim aktif dipindahkan ke unit penerusnya pada versi baru (tetap objek yang sama: "
        "riwayat, anggota dan tautan tidak putus); tim yang sudah selesai tetap di versinya.",
    ),
    "sistemkerja.Penugasan": (
        DIBAWA,
        "Ikut timnya; penugasan perorangan yang belum diterima dipindahkan ke unit penerusnya.",
    ),
    "sistemkerja.RelasiKoordinasi": (
        DIBAWA,
        "Disalin ke versi baru dengan unit penerusnya; peta koordinasi versi arsip tetap utuh.",
    ),
    "penyederhanaan.Penyetaraan": (
        TETAP,
        "Penyetaraan terjadi pada satu versi; register membaca versi itu beserta seluruh versi "
        "asalnya, sehingga riwayat pejabat tampil lintas versi tanpa baris ganda.",
    ),
    "penataan.KegiatanPenataan": (
        TETAP,
        "Kegiatan penataan memverifikasi versi tertentu; hasilnya milik versi itu.",
    ),
    "penyederhanaan.LangkahSkenario": (
        TETAP,
        "Riwayat perubahan skenario mencatat langkah pada draf itu; setelah terbit, versi "
        "berlaku tidak diubah lewat langkah skenario dan riwayatnya tetap terbaca pada versinya.",
    ),
    "nomenklatur.KeputusanNomenklatur": (
        DISALIN,
        "Keputusan nomenklatur disalin ke skenario bersama jabatannya; draf yang terbit "
        "membawanya sebagai dirinya sendiri dan lampiran keputusannya tetap dapat dicetak.",
    ),
    "organisasi.Struktur": (TETAP, "turunan_dari: garis asal versi, bukan isi versi."),
}

MAKS_GENERASI = 20


def garis_versi(struktur: Struktur) -> list[int]:
    """The version and the versions it was derived from (`turunan_dari`), newest first."""
    hasil = [struktur.pk]
    induk = struktur.turunan_dari_id
    while induk is not None and induk not in hasil and len(hasil) < MAKS_GENERASI:
        hasil.append(induk)
        induk = (
            Struktur.objects.filter(instansi_id=struktur.instansi_id, pk=induk)
            .values_list("turunan_dari_id", flat=True)
            .first()
        )
    return hasil


def peta_unit(lama: Struktur, baru: Struktur) -> dict[int, int]:
    """{unit of `lama`: its successor in `baru`}, following `asal` also through intermediate
    copies (a scenario copied from a scenario). One query per generation. When a unit was
    split, the first copy (lowest id) is its successor."""
    iid = baru.instansi_id
    sekarang = dict(
        UnitKerja.objects.filter(instansi_id=iid, struktur=baru, asal__isnull=False)
        .order_by("pk")
        .values_list("pk", "asal_id")
    )
    peta: dict[int, int] = {}
    for _ in range(MAKS_GENERASI):
        if not sekarang:
            break
        leluhur = {
            pk: (s, a)
            for pk, s, a in UnitKerja.objects.filter(
                instansi_id=iid, pk__in=set(sekarang.values())
            ).values_list("pk", "struktur_id", "asal_id")
        }
        lanjut = {}
        for baru_id, asal in sekarang.items():
            if asal not in leluhur:
                continue
            struktur_id, asal_lagi = leluhur[asal]
            if struktur_id == lama.pk:
                peta.setdefault(asal, baru_id)
            elif asal_lagi is not None:
                lanjut[baru_id] = asal_lagi
        sekarang = lanjut
    return peta


@dataclass(frozen=True)
class Butir:
    """One object whose unit has no successor, with what publishing will do to it."""

    jenis: str
    nama: str
    unit: str
    tindakan: str


@dataclass
class RencanaTerbit:
    lama: Struktur | None
    peta: dict[int, int] = field(default_factory=dict)
    tim_dibawa: list[tuple[TimKerja, int]] = field(default_factory=list)
    tim_diakhiri: list[TimKerja] = field(default_factory=list)
    penugasan_dibawa: list[tuple[Penugasan, int]] = field(default_factory=list)
    penugasan_tertinggal: list[Penugasan] = field(default_factory=list)
    relasi_dibawa: list[tuple[RelasiKoordinasi, int, int]] = field(default_factory=list)
    relasi_tertinggal: list[RelasiKoordinasi] = field(default_factory=list)
    penyetaraan_lintas: int = 0

    @property
    def butir(self) -> list[Butir]:
        """Objects whose unit disappeared, each with what will happen."""
        hasil = [
            Butir(
                pgettext("jenis objek", "Tim kerja"),
                t.nama,
                t.unit.nama,
                gettext(
                    "Diakhiri pada tanggal berlaku versi baru (status selesai); "
                    "tetap di versi lama."
                ),
            )
            for t in self.tim_diakhiri
        ]
        hasil += [
            Butir(
                pgettext("jenis objek", "Penugasan"),
                p.judul,
                p.unit.nama,
                gettext("Perlu keputusan: belum diterima, tetap di versi lama bersama tim %(tim)s.")
                % {"tim": p.tim.nama}
                if p.tim_id
                else gettext("Perlu keputusan: belum diterima, tetap di versi lama."),
            )
            for p in self.penugasan_tertinggal
        ]
        hasil += [
            Butir(
                pgettext("jenis objek", "Relasi koordinasi"),
                str(r),
                r.unit_dari.nama,
                gettext(
                    "Tidak dibawa: salah satu unitnya tidak ada di versi baru; tetap di versi lama."
                ),
            )
            for r in self.relasi_tertinggal
        ]
        return hasil


def rencana_terbit(baru: Struktur, lama: Struktur | None) -> RencanaTerbit:
    """What publishing `baru` over `lama` (the version in force) carries and leaves behind."""
    r = RencanaTerbit(lama=lama)
    if lama is None or lama.pk == baru.pk:
        return r
    iid = baru.instansi_id
    r.peta = peta = peta_unit(lama, baru)
    r.penyetaraan_lintas = Penyetaraan.objects.filter(
        instansi_id=iid, struktur_id__in=garis_versi(lama)
    ).count()
    tim_ke: dict[int, int] = {}
    for t in TimKerja.objects.filter(
        instansi_id=iid, struktur=lama, status=TimKerja.Status.AKTIF
    ).select_related("unit"):
        if t.unit_id in peta:
            tim_ke[t.pk] = peta[t.unit_id]
            r.tim_dibawa.append((t, peta[t.unit_id]))
        else:
            r.tim_diakhiri.append(t)
    for p in Penugasan.objects.filter(instansi_id=iid, struktur=lama).select_related("unit", "tim"):
        if p.tim_id in tim_ke:
            # The team's whole record moves with it, finished work included.
            r.penugasan_dibawa.append((p, peta.get(p.unit_id, tim_ke[p.tim_id])))
        elif p.status == Penugasan.Status.DITERIMA:
            continue  # finished work stays with the version it was done in
        elif p.tim_id is None and p.unit_id in peta:
            r.penugasan_dibawa.append((p, peta[p.unit_id]))
        elif p.tim_id is None or p.tim.status == TimKerja.Status.AKTIF:
            r.penugasan_tertinggal.append(p)
    sudah = set(
        RelasiKoordinasi.objects.filter(instansi_id=iid, struktur=baru).values_list(
            "unit_dari_id", "unit_ke_id", "jenis"
        )
    )
    for rel in RelasiKoordinasi.objects.filter(instansi_id=iid, struktur=lama).select_related(
        "unit_dari", "unit_ke"
    ):
        dari, ke = peta.get(rel.unit_dari_id), peta.get(rel.unit_ke_id)
        if dari is None or ke is None:
            r.relasi_tertinggal.append(rel)
        elif (dari, ke, rel.jenis) not in sudah:
            r.relasi_dibawa.append((rel, dari, ke))
    return r


def terapkan(r: RencanaTerbit, baru: Struktur, tanggal: date) -> dict[str, int]:
    """Apply the plan, set-based (a few queries per table). Caller holds the transaction."""
    if r.lama is None:
        return {}
    iid = baru.instansi_id
    tim = []
    for t, unit_id in r.tim_dibawa:
        t.struktur_id, t.unit_id = baru.pk, unit_id
        tim.append(t)
    TimKerja.objects.bulk_update(tim, ["struktur", "unit"], batch_size=1000)
    anggota = list(
        AnggotaTim.objects.filter(
            instansi_id=iid, tim_id__in=[t.pk for t in tim], unit_asal__isnull=False
        )
    )
    for a in anggota:
        # A member's unit with no successor is unknown in the new version (SET_NULL semantics).
        a.unit_asal_id = r.peta.get(a.unit_asal_id)
    AnggotaTim.objects.bulk_update(anggota, ["unit_asal"], batch_size=1000)
    tugas = []
    for p, unit_id in r.penugasan_dibawa:
        p.struktur_id, p.unit_id = baru.pk, unit_id
        tugas.append(p)
    Penugasan.objects.bulk_update(tugas, ["struktur", "unit"], batch_size=1000)
    for t in r.tim_diakhiri:
        t.status = TimKerja.Status.SELESAI
        t.periode_selesai = max(t.periode_mulai, min(t.periode_selesai, tanggal))
    TimKerja.objects.bulk_update(r.tim_diakhiri, ["status", "periode_selesai"], batch_size=1000)
    RelasiKoordinasi.objects.bulk_create(
        [
            RelasiKoordinasi(
                instansi_id=iid,
                struktur_id=baru.pk,
                unit_dari_id=dari,
                unit_ke_id=ke,
                jenis=rel.jenis,
                dasar_hukum=rel.dasar_hukum,
                keterangan=rel.keterangan,
            )
            for rel, dari, ke in r.relasi_dibawa
        ],
        batch_size=1000,
    )
    return {
        "tim_dibawa": len(tim),
        "tim_diakhiri": len(r.tim_diakhiri),
        "penugasan_dibawa": len(tugas),
        "penugasan_tertinggal": len(r.penugasan_tertinggal),
        "relasi_dibawa": len(r.relasi_dibawa),
        "relasi_tertinggal": len(r.relasi_tertinggal),
    }
