"""Demo uraian tugas (with ABK inputs) and ANJAB text for every demo position.

Task volumes are drawn so that the position's ABK result lands near a plausible need (K close
to the number of holders, sometimes short, sometimes over); K itself is then computed by the
real ABK service, never set here.
"""

import random
from decimal import Decimal

from ramping.demo.rencana import JabatanR

# (uraian, hasil kerja, satuan hasil, jam per satuan)
KEPALA = (
    ("Menyusun rencana kerja dan anggaran unit", "Rencana kerja", "Dokumen", 24),
    ("Mengoordinasikan pelaksanaan tugas dan fungsi unit", "Rapat koordinasi", "Kegiatan", 3),
    ("Memberikan arahan dan disposisi atas naskah dinas", "Disposisi", "Naskah", Decimal("0.25")),
    ("Membina, menilai dan mengembangkan kinerja pegawai", "Penilaian kinerja", "Dokumen", 2),
    ("Memantau dan mengevaluasi capaian kinerja unit", "Laporan evaluasi", "Laporan", 16),
    (
        "Menandatangani dan mengesahkan dokumen sesuai kewenangan",
        "Dokumen disahkan",
        "Naskah",
        Decimal("0.5"),
    ),
)
JF_KEAHLIAN = (
    ("Menyusun kajian dan analisis sesuai bidang jabatan fungsional", "Kajian", "Dokumen", 40),
    ("Menyiapkan bahan perumusan kebijakan teknis", "Bahan kebijakan", "Dokumen", 16),
    ("Memberikan rekomendasi dan pertimbangan teknis", "Rekomendasi", "Dokumen", 6),
    ("Melaksanakan pembinaan, bimbingan teknis dan fasilitasi", "Bimbingan teknis", "Kegiatan", 8),
    ("Melakukan pemantauan dan evaluasi pelaksanaan kegiatan", "Laporan monev", "Laporan", 12),
    ("Menyusun laporan hasil pelaksanaan tugas jabatan", "Laporan", "Laporan", 4),
)
JF_KETERAMPILAN = (
    ("Mengumpulkan dan mengolah data teknis di lapangan", "Data teknis", "Berkas", 3),
    ("Melaksanakan kegiatan teknis operasional sesuai prosedur", "Kegiatan teknis", "Kegiatan", 4),
    ("Menyiapkan peralatan dan bahan kerja teknis", "Peralatan siap pakai", "Kegiatan", 1),
    ("Mencatat dan melaporkan hasil kegiatan teknis", "Catatan kegiatan", "Laporan", 2),
)
GURU = (
    ("Menyusun rencana pelaksanaan pembelajaran", "Modul ajar", "Dokumen", 4),
    ("Melaksanakan pembelajaran tatap muka", "Pembelajaran", "Jam pelajaran", Decimal("0.75")),
    ("Menilai dan mengevaluasi hasil belajar peserta didik", "Hasil penilaian", "Dokumen", 2),
    ("Membimbing dan melatih peserta didik", "Bimbingan", "Kegiatan", 2),
)
MEDIS = {
    "Dokter": (
        "Melakukan pemeriksaan dan pengobatan pasien",
        "Pasien diperiksa",
        "Pasien",
        Decimal("0.25"),
    ),
    "Dokter Gigi": (
        "Melakukan perawatan gigi dan mulut pasien",
        "Pasien dirawat",
        "Pasien",
        Decimal("0.5"),
    ),
    "Perawat": (
        "Memberikan asuhan keperawatan kepada pasien",
        "Asuhan keperawatan",
        "Pasien",
        Decimal("0.5"),
    ),
    "Bidan": (
        "Memberikan pelayanan kebidanan ibu dan anak",
        "Pelayanan kebidanan",
        "Pasien",
        Decimal("0.5"),
    ),
}
MEDIS_UMUM = (
    ("Mencatat tindakan dalam rekam medis", "Rekam medis", "Berkas", Decimal("0.1")),
    ("Melakukan penyuluhan kesehatan kepada masyarakat", "Penyuluhan", "Kegiatan", 3),
)
PELAKSANA = {
    "klerek": (
        (
            "Menerima, mencatat dan mendistribusikan surat masuk",
            "Agenda surat",
            "Naskah",
            Decimal("0.2"),
        ),
        ("Mengetik dan menggandakan naskah dinas", "Naskah dinas", "Naskah", Decimal("0.5")),
        ("Menata dan menyimpan arsip unit", "Arsip tertata", "Berkas", Decimal("0.2")),
        ("Menghimpun dan mengolah data administrasi", "Data olahan", "Dokumen", 2),
        ("Menyiapkan bahan rapat dan laporan", "Bahan rapat", "Dokumen", 3),
    ),
    "operator": (
        ("Melayani kebutuhan operasional kantor", "Layanan operasional", "Kegiatan", 1),
        (
            "Mengemudikan kendaraan dinas untuk keperluan kedinasan",
            "Perjalanan dinas",
            "Kegiatan",
            3,
        ),
        ("Menjaga keamanan dan ketertiban lingkungan kantor", "Laporan jaga", "Shift", 8),
        ("Memelihara kebersihan ruang dan sarana kantor", "Ruang bersih", "Ruang", Decimal("0.5")),
    ),
}
OPERATOR = {
    "Operator Layanan Operasional",
    "Pengelola Umum Operasional",
    "Pengemudi",
    "Petugas Keamanan",
    "Pramu Bakti",
    "Pengelola Layanan Operasional",
}


