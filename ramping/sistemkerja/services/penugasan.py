"""Assignments and their activities: planned by Level 2, accepted by Level 1 (7/2022)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError
from ramping.inti.kunci import simpan_jika_tetap
from ramping.organisasi.models import UnitKerja
from ramping.pegawai.models import Pegawai
from ramping.sistemkerja import errors
from ramping.sistemkerja.akses import (
    LABEL_LEVEL,
    Level,
    pastikan_bertindak,
)
from ramping.sistemkerja.alur import STATUS_KEGIATAN, TRANSISI
from ramping.sistemkerja.models import (
    Kegiatan,
    Penugasan,
    RiwayatPenugasan,
    TimKerja,
)
from ramping.sistemkerja.services.bersama import (
    _dalam_unit,
    _pastikan_berlaku,
    _penempatan,
    _valid,
)

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


def _transisi(akses: Akses, penugasan: Penugasan, aksi: str, versi: int, catatan: str) -> Penugasan:
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
    simpan_jika_tetap(
        penugasan, versi=versi, oleh=akses.pengguna, syarat={"status": dari}, status=t.ke
    )
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
    *, akses: Akses, penugasan: Penugasan, versi: int, catatan: str = ""
) -> Penugasan:
    """The members start the work (again, after it was returned)."""
    return _transisi(akses, penugasan, "mulai", versi, catatan)


@transaction.atomic
def penugasan_serahkan(
    *, akses: Akses, penugasan: Penugasan, versi: int, catatan: str = ""
) -> Penugasan:
    """The members hand the results to Level 2 (R7-11 c)."""
    return _transisi(akses, penugasan, "serahkan", versi, catatan)


@transaction.atomic
def penugasan_terima(
    *, akses: Akses, penugasan: Penugasan, versi: int, catatan: str = ""
) -> Penugasan:
    """Level 1 accepts the results as meeting the target: only now is the work done (R7-12)."""
    return _transisi(akses, penugasan, "terima", versi, catatan)


@transaction.atomic
def penugasan_kembalikan(
    *, akses: Akses, penugasan: Penugasan, catatan: str, versi: int
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
        diubah_oleh=akses.pengguna,
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
    simpan_jika_tetap(
        kegiatan,
        versi=versi,
        oleh=akses.pengguna,
        progres=progres,
        catatan=catatan.strip()[:300],
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
