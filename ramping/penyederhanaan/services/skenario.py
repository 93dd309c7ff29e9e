"""Edits of a scenario draft: remove/merge units, move and change positions, move people.

Each is allowed to the analis on every unit and to an operator on the units of their own OPD
(both ends of a move), and only while the version is a draft.
"""

from django.db import transaction

from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.selectors import unit_opd
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.jejak import Jejak
from ramping.penyederhanaan.langkah import catat_langkah
from ramping.penyederhanaan.services.lebur import (
    JF_BAWAAN,
    HasilLebur,
    UnitTidakBisaDilebur,
    lebur_unit,
    nama_jf_lengkap,
    pastikan_draf,
)


class PerubahanTidakSah(RampingError):
    pesan = "Perubahan ini tidak dapat dilakukan."


def _boleh(akses: Akses, *units: UnitKerja) -> None:
    for unit in units:
        akses.pastikan_boleh_ubah(unit, unit_opd(unit=unit).kode)


def _catat(akses: Akses, aksi: str, objek, ringkasan: str, perubahan: dict, induk=None) -> None:
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi=aksi,
        objek=objek,
        ringkasan=ringkasan,
        perubahan=perubahan,
        induk=induk,
    )


def _lebur_tercatat(
    akses: Akses,
    unit: UnitKerja,
    tujuan: UnitKerja,
    *,
    ke_kelompok_jf: bool,
    nama_jf: str,
    aksi: str,
    ringkasan: str,
) -> HasilLebur:
    """Remove `unit` into `tujuan` and log it as one undoable step (the receiving unit is one
    of its objects, so a later move into it depends on this step)."""
    jejak = Jejak()
    hasil = lebur_unit(
        struktur=unit.struktur,
        tujuan={unit.pk: tujuan.pk},
        ke_kelompok_jf=ke_kelompok_jf,
        nama_jf=nama_jf,
        jejak=jejak,
    )
    catat_langkah(
        akses=akses,
        struktur=unit.struktur,
        aksi=aksi,
        ringkasan=ringkasan,
        jejak=jejak,
        kunci=[f"organisasi.unitkerja:{tujuan.pk}"],
    )
    return hasil


@transaction.atomic
def unit_hapus(
    *, akses: Akses, unit: UnitKerja, ke_kelompok_jf: bool = True, nama_jf: str = JF_BAWAAN
) -> HasilLebur:
    """Remove a unit: its positions go to its parent (or the parent's kelompok JF)."""
    if unit.induk_id is None:
        raise UnitTidakBisaDilebur("Perangkat daerah (unit teratas) tidak dihapus di sini.")
    induk = UnitKerja.objects.get(pk=unit.induk_id)
    _boleh(akses, unit)
    pastikan_draf(unit.struktur)
    hasil = _lebur_tercatat(
        akses,
        unit,
        induk,
        ke_kelompok_jf=ke_kelompok_jf,
        nama_jf=nama_jf,
        aksi="unit_hapus",
        ringkasan=f"Unit {unit.nama} dihapus; jabatannya ke {induk.nama}"
        + (" (kelompok JF)" if ke_kelompok_jf else ""),
    )
    _catat(
        akses,
        "skenario_unit_hapus",
        induk,
        f"Unit {unit.nama} dihapus dari skenario",
        {"unit": unit.pk, "kelompok_jf": ke_kelompok_jf, "disetarakan": hasil.jabatan_disetarakan},
    )
    return hasil


@transaction.atomic
def unit_gabung(
    *, akses: Akses, unit: UnitKerja, ke: UnitKerja, nama_jf: str = JF_BAWAAN
) -> HasilLebur:
    """Merge `unit` into `ke`: positions and sub-units move there; its head becomes a JF."""
    if ke.struktur_id != unit.struktur_id or ke.pk == unit.pk:
        raise UnitTidakBisaDilebur("Unit tujuan harus unit lain pada versi yang sama.")
    if ke.path.startswith(unit.path):
        raise UnitTidakBisaDilebur("Unit tidak dapat digabungkan ke sub-unitnya sendiri.")
    _boleh(akses, unit, ke)
    pastikan_draf(unit.struktur)
    hasil = _lebur_tercatat(
        akses,
        unit,
        ke,
        ke_kelompok_jf=False,
        nama_jf=nama_jf,
        aksi="unit_gabung",
        ringkasan=f"Unit {unit.nama} digabungkan ke {ke.nama}",
    )
    _catat(
        akses,
        "skenario_unit_gabung",
        ke,
        f"Unit {unit.nama} digabungkan ke {ke.nama}",
        {"unit": unit.pk, "ke": ke.pk, "disetarakan": hasil.jabatan_disetarakan},
    )
    return hasil


