"""Reading one row of the task import (`ImporTugas`) into a task: the same reading for the
check and for the write, with the value parsers of the task columns (time unit, volume period,
required text) and the rules engine's checked task.

Volumes may be given per period (Kepmenpan 75/2004 counts workload per day, week, month…):
a "Satuan Volume/Periode" column converts them to a yearly volume with the agency's working
days and weeks (`hari_kerja_tahun`, `minggu_kerja_tahun`).
"""

import re
from decimal import Decimal
from functools import lru_cache, partial
from typing import Any

from ramping import aturan
from ramping.impor import nilai as n
from ramping.impor.berkas import Lembar, Nomor, normal
from ramping.impor.dasar import GalatBaris, jabatan_per_unit
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.organisasi.pengaturan import pengaturan_instansi

SATUAN = {"jam": "jam", "j": "jam", "menit": "menit", "mnt": "menit", "m": "menit"}
# Periods a volume may be written per (Kepmenpan 75/2004: workload measured per day/week/
# month); "hari" and "minggu" are converted with the agency's settings, the others are fixed.
PERIODE = {
    "hari": "hari",
    "harian": "hari",
    "perhari": "hari",
    "hr": "hari",
    "minggu": "minggu",
    "mingguan": "minggu",
    "perminggu": "minggu",
    "pekan": "minggu",
    "bulan": "bulan",
    "bulanan": "bulan",
    "perbulan": "bulan",
    "bln": "bulan",
    "triwulan": "triwulan",
    "pertriwulan": "triwulan",
    "kuartal": "triwulan",
    "per3bulan": "triwulan",
    "semester": "semester",
    "persemester": "semester",
    "per6bulan": "semester",
    "tahun": "tahun",
    "tahunan": "tahun",
    "pertahun": "tahun",
    "thn": "tahun",
}
KALI_TETAP = {"bulan": 12, "triwulan": 4, "semester": 2, "tahun": 1}


class PembacaTugas:
    """Reads one row into a task: the same reading for the check and for the write."""

    def __init__(self, pengimpor: Any, lembar: Lembar):
        self.pengimpor, self.lembar = pengimpor, lembar
        struktur = pengimpor.struktur
        self.pengaturan = pengaturan_instansi(instansi_id=struktur.instansi_id)
        self.posisi = jabatan_per_unit(struktur)
        self.izin = penjaga_ubah_jabatan(pengimpor.akses, struktur)
        self.boleh: dict[int, str | None] = {}
        self.satuan_f = partial(_satuan, bawaan=_satuan_judul(lembar.judul_kolom.get("waktu", "")))
        self.indeks = lembar.kolom
        self.i_unit, self.i_jabatan = lembar.kolom.get("unit"), lembar.kolom.get("jabatan")
        self.ada_hasil = "hasil_kerja" in lembar.kolom
        # (unit, position) as written → the normalised key (`kunci_posisi`).
        self.kunci_ditulis: dict[tuple, tuple[str, str]] = {}
        self.lembar_ke: dict[str, int] = {}
        self.nama_lembar: list[str] = []

    def kunci_baris(self, nomor: int) -> int:
        """A row's place as one int (sheet index, row): what is kept of a row."""
        tempat = self.lembar.tempat(nomor)
        i = self.lembar_ke.get(tempat)
        if i is None:
            i = self.lembar_ke[tempat] = len(self.nama_lembar)
            self.nama_lembar.append(tempat)
        return (i << 32) | int(nomor)

    def nomor(self, kunci: int) -> Nomor:
        return Nomor(kunci & 0xFFFFFFFF, self.nama_lembar[kunci >> 32])

    def _ambil(self, cells: list, nama: str, pengurai, galat: list, nomor: int):
        """`Pengimpor.ambil` with the column looked up once (100,000 rows × 7 cells)."""
        i = self.indeks.get(nama)
        try:
            return pengurai(None if i is None else cells[i])
        except n.NilaiTidakValid as exc:
            galat.append(self.pengimpor.galat_kolom(self.lembar, nomor, nama, exc.pesan))
            return None

    def baca(self, nomor: int, cells: list, galat: list, konversi: list | None):
        """(position, task fields, K written in the file) of a row; errors into `galat`.
        The task is None when the row cannot be applied."""
        p, lembar, ambil = self.pengimpor, self.lembar, self._ambil
        tempat = lembar.tempat(nomor)

        def ambil_angka(nama):
            return p.ambil_angka(lembar, cells, nama, galat, nomor)

        kunci = self.kunci_posisi(cells)
        jabatan = self.posisi.get(kunci)
        jid = None if jabatan is None else jabatan.id
        if jabatan is None:
            ganda = kunci in self.posisi
            pesan = "ada lebih dari satu; tulis kode unit" if ganda else "tidak ditemukan"
            galat.append(
                GalatBaris(
                    tempat,
                    int(nomor),
                    "Nama Jabatan",
                    f"jabatan '{n.teks(lembar.sel(cells, 'jabatan'))}' di unit "
                    f"'{n.teks(lembar.sel(cells, 'unit'))}' {pesan}",
                )
            )
        elif jid not in self.boleh:
            self.boleh[jid] = self.izin(jabatan)
        if jabatan is not None and self.boleh.get(jid):
            galat.append(GalatBaris(tempat, int(nomor), "Nama Jabatan", self.boleh[jid]))
        satuan_hasil = ambil(cells, "satuan_hasil", _teks_wajib, galat, nomor)
        tugas = {
            "uraian": ambil(cells, "uraian", _teks_wajib, galat, nomor),
            "tahapan": n.teks(lembar.sel(cells, "tahapan")),
            # The ABK form may state only the unit of output: it is the output then.
            "hasil_kerja": (
                ambil(cells, "hasil_kerja", _teks_wajib, galat, nomor)
                if self.ada_hasil
                else satuan_hasil
            ),
            "satuan_hasil": satuan_hasil,
            "volume": ambil_angka("volume"),
            "waktu": ambil_angka("waktu"),
            "satuan_waktu": ambil(cells, "satuan_waktu", self.satuan_f, galat, nomor),
        }
        periode = ambil(cells, "periode", _periode, galat, nomor)
        if tugas["volume"] is not None and periode not in (None, "tahun"):
            kali = _kali_periode(periode, self.pengaturan)
            setahun = tugas["volume"] * kali
            if jabatan is not None and konversi is not None:
                konversi.append(
                    f"baris {int(nomor)}: {n.format_angka(tugas['volume'])} per {periode} "
                    f"× {kali} = {n.format_angka(setahun)} per tahun"
                )
            tugas["volume"] = setahun
        if None not in (tugas["volume"], tugas["waktu"], tugas["satuan_waktu"]):
            # The rules engine decides validity; its message goes on the column it names.
            try:
                tugas_aturan(tugas["volume"], tugas["waktu"], tugas["satuan_waktu"])
            except aturan.TugasTidakValid as exc:
                galat.append(p.galat_kolom(lembar, nomor, exc.field, exc.pesan))
        k = ambil_angka("kebutuhan") if n.teks(lembar.sel(cells, "kebutuhan")) else None
        if galat or jabatan is None or None in tugas.values():
            return jabatan, None, k
        return jabatan, tugas, k

    def kunci_posisi(self, cells: list) -> tuple[str, str]:
        """The (unit, position) a row names, normalised: one lookup per row, not two
        normalisations (a 100,000-row file repeats a few hundred pairs)."""
        ditulis = (
            None if self.i_unit is None else cells[self.i_unit],
            None if self.i_jabatan is None else cells[self.i_jabatan],
        )
        # With the types: 1, 1.0 and True are equal keys of a dict but normalise apart.
        kunci_sel = (*ditulis, type(ditulis[0]), type(ditulis[1]))
        kunci = self.kunci_ditulis.get(kunci_sel)
        if kunci is None:
            kunci = self.kunci_ditulis[kunci_sel] = (normal(ditulis[0]), normal(ditulis[1]))
        return kunci

    def tugas(self, ganti: dict[int, int], buang: set[int]):
        """The tasks to write, read again from the file in order: (position id, fields) of
        every applicable row of a position in `ganti`, without the duplicates merged away.
        Rows of positions left as they are are passed over before being read."""
        for nomor, cells in self.lembar.baris:
            if (j := self.posisi.get(self.kunci_posisi(cells))) is None or j.id not in ganti:
                continue
            if buang and self.kunci_baris(nomor) in buang:
                continue
            galat: list = []
            jabatan, tugas, _k = self.baca(nomor, cells, galat, None)
            if tugas is not None and jabatan.id in ganti:
                yield jabatan.id, tugas


