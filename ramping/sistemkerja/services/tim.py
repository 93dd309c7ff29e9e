"""Teams and their members (PermenPAN-RB 7/2022: tim kerja across units and agencies)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.aturan import tampil
from ramping.aturan.errors import AlokasiMelebihiWKE, KetuaTimTidakMemenuhi, MelebihiBatasTim
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError
from ramping.inti.kunci import simpan_jika_tetap
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.sistemkerja import errors
from ramping.sistemkerja.akses import (
    LABEL_LEVEL,
    Level,
    pastikan_bertindak,
)
from ramping.sistemkerja.models import (
    AnggotaTim,
    TimKerja,
)
from ramping.sistemkerja.services.bersama import (
    A,
    HasilAnggota,
    _dalam_unit,
    _pastikan_berlaku,
    _penempatan,
    _pengguna,
    _valid,
)

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
    simpan_jika_tetap(tim, versi=versi, oleh=akses.pengguna, **baru)
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


def _beban_abk(penempatan: Penempatan) -> Decimal:
    """The person's share of their position's ABK workload: beban_kerja_jam ÷ B."""
    jabatan = penempatan.jabatan
    if not jabatan.beban_kerja_jam:
        return Decimal(0)
    b = Penempatan.objects.aktif().filter(jabatan=jabatan).count()
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
        f"{t.pesan} Jumlah itu termasuk beban kerja ABK jabatannya. {t.saran}"
        for t in temuan
        if isinstance(t, AlokasiMelebihiWKE)
    ]


def _periksa_jam(jam: Decimal, pengaturan) -> None:
    if jam < 0:
        raise RampingError("Alokasi jam tidak boleh negatif.", field="jam_per_tahun")
    if jam > pengaturan.wke_jam:
        raise RampingError(
            f"Alokasi jam satu tim tidak boleh melebihi waktu kerja efektif "
            f"{tampil.angka(pengaturan.wke_jam, ringkas=True)} jam per tahun; isi jam "
            "per tahun yang lebih kecil.",
            field="jam_per_tahun",
        )


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
    simpan_jika_tetap(
        anggota, versi=versi, oleh=akses.pengguna, peran=peran, jam_per_tahun=jam_per_tahun
    )
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
    # The decision is on the request as it stands now: a second decision finds it decided.
    simpan_jika_tetap(
        anggota,
        versi=anggota.versi,
        oleh=akses.pengguna,
        syarat={"status": A.Status.DIAJUKAN},
        galat=errors.BukanPengajuan,
        status=status,
        diputuskan_oleh=akses.pengguna,
        diputuskan_pada=timezone.now(),
        catatan_keputusan=catatan.strip()[:300],
    )
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
