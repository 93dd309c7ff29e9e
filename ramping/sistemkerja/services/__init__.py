"""Every write of the work system: one keyword-only function per action.

Each checks who may act (`ramping.sistemkerja.akses`), validates with the rules engine
(`ramping.aturan.sistemkerja`: ketua rule, teams per person, hours against the WKE), writes and
records the audit entry. Illegal assignment transitions raise `TransisiTidakSah`.
"""

from ramping.sistemkerja.services.bersama import HasilAnggota
from ramping.sistemkerja.services.koordinasi import relasi_buat, relasi_hapus
from ramping.sistemkerja.services.penugasan import (
    AKSI_PENUGASAN,
    kegiatan_perbarui,
    kegiatan_tambah,
    penugasan_kembalikan,
    penugasan_mulai,
    penugasan_rencanakan,
    penugasan_serahkan,
    penugasan_terima,
)
from ramping.sistemkerja.services.tim import (
    anggota_hapus,
    anggota_setujui,
    anggota_tambah,
    anggota_tolak,
    anggota_ubah,
    boleh_memutuskan,
    tim_buat,
    tim_ubah,
)

__all__ = [
    "AKSI_PENUGASAN",
    "HasilAnggota",
    "anggota_hapus",
    "anggota_setujui",
    "anggota_tambah",
    "anggota_tolak",
    "anggota_ubah",
    "boleh_memutuskan",
    "kegiatan_perbarui",
    "kegiatan_tambah",
    "penugasan_kembalikan",
    "penugasan_mulai",
    "penugasan_rencanakan",
    "penugasan_serahkan",
    "penugasan_terima",
    "relasi_buat",
    "relasi_hapus",
    "tim_buat",
    "tim_ubah",
]
