"""Writes to positions, their tasks (ABK), ANJAB and evaluasi jabatan."""

from ramping.jabatan.services.abk import (
    abk_hitung_ulang,
    abk_hitung_ulang_jabatan,
    tugas_buat,
    tugas_hapus,
    tugas_ubah,
)
from ramping.jabatan.services.anjab import anjab_ubah
from ramping.jabatan.services.evaluasi import (
    evaluasi_buka_kembali,
    evaluasi_catat_alasan_kelas,
    evaluasi_simpan,
    evaluasi_simpan_tetapkan,
    evaluasi_tetapkan,
)
from ramping.jabatan.services.jabatan import jabatan_buat, jabatan_ubah

__all__ = [
    "abk_hitung_ulang",
    "abk_hitung_ulang_jabatan",
    "anjab_ubah",
    "evaluasi_buka_kembali",
    "evaluasi_catat_alasan_kelas",
    "evaluasi_simpan",
    "evaluasi_simpan_tetapkan",
    "evaluasi_tetapkan",
    "jabatan_buat",
    "jabatan_ubah",
    "tugas_buat",
    "tugas_hapus",
    "tugas_ubah",
]
