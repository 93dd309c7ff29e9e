"""Every write of the work system: one keyword-only function per action.

Each checks who may act (`ramping.sistemkerja.akses`), validates with the rules engine
(`ramping.aturan.sistemkerja`: ketua rule, teams per person, hours against the WKE), writes and
records the audit entry. Illegal assignment transitions raise `TransisiTidakSah`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.aturan.errors import AlokasiMelebihiWKE, KetuaTimTidakMemenuhi, MelebihiBatasTim
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import KonflikPerubahan, RampingError, TidakBerhak
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.sistemkerja import errors
from ramping.sistemkerja.akses import (
    LABEL_LEVEL,
    Level,
    boleh_ubah_koordinasi,
    pastikan_bertindak,
)
from ramping.sistemkerja.alur import STATUS_KEGIATAN, TRANSISI
from ramping.sistemkerja.models import (
    AnggotaTim,
    Kegiatan,
    Penugasan,
    RelasiKoordinasi,
    RiwayatPenugasan,
    TimKerja,
)

A = AnggotaTim


@dataclass
class HasilAnggota:
    anggota: AnggotaTim
    peringatan: list[str] = field(default_factory=list)


def _pengguna(akses: Akses):
    return akses.pengguna


def _pastikan_berlaku(struktur: Struktur) -> None:
    if struktur.status != Struktur.Status.BERLAKU:
        raise errors.StrukturBukanBerlaku()


def _valid(obj) -> None:
    try:
        obj.full_clean(exclude=["instansi", "struktur", "unit", "tim", "penugasan"])
    except ValidationError as exc:
        nama, pesan = next(iter(exc.message_dict.items()))
        raise RampingError(pesan[0], field=nama) from None


def _naikkan_versi(model, obj, versi: int | None, **nilai) -> None:
    """Write `nilai` only if the row is still at `versi` (optimistic locking)."""
    qs = model.objects.filter(pk=obj.pk)
    if versi is not None:
        qs = qs.filter(versi=versi)
    if not qs.update(versi=F("versi") + 1, **nilai):
        raise KonflikPerubahan()
    obj.refresh_from_db()


# --- Tim kerja -----------------------------------------------------------------------------


def _periode(mulai: date, selesai: date) -> None:
    if selesai < mulai:
        raise RampingError(
            "Periode selesai tidak boleh sebelum periode mulai.", field="periode_selesai"
        )


@transaction.atomic
def tim_buat(
    *,
    akses: Akses,
    unit: UnitKerja,
    nama: str,
    program: str,
    periode_mulai: date,
    periode_selesai: date,
    perlu_ketua: bool = True,
    keterangan: str = "",
) -> TimKerja:
    """Level 2 of `unit` forms a team for a program and period (R7-10 b)."""
    akses.pastikan_instansi(unit)
    pastikan_bertindak(akses, Level.LEVEL_2, unit)
    _pastikan_berlaku(unit.struktur)
    _periode(periode_mulai, periode_selesai)
    tim = TimKerja(
        instansi_id=unit.instansi_id,
        struktur_id=unit.struktur_id,
        unit=unit,
        nama=nama.strip(),
        program=program.strip(),
        periode_mulai=periode_mulai,
        periode_selesai=periode_selesai,
        perlu_ketua=perlu_ketua,
        keterangan=keterangan,
        dibuat_oleh=_pengguna(akses),
    )
    _valid(tim)
    tim.save()
    audit_catat(
        instansi_id=tim.instansi_id,
        pengguna=akses.pengguna,
        aksi="tim_buat",
        objek=tim,
        ringkasan=f"Tim kerja {tim.nama} dibentuk di {unit.nama}",
    )
    return tim


@transaction.atomic
def tim_ubah(
    *,
    akses: Akses,
    tim: TimKerja,
    versi: int,
    nama: str,
    program: str,
    periode_mulai: date,
    periode_selesai: date,
    perlu_ketua: bool,
    status: str,
    keterangan: str = "",
) -> TimKerja:
    akses.pastikan_instansi(tim)
    pastikan_bertindak(akses, Level.LEVEL_2, tim.unit)
    _periode(periode_mulai, periode_selesai)
    if status not in TimKerja.Status.values:
        raise RampingError("Status tim tidak dikenal.", field="status")
    if (
        not perlu_ketua
        and tim.anggota_set.filter(peran=A.Peran.KETUA).exclude(status=A.Status.DITOLAK).exists()
    ):
        raise errors.TimTanpaKetua(
            "Tim ini masih memiliki Ketua Tim; ubah perannya menjadi anggota terlebih dahulu.",
            field="perlu_ketua",
        )
    baru = {
        "nama": nama.strip(),
        "program": program.strip(),
        "periode_mulai": periode_mulai,
        "periode_selesai": periode_selesai,
        "perlu_ketua": perlu_ketua,
        "status": status,
        "keterangan": keterangan,
    }
    perubahan = perubahan_field(tim, baru)
    _naikkan_versi(TimKerja, tim, versi, **baru)
    audit_catat(
        instansi_id=tim.instansi_id,
        pengguna=akses.pengguna,
        aksi="tim_ubah",
        objek=tim,
        ringkasan=f"Tim kerja {tim.nama} diubah",
        perubahan=perubahan,
    )
    return tim


# --- Anggota -------------------------------------------------------------------------------


def _penempatan(pegawai: Pegawai, struktur_id: int) -> Penempatan | None:
    return (
        Penempatan.objects.filter(
            instansi_id=pegawai.instansi_id,
            struktur_id=struktur_id,
            pegawai=pegawai,
            tmt_selesai__isnull=True,
        )
        .select_related("jabatan__unit")
        .first()
    )


def _beban_abk(penempatan: Penempatan) -> Decimal:
    """The person's share of their position's ABK workload: beban_kerja_jam ÷ B."""
    jabatan = penempatan.jabatan
    if not jabatan.beban_kerja_jam:
        return Decimal(0)
    b = Penempatan.objects.filter(jabatan=jabatan, tmt_selesai__isnull=True).count()
    return aturan.bulatkan(jabatan.beban_kerja_jam / max(b, 1), 2)


def _periksa_ketua(penempatan: Penempatan, pegawai: Pegawai, pengaturan) -> None:
    j = penempatan.jabatan
    try:
        aturan.periksa_ketua_tim(
            pegawai.nama_lengkap, j.jenis, j.jenjang or None, pengaturan=pengaturan
        )
    except KetuaTimTidakMemenuhi as exc:
        raise errors.KetuaTidakMemenuhi(exc.pesan, field="peran") from None


def _periksa_beban(
    *,
    pegawai: Pegawai,
    penempatan: Penempatan,
    tim: TimKerja,
    jam: Decimal,
    kecuali: int | None,
    pengaturan,
) -> list[str]:
    """Teams per person (a limit) and hours against the WKE (a warning) via the rules engine."""
    lain = (
        AnggotaTim.objects.filter(
            pegawai=pegawai, tim__struktur_id=tim.struktur_id, tim__status=TimKerja.Status.AKTIF
        )
        .exclude(status=A.Status.DITOLAK)
        .exclude(pk=kecuali)
        .exclude(tim=tim)
        .values_list("tim_id", "jam_per_tahun")
    )
    nama = pegawai.nama_lengkap
    jabatan = penempatan.jabatan
    daftar = [
        aturan.Tim(id=str(tid), anggota=(aturan.AnggotaTim(nama, jabatan.jenis, None, j),))
        for tid, j in lain
    ]
    daftar.append(
        aturan.Tim(id="baru", anggota=(aturan.AnggotaTim(nama, jabatan.jenis, None, jam),))
    )
    # The position's own ABK workload takes its place next to the team hours.
    abk = aturan.AnggotaTim(nama, jabatan.jenis, None, _beban_abk(penempatan))
    daftar.append(aturan.Tim(id="abk", anggota=(abk,)))
    temuan = aturan.periksa_sistem_kerja(daftar, pengaturan=pengaturan)
    for t in temuan:
        # The ABK pseudo-team is not a team: count again without it.
        if isinstance(t, MelebihiBatasTim) and t.jumlah - 1 > t.batas:
            raise errors.BatasTimTerlampaui(
                MelebihiBatasTim(nama, t.jumlah - 1, t.batas).pesan, field="pegawai"
            )
    return [
        t.pesan + " (termasuk beban kerja ABK jabatannya)"
        for t in temuan
        if isinstance(t, AlokasiMelebihiWKE)
    ]


def _periksa_jam(jam: Decimal, pengaturan) -> None:
    if jam < 0:
        raise RampingError("Alokasi jam tidak boleh negatif.", field="jam_per_tahun")
    if jam > pengaturan.wke_jam:
        raise RampingError(
            f"Alokasi jam satu tim tidak boleh melebihi waktu kerja efektif "
            f"{pengaturan.wke_jam} jam per tahun.",
            field="jam_per_tahun",
        )


def _dalam_unit(unit: UnitKerja, induk: UnitKerja) -> bool:
    return unit.struktur_id == induk.struktur_id and unit.path.startswith(induk.path)


@transaction.atomic
def anggota_tambah(
    *,
    akses: Akses,
    tim: TimKerja,
    peran: str,
    jam_per_tahun: Decimal,
    pegawai: Pegawai | None = None,
    nama_eksternal: str = "",
    instansi_eksternal: str = "",
) -> HasilAnggota:
    """Level 2 adds a member; a member of another unit waits for their unit head (R7-08)."""
    akses.pastikan_instansi(tim)
    pastikan_bertindak(akses, Level.LEVEL_2, tim.unit)
    if tim.status != TimKerja.Status.AKTIF:
        raise errors.TimSudahSelesai()
    if peran not in A.Peran.values:
        raise RampingError("Peran tidak dikenal.", field="peran")
    p = pengaturan_instansi(instansi_id=tim.instansi_id)
    _periksa_jam(jam_per_tahun, p)
    peringatan: list[str] = []
    kini = timezone.now()
    if peran == A.Peran.KETUA:
        if not tim.perlu_ketua:
            raise errors.TimTanpaKetua(field="peran")
        if tim.anggota_set.filter(peran=A.Peran.KETUA).exclude(status=A.Status.DITOLAK).exists():
            raise errors.KetuaSudahAda(field="peran")
    if pegawai is None:
        if not nama_eksternal.strip():
            raise RampingError(
                "Pilih pegawai atau isi nama anggota dari instansi lain.", field="pegawai"
            )
        if peran == A.Peran.KETUA:
            raise errors.KetuaTidakMemenuhi(
                "Anggota dari instansi lain tidak dapat menjadi Ketua Tim.", field="peran"
            )
        anggota = AnggotaTim(
            instansi_id=tim.instansi_id,
            tim=tim,
            eksternal=True,
            nama_eksternal=nama_eksternal.strip(),
            instansi_eksternal=instansi_eksternal.strip(),
            peran=peran,
            jam_per_tahun=jam_per_tahun,
            status=A.Status.DIAJUKAN,
            diajukan_oleh=akses.pengguna,
        )
    else:
        akses.pastikan_instansi(pegawai)
        penempatan = _penempatan(pegawai, tim.struktur_id)
        if penempatan is None:
            raise errors.TanpaPenempatan(field="pegawai")
        if AnggotaTim.objects.filter(tim=tim, pegawai=pegawai).exists():
            raise errors.SudahAnggota(field="pegawai")
        if peran == A.Peran.KETUA:
            _periksa_ketua(penempatan, pegawai, p)
        peringatan = _periksa_beban(
            pegawai=pegawai,
            penempatan=penempatan,
            tim=tim,
            jam=jam_per_tahun,
            kecuali=None,
            pengaturan=p,
        )
        unit_asal = penempatan.jabatan.unit
        satu_unit = _dalam_unit(unit_asal, tim.unit)
        anggota = AnggotaTim(
            instansi_id=tim.instansi_id,
            tim=tim,
            pegawai=pegawai,
            unit_asal=unit_asal,
            peran=peran,
            jam_per_tahun=jam_per_tahun,
            status=A.Status.DISETUJUI if satu_unit else A.Status.DIAJUKAN,
            diajukan_oleh=akses.pengguna,
            diputuskan_oleh=akses.pengguna if satu_unit else None,
            diputuskan_pada=kini if satu_unit else None,
        )
    try:
        with transaction.atomic():
            anggota.save()
    except IntegrityError:
        raise errors.SudahAnggota(field="pegawai") from None
    audit_catat(
        instansi_id=tim.instansi_id,
        pengguna=akses.pengguna,
        aksi="anggota_tambah",
        objek=anggota,
        ringkasan=f"{anggota.nama} ditambahkan ke tim {tim.nama}",
        perubahan={"peran": peran, "jam_per_tahun": jam_per_tahun, "status": anggota.status},
    )
    return HasilAnggota(anggota, peringatan)


@transaction.atomic
def anggota_ubah(
    *, akses: Akses, anggota: AnggotaTim, versi: int, peran: str, jam_per_tahun: Decimal
) -> HasilAnggota:
    """Level 2 changes a member's role or hours (the ketua rule and limits apply again)."""
    tim = anggota.tim
    akses.pastikan_instansi(anggota)
    pastikan_bertindak(akses, Level.LEVEL_2, tim.unit)
    p = pengaturan_instansi(instansi_id=tim.instansi_id)
    _periksa_jam(jam_per_tahun, p)
    peringatan: list[str] = []
    if peran == A.Peran.KETUA and anggota.peran != A.Peran.KETUA:
        if not tim.perlu_ketua:
            raise errors.TimTanpaKetua(field="peran")
        if anggota.eksternal:
            raise errors.KetuaTidakMemenuhi(
                "Anggota dari instansi lain tidak dapat menjadi Ketua Tim.", field="peran"
            )
        if tim.anggota_set.filter(peran=A.Peran.KETUA).exclude(status=A.Status.DITOLAK).exists():
            raise errors.KetuaSudahAda(field="peran")
    if anggota.pegawai_id:
        penempatan = _penempatan(anggota.pegawai, tim.struktur_id)
        if penempatan is None:
            raise errors.TanpaPenempatan(field="pegawai")
        if peran == A.Peran.KETUA:
            _periksa_ketua(penempatan, anggota.pegawai, p)
        peringatan = _periksa_beban(
            pegawai=anggota.pegawai,
            penempatan=penempatan,
            tim=tim,
            jam=jam_per_tahun,
            kecuali=anggota.pk,
            pengaturan=p,
        )
    perubahan = perubahan_field(anggota, {"peran": peran, "jam_per_tahun": jam_per_tahun})
    _naikkan_versi(AnggotaTim, anggota, versi, peran=peran, jam_per_tahun=jam_per_tahun)
    audit_catat(
        instansi_id=anggota.instansi_id,
        pengguna=akses.pengguna,
        aksi="anggota_ubah",
        objek=anggota,
        ringkasan=f"Keanggotaan {anggota.nama} di tim {tim.nama} diubah",
        perubahan=perubahan,
    )
    return HasilAnggota(anggota, peringatan)


