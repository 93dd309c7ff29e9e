"""Evaluasi jabatan of a position (PermenPAN-RB 34/2011; Perka BKN 21/2011).

The Bagian Organisasi's evaluation team picks a level per factor with a justification; the
total nilai and kelas come from ramping.aturan. A draft may be incomplete; "ditetapkan"
requires every factor and writes the kelas onto the position.
"""

from datetime import date
from typing import Any

from django.db import transaction

from ramping import aturan
from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import KumpulanGalat, RampingError
from ramping.inti.kunci import simpan_jika_tetap
from ramping.jabatan.models import EvaluasiJabatan, Jabatan
from ramping.jabatan.services.abk import pastikan_boleh_ubah_jabatan
from ramping.organisasi.pengaturan import pengaturan_instansi


def kelompok_faktor(jabatan: Jabatan) -> str:
    """Structural posts use the 7 struktural items; JF and pelaksana the 9 fungsional ones."""
    return "struktural" if jabatan.is_struktural else "fungsional"


def periksa_tingkat(jenis: str, tingkat: dict[str, str]) -> None:
    """Every unknown factor or level at once (GalatIsian, one entry per factor)."""
    faktor = {f.kode: f for f in aturan.faktor_evaluasi(jenis)}
    kumpulan = KumpulanGalat()
    for kode, level in tingkat.items():
        if kode not in faktor:
            kumpulan.tambah(kode, f"Faktor {kode} bukan faktor {jenis}.")
        elif faktor[kode].cari(level) is None:
            kumpulan.tambah(kode, f"Tingkat {level} tidak ada pada faktor {kode}.")
    kumpulan.lempar()


def hitung_evaluasi(
    jenis: str, tingkat: dict[str, str], instansi_id: int
) -> aturan.HasilEvaluasi | None:
    """The result when every factor has a level, None while the draft is incomplete.

    An unknown factor or level raises the rules engine's error (it names the factor).
    """
    periksa_tingkat(jenis, tingkat)
    kode_faktor = [f.kode for f in aturan.faktor_evaluasi(jenis)]
    if set(tingkat) != set(kode_faktor):
        return None
    return aturan.evaluasi_jabatan(
        jenis, tingkat, pengaturan=pengaturan_instansi(instansi_id=instansi_id)
    )


@transaction.atomic
def evaluasi_simpan(
    *,
    akses: Akses,
    jabatan: Jabatan,
    versi: int,
    tingkat: dict[str, str],
    alasan: dict[str, str] | None = None,
    tim_evaluator: str = "",
    tanggal: date | None = None,
) -> EvaluasiJabatan:
    """Save the chosen levels (a draft); `versi` 0 when the position had no evaluation yet."""
    pastikan_analis(akses)
    pastikan_boleh_ubah_jabatan(akses, jabatan)
    jenis = kelompok_faktor(jabatan)
    tingkat = {k: v for k, v in tingkat.items() if v}
    hasil = hitung_evaluasi(jenis, tingkat, jabatan.instansi_id)
    evaluasi, _ = EvaluasiJabatan.objects.get_or_create(
        jabatan=jabatan, defaults={"instansi_id": jabatan.instansi_id, "jenis": jenis, "versi": 0}
    )
    if evaluasi.status == EvaluasiJabatan.Status.DITETAPKAN:
        raise RampingError("Evaluasi yang sudah ditetapkan tidak dapat diubah; buka kembali dulu.")
    baru: dict[str, Any] = {
        "jenis": jenis,
        "tingkat": tingkat,
        "alasan": {k: v.strip() for k, v in (alasan or {}).items() if v and v.strip()},
        "tim_evaluator": tim_evaluator.strip(),
        "tanggal": tanggal,
        "nilai": hasil.nilai if hasil else None,
        "kelas": hasil.kelas if hasil else None,
    }
    perubahan = perubahan_field(evaluasi, baru)
    simpan_jika_tetap(evaluasi, versi=versi, oleh=akses.pengguna, **baru)
    if perubahan:
        audit_catat(
            instansi_id=jabatan.instansi_id,
            pengguna=akses.pengguna,
            aksi="evaluasi_simpan",
            objek=evaluasi,
            ringkasan=f"Evaluasi jabatan {jabatan.nama} disimpan",
            perubahan=perubahan,
            induk=jabatan,
        )
    return evaluasi