def _templat(j: JabatanR) -> tuple[tuple[str, str, str, object], ...]:
    if j.is_kepala:
        return KEPALA
    if j.nama_jf == "Guru":
        return GURU
    if j.nama_jf in MEDIS:
        return (MEDIS[j.nama_jf], *MEDIS_UMUM)
    if j.jenis == "fungsional":
        terampil = j.jenjang in {"terampil", "mahir", "penyelia", "pemula"}
        return JF_KETERAMPILAN if terampil else JF_KEAHLIAN
    return PELAKSANA["operator" if j.nama in OPERATOR else "klerek"]


def target_kebutuhan(j: JabatanR, rng: random.Random) -> int:
    if j.is_kepala or j.jenis in {"jpt_pratama", "administrator", "pengawas"}:
        return 1  # a structural post is one seat
    b = j.pemangku
    if b >= 20:  # teachers, nurses: need follows the pupils/patients, ± a few percent
        return max(1, round(b * rng.uniform(0.95, 1.12)))
    return max(1, b + rng.choice((-1, 0, 0, 0, 1, 1, 2)))


def tugas_demo(j: JabatanR, rng: random.Random) -> list[dict]:
    """Tasks whose total workload rounds (half up) to a plausible K for this position."""
    k = target_kebutuhan(j, rng)
    # x in [K − 0.45, K + 0.40): half-up rounding of x gives K (anjab-abk.md §1.5).
    jam_total = Decimal(str(round((k - 0.45 + rng.random() * 0.85) * 1250, 1)))
    templat = _templat(j)
    dipilih = rng.sample(templat, min(len(templat), rng.randint(3, 5)))
    bobot = [rng.uniform(0.5, 1.5) for _ in dipilih]
    hasil = []
    for (uraian, hasil_kerja, satuan, jam), w in zip(dipilih, bobot, strict=True):
        waktu = Decimal(str(jam))
        jam_tugas = jam_total * Decimal(str(w / sum(bobot)))
        volume = max(Decimal(1), (jam_tugas / waktu).quantize(Decimal(1)))
        hasil.append(
            dict(
                uraian=uraian,
                hasil_kerja=hasil_kerja,
                satuan_hasil=satuan,
                volume=volume,
                waktu=waktu,
            )
        )
    return hasil