def _penyetuju(anggota: AnggotaTim) -> tuple[Level, UnitKerja]:
    """Another unit's member: the head of that unit; another agency's: the team's Level 2."""
    if anggota.eksternal or anggota.unit_asal is None:
        return Level.LEVEL_2, anggota.tim.unit
    return Level.KEPALA_UNIT_ASAL, anggota.unit_asal


def boleh_memutuskan(akses: Akses, anggota: AnggotaTim) -> bool:
    from ramping.sistemkerja.akses import boleh_bertindak_sebagai

    level, unit = _penyetuju(anggota)
    return anggota.status == A.Status.DIAJUKAN and boleh_bertindak_sebagai(akses, level, unit)


def _putuskan(akses: Akses, anggota: AnggotaTim, status: str, catatan: str) -> AnggotaTim:
    akses.pastikan_instansi(anggota)
    level, unit = _penyetuju(anggota)
    pastikan_bertindak(akses, level, unit)
    n = AnggotaTim.objects.filter(pk=anggota.pk, status=A.Status.DIAJUKAN).update(
        status=status,
        diputuskan_oleh=akses.pengguna,
        diputuskan_pada=timezone.now(),
        catatan_keputusan=catatan.strip()[:300],
        versi=F("versi") + 1,
    )
    if not n:
        raise errors.BukanPengajuan()
    anggota.refresh_from_db()
    audit_catat(
        instansi_id=anggota.instansi_id,
        pengguna=akses.pengguna,
        aksi=f"anggota_{status}",
        objek=anggota,
        ringkasan=f"Keanggotaan {anggota.nama} di tim {anggota.tim.nama} {status} "
        f"({LABEL_LEVEL[level]})",
        perubahan={"status": (A.Status.DIAJUKAN, status), "catatan": catatan},
    )
    return anggota