@transaction.atomic
def evaluasi_tetapkan(*, akses: Akses, evaluasi: EvaluasiJabatan, versi: int) -> EvaluasiJabatan:
    """Fix the result: every factor chosen; the position's kelas becomes the evaluated one."""
    pastikan_analis(akses)
    jabatan = evaluasi.jabatan
    pastikan_boleh_ubah_jabatan(akses, jabatan)
    hasil = hitung_evaluasi(evaluasi.jenis, evaluasi.tingkat, jabatan.instansi_id)
    if hasil is None:
        kurang = sorted(
            {f.kode for f in aturan.faktor_evaluasi(evaluasi.jenis)} - set(evaluasi.tingkat)
        )
        raise RampingError(f"Tingkat faktor {', '.join(kurang)} belum dipilih.", field="tingkat")
    simpan_jika_tetap(
        evaluasi,
        versi=versi,
        oleh=akses.pengguna,
        status=EvaluasiJabatan.Status.DITETAPKAN,
        nilai=hasil.nilai,
        kelas=hasil.kelas,
    )
    kelas_lama = jabatan.kelas
    Jabatan.objects.filter(pk=jabatan.pk).update(kelas=hasil.kelas)
    audit_catat(
        instansi_id=jabatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="evaluasi_tetapkan",
        objek=evaluasi,
        ringkasan=f"Evaluasi {jabatan.nama} ditetapkan: kelas {hasil.kelas}",
        perubahan={"nilai": hasil.nilai, "kelas": (kelas_lama, hasil.kelas)},
        induk=jabatan,
    )
    return evaluasi


@transaction.atomic
def evaluasi_simpan_tetapkan(
    *,
    akses: Akses,
    jabatan: Jabatan,
    versi: int,
    tingkat: dict[str, str],
    alasan: dict[str, str] | None = None,
    tim_evaluator: str = "",
    tanggal: date | None = None,
) -> EvaluasiJabatan:
    """Save what is on screen and fix it, in one transaction: on any error nothing is kept."""
    evaluasi = evaluasi_simpan(
        akses=akses,
        jabatan=jabatan,
        versi=versi,
        tingkat=tingkat,
        alasan=alasan,
        tim_evaluator=tim_evaluator,
        tanggal=tanggal,
    )
    return evaluasi_tetapkan(akses=akses, evaluasi=evaluasi, versi=evaluasi.versi)


@transaction.atomic
def evaluasi_buka_kembali(
    *, akses: Akses, evaluasi: EvaluasiJabatan, versi: int
) -> EvaluasiJabatan:
    """Reopen a fixed evaluation as a draft (e.g. after the tasks changed); kelas stays."""
    pastikan_analis(akses)
    pastikan_boleh_ubah_jabatan(akses, evaluasi.jabatan)
    simpan_jika_tetap(
        evaluasi, versi=versi, oleh=akses.pengguna, status=EvaluasiJabatan.Status.DRAF
    )
    audit_catat(
        instansi_id=evaluasi.instansi_id,
        pengguna=akses.pengguna,
        aksi="evaluasi_buka_kembali",
        objek=evaluasi,
        ringkasan=f"Evaluasi {evaluasi.jabatan.nama} dibuka kembali",
        induk=evaluasi.jabatan,
    )
    return evaluasi


ALASAN_KELAS_MAKS = 2000


@transaction.atomic
def evaluasi_catat_alasan_kelas(
    *, akses: Akses, evaluasi: EvaluasiJabatan, versi: int, alasan: str
) -> EvaluasiJabatan:
    """Record why a kelas that differs from its reference or its superior is right (or clear
    it with ""). Who may evaluate may record it, also on a fixed evaluation: the reason
    explains the result and does not change it (issue #17, `jabatan.kewajaran`)."""
    pastikan_analis(akses)
    pastikan_boleh_ubah_jabatan(akses, evaluasi.jabatan)
    alasan = (alasan or "").strip()
    if len(alasan) > ALASAN_KELAS_MAKS:
        raise RampingError(
            f"Alasan perbedaan kelas paling panjang {ALASAN_KELAS_MAKS} karakter "
            f"(diterima {len(alasan)}).",
            field="alasan_kelas",
        )
    try:
        aturan.periksa_teks(alasan)
    except aturan.AturanError as exc:
        raise RampingError(exc.pesan, field="alasan_kelas") from None
    perubahan = perubahan_field(evaluasi, {"alasan_kelas": alasan})
    simpan_jika_tetap(evaluasi, versi=versi, oleh=akses.pengguna, alasan_kelas=alasan)
    if perubahan:
        audit_catat(
            instansi_id=evaluasi.instansi_id,
            pengguna=akses.pengguna,
            aksi="evaluasi_alasan_kelas",
            objek=evaluasi,
            ringkasan=f"Alasan perbedaan kelas {evaluasi.jabatan.nama} dicatat",
            perubahan=perubahan,
            induk=evaluasi.jabatan,
        )
    return evaluasi