def anjab_demo(j: JabatanR, nama_unit: str, tugas: list[dict]) -> dict:
    """ANJAB items 4–16 in the 2020 layout, in the wording Pemda documents typically use.

    Korelasi (item 12) holds only a relation outside the structure: the superior, subordinates
    and fellow positions are read from the structure when the ANJAB is printed
    (`ramping.jabatan.hubungan`), so a typed copy could only go stale."""
    lingkup = nama_unit.lower()
    return {
        "ikhtisar": (
            f"Melaksanakan {'pengelolaan dan pengoordinasian' if j.is_kepala else 'kegiatan'} "
            f"di lingkungan {nama_unit} sesuai ketentuan peraturan perundang-undangan untuk "
            "mendukung kinerja perangkat daerah."
        ),
        "pendidikan_formal": f"Minimal {j.pendidikan[0]}",
        "pelatihan": ["Pelatihan Kepemimpinan"]
        if j.is_kepala
        else ["Pelatihan teknis sesuai bidang"],
        "pengalaman": [f"Pengalaman di bidang {lingkup} minimal 2 tahun"],
        "hasil_kerja": [{"hasil": t["hasil_kerja"], "satuan": t["satuan_hasil"]} for t in tugas],
        "bahan_kerja": [
            {"bahan": "Peraturan perundang-undangan", "penggunaan": "Dasar pelaksanaan tugas"},
            {"bahan": "Disposisi atasan", "penggunaan": "Arah pelaksanaan tugas"},
        ],
        "perangkat_kerja": [
            {"perangkat": "Komputer dan jaringan", "penggunaan": "Pengolahan data dan naskah"},
            {"perangkat": "Standar operasional prosedur", "penggunaan": "Acuan kerja"},
        ],
        "tanggung_jawab": [
            "Kebenaran dan ketepatan hasil kerja",
            "Kerahasiaan data dan dokumen",
            "Ketepatan waktu penyelesaian tugas",
        ],
        "wewenang": [
            "Meminta data dan informasi yang diperlukan dalam pelaksanaan tugas",
            "Memberikan saran kepada atasan terkait pelaksanaan tugas",
        ],
        "korelasi_jabatan": [
            {
                "jabatan": "Pejabat teknis instansi terkait",
                "unit": "Kementerian/lembaga dan perangkat daerah mitra",
                "dalam_hal": "Konsultasi dan koordinasi teknis",
            },
        ],
        "kondisi_lingkungan": [
            {"aspek": "Tempat kerja", "faktor": "Di dalam dan di luar ruangan"},
            {"aspek": "Suhu", "faktor": "Normal"},
            {"aspek": "Udara", "faktor": "Segar"},
            {"aspek": "Penerangan", "faktor": "Terang"},
            {"aspek": "Suara", "faktor": "Tenang"},
        ],
        "risiko_bahaya": [{"risiko": "Kelelahan", "penyebab": "Beban kerja pada waktu tertentu"}],
        "syarat_jabatan": {
            "keterampilan": ["Mengoperasikan komputer"],
            "bakat": ["G (Intelegensia)", "V (Bakat Verbal)", "Q (Ketelitian)"],
            "temperamen": ["D" if j.is_kepala else "T"],
            "minat": ["Konvensional"],
            "upaya_fisik": ["Duduk", "Berjalan", "Berbicara", "Melihat"],
            "kondisi_fisik": {
                "jenis_kelamin": "Laki-laki/Perempuan",
                "umur": "-",
                "tinggi_badan": "-",
                "berat_badan": "-",
                "postur_badan": "-",
                "penampilan": "Rapi",
                "keadaan_fisik": "Sehat jasmani dan rohani",
            },
            "fungsi_pekerjaan": ["D1 Mengoordinasikan"] if j.is_kepala else ["D3 Menyusun data"],
        },
        "prestasi_kerja": "Hasil penilaian kinerja minimal Baik.",
    }
