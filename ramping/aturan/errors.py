"""One exception class per business rule, each with its Indonesian message (``pesan``).

The message is written here, once, so the web UI, the API and the CLI show the same text.
Every class names the rule it enforces in ``dasar`` (regulation and article, or "data"/"input").
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any, ClassVar

from .tampil import angka


class AturanError(ValueError):
    """Base class: a rule of ``ramping.aturan`` was broken."""

    dasar: ClassVar[str] = ""

    def __init__(self, pesan: str, **konteks: Any) -> None:
        super().__init__(pesan)
        self.pesan = pesan
        self.konteks = konteks


def _diterima(nilai: object) -> str:
    """A received value in a message: a number in Indonesian notation (aturan.tampil), any
    other value as typed."""
    if isinstance(nilai, Decimal | int) and not isinstance(nilai, bool):
        return angka(nilai)
    return str(nilai)


def _daftar(nilai: Iterable[object]) -> str:
    return ", ".join(str(n) for n in nilai)


# --- Pengaturan dan data ---------------------------------------------------------------------


class PengaturanTidakValid(AturanError):
    dasar = "data/pengaturan.toml"

    def __init__(self, nama: str, nilai: object, alasan: str) -> None:
        super().__init__(f"Pengaturan '{nama}' bernilai {_diterima(nilai)} tidak valid: {alasan}.")
        self.nama, self.nilai, self.alasan = nama, nilai, alasan


# --- Evaluasi jabatan (PermenPAN-RB 34/2011) -------------------------------------------------


class NilaiDiBawahBatasKelas(AturanError):
    dasar = "PermenPAN-RB 34/2011 Lampiran 3.3"

    def __init__(self, nilai: int, batas: int) -> None:
        super().__init__(
            f"Nilai jabatan {angka(nilai)} di bawah batas bawah kelas jabatan 1 ({angka(batas)}); "
            "periksa tingkat faktornya."
        )
        self.nilai, self.batas = nilai, batas


class JenisEvaluasiTidakDikenal(AturanError):
    dasar = "PermenPAN-RB 34/2011 Lampiran 3.1-3.2"

    def __init__(self, jenis: str) -> None:
        super().__init__(
            f"Jenis evaluasi jabatan '{jenis}' tidak dikenal; "
            "gunakan 'struktural' atau 'fungsional'."
        )
        self.jenis = jenis


class FaktorTidakLengkap(AturanError):
    dasar = "PermenPAN-RB 34/2011 Lampiran 3.1-3.2"

    def __init__(self, jenis: str, faktor: Iterable[str]) -> None:
        self.faktor = tuple(faktor)
        super().__init__(
            f"Tingkat faktor jabatan {jenis} belum diisi untuk faktor {_daftar(self.faktor)}."
        )
        self.jenis = jenis


class FaktorTidakDikenal(AturanError):
    dasar = "PermenPAN-RB 34/2011 Lampiran 3.1-3.2"

    def __init__(self, jenis: str, faktor: Iterable[str]) -> None:
        self.faktor = tuple(faktor)
        super().__init__(
            f"Faktor {_daftar(self.faktor)} tidak dikenal untuk evaluasi jabatan {jenis}."
        )
        self.jenis = jenis


class TingkatFaktorTidakDikenal(AturanError):
    dasar = "PermenPAN-RB 34/2011 Lampiran 3.1-3.2"

    def __init__(self, jenis: str, faktor: str, tingkat: str) -> None:
        super().__init__(
            f"Tingkat '{tingkat}' tidak dikenal untuk faktor {faktor} (jabatan {jenis})."
        )
        self.jenis, self.faktor, self.tingkat = jenis, faktor, tingkat


class KelasAtasanDiBawahBawahan(AturanError):
    dasar = "Evaluasi jabatan: atasan struktural tidak di bawah JF yang dipimpinnya (S17, C1)"

    def __init__(self, kelas_atasan: int, kelas_bawahan: int) -> None:
        super().__init__(
            f"Kelas jabatan atasan ({kelas_atasan}) lebih rendah dari kelas tertinggi JF "
            f"bawahannya ({kelas_bawahan}); kelas atasan perlu dievaluasi ulang."
        )
        self.kelas_atasan, self.kelas_bawahan = kelas_atasan, kelas_bawahan


# --- ABK (PermenPAN-RB 1/2020) ---------------------------------------------------------------


class NilaiNegatif(AturanError):
    dasar = "input"

    def __init__(self, nama: str, nilai: object) -> None:
        super().__init__(f"{nama} tidak boleh negatif (diterima {_diterima(nilai)}).")
        self.nama, self.nilai = nama, nilai


class NilaiHarusPositif(AturanError):
    dasar = "input"

    def __init__(self, nama: str, nilai: object) -> None:
        super().__init__(f"{nama} harus lebih besar dari nol (diterima {_diterima(nilai)}).")
        self.nama, self.nilai = nama, nilai


class TipeAngkaTidakDidukung(AturanError):
    dasar = "input: Decimal atau int agar hasil eksak"

    def __init__(self, nama: str, tipe: str) -> None:
        super().__init__(
            f"{nama} harus Decimal atau bilangan bulat, bukan {tipe} (float tidak eksak)."
        )
        self.nama, self.tipe = nama, tipe


class HasilAbkMelebihiBatas(AturanError):
    """A position's beban/kebutuhan larger than its stored columns hold (a task's volume and
    time are each within their limits, their product need not be): refused whole, never
    truncated and never a database error."""

    dasar = "data: kolom beban kerja (jam/tahun) dan kebutuhan sebelum pembulatan"

    def __init__(
        self,
        jabatan: Iterable[tuple[str, Decimal, Decimal]],
        batas_beban: Decimal,
        batas_kebutuhan: Decimal,
    ) -> None:
        self.jabatan = tuple(jabatan)
        batas = f"{angka(batas_beban)} jam/tahun, {angka(batas_kebutuhan)} orang"
        if len(self.jabatan) == 1:
            ((nama, beban, kebutuhan),) = self.jabatan
            pesan = (
                f"{nama}: beban {angka(beban)} jam/tahun dan kebutuhan {angka(kebutuhan)} orang "
                f"melebihi batas yang dapat disimpan ({batas}). Periksa volume, waktu dan "
                "satuan waktu tugasnya; tidak ada yang disimpan."
            )
        else:
            contoh = "; ".join(
                f"{nama}: {angka(beban)} jam/tahun, kebutuhan {angka(kebutuhan)} orang"
                for nama, beban, kebutuhan in self.jabatan[:3]
            )
            lagi = f" dan {len(self.jabatan) - 3} jabatan lain" if len(self.jabatan) > 3 else ""
            pesan = (
                f"Hasil ABK {len(self.jabatan)} jabatan melebihi batas yang dapat disimpan "
                f"({batas} per jabatan) — {contoh}{lagi}. Periksa volume, waktu dan satuan "
                "waktu tugasnya, serta WKE instansi; tidak ada yang disimpan."
            )
        super().__init__(pesan)
        self.batas_beban, self.batas_kebutuhan = batas_beban, batas_kebutuhan


class SatuanWaktuTidakDikenal(AturanError):
    dasar = "PermenPAN-RB 1/2020 (waktu penyelesaian dalam jam)"

    def __init__(self, satuan: str) -> None:
        super().__init__(f"Satuan waktu '{satuan}' tidak dikenal; gunakan 'jam' atau 'menit'.")
        self.satuan = satuan


class TugasTidakValid(AturanError):
    """One task input breaks the rule of a valid task (ramping.aturan.Tugas.baru).

    ``field`` is the input's name (``volume``, ``waktu``) so a form, the API and an import can
    put the one message next to the field, in ``galat.field`` or on the row's column.
    """

    dasar = "PermenPAN-RB 1/2020 (formulir ABK: jumlah hasil dan waktu penyelesaian)"

    def __init__(self, field: str, label: str, nilai: object, alasan: str) -> None:
        super().__init__(
            f"{label} {alasan} (diterima {_diterima(nilai)}; PermenPAN-RB 1/2020 tentang ABK)."
        )
        self.field, self.label, self.nilai, self.alasan = field, label, nilai, alasan


class TeksTidakDapatDicetak(AturanError):
    """Text holds a character no document format can carry (ramping.aturan.teks)."""

    dasar = "input: teks harus dapat ditulis ke DOCX/XLSX/PDF (XML 1.0)"

    def __init__(self, kode: int, escape: str | None = None) -> None:
        titik = f"U+{kode:04X}"
        if escape:
            pesan = (
                f"Teks mengandung kode {escape}, yaitu karakter kontrol ({titik}) yang tidak "
                "dapat dicetak; hapus kode itu."
            )
        else:
            pesan = (
                f"Teks mengandung karakter kontrol ({titik}) yang tidak dapat dicetak; "
                "hapus karakter itu."
            )
        super().__init__(pesan)
        self.kode, self.escape = kode, escape


class ModePembulatanTidakDikenal(AturanError):
    dasar = "anjab-abk.md §1.5 (pengaturan mode_pembulatan)"

    def __init__(self, mode: str) -> None:
        super().__init__(f"Mode pembulatan '{mode}' tidak dikenal; gunakan 'half_up' atau 'ceil'.")
        self.mode = mode


class KolomTidakSamaPanjang(AturanError):
    dasar = "input batch"

    def __init__(self, panjang: dict[str, int]) -> None:
        rincian = ", ".join(f"{k}={v}" for k, v in panjang.items())
        super().__init__(f"Kolom masukan tidak sama panjang ({rincian}).")
        self.panjang = panjang


# --- Penyetaraan (PermenPAN-RB 17/2021) ------------------------------------------------------


class JenisJabatanTidakDikenal(AturanError):
    dasar = "kode jenis jabatan proyek"

    def __init__(self, jenis: str) -> None:
        super().__init__(f"Jenis jabatan '{jenis}' tidak dikenal.")
        self.jenis = jenis


class JenjangTidakDikenal(AturanError):
    dasar = "UU 5/2014 (jenjang JF keahlian dan keterampilan)"

    def __init__(self, jenjang: str) -> None:
        super().__init__(f"Jenjang jabatan fungsional '{jenjang}' tidak dikenal.")
        self.jenjang = jenjang


class DiLuarLingkupPenyetaraan(AturanError):
    dasar = "PermenPAN-RB 17/2021 (R17-01)"

    def __init__(self, jenis: str, eselon: str | None) -> None:
        keterangan = f" eselon {eselon}" if eselon else ""
        super().__init__(
            f"Jabatan {jenis}{keterangan} di luar lingkup penyetaraan: hanya Administrator, "
            "Pengawas dan pelaksana yang menduduki jabatan eselon V yang disetarakan."
        )
        self.jenis, self.eselon = jenis, eselon


class EselonTidakSesuaiJenis(AturanError):
    dasar = "UU 5/2014 (eselon III = Administrator, IV = Pengawas, V = Pelaksana)"

    def __init__(self, jenis: str, eselon: str) -> None:
        super().__init__(f"Eselon {eselon} tidak sesuai dengan jenis jabatan {jenis}.")
        self.jenis, self.eselon = jenis, eselon


class PendidikanTidakDikenal(AturanError):
    dasar = "kode pendidikan proyek"

    def __init__(self, pendidikan: str) -> None:
        super().__init__(
            f"Pendidikan '{pendidikan}' tidak dikenal; gunakan SD, SMP, SLTA, D-I, D-II, "
            "D-III, D-IV, S-1, S-2 atau S-3."
        )
        self.pendidikan = pendidikan


class StatusUkomTidakDikenal(AturanError):
    dasar = "PermenPAN-RB 17/2021 (R17-07, R17-08)"

    def __init__(self, status: str) -> None:
        super().__init__(
            f"Status uji kompetensi '{status}' tidak dikenal; gunakan belum, lulus, "
            "tidak_lulus atau tidak_ikut."
        )
        self.status = status


class TunjanganTidakDitemukan(AturanError):
    dasar = "tabel tunjangan dari pengguna"

    def __init__(self, jenis: str, kunci: object) -> None:
        super().__init__(f"Tabel tunjangan tidak memuat {jenis} untuk {kunci}.")
        self.jenis, self.kunci = jenis, kunci


# --- BUP dan formasi (PP 11/2017, Peraturan BKN 9/2022) --------------------------------------


class JenjangWajibUntukFungsional(AturanError):
    dasar = "PP 11/2017 Pasal 239"

    def __init__(self) -> None:
        super().__init__("BUP jabatan fungsional ditentukan jenjangnya; jenjang wajib diisi.")


class VersiBUPTidakDikenal(AturanError):
    dasar = "data/bup.toml"

    def __init__(self, versi: str) -> None:
        super().__init__(f"Versi tabel BUP '{versi}' tidak ada di data/bup.toml.")
        self.versi = versi


class AturanTanggalPensiunTidakDikenal(AturanError):
    dasar = "anjab-abk.md §5.3 (pengaturan aturan_tanggal_pensiun)"

    def __init__(self, aturan: str) -> None:
        super().__init__(
            f"Aturan tanggal pensiun '{aturan}' tidak dikenal; gunakan awal_bulan_berikutnya, "
            "ulang_tahun atau akhir_bulan."
        )
        self.aturan = aturan


class KeluarMelebihiTahunProyeksi(AturanError):
    dasar = "Peraturan BKN 9/2022 (proyeksi 5 tahun)"

    def __init__(self, jumlah: int, tahun: int) -> None:
        super().__init__(
            f"Data pegawai keluar berisi {jumlah} tahun, lebih dari masa proyeksi {tahun} tahun."
        )
        self.jumlah, self.tahun = jumlah, tahun


# --- Struktur organisasi (PermenPAN-RB 25/2021) ----------------------------------------------


class StrukturTidakValid(AturanError):
    dasar = "input pohon unit"

    def __init__(self, unit_id: str, alasan: str) -> None:
        super().__init__(f"Unit '{unit_id}': {alasan}.")
        self.unit_id, self.alasan = unit_id, alasan


class EselonTidakDikenal(AturanError):
    dasar = "kode eselon proyek"

    def __init__(self, eselon: str) -> None:
        super().__init__(
            f"Eselon '{eselon}' tidak dikenal; gunakan I.a, I.b, II.a, II.b, III.a, III.b, "
            "IV.a, IV.b atau V.a."
        )
        self.eselon = eselon


# --- Nomenklatur pelaksana (PermenPAN-RB 45/2022) --------------------------------------------


class NomenklaturTidakBaku(AturanError):
    dasar = "PermenPAN-RB 45/2022 jo. Kepmen daftar nama (R45-01)"

    def __init__(self, nama: str, saran: Iterable[str] = ()) -> None:
        self.saran = tuple(saran)
        tambahan = f" Saran: {_daftar(self.saran)}." if self.saran else ""
        super().__init__(
            f"Nama jabatan pelaksana '{nama}' tidak ada dalam daftar nomenklatur baku.{tambahan}"
        )
        self.nama = nama


class NamaPelaksanaBanyakKelas(AturanError):
    dasar = "PermenPAN-RB 45/2022; KepmenPAN-RB 656/2023 (R45-02: satu nama satu kelas)"

    def __init__(self, nama: str, kelas: Iterable[int]) -> None:
        self.kelas = tuple(sorted(set(kelas)))
        super().__init__(
            f"Jabatan pelaksana '{nama}' memiliki lebih dari satu kelas ({_daftar(self.kelas)}) "
            "dalam satu instansi; satu nama hanya boleh satu kelas."
        )
        self.nama = nama


class NamaPelaksanaMengandungAnalis(AturanError):
    dasar = "PermenPAN-RB 45/2022 (R45-03: kompetensi analis milik JF)"

    def __init__(self, nama: str) -> None:
        super().__init__(
            f"Nama jabatan pelaksana '{nama}' memuat kata 'Analis'; analisis adalah tugas "
            "jabatan fungsional."
        )
        self.nama = nama


class PendidikanDiBawahMinimal(AturanError):
    dasar = "PermenPAN-RB 45/2022 jo. Kepmen daftar nama (R45-04)"

    def __init__(self, nama: str, pendidikan: str, minimal: str) -> None:
        super().__init__(
            f"Pendidikan {pendidikan} di bawah pendidikan minimal {minimal} untuk jabatan "
            f"pelaksana '{nama}'."
        )
        self.nama, self.pendidikan, self.minimal = nama, pendidikan, minimal


# --- Sistem kerja (PermenPAN-RB 7/2022) ------------------------------------------------------


class KetuaTimTidakMemenuhi(AturanError):
    dasar = "PermenPAN-RB 7/2022 (R7-06, pengaturan ketua_tim_*)"

    def __init__(self, pegawai_id: str, alasan: str) -> None:
        super().__init__(f"Pegawai {pegawai_id} tidak dapat menjadi Ketua Tim: {alasan}.")
        self.pegawai_id, self.alasan = pegawai_id, alasan


class MelebihiBatasTim(AturanError):
    dasar = "PermenPAN-RB 7/2022 (R7-07, pengaturan maks_tim_per_orang)"

    def __init__(self, pegawai_id: str, jumlah: int, batas: int) -> None:
        super().__init__(
            f"Pegawai {pegawai_id} tergabung dalam {jumlah} tim, melebihi batas {batas} tim."
        )
        self.pegawai_id, self.jumlah, self.batas = pegawai_id, jumlah, batas


class AlokasiMelebihiWKE(AturanError):
    dasar = "PermenPAN-RB 1/2020 (waktu kerja efektif); PermenPAN-RB 7/2022"
    saran: ClassVar[str] = "Kurangi jam pegawai itu pada tim ini atau pada tim lainnya."

    def __init__(self, pegawai_id: str, jam: object, wke: object) -> None:
        super().__init__(
            f"Jam kerja yang dialokasikan kepada pegawai {pegawai_id} ({_diterima(jam)} jam) "
            f"melebihi waktu kerja efektif {_diterima(wke)} jam per tahun."
        )
        self.pegawai_id, self.jam, self.wke = pegawai_id, jam, wke
