"""Import of uraian tugas with their ABK inputs, per position.

The rows of a position are its complete task list: a position whose list in the file
equals the stored one is left alone; otherwise its tasks are replaced and K recomputed by
the ABK service. Re-importing the same file therefore changes nothing.

Layouts read (docs/panduan/impor.md): the flat template (one row per task, unit and position
on every row), and the ABK form of PermenPAN-RB 1/2020 — one sheet per position, the position
and its unit in the title rows above the task table, JUMLAH/PEMBULATAN rows under it — of
which a workbook of many sheets imports in one go. Total rows are skipped and listed.

Volumes may be given per period (Kepmenpan 75/2004 counts workload per day, week, month…):
a "Satuan Volume/Periode" column converts them to a yearly volume with the agency's working
days and weeks (`hari_kerja_tahun`, `minggu_kerja_tahun`), and the preview shows each
conversion. K = Σ volume × waktu ÷ WKE per PermenPAN-RB 1/2020 (`ramping.aturan.abk`).
"""

from django.utils.translation import gettext_lazy

from ramping.errors import TidakBerhak
from ramping.impor.berkas import Kolom, Lembar
from ramping.impor.dasar import GalatBaris, PemeriksaTeks, Pengimpor, Pratinjau, urut_galat
from ramping.impor.jenis.tugas_baris import PembacaTugas
from ramping.impor.jenis.tugas_periksa import POTONGAN, KeadaanPeriksa, RencanaTugas
from ramping.jabatan.services.massal import tugas_ganti_massal
from ramping.organisasi.models import Struktur


class ImporTugas(Pengimpor):
    jenis = "tugas"
    judul = gettext_lazy("Uraian tugas dan ABK")
    BANYAK_LEMBAR = True
    TEKS_DI_PERIKSA = True  # each row's text is checked in the streaming pass
    JUDUL_ATAS = {
        "jabatan": ("Nama Jabatan", "Jabatan"),
        "unit": (
            "Unit Kerja",
            "Unit Organisasi",
            "Unit",
            "Eselon I",
            "Eselon II",
            "Eselon III",
            "Eselon IV",
        ),
    }
    KOLOM = (
        Kolom("unit", "Unit Kerja", ("Unit", "Unor", "Unit Organisasi"), wajib=True, panjang=250),
        Kolom("jabatan", "Nama Jabatan", ("Jabatan",), wajib=True, panjang=250),
        Kolom(
            "uraian",
            "Uraian Tugas",
            ("Tugas", "Uraian", "Tugas Pokok", "Rincian Tugas", "Uraian Tugas Jabatan"),
            wajib=True,
        ),
        Kolom("tahapan", "Tahapan", ("Tahapan Tugas",)),
        Kolom("hasil_kerja", "Hasil Kerja", ("Output", "Hasil"), panjang=200),
        Kolom(
            "satuan_hasil",
            "Satuan Hasil",
            ("Satuan", "Satuan Hasil Kerja", "Satuan Output"),
            wajib=True,
            panjang=60,
        ),
        Kolom(
            "volume",
            "Jumlah Hasil",
            (
                "Volume",
                "Beban Kerja",
                "Jumlah Hasil per Tahun",
                "Beban Kerja 1 Tahun",
                "Jumlah Beban Kerja 1 Tahun",
                "Jumlah Beban Kerja",
                "Jumlah Hasil Kerja",
                "Volume Kerja",
                "Target",
            ),
            wajib=True,
            angka=True,
        ),
        Kolom(
            "periode",
            "Satuan Volume/Periode",
            ("Periode", "Satuan Volume", "Periode Volume", "Volume per"),
        ),
        Kolom(
            "waktu",
            "Waktu Penyelesaian",
            (
                "Norma Waktu",
                "Waktu",
                "Waktu Penyelesaian (jam)",
                "Waktu Penyelesaian (menit)",
                "Norma Waktu (jam)",
                "Norma Waktu (menit)",
                "Waktu Penyelesaian Tugas",
            ),
            wajib=True,
            angka=True,
        ),
        Kolom("satuan_waktu", "Satuan Waktu", ()),
        Kolom(
            "kebutuhan",
            "Pegawai yang Dibutuhkan",
            (
                "Kebutuhan Pegawai",
                "Jumlah Pegawai yang Dibutuhkan",
                "Jumlah Kebutuhan Pegawai",
                "Kebutuhan",
            ),
            angka=True,
        ),
    )
    ALIAS_NILAI = {
        "Satuan Waktu": {"jam, j": "jam", "menit, mnt, m": "menit"},
        "Satuan Volume/Periode": {
            "per hari, harian, hr": "hari (× hari kerja setahun)",
            "per minggu, mingguan, pekan": "minggu (× minggu kerja setahun)",
            "per bulan, bulanan": "bulan (× 12)",
            "per triwulan, kuartal, per 3 bulan": "triwulan (× 4)",
            "per semester, per 6 bulan": "semester (× 2)",
            "per tahun, tahunan, kosong": "tahun (× 1)",
        },
    }

    def __init__(self, *, akses, struktur: Struktur):
        super().__init__(akses=akses)
        akses.pastikan_instansi(struktur)
        if not (akses.mengelola_seluruh_instansi or akses.opd_kode):
            raise TidakBerhak("Hanya analis, admin, dan operator OPD yang dapat mengimpor tugas.")
        self.struktur = struktur

    def periksa(self, lembar: Lembar) -> Pratinjau:
        """One pass over the rows, `POTONGAN` at a time: each row checked and folded into
        small per-position figures (count, exact Σ volume × waktu, a digest of the ordered
        list, the digests seen for duplicates); no row is kept (issue #15 item 6). Writing is
        a second pass over the file (`terapkan`), with the same reading of each row."""
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        baca = PembacaTugas(self, lembar)
        rencana = pr.rencana = RencanaTugas(pembaca=baca)
        teks = PemeriksaTeks(self, lembar)
        keadaan = KeadaanPeriksa(self, lembar, baca.pengaturan)
        galat_teks: list[GalatBaris] = []
        potongan: list[tuple[int, list]] = []
        for baris in lembar.baris:
            potongan.append(baris)
            if len(potongan) >= POTONGAN:
                keadaan.potongan(potongan, baca, teks, galat_teks, pr)
                potongan = []
        keadaan.potongan(potongan, baca, teks, galat_teks, pr)
        keadaan.selesai(pr, rencana)
        pr.galat = urut_galat(galat_teks, pr.galat)
        return pr

    def terapkan(self, pratinjau: Pratinjau) -> None:
        r: RencanaTugas = pratinjau.rencana
        tugas_ganti_massal(
            akses=self.akses,
            struktur=self.struktur,
            jumlah=r.ganti,
            tugas=r.pembaca.tugas(r.ganti, r.buang),  # the file read again, row by row
            catatan={
                "peringatan_disetujui": [str(p) for p in pratinjau.peringatan][:50],
                "jumlah_peringatan": len(pratinjau.peringatan),
                "duplikat": self.duplikat if pratinjau.duplikat else None,
            },
        )
        r.pembaca = None  # written: the workbook's cells need not outlive the write