@transaction.atomic
def anggota_setujui(*, akses: Akses, anggota: AnggotaTim, catatan: str = "") -> AnggotaTim:
    """The member's unit head agrees: from now on the membership counts (R7-08)."""
    return _putuskan(akses, anggota, A.Status.DISETUJUI, catatan)


@transaction.atomic
def anggota_tolak(*, akses: Akses, anggota: AnggotaTim, catatan: str = "") -> AnggotaTim:
    return _putuskan(akses, anggota, A.Status.DITOLAK, catatan)


@transaction.atomic
def anggota_hapus(*, akses: Akses, anggota: AnggotaTim) -> None:
    akses.pastikan_instansi(anggota)
    pastikan_bertindak(akses, Level.LEVEL_2, anggota.tim.unit)
    audit_catat(
        instansi_id=anggota.instansi_id,
        pengguna=akses.pengguna,
        aksi="anggota_hapus",
        objek=anggota,
        ringkasan=f"{anggota.nama} dikeluarkan dari tim {anggota.tim.nama}",
    )
    anggota.delete()


# --- Penugasan -----------------------------------------------------------------------------


def _catat_riwayat(akses: Akses, p: Penugasan, dari: str, ke: str, level: Level, catatan: str):
    RiwayatPenugasan.objects.create(
        instansi_id=p.instansi_id,
        penugasan=p,
        dari=dari,
        ke=ke,
        oleh=akses.pengguna,
        sebagai=LABEL_LEVEL[level],
        pada=timezone.now(),
        catatan=catatan,
    )


