"""Writes to positions. Each validates, writes and audits."""

from django.db import transaction

from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat, ubah_dan_catat
from ramping.jabatan.models import Jabatan
from ramping.jabatan.services.izin import pastikan_boleh_ubah_jabatan
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.selectors import unit_opd
from ramping.organisasi.services import pastikan_bisa_diubah
from ramping.penataan.kunci import pastikan_opd_terbuka


@transaction.atomic
def jabatan_buat(
    *,
    akses: Akses,
    unit: UnitKerja,
    nama: str,
    jenis: str,
    nama_jf: str = "",
    jenjang: str = "",
    kode: str = "",
    kelas: int | None = None,
    is_kepala: bool = False,
) -> Jabatan:
    opd_kode = unit_opd(unit=unit).kode
    akses.pastikan_boleh_ubah(unit, opd_kode)
    pastikan_bisa_diubah(unit.struktur)
    pastikan_opd_terbuka(akses=akses, struktur_id=unit.struktur_id, opd_kode=opd_kode)
    jabatan = Jabatan(
        instansi_id=unit.instansi_id,
        struktur_id=unit.struktur_id,
        unit=unit,
        nama=nama,
        jenis=jenis,
        nama_jf=nama_jf,
        jenjang=jenjang,
        kode=kode,
        kelas=kelas,
        is_kepala=is_kepala,
        urutan=unit.jabatan_set.count(),
    )
    jabatan.full_clean()
    jabatan.save()
    audit_catat(
        instansi_id=unit.instansi_id,
        pengguna=akses.pengguna,
        aksi="jabatan_buat",
        objek=jabatan,
        ringkasan=f"Jabatan {nama} ditambahkan di {unit.nama}",
        perubahan={"nama": nama, "jenis": jenis, "jenjang": jenjang, "kelas": kelas},
        induk=unit,
    )
    return jabatan


JABATAN_FIELD_UBAH = {"nama", "jenis", "nama_jf", "jenjang", "kode", "kelas", "urutan"}


@transaction.atomic
def jabatan_ubah(*, akses: Akses, jabatan: Jabatan, **nilai: object) -> Jabatan:
    pastikan_bisa_diubah(jabatan.struktur)
    pastikan_boleh_ubah_jabatan(akses, jabatan)
    ubah_dan_catat(
        jabatan,
        nilai,
        boleh=JABATAN_FIELD_UBAH,
        akses=akses,
        aksi="jabatan_ubah",
        ringkasan=f"Jabatan {nilai.get('nama', jabatan.nama)} diubah",
    )
    return jabatan
