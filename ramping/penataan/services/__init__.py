"""Writes of the penataan cycle: open a round, move an OPD through its states, notes and
acknowledged warnings. Each validates, writes, records history and audit, and tells the people
concerned (`ramping.penataan.notifikasi`)."""

from ramping.penataan.alur import TRANSISI
from ramping.penataan.services.catatan import (
    catatan_buat,
    catatan_hapus,
    catatan_selesaikan,
    temuan_akui,
)
from ramping.penataan.services.kegiatan import kegiatan_buat, kegiatan_tutup, kegiatan_ubah
from ramping.penataan.services.peserta import (
    AKSI_PESERTA,
    boleh,
    operator_opd,
    peserta_ajukan,
    peserta_buka_kembali,
    peserta_kembalikan,
    peserta_kunci,
    peserta_mulai,
    peserta_perpanjang,
    peserta_setujui,
    peserta_tetapkan_analis,
)

__all__ = [
    "AKSI_PESERTA",
    "TRANSISI",
    "boleh",
    "catatan_buat",
    "catatan_hapus",
    "catatan_selesaikan",
    "kegiatan_buat",
    "kegiatan_tutup",
    "kegiatan_ubah",
    "operator_opd",
    "peserta_ajukan",
    "peserta_buka_kembali",
    "peserta_kembalikan",
    "peserta_kunci",
    "peserta_mulai",
    "peserta_perpanjang",
    "peserta_setujui",
    "peserta_tetapkan_analis",
    "temuan_akui",
]