@transaction.atomic
def penugasan_rencanakan(
    *,
    akses: Akses,
    judul: str,
    target_output: str,
    volume: Decimal,
    satuan: str,
    tenggat: date,
    catatan_anggaran: str = "",
    tim: TimKerja | None = None,
    pegawai: Pegawai | None = None,
    unit: UnitKerja | None = None,
) -> Penugasan:
    """Level 2 plans work for a team, or for one person of its unit (R7-10)."""
    if (tim is None) == (pegawai is None):
        raise RampingError("Tugaskan kepada satu tim atau satu pegawai.", field="tim")
    if tim is not None:
        akses.pastikan_instansi(tim)
        if tim.status != TimKerja.Status.AKTIF:
            raise errors.TimSudahSelesai(field="tim")
        unit = tim.unit
    else:
        if unit is None:
            raise RampingError("Pilih unit yang menugaskan.", field="unit")
        akses.pastikan_instansi(pegawai)
    akses.pastikan_instansi(unit)
    pastikan_bertindak(akses, Level.LEVEL_2, unit)
    _pastikan_berlaku(unit.struktur)
    if pegawai is not None:
        penempatan = _penempatan(pegawai, unit.struktur_id)
        if penempatan is None or not _dalam_unit(penempatan.jabatan.unit, unit):
            raise RampingError(
                f"{pegawai.nama_lengkap} tidak menduduki jabatan di {unit.nama}; "
                "untuk pegawai unit lain bentuk tim lintas unit.",
                field="pegawai",
            )
    if volume is None or volume < 0:
        raise RampingError("Volume tidak boleh negatif.", field="volume")
    p = Penugasan(
        instansi_id=unit.instansi_id,
        struktur_id=unit.struktur_id,
        unit=unit,
        tim=tim,
        pegawai=pegawai,
        judul=judul.strip(),
        target_output=target_output.strip(),
        volume=volume,
        satuan=satuan.strip(),
        tenggat=tenggat,
        catatan_anggaran=catatan_anggaran.strip(),
        dibuat_oleh=akses.pengguna,
    )
    _valid(p)
    p.save()
    _catat_riwayat(akses, p, "", p.status, Level.LEVEL_2, "Direncanakan")
    audit_catat(
        instansi_id=p.instansi_id,
        pengguna=akses.pengguna,
        aksi="penugasan_rencanakan",
        objek=p,
        ringkasan=f"Penugasan {p.judul} direncanakan",
    )
    return p


