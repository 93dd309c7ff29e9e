"""Writes of the simplification workbench: copy, edit, apply the criteria, publish, penyetaraan."""

from ramping.penyederhanaan.services.penyetaraan import (
    penyetaraan_lanjut,
    penyetaraan_ubah,
    tabel_tunjangan_siapkan,
    tarif_simpan,
)
from ramping.penyederhanaan.services.rekomendasi import terapkan_rekomendasi
from ramping.penyederhanaan.services.salin import struktur_salin
from ramping.penyederhanaan.services.skenario import (
    jabatan_pindah,
    jabatan_ubah_jenis,
    pegawai_pindah,
    unit_gabung,
    unit_hapus,
)
from ramping.penyederhanaan.services.terbitkan import struktur_terbitkan

__all__ = [
    "jabatan_pindah",
    "jabatan_ubah_jenis",
    "pegawai_pindah",
    "penyetaraan_lanjut",
    "penyetaraan_ubah",
    "struktur_salin",
    "struktur_terbitkan",
    "tabel_tunjangan_siapkan",
    "tarif_simpan",
    "terapkan_rekomendasi",
    "unit_gabung",
    "unit_hapus",
]
