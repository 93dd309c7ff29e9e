"""ramping.aturan: the rules engine of ramping, in pure Python (no Django).

ABK (PermenPAN-RB 1/2020), evaluasi jabatan and kelas (34/2011), penyetaraan (17/2021), structure
(25/2021), sistem kerja (7/2022), nomenklatur pelaksana (45/2022), BUP (PP 11/2017) and the 5-year
projection (Peraturan BKN 9/2022). Frozen dataclasses and Decimal in and out; reference tables in
``ramping/aturan/data``; uncertain rules are :class:`Pengaturan` settings. See docs/aturan.md.
"""

from .abk import (
    Tugas,
    beban_kerja_jam,
    bulatkan_kebutuhan,
    efektivitas_jabatan,
    efektivitas_unit,
    jam_ke_menit,
    kebutuhan_hasil_kerja,
    kebutuhan_objek_kerja,
    kebutuhan_pegawai,
    kebutuhan_peralatan_kerja,
    label_pj,
    menit_ke_jam,
    nilai_pj,
)
from .abk_batch import kebutuhan_pegawai_batch
from .angka import bulatkan
from .data import Sumber
from .errors import AturanError
from .evaluasi import (
    HasilEvaluasi,
    evaluasi_jabatan,
    faktor_evaluasi,
    kelas_jabatan,
    nilai_jabatan,
    periksa_kelas_atasan,
    rentang_nilai,
    tabel_kelas,
)
from .formasi import ProyeksiTahun, proyeksi_kebutuhan
from .jabatan import (
    ESELON,
    JENIS_JABATAN,
    JENJANG_JF,
    kelompok_eselon,
    kode_jenjang,
    label_jenjang,
)
from .katalog import JabatanFungsional, cari_jf, katalog_jf
from .nomenklatur import (
    NamaPelaksana,
    PelaksanaInput,
    PemetaanNama,
    Saran,
    cocokkan_nomenklatur,
    katalog_nomenklatur,
    pemetaan_nomenklatur,
    periksa_bukan_analis,
    periksa_nama_baku,
    periksa_nomenklatur,
    periksa_pendidikan_pelaksana,
    periksa_satu_kelas,
)
from .pendidikan import kode_pendidikan, pendidikan_memenuhi, urutan_pendidikan
from .pengaturan import PENGATURAN_BAWAAN, Pengaturan, PitaEJ, keterangan_pengaturan
from .penghasilan import (
    PerbandinganPenghasilan,
    TabelTunjangan,
    bandingkan_penghasilan,
    tabel_tunjangan_contoh,
)
from .pensiun import batas_usia_pensiun, tahun_pensiun, tanggal_pensiun
from .penyetaraan import (
    HasilPemeriksaanPenyetaraan,
    Pemeriksaan,
    jenjang_penyetaraan,
    periksa_penyetaraan,
    tabel_penyetaraan,
)
from .sistemkerja import (
    AnggotaTim,
    Tim,
    periksa_jam_alokasi,
    periksa_ketua_tim,
    periksa_sistem_kerja,
)
from .struktur import (
    KeputusanUnit,
    LapisanUnit,
    RentangKendali,
    UnitInput,
    jumlah_jabatan_struktural,
    keputusan_penyederhanaan,
    lapisan_struktural,
    rentang_kendali,
    unit_dihapus,
)

__all__ = [
    "ESELON",
    "JENIS_JABATAN",
    "JENJANG_JF",
    "PENGATURAN_BAWAAN",
    "AnggotaTim",
    "AturanError",
    "HasilEvaluasi",
    "HasilPemeriksaanPenyetaraan",
    "JabatanFungsional",
    "KeputusanUnit",
    "LapisanUnit",
    "NamaPelaksana",
    "PelaksanaInput",
    "Pemeriksaan",
    "PemetaanNama",
    "Pengaturan",
    "PerbandinganPenghasilan",
    "PitaEJ",
    "ProyeksiTahun",
    "RentangKendali",
    "Saran",
    "Sumber",
    "TabelTunjangan",
    "Tim",
    "Tugas",
    "UnitInput",
    "bandingkan_penghasilan",
    "batas_usia_pensiun",
    "beban_kerja_jam",
    "bulatkan",
    "bulatkan_kebutuhan",
    "cari_jf",
    "cocokkan_nomenklatur",
    "efektivitas_jabatan",
    "efektivitas_unit",
    "evaluasi_jabatan",
    "faktor_evaluasi",
    "jam_ke_menit",
    "jenjang_penyetaraan",
    "jumlah_jabatan_struktural",
    "katalog_jf",
    "katalog_nomenklatur",
    "kebutuhan_hasil_kerja",
    "kebutuhan_objek_kerja",
    "kebutuhan_pegawai",
    "kebutuhan_pegawai_batch",
    "kebutuhan_peralatan_kerja",
    "kelas_jabatan",
    "kelompok_eselon",
    "keputusan_penyederhanaan",
    "keterangan_pengaturan",
    "kode_jenjang",
    "kode_pendidikan",
    "label_jenjang",
    "label_pj",
    "lapisan_struktural",
    "menit_ke_jam",
    "nilai_jabatan",
    "nilai_pj",
    "pemetaan_nomenklatur",
    "pendidikan_memenuhi",
    "periksa_bukan_analis",
    "periksa_jam_alokasi",
    "periksa_kelas_atasan",
    "periksa_ketua_tim",
    "periksa_nama_baku",
    "periksa_nomenklatur",
    "periksa_pendidikan_pelaksana",
    "periksa_penyetaraan",
    "periksa_satu_kelas",
    "periksa_sistem_kerja",
    "proyeksi_kebutuhan",
    "rentang_kendali",
    "rentang_nilai",
    "tabel_kelas",
    "tabel_penyetaraan",
    "tabel_tunjangan_contoh",
    "tahun_pensiun",
    "tanggal_pensiun",
    "unit_dihapus",
    "urutan_pendidikan",
]