def _transisi(
    akses: Akses, penugasan: Penugasan, aksi: str, versi: int | None, catatan: str
) -> Penugasan:
    t = TRANSISI[aksi]
    akses.pastikan_instansi(penugasan)
    pastikan_bertindak(akses, t.level, penugasan.unit)
    dari = penugasan.status
    if dari not in t.dari:
        raise errors.TransisiTidakSah(penugasan.get_status_display().lower(), t.kata_kerja)
    catatan = catatan.strip()
    if t.perlu_catatan and not catatan:
        raise errors.CatatanWajib(field="catatan")
    # Conditional on the state read: two people pressing at once cannot both win.
    qs = Penugasan.objects.filter(pk=penugasan.pk, status=dari)
    if versi is not None:
        qs = qs.filter(versi=versi)
    if not qs.update(status=t.ke, versi=F("versi") + 1):
        raise KonflikPerubahan()
    penugasan.refresh_from_db()
    _catat_riwayat(akses, penugasan, dari, t.ke, t.level, catatan)
    audit_catat(
        instansi_id=penugasan.instansi_id,
        pengguna=akses.pengguna,
        aksi=f"penugasan_{aksi}",
        objek=penugasan,
        ringkasan=f"Penugasan {penugasan.judul}: {dari} → {t.ke}",
        perubahan={"status": (dari, t.ke), "catatan": catatan},
    )
    return penugasan