@lru_cache(maxsize=8192)  # a few MB at most, whatever the number of rows
def tugas_aturan(volume: Decimal, waktu: Decimal, satuan: str) -> aturan.Tugas:
    """The rules engine's checked task (`aturan.Tugas.baru`), memoised: 100,000 rows repeat
    their (volume, waktu, unit) triples, and check, K and plausibility each need the task.
    An invalid triple raises every time (exceptions are not cached); equal Decimals written
    with another exponent ("2" / "2.00") share one task, whose arithmetic is the same."""
    return aturan.Tugas.baru(volume, waktu, satuan)


def _wajib():
    raise n.NilaiTidakValid("wajib diisi")


def _teks_wajib(v) -> str:
    return n.teks(v) or _wajib()


def _satuan_judul(judul: str) -> str:
    """The unit a header states: "Waktu Penyelesaian (menit)" → menit."""
    kata = set(re.findall(r"[a-z]+", judul.lower()))
    return "menit" if "menit" in kata else "jam"


@lru_cache(maxsize=1024)
def _satuan(v, bawaan: str = "jam") -> str:
    return n.pilihan(v, SATUAN, "satuan waktu") if n.teks(v) else bawaan


@lru_cache(maxsize=1024)
def _periode(v) -> str:
    if not n.teks(v):
        return "tahun"
    kunci = re.sub(r"[^a-z0-9]", "", n.teks(v).lower())
    if kunci in PERIODE:
        return PERIODE[kunci]
    pilihan = "per hari, minggu, bulan, triwulan, semester, tahun"
    raise n.NilaiTidakValid(f"periode '{n.teks(v)}' tidak dikenal (pilihan: {pilihan})")


def _kali_periode(periode: str, pengaturan) -> int:
    """Periods per year: days and weeks from the agency's settings (Kepmenpan 75/2004)."""
    if periode == "hari":
        return pengaturan.hari_kerja_tahun
    if periode == "minggu":
        return pengaturan.minggu_kerja_tahun
    return KALI_TETAP[periode]
