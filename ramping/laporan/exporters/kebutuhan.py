"""Kebutuhan pegawai 5 tahun: per position B, K, leavers reaching BUP per year and hires.

Basis: UU 5/2014 Pasal 56 and PP 11/2017 Pasal 5 (plan for 5 years, per year), Peraturan BKN
9/2022 (departures = PNS reaching BUP, counted per year; need = shortage + departures); BUP per
PP 11/2017 Pasal 239–240 (`aturan.batas_usia_pensiun`); the per-year arithmetic is
`aturan.proyeksi_kebutuhan` (anjab-abk.md §5.2).

Year 1 is the year after the stock date. A holder whose pension date falls before year 1 (past
BUP but still placed) is counted as leaving in year 1. PPPK holders are counted by the same BUP:
contract end dates are not recorded yet.
"""

from datetime import date

from ramping import aturan
from ramping.laporan.dokumen import BULAT, KODE, SELISIH, Dokumen, Kolom, Tabel, Teks
from ramping.laporan.exporters.dasar import Exporter
from ramping.laporan.exporters.pohon import baris_pohon, jumlah
from ramping.laporan.format import tanggal
from ramping.laporan.selectors import JabatanL, pohon_laporan, tanggal_lahir_pemangku
from ramping.pegawai.selectors import bup_jabatan

TAHUN = 5  # UU 5/2014 Pasal 56: five years, broken down per year


class Kebutuhan5Tahun(Exporter):
    kode = "kebutuhan"
    judul = "Kebutuhan pegawai 5 tahun"
    format = ("xlsx",)

    def __init__(self, *, tahun_awal: int | None = None, **kwargs):
        super().__init__(**kwargs)
        # Planning happens for the next year (proposals due by the end of March).
        self.tahun_awal = tahun_awal or self.tanggal.year + 1

    @property
    def tahun(self) -> list[int]:
        return [self.tahun_awal + i for i in range(TAHUN)]

    def muat_data(self) -> None:
        self.akar = pohon_laporan(akses=self.akses, struktur=self.struktur, opd=self.opd)
        self.lahir = tanggal_lahir_pemangku(akses=self.akses, struktur=self.struktur, opd=self.opd)

    def keluar(self, j: JabatanL) -> list[int]:
        """Holders of the position reaching BUP in each projection year."""
        bup = bup_jabatan(j.jenis, j.jenjang, j.nama_jf)
        hasil = [0] * TAHUN
        for lahir in self.lahir.get(j.id, []):
            tahun = aturan.tahun_pensiun(lahir, bup)
            if tahun < self.tahun_awal + TAHUN:
                hasil[max(0, tahun - self.tahun_awal)] += 1
        return hasil

    def proyeksi(self, j: JabatanL) -> tuple[list[int], list[int] | None]:
        keluar = self.keluar(j)
        if j.kebutuhan is None:
            return keluar, None
        tahunan = aturan.proyeksi_kebutuhan(j.b, j.kebutuhan, keluar, TAHUN)
        return keluar, [t.rekrut for t in tahunan]

    def _sel_jabatan(self, nomor: int, j: JabatanL):
        keluar, rekrut = self.proyeksi(j)
        rekrut_sel = rekrut or [None] * TAHUN
        total = sum(rekrut) if rekrut is not None else None
        return (nomor, j.kode, j.nama, j.kelas, j.b, j.kebutuhan, j.selisih,
                *keluar, *rekrut_sel, total)  # fmt: skip

    def _sel_rekap(self, label: str, semua: list[JabatanL]):
        baris = [self._sel_jabatan(0, j) for j in semua]
        kolom = [jumlah(b[i] for b in baris) if baris else None for i in range(4, 18)]
        return (None, None, label, None, *kolom)

    def dokumen(self) -> Dokumen:
        kolom = (
            Kolom("No", BULAT, 6),
            Kolom("Kode Jabatan", KODE, 16),
            Kolom("Nama Jabatan", lebar=46),
            Kolom("Kelas", BULAT, 7),
            Kolom("B", BULAT, 6),
            Kolom("K", BULAT, 6),
            Kolom("±", SELISIH, 6),
            *(Kolom(str(t), BULAT, 7, grup="Pensiun (BUP) per tahun") for t in self.tahun),
            *(Kolom(str(t), BULAT, 7, grup="Kebutuhan rekrutmen per tahun") for t in self.tahun),
            Kolom("Jumlah rekrutmen", BULAT, 11),
        )
        stok = date(self.tahun_awal - 1, 12, 31)
        tabel = Tabel(kolom, baris_pohon(self.akar, self._sel_jabatan, self._sel_rekap, 2), 2)
        tabel.nama_lembar = "Kebutuhan 5 tahun"
        return Dokumen(
            judul=f"KEBUTUHAN PEGAWAI TAHUN {self.tahun[0]}–{self.tahun[-1]}",
            kop=self.kop(),
            identitas=self.identitas(),
            blok=[
                Teks(
                    f"B = pemangku aktif saat ini (posisi stok {tanggal(stok)}); pensiun dihitung "
                    "dari tanggal lahir pemangku dan BUP jabatannya (PP 11/2017 Pasal 239–240); "
                    "rekrutmen per tahun = kekurangan terhadap K setelah pensiun tahun itu "
                    "(Peraturan BKN 9/2022). Pensiun sebelum tahun pertama dihitung pada tahun "
                    "pertama."
                ),
                tabel,
            ],
            ukuran="A3",
            mendatar=True,
            kaki="Kebutuhan ASN 5 tahun — PP 11/2017 Pasal 5; Peraturan BKN 9/2022",
        )