@transaction.atomic
def penugasan_mulai(
    *, akses: Akses, penugasan: Penugasan, versi: int | None = None, catatan: str = ""
) -> Penugasan:
    """The members start the work (again, after it was returned)."""
    return _transisi(akses, penugasan, "mulai", versi, catatan)


@transaction.atomic
def penugasan_serahkan(
    *, akses: Akses, penugasan: Penugasan, versi: int | None = None, catatan: str = ""
) -> Penugasan:
    """The members hand the results to Level 2 (R7-11 c)."""
    return _transisi(akses, penugasan, "serahkan", versi, catatan)


@transaction.atomic
def penugasan_terima(
    *, akses: Akses, penugasan: Penugasan, versi: int | None = None, catatan: str = ""
) -> Penugasan:
    """Level 1 accepts the results as meeting the target: only now is the work done (R7-12)."""
    return _transisi(akses, penugasan, "terima", versi, catatan)


@transaction.atomic
def penugasan_kembalikan(
    *, akses: Akses, penugasan: Penugasan, catatan: str, versi: int | None = None
) -> Penugasan:
    """Level 1 returns the results with notes; the members take the work up again."""
    return _transisi(akses, penugasan, "kembalikan", versi, catatan)


AKSI_PENUGASAN = {
    "mulai": penugasan_mulai,
    "serahkan": penugasan_serahkan,
    "terima": penugasan_terima,
    "kembalikan": penugasan_kembalikan,
}


# --- Kegiatan ------------------------------------------------------------------------------


def _progres(progres: int) -> None:
    if not 0 <= progres <= 100:
        raise RampingError("Progres harus antara 0 dan 100 persen.", field="progres")


@transaction.atomic
def kegiatan_tambah(
    *, akses: Akses, penugasan: Penugasan, nama: str, pelaksana: str = "", progres: int = 0
) -> Kegiatan:
    """The members break the assignment into activities (R7-11 a)."""
    akses.pastikan_instansi(penugasan)
    pastikan_bertindak(akses, Level.ANGGOTA, penugasan.unit)
    if penugasan.status not in STATUS_KEGIATAN:
        raise errors.TransisiTidakSah(
            penugasan.get_status_display().lower(), "tambahi kegiatan (mulai kerjakan dulu)"
        )
    _progres(progres)
    if not nama.strip():
        raise RampingError("Nama kegiatan wajib diisi.", field="nama")
    k = Kegiatan.objects.create(
        instansi_id=penugasan.instansi_id,
        penugasan=penugasan,
        nama=nama.strip()[:250],
        pelaksana=pelaksana.strip()[:200],
        progres=progres,
        diperbarui_oleh=akses.pengguna,
    )
    audit_catat(
        instansi_id=k.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_tambah",
        objek=k,
        ringkasan=f"Kegiatan {k.nama} ditambahkan ke {penugasan.judul}",
    )
    return k