@transaction.atomic
def jabatan_pindah(*, akses: Akses, jabatan: Jabatan, unit: UnitKerja) -> Jabatan:
    """Move a (non-head) position to another unit of the same version."""
    if unit.struktur_id != jabatan.struktur_id:
        raise PerubahanTidakSah("Unit tujuan harus pada versi struktur yang sama.")
    if jabatan.is_kepala:
        raise PerubahanTidakSah("Jabatan kepala unit tidak dipindahkan; hapus atau gabung unitnya.")
    _boleh(akses, jabatan.unit, unit)
    pastikan_draf(jabatan.struktur)
    lama = jabatan.unit_id
    jejak = Jejak()
    jejak.sebelum_ubah([jabatan])
    jabatan.unit = unit
    jabatan.save(update_fields=["unit"])
    catat_langkah(
        akses=akses,
        struktur=jabatan.struktur,
        aksi="jabatan_pindah",
        ringkasan=f"{jabatan.nama} dipindah ke {unit.nama}",
        jejak=jejak,
        kunci=[f"organisasi.unitkerja:{lama}", f"organisasi.unitkerja:{unit.pk}"],
    )
    _catat(
        akses,
        "skenario_jabatan_pindah",
        jabatan,
        f"{jabatan.nama} dipindah ke {unit.nama}",
        {"unit": (lama, unit.pk)},
        induk=unit,  # the receiving unit's history shows the arrival
    )
    return jabatan


@transaction.atomic
def jabatan_ubah_jenis(
    *,
    akses: Akses,
    jabatan: Jabatan,
    jenis: str,
    kelas: int | None,
    nama_jf: str = "",
    jenjang: str = "",
    nama: str = "",
) -> Jabatan:
    """Change jenis, jenjang and kelas of a position (a JF is named after its JF and jenjang)."""
    _boleh(akses, jabatan.unit)
    pastikan_draf(jabatan.struktur)
    if jenis == "fungsional":
        if not nama_jf.strip() or not jenjang:
            raise PerubahanTidakSah("Jabatan fungsional memerlukan nama JF dan jenjang.")
        nama = nama_jf_lengkap(nama_jf.strip(), jenjang)
    else:
        nama_jf, jenjang = "", ""
    baru = {
        "jenis": jenis,
        "nama_jf": nama_jf.strip(),
        "jenjang": jenjang,
        "kelas": kelas,
        "nama": (nama or jabatan.nama).strip(),
    }
    perubahan = perubahan_field(jabatan, baru)
    if not perubahan:
        return jabatan
    jejak = Jejak()
    jejak.sebelum_ubah([jabatan])
    for k, (_lama, v) in perubahan.items():
        setattr(jabatan, k, v)
    jabatan.full_clean()
    jabatan.save(update_fields=list(perubahan))
    catat_langkah(
        akses=akses,
        struktur=jabatan.struktur,
        aksi="jabatan_ubah_jenis",
        ringkasan=f"Jabatan {jabatan.nama} diubah",
        jejak=jejak,
    )
    _catat(akses, "skenario_jabatan_ubah", jabatan, f"Jabatan {jabatan.nama} diubah", perubahan)
    return jabatan


@transaction.atomic
def pegawai_pindah(*, akses: Akses, penempatan: Penempatan, jabatan: Jabatan) -> Penempatan:
    """Move a person's active placement in the draft to another position of that draft."""
    if penempatan.tmt_selesai is not None:
        raise PerubahanTidakSah("Hanya penempatan aktif yang dapat dipindahkan.")
    if jabatan.struktur_id != penempatan.struktur_id:
        raise PerubahanTidakSah("Jabatan tujuan harus pada versi struktur yang sama.")
    _boleh(akses, penempatan.jabatan.unit, jabatan.unit)
    pastikan_draf(jabatan.struktur)
    lama = penempatan.jabatan_id
    jejak = Jejak()
    jejak.sebelum_ubah([penempatan])
    penempatan.jabatan = jabatan
    penempatan.save(update_fields=["jabatan"])
    catat_langkah(
        akses=akses,
        struktur=jabatan.struktur,
        aksi="pegawai_pindah",
        ringkasan=f"{penempatan.pegawai.nama} dipindah ke {jabatan.nama}",
        jejak=jejak,
        kunci=[f"jabatan.jabatan:{lama}", f"jabatan.jabatan:{jabatan.pk}"],
    )
    _catat(
        akses,
        "skenario_pegawai_pindah",
        penempatan,
        f"Pegawai {penempatan.pegawai_id} dipindah ke {jabatan.nama}",
        {"jabatan": (lama, jabatan.pk)},
        induk=jabatan,
    )
    return penempatan
