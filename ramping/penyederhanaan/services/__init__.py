"""Writes of the simplification workbench: copy, edit, apply the criteria, publish, penyetaraan."""

# The version's own fields belong to organisasi; the workbench renames drafts through it.
from ramping.organisasi.services import struktur_ubah
from ramping.penyederhanaan.services.penyetaraan import (
    penyetaraan_buat,
    penyetaraan_lanjut,
    penyetaraan_tarik,
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
    "penyetaraan_buat",
    "penyetaraan_lanjut",
    "penyetaraan_tarik",
    "penyetaraan_ubah",
    "struktur_salin",
    "struktur_terbitkan",
    "struktur_ubah",
    "tabel_tunjangan_siapkan",
    "tarif_simpan",
    "terapkan_rekomendasi",
    "unit_gabung",
    "unit_hapus",
]