@transaction.atomic
def kegiatan_perbarui(
    *, akses: Akses, kegiatan: Kegiatan, versi: int, progres: int, catatan: str = ""
) -> Kegiatan:
    """The members report progress; Level 2 and the Ketua Tim follow it (R7-11 b)."""
    penugasan = kegiatan.penugasan
    akses.pastikan_instansi(kegiatan)
    pastikan_bertindak(akses, Level.ANGGOTA, penugasan.unit)
    if penugasan.status not in STATUS_KEGIATAN:
        raise errors.TransisiTidakSah(penugasan.get_status_display().lower(), "perbarui")
    _progres(progres)
    perubahan = perubahan_field(kegiatan, {"progres": progres, "catatan": catatan})
    _naikkan_versi(
        Kegiatan,
        kegiatan,
        versi,
        progres=progres,
        catatan=catatan.strip()[:300],
        diperbarui_oleh=akses.pengguna,
        diperbarui=timezone.now(),
    )
    audit_catat(
        instansi_id=kegiatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_perbarui",
        objek=kegiatan,
        ringkasan=f"Progres {kegiatan.nama}: {progres}%",
        perubahan=perubahan,
    )
    return kegiatan


# --- Relasi koordinasi ---------------------------------------------------------------------


def _pastikan_koordinasi(akses: Akses) -> None:
    if not boleh_ubah_koordinasi(akses):
        raise TidakBerhak("Pola koordinasi dikelola oleh analis organisasi.")


@transaction.atomic
def relasi_buat(
    *,
    akses: Akses,
    unit_dari: UnitKerja,
    unit_ke: UnitKerja,
    jenis: str,
    dasar_hukum: str = "",
    keterangan: str = "",
) -> RelasiKoordinasi:
    akses.pastikan_instansi(unit_dari)
    akses.pastikan_instansi(unit_ke)
    _pastikan_koordinasi(akses)
    if unit_dari.pk == unit_ke.pk:
        raise errors.RelasiDiriSendiri(field="unit_ke")
    if unit_dari.struktur_id != unit_ke.struktur_id:
        raise errors.UnitBedaVersi(field="unit_ke")
    if jenis not in RelasiKoordinasi.Jenis.values:
        raise RampingError("Jenis relasi tidak dikenal.", field="jenis")
    if RelasiKoordinasi.objects.filter(unit_dari=unit_dari, unit_ke=unit_ke, jenis=jenis).exists():
        raise errors.RelasiSudahAda(field="unit_ke")
    r = RelasiKoordinasi.objects.create(
        instansi_id=unit_dari.instansi_id,
        struktur_id=unit_dari.struktur_id,
        unit_dari=unit_dari,
        unit_ke=unit_ke,
        jenis=jenis,
        dasar_hukum=dasar_hukum.strip(),
        keterangan=keterangan.strip(),
    )
    audit_catat(
        instansi_id=r.instansi_id,
        pengguna=akses.pengguna,
        aksi="relasi_buat",
        objek=r,
        ringkasan=f"Relasi koordinasi: {r}",
    )
    return r


@transaction.atomic
def relasi_hapus(*, akses: Akses, relasi: RelasiKoordinasi) -> None:
    akses.pastikan_instansi(relasi)
    _pastikan_koordinasi(akses)
    audit_catat(
        instansi_id=relasi.instansi_id,
        pengguna=akses.pengguna,
        aksi="relasi_hapus",
        objek=relasi,
        ringkasan=f"Relasi koordinasi dihapus: {relasi}",
    )
    relasi.delete()
