"""The shape of the demo agency: Kota Cilegon's perangkat daerah before simplification (2021).

Unit names follow the public sources in shared/reference/penyederhanaan.md §5.3 (confidence A
where a source names them; standard PP 18/2016 kota units where not, confidence C). Eselon per
PP 18/2016 for a kota: Sekda II.a; Asisten, Staf Ahli, Kepala Dinas/Badan, Sekwan, Inspektur
II.b; Kabag, Sekretaris, Camat III.a; Kabid, Sekcam III.b; Kasubbag, Kasi, Lurah IV.a;
Sekretaris Kelurahan IV.b; Kasubbag TU of a small UPTD V.a.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OpdDef:
    kode: str
    nama: str
    singkatan: str
    jenis: str  # UnitKerja.Jenis
    kepala: str  # title of the head
    urusan: str  # "bidang ..." wording for tugas text
    bidang: tuple[tuple[str, tuple[str, ...]], ...]
    jf: tuple[str, ...]  # JF typical for the OPD; the first receives converted officials
    sekretariat: tuple[str, ...] = ("Umum dan Kepegawaian", "Perencanaan dan Keuangan")
    uptd: tuple[str, ...] = ()
    # Cilegon 2021: administrator posts were converted only in DPMPTSP (BANTENRAYA-SIMPL, A).
    bidang_dialihkan: bool = False
    pengecualian_seksi: tuple[str, ...] = field(default_factory=tuple)


SETDA_ASISTEN = (
    (
        "Asisten Pemerintahan dan Kesejahteraan Rakyat",
        ("Pemerintahan", "Hukum", "Kesejahteraan Rakyat"),
    ),
    (
        "Asisten Perekonomian dan Pembangunan",
        (
            "Perekonomian dan Sumber Daya Alam",
            "Administrasi Pembangunan",
            "Pengadaan Barang dan Jasa",
        ),
    ),
    (
        "Asisten Administrasi Umum",
        ("Organisasi", "Umum", "Protokol dan Komunikasi Pimpinan", "Perencanaan dan Keuangan"),
    ),
)
SETDA_SUBBAGIAN = {
    "Pemerintahan": ("Pemerintahan Umum", "Otonomi Daerah", "Kerja Sama"),
    "Hukum": ("Peraturan Perundang-undangan", "Bantuan Hukum", "Dokumentasi Hukum"),
    "Kesejahteraan Rakyat": (
        "Bina Mental dan Spiritual",
        "Kesejahteraan Sosial",
        "Pendidikan dan Kesehatan",
    ),
    "Perekonomian dan Sumber Daya Alam": ("Perekonomian", "Sumber Daya Alam", "BUMD"),
    "Administrasi Pembangunan": (
        "Penyusunan Program",
        "Pengendalian Pembangunan",
        "Evaluasi dan Pelaporan",
    ),
    "Pengadaan Barang dan Jasa": (
        "Pengelolaan Pengadaan",
        "Layanan Pengadaan Secara Elektronik",
        "Pembinaan dan Advokasi",
    ),
    "Organisasi": (
        "Kelembagaan dan Analisis Jabatan",
        "Reformasi Birokrasi dan Akuntabilitas",
        "Tata Laksana dan Pelayanan Publik",
    ),
    "Umum": ("Tata Usaha", "Rumah Tangga", "Perlengkapan"),
    "Protokol dan Komunikasi Pimpinan": ("Protokol", "Komunikasi Pimpinan", "Dokumentasi Pimpinan"),
    "Perencanaan dan Keuangan": ("Perencanaan", "Keuangan", "Pelaporan"),
}
SETDA_JF = {
    "Hukum": "Perancang Peraturan Perundang-undangan",
    "Pengadaan Barang dan Jasa": "Pengelola Pengadaan Barang/Jasa",
    "Organisasi": "Analis Sumber Daya Manusia Aparatur",
    "Umum": "Arsiparis",
    "Protokol dan Komunikasi Pimpinan": "Pranata Hubungan Masyarakat",
    "Perencanaan dan Keuangan": "Perencana",
}
STAF_AHLI = (
    "Staf Ahli Wali Kota Bidang Pemerintahan, Hukum dan Politik",
    "Staf Ahli Wali Kota Bidang Ekonomi, Keuangan dan Pembangunan",
    "Staf Ahli Wali Kota Bidang Kemasyarakatan dan Sumber Daya Manusia",
)

SETWAN_BAGIAN = (
    ("Umum dan Keuangan", ("Tata Usaha dan Kepegawaian", "Keuangan")),
    ("Persidangan dan Perundang-undangan", ("Persidangan", "Perundang-undangan")),
    ("Fasilitasi Penganggaran dan Pengawasan", ("Penganggaran", "Pengawasan")),
)

INSPEKTORAT_IRBAN = ("I", "II", "III", "IV")

KECAMATAN = {
    "Cilegon": ("Ciwedus", "Bagendung", "Ciwaduk", "Ketileng", "Bendungan"),
    "Ciwandan": ("Kubangsari", "Tegalratu", "Banjarnegara", "Kepuh", "Randakari", "Gunungsugih"),
    "Citangkil": (
        "Deringo",
        "Lebakdenok",
        "Taman Baru",
        "Citangkil",
        "Kebonsari",
        "Samangraya",
        "Warnasari",
    ),
    "Pulomerak": ("Tamansari", "Mekarsari", "Lebakgede", "Suralaya"),
    "Purwakarta": ("Kotasari", "Ramanuju", "Kebondalem", "Purwakarta", "Tegal Bunder", "Pabean"),
    "Grogol": ("Gerem", "Grogol", "Rawa Arum", "Kotasari Grogol"),
    "Jombang": ("Jombang Wetan", "Masigit", "Panggung Rawi", "Gedong Dalem", "Sukmajaya"),
    "Cibeber": ("Cibeber", "Kedaleman", "Karang Asem", "Bulakan", "Cikerai", "Kalitimbang"),
}  # 43 kelurahan in all (SUARA-2019: 43; per-kecamatan split is illustrative, C)
KECAMATAN_SEKSI = (
    "Pemerintahan",
    "Ketenteraman dan Ketertiban Umum",
    "Pemberdayaan Masyarakat",
    "Pelayanan Umum",
)


def _d(kode, nama, singkatan, kepala, urusan, bidang, jf, jenis="dinas", **kw):
    return OpdDef(kode, nama, singkatan, jenis, kepala, urusan, bidang, jf, **kw)


DINAS_BADAN: tuple[OpdDef, ...] = (
    _d(
        "BAPPEDA",
        "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        "Bappedalitbang",
        "Kepala Badan",
        "perencanaan pembangunan dan penelitian",
        (
            (
                "Perencanaan Pemerintahan dan Pembangunan Manusia",
                ("Pemerintahan", "Pembangunan Manusia"),
            ),
            (
                "Perencanaan Perekonomian dan Infrastruktur",
                ("Perekonomian", "Infrastruktur dan Kewilayahan"),
            ),
            ("Penelitian dan Pengembangan", ("Penelitian", "Inovasi Daerah")),
        ),
        ("Perencana", "Analis Kebijakan", "Statistisi"),
        jenis="badan",
    ),
    _d(
        "BKPP",
        "Badan Kepegawaian, Pendidikan dan Pelatihan",
        "BKPP",
        "Kepala Badan",
        "kepegawaian, pendidikan dan pelatihan",
        (
            ("Mutasi dan Promosi", ("Mutasi", "Promosi dan Kepangkatan")),
            (
                "Pengembangan Kompetensi Aparatur",
                ("Pendidikan dan Pelatihan", "Penilaian Kompetensi"),
            ),
            (
                "Informasi dan Kinerja Pegawai",
                ("Data dan Informasi", "Penilaian Kinerja dan Disiplin"),
            ),
        ),
        (
            "Analis Sumber Daya Manusia Aparatur",
            "Asesor Sumber Daya Manusia Aparatur",
            "Pranata Sumber Daya Manusia Aparatur",
        ),
        jenis="badan",
    ),
    _d(
        "BPKAD",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "BPKAD",
        "Kepala Badan",
        "keuangan dan aset daerah",
        (
            ("Anggaran", ("Penyusunan Anggaran", "Pengendalian Anggaran")),
            ("Perbendaharaan", ("Belanja", "Kas Daerah")),
            ("Akuntansi", ("Akuntansi Pemerintah Daerah", "Pelaporan Keuangan")),
            ("Aset", ("Penatausahaan Aset", "Pemanfaatan Aset")),
        ),
        ("Analis Keuangan Pusat dan Daerah", "Analis Anggaran", "Penilai Pemerintah"),
        jenis="badan",
    ),
    _d(
        "BPBD",
        "Badan Penanggulangan Bencana Daerah",
        "BPBD",
        "Kepala Pelaksana",
        "penanggulangan bencana",
        (
            ("Pencegahan dan Kesiapsiagaan", ("Pencegahan", "Kesiapsiagaan")),
            ("Kedaruratan dan Logistik", ("Kedaruratan", "Logistik")),
            ("Rehabilitasi dan Rekonstruksi", ("Rehabilitasi", "Rekonstruksi")),
        ),
        ("Analis Kebencanaan", "Penata Penanggulangan Bencana", "Pranata Kebencanaan"),
        jenis="badan",
    ),
    _d(
        "DISDIK",
        "Dinas Pendidikan",
        "Disdik",
        "Kepala Dinas",
        "pendidikan",
        (
            (
                "Pembinaan Sekolah Dasar",
                ("Kurikulum SD", "Peserta Didik SD", "Sarana Prasarana SD"),
            ),
            (
                "Pembinaan Sekolah Menengah Pertama",
                ("Kurikulum SMP", "Peserta Didik SMP", "Sarana Prasarana SMP"),
            ),
            ("Pendidikan Anak Usia Dini dan Nonformal", ("PAUD", "Pendidikan Nonformal")),
            ("Guru dan Tenaga Kependidikan", ("Pendidik", "Tenaga Kependidikan")),
        ),
        ("Pengawas Sekolah", "Penilik", "Pamong Belajar", "Pengembang Teknologi Pembelajaran"),
    ),
    _d(
        "DINKES",
        "Dinas Kesehatan",
        "Dinkes",
        "Kepala Dinas",
        "kesehatan",
        (
            (
                "Kesehatan Masyarakat",
                ("Kesehatan Keluarga dan Gizi", "Promosi Kesehatan", "Kesehatan Lingkungan"),
            ),
            (
                "Pencegahan dan Pengendalian Penyakit",
                ("Surveilans dan Imunisasi", "Penyakit Menular", "Penyakit Tidak Menular"),
            ),
            (
                "Pelayanan Kesehatan",
                (
                    "Pelayanan Kesehatan Primer",
                    "Pelayanan Kesehatan Rujukan",
                    "Mutu dan Akreditasi",
                ),
            ),
            (
                "Sumber Daya Kesehatan",
                ("Kefarmasian dan Alat Kesehatan", "Sumber Daya Manusia Kesehatan"),
            ),
        ),
        (
            "Administrator Kesehatan",
            "Epidemiolog Kesehatan",
            "Nutrisionis",
            "Sanitarian",
            "Penyuluh Kesehatan Masyarakat",
            "Apoteker",
        ),
        uptd=(
            "Puskesmas Cilegon",
            "Puskesmas Ciwandan",
            "Puskesmas Citangkil",
            "Puskesmas Pulomerak",
            "Puskesmas Purwakarta",
            "Puskesmas Grogol",
            "Puskesmas Jombang",
            "Puskesmas Cibeber",
            "Laboratorium Kesehatan Daerah",
            "Instalasi Farmasi",
        ),
    ),
    _d(
        "DISDUKCAPIL",
        "Dinas Kependudukan dan Pencatatan Sipil",
        "Disdukcapil",
        "Kepala Dinas",
        "administrasi kependudukan dan pencatatan sipil",
        (
            ("Pelayanan Pendaftaran Penduduk", ("Identitas Penduduk", "Pindah Datang")),
            ("Pelayanan Pencatatan Sipil", ("Kelahiran dan Kematian", "Perkawinan dan Perceraian")),
            (
                "Pengelolaan Informasi Administrasi Kependudukan",
                ("Sistem Informasi", "Pengolahan dan Penyajian Data"),
            ),
        ),
        ("Administrator Database Kependudukan", "Analis Kebijakan"),
        pengecualian_seksi=(
            "Identitas Penduduk",
            "Kelahiran dan Kematian",
            "Perkawinan dan Perceraian",
        ),
    ),
    _d(
        "DKPP",
        "Dinas Ketahanan Pangan dan Pertanian",
        "DKPP",
        "Kepala Dinas",
        "pangan dan pertanian",
        (
            ("Ketahanan Pangan", ("Ketersediaan Pangan", "Konsumsi dan Keamanan Pangan")),
            (
                "Pertanian dan Perkebunan",
                ("Tanaman Pangan dan Hortikultura", "Prasarana Pertanian"),
            ),
            ("Peternakan dan Perikanan", ("Peternakan dan Kesehatan Hewan", "Perikanan")),
        ),
        (
            "Penyuluh Pertanian",
            "Analis Ketahanan Pangan",
            "Medik Veteriner",
            "Pengawas Mutu Hasil Pertanian",
        ),
        uptd=("Rumah Potong Hewan",),
    ),
    _d(
        "DISKOMINFO",
        "Dinas Komunikasi, Informatika, Sandi dan Statistik",
        "Diskominfo",
        "Kepala Dinas",
        "komunikasi, informatika, persandian dan statistik",
        (
            (
                "Informasi dan Komunikasi Publik",
                ("Pengelolaan Informasi Publik", "Komunikasi Publik"),
            ),
            ("Aplikasi Informatika", ("Tata Kelola e-Government", "Infrastruktur dan Teknologi")),
            ("Persandian dan Statistik", ("Persandian", "Statistik Sektoral")),
        ),
        ("Pranata Komputer", "Pranata Hubungan Masyarakat", "Sandiman", "Statistisi"),
    ),
    _d(
        "DISKOPUKM",
        "Dinas Koperasi dan Usaha Kecil Menengah",
        "Diskop UKM",
        "Kepala Dinas",
        "koperasi dan usaha kecil menengah",
        (
            ("Koperasi", ("Kelembagaan Koperasi", "Pengawasan Koperasi")),
            ("Usaha Kecil Menengah", ("Pemberdayaan UKM", "Pembiayaan dan Pemasaran")),
        ),
        ("Pengawas Koperasi", "Penyuluh Perindustrian dan Perdagangan"),
    ),
    _d(
        "DP3AKB",
        "Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana",
        "DP3AKB",
        "Kepala Dinas",
        "pemberdayaan perempuan, perlindungan anak dan keluarga berencana",
        (
            ("Pemberdayaan Perempuan", ("Kualitas Hidup Perempuan", "Pengarusutamaan Gender")),
            ("Perlindungan Anak", ("Pemenuhan Hak Anak", "Perlindungan Khusus Anak")),
            ("Keluarga Berencana", ("Pengendalian Penduduk", "Penyuluhan dan Penggerakan")),
        ),
        (
            "Penyuluh Keluarga Berencana",
            "Penata Kependudukan dan Keluarga Berencana",
            "Petugas Lapangan Keluarga Berencana",
        ),
        uptd=("Perlindungan Perempuan dan Anak",),
    ),
    _d(
        "DISPAR",
        "Dinas Pariwisata dan Kebudayaan",
        "Disparbud",
        "Kepala Dinas",
        "pariwisata dan kebudayaan",
        (
            ("Destinasi dan Industri Pariwisata", ("Destinasi", "Industri Pariwisata")),
            ("Pemasaran Pariwisata", ("Promosi", "Ekonomi Kreatif")),
            ("Kebudayaan", ("Cagar Budaya", "Kesenian dan Tradisi")),
        ),
        ("Pamong Budaya", "Analis Kebijakan"),
    ),
    _d(
        "DAMKAR",
        "Dinas Pemadam Kebakaran dan Penyelamatan",
        "Damkar",
        "Kepala Dinas",
        "pemadaman kebakaran dan penyelamatan",
        (
            ("Pencegahan dan Pengendalian", ("Pencegahan", "Pengendalian Operasional")),
            ("Penyelamatan dan Evakuasi", ("Penyelamatan", "Sarana dan Prasarana")),
        ),
        ("Analis Kebakaran", "Pemadam Kebakaran"),
        uptd=("Pos Pemadam Kebakaran Wilayah Barat",),
    ),
    _d(
        "DLH",
        "Dinas Lingkungan Hidup",
        "DLH",
        "Kepala Dinas",
        "lingkungan hidup",
        (
            ("Tata Lingkungan", ("Perencanaan Lingkungan", "Kajian Dampak Lingkungan")),
            ("Pengendalian Pencemaran", ("Pemantauan Lingkungan", "Pengaduan dan Penegakan Hukum")),
            (
                "Pengelolaan Sampah dan Pertamanan",
                ("Pengelolaan Sampah", "Pertamanan dan Ruang Terbuka Hijau"),
            ),
        ),
        ("Pengendali Dampak Lingkungan", "Pengawas Lingkungan Hidup", "Penyuluh Lingkungan Hidup"),
        uptd=("Tempat Pemrosesan Akhir Sampah", "Laboratorium Lingkungan"),
    ),
    _d(
        "SATPOLPP",
        "Satuan Polisi Pamong Praja",
        "Satpol PP",
        "Kepala Satuan",
        "ketenteraman, ketertiban umum dan pelindungan masyarakat",
        (
            (
                "Penegakan Peraturan Daerah",
                ("Penyelidikan dan Penyidikan", "Pembinaan dan Penyuluhan"),
            ),
            ("Ketertiban Umum dan Ketenteraman", ("Operasi dan Pengendalian", "Kerja Sama")),
            (
                "Perlindungan Masyarakat",
                ("Satuan Perlindungan Masyarakat", "Bina Potensi Masyarakat"),
            ),
        ),
        ("Polisi Pamong Praja",),
        jenis="dinas",
    ),
    _d(
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
        "DPMPTSP",
        "Kepala Dinas",
        "penanaman modal dan pelayanan perizinan",
        (
            ("Perencanaan dan Promosi Penanaman Modal", ("Perencanaan Penanaman Modal", "Promosi")),
            ("Pelayanan Perizinan", ("Perizinan Usaha", "Perizinan Non Usaha")),
            ("Pengendalian dan Pengaduan", ("Pengendalian Pelaksanaan", "Pengaduan dan Informasi")),
            ("Data dan Sistem Informasi", ("Data Penanaman Modal", "Sistem Informasi Perizinan")),
        ),
        ("Analis Kebijakan", "Pranata Komputer"),
        bidang_dialihkan=True,
    ),
    _d(
        "DISNAKER",
        "Dinas Tenaga Kerja",
        "Disnaker",
        "Kepala Dinas",
        "ketenagakerjaan",
        (
            (
                "Penempatan dan Perluasan Kerja",
                ("Penempatan Tenaga Kerja", "Perluasan Kesempatan Kerja"),
            ),
            ("Hubungan Industrial", ("Persyaratan Kerja", "Perselisihan Hubungan Industrial")),
            ("Pelatihan dan Produktivitas", ("Pelatihan Kerja", "Produktivitas")),
        ),
        ("Pengantar Kerja", "Mediator Hubungan Industrial", "Instruktur"),
        uptd=("Balai Latihan Kerja",),
    ),
    _d(
        "DISHUB",
        "Dinas Perhubungan",
        "Dishub",
        "Kepala Dinas",
        "perhubungan",
        (
            ("Lalu Lintas", ("Manajemen dan Rekayasa Lalu Lintas", "Keselamatan")),
            ("Angkutan", ("Angkutan Orang", "Angkutan Barang")),
            ("Sarana dan Prasarana", ("Terminal dan Perparkiran", "Pengujian Kendaraan")),
        ),
        ("Penguji Kendaraan Bermotor", "Analis Kebijakan"),
        uptd=("Pengujian Kendaraan Bermotor", "Terminal Terpadu Merak"),
        pengecualian_seksi=("Pengujian Kendaraan",),
    ),
    _d(
        "DPUPR",
        "Dinas Pekerjaan Umum dan Penataan Ruang",
        "DPUPR",
        "Kepala Dinas",
        "pekerjaan umum dan penataan ruang",
        (
            ("Bina Marga", ("Pembangunan Jalan dan Jembatan", "Pemeliharaan Jalan dan Jembatan")),
            ("Sumber Daya Air", ("Irigasi dan Drainase", "Pengendalian Banjir")),
            ("Cipta Karya", ("Bangunan Gedung", "Air Minum dan Sanitasi")),
            ("Penataan Ruang", ("Perencanaan Tata Ruang", "Pengendalian Pemanfaatan Ruang")),
        ),
        (
            "Penata Kelola Jalan dan Jembatan",
            "Teknik Pengairan",
            "Teknik Tata Bangunan dan Perumahan",
            "Penata Ruang",
            "Pembina Jasa Konstruksi",
        ),
        uptd=("Pengelolaan Air Limbah Domestik",),
    ),
    _d(
        "DINSOS",
        "Dinas Sosial",
        "Dinsos",
        "Kepala Dinas",
        "sosial",
        (
            (
                "Rehabilitasi Sosial",
                ("Rehabilitasi Anak dan Lanjut Usia", "Rehabilitasi Penyandang Disabilitas"),
            ),
            (
                "Perlindungan dan Jaminan Sosial",
                ("Perlindungan Korban Bencana", "Jaminan Sosial Keluarga"),
            ),
            (
                "Pemberdayaan Sosial",
                ("Pemberdayaan Masyarakat Miskin", "Kepahlawanan dan Restorasi Sosial"),
            ),
        ),
        ("Pekerja Sosial", "Penyuluh Sosial"),
    ),
    _d(
        "DISPERINDAG",
        "Dinas Perindustrian dan Perdagangan",
        "Disperindag",
        "Kepala Dinas",
        "perindustrian dan perdagangan",
        (
            ("Perindustrian", ("Industri Agro dan Kimia", "Industri Logam dan Aneka")),
            ("Perdagangan", ("Perdagangan Dalam Negeri", "Pasar dan Distribusi")),
            ("Metrologi", ("Tera dan Tera Ulang", "Pengawasan Barang Beredar")),
        ),
        ("Penera", "Pengawas Perdagangan", "Analis Perdagangan"),
        uptd=("Metrologi Legal",),
    ),
)

RSUD = OpdDef(
    "RSUD",
    "Rumah Sakit Umum Daerah Cilegon",
    "RSUD",
    "rsud",
    "Direktur",
    "pelayanan kesehatan rujukan",
    (
        ("Pelayanan Medik dan Keperawatan", ("Pelayanan Medik", "Keperawatan", "Penunjang Medik")),
        ("Umum dan Keuangan", ("Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Rekam Medik")),
    ),
    (
        "Dokter",
        "Perawat",
        "Bidan",
        "Apoteker",
        "Perekam Medis",
        "Radiografer",
        "Pranata Laboratorium Kesehatan",
        "Fisioterapis",
        "Nutrisionis",
        "Teknisi Elektromedis",
    ),
    sekretariat=(),
)

# Pelaksana names in 2021 (PermenPAN-RB 41/2018 era), with their education tier and kelas as
# seen in a 41/2018-era peta jabatan (reference §4.3: S-1 7, D-III 6, SLTA 5; C).
PELAKSANA_LAMA = (
    ("Pengadministrasi Umum", "SLTA", 5),
    ("Pengadministrasi Kepegawaian", "SLTA", 5),
    ("Pengadministrasi Keuangan", "SLTA", 5),
    ("Pengolah Data", "D-III", 6),
    ("Pengelola Keuangan", "D-III", 6),
    ("Pengelola Barang Milik Daerah", "D-III", 6),
    ("Analis Kepegawaian", "S-1", 7),
    ("Penyusun Program, Anggaran dan Pelaporan", "S-1", 7),
    ("Analis Data dan Informasi", "S-1", 7),
    ("Pengemudi", "SLTA", 3),
    ("Petugas Keamanan", "SLTA", 3),
    ("Pramu Bakti", "SMP", 1),
)
# Suggested 41/2018 → 45/2022 renaming (reference §4.3, each pair C) and the new kelas
# (indicative kelas of nomenklatur-pelaksana.csv; 3 and 1 for the lowest tiers are C).
PELAKSANA_BARU = {
    "Pengadministrasi Umum": ("Pengadministrasi Perkantoran", 5),
    "Pengadministrasi Kepegawaian": ("Pengadministrasi Perkantoran", 5),
    "Pengadministrasi Keuangan": ("Pengadministrasi Perkantoran", 5),
    "Pengolah Data": ("Pengolah Data dan Informasi", 6),
    "Pengelola Keuangan": ("Pengolah Data dan Informasi", 6),
    "Pengelola Barang Milik Daerah": ("Pengelola Layanan Operasional", 6),
    "Analis Kepegawaian": ("Penelaah Teknis Kebijakan", 7),
    "Penyusun Program, Anggaran dan Pelaporan": ("Penelaah Teknis Kebijakan", 7),
    "Analis Data dan Informasi": ("Penata Kelola Sistem dan Teknologi Informasi", 7),
    "Pengemudi": ("Operator Layanan Operasional", 5),
    "Petugas Keamanan": ("Operator Layanan Operasional", 5),
    "Pramu Bakti": ("Pengelola Umum Operasional", 1),
}

# Kelas of structural posts (PermenPAN-RB 34/2011 evaluations in practice, [P]/[C1]:
# reference evaluasi-jabatan.md §4) and of JF per jenjang (usual values, [C2]).
KELAS_STRUKTURAL = {
    "II.a": 15,
    "II.b": 14,
    "III.a": 12,
    "III.b": 11,
    "IV.a": 9,
    "IV.b": 8,
    "V.a": 7,
}
KELAS_JF = {
    "ahli_utama": 14, "ahli_madya": 12, "ahli_muda": 10, "ahli_pertama": 8,
    "penyelia": 8, "mahir": 7, "terampil": 6, "pemula": 5,
}  # fmt: skip
KELAS_JF_KHUSUS = {("Dokter", "ahli_pertama"): 9, ("Dokter", "ahli_muda"): 10,
                   ("Dokter", "ahli_madya"): 12}  # fmt: skip

# JF whose catalogue has only the keterampilan category (no Ahli jenjang).
JF_KETERAMPILAN = {
    "Pemadam Kebakaran", "Pranata Kebencanaan", "Pranata Sumber Daya Manusia Aparatur",
    "Petugas Lapangan Keluarga Berencana", "Asisten Apoteker", "Pengamat Tera",
}  # fmt: skip
