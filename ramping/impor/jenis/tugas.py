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

import re
import statistics
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from hashlib import blake2b
from typing import Any

import numpy as np
from django.utils.translation import gettext_lazy

from ramping import aturan
from ramping.aturan.angka import bulatkan
from ramping.errors import TidakBerhak
from ramping.impor import nilai as n
from ramping.impor.berkas import Kolom, Lembar, Nomor, normal, normal_lepas
from ramping.impor.dasar import (
    Duplikat,
    GalatBaris,
    PemeriksaTeks,
    Pengimpor,
    Peringatan,
    Perubahan,
    Pratinjau,
    jabatan_per_unit,
    urut_galat,
)
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.jabatan.services.massal import tugas_ganti_massal
from ramping.organisasi.models import Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi

SATUAN = {"jam": "jam", "j": "jam", "menit": "menit", "mnt": "menit", "m": "menit"}
ISI = ("uraian", "tahapan", "hasil_kerja", "satuan_hasil", "volume", "waktu", "satuan_waktu")
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
KALI_MEDIAN = 1000  # a volume or K this many times the median elsewhere is flagged


POTONGAN = 2000  # rows checked at a time (issue #15 item 6)


@dataclass
class RencanaTugas:
    pembaca: Any  # `_Pembaca`: reads the file again for the write
    ganti: dict[int, int] = field(default_factory=dict)  # jabatan id → number of new tasks
    jabatan: dict[int, Jabatan] = field(default_factory=dict)
    buang: set[int] = field(default_factory=set)  # rows of duplicates merged away


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
        baca = _Pembaca(self, lembar)
        rencana = pr.rencana = RencanaTugas(pembaca=baca)
        teks = PemeriksaTeks(self, lembar)
        keadaan = _Keadaan(self, lembar, baca.pengaturan)
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


class _Pembaca:
    """Reads one row into a task: the same reading for the check and for the write."""

    def __init__(self, pengimpor: ImporTugas, lembar: Lembar):
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
                _tugas_aturan(tugas["volume"], tugas["waktu"], tugas["satuan_waktu"])
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


@dataclass(slots=True)
class _Posisi:
    """What is kept of one position's rows while the file streams past (no row itself)."""

    jabatan: Jabatan
    urutan: int  # the order positions are first met in the file
    nomor0: int = -1  # the first applicable row (kunci_baris)
    n: int = 0  # tasks kept
    total: tuple[Decimal, Decimal] = (Decimal(0), Decimal(0))  # Σ v × w: hours, minutes
    dilihat: dict[bytes, int] = field(default_factory=dict)  # task digest → first row
    urut: Any = field(default_factory=lambda: blake2b(digest_size=16))  # the ordered list
    k_berkas: Decimal | None = None  # Σ of the file's own K column, and its first row
    k_berkas_nomor: int = -1
    konversi: list[str] = field(default_factory=list)
    # The stored list, for the comparison (`_bandingkan`, done as rows come).
    lama_n: int = 0
    lama_urut: bytes | None = None  # None: not loaded yet
    lama_sisa: Counter | None = None  # stored task digests not yet matched
    lama_uraian: Counter | None = None  # stored uraian not yet matched
    belum: Counter | None = None  # uraian of new tasks without an exact match
    tetap: int = 0


class _Keadaan:
    """The running state of the check: per position `_Posisi`, duplicates, warnings."""

    def __init__(self, pengimpor: ImporTugas, lembar: Lembar, pengaturan):
        self.p, self.lembar, self.pengaturan = pengimpor, lembar, pengaturan
        self.posisi: dict[int, _Posisi] = {}
        self.ganda: dict[tuple[int, bytes], tuple[list[int], str]] = {}  # → rows, uraian
        self.buang: set[int] = set()  # rows merged away ("gabung")
        self.peringatan: list[tuple[tuple, Peringatan]] = []  # (order key, warning)
        # Conversions of rows met before their position's first applicable row.
        self.konversi_lepas: dict[int, list[str]] = defaultdict(list)
        struktur = pengimpor.struktur
        nama = Counter(
            normal(x)
            for x in Jabatan.objects.filter(struktur=struktur).values_list("nama", flat=True)
        )
        # Names held by more than one position: only their rows can meet the median check.
        self.nama_bersama = {x for x, c in nama.items() if c > 1}
        self.median = _DataMedian()
        self.wke = pengaturan.wke_jam
        self.kolom_waktu = lembar.judul_kolom.get("waktu", "Waktu Penyelesaian")
        self.kolom_volume = lembar.judul_kolom.get("volume", "Jumlah Hasil")

    def catat(self, urut: tuple, nomor: int, kolom: str, pesan: str) -> None:
        self.peringatan.append(
            (urut, Peringatan(self.lembar.tempat(nomor), int(nomor), kolom, pesan))
        )

    def potongan(self, rows, baca: _Pembaca, teks: PemeriksaTeks, galat_teks, pr) -> None:
        """Check one chunk of rows: read them, load the stored tasks of the positions met for
        the first time (one query per chunk), then fold each applicable row in."""
        dibaca = []
        for nomor, cells in rows:
            teks.periksa(nomor, cells, galat_teks)
            galat: list[GalatBaris] = []
            konversi: list[str] = []
            jabatan, tugas, k = baca.baca(nomor, cells, galat, konversi)
            if jabatan is not None and konversi:
                pos = self.posisi.get(jabatan.id)
                (self.konversi_lepas[jabatan.id] if pos is None else pos.konversi).extend(konversi)
            if tugas is None:
                pr.galat += galat
                continue
            dibaca.append((nomor, jabatan, tugas, k))
        self._muat_lama({j.id for _, j, _, _ in dibaca if self._posisi(j).lama_urut is None})
        for nomor, jabatan, tugas, k in dibaca:
            self._tambah(baca, nomor, jabatan, tugas, k)

    def _posisi(self, jabatan: Jabatan) -> _Posisi:
        pos = self.posisi.get(jabatan.id)
        if pos is None:
            pos = self.posisi[jabatan.id] = _Posisi(jabatan, len(self.posisi))
            pos.konversi = self.konversi_lepas.pop(jabatan.id, [])
        return pos

    def _muat_lama(self, jid: set[int]) -> None:
        """The stored tasks of positions met for the first time: their digests only."""
        for j in jid:
            self.posisi[j].lama_urut = b""
        if not jid:
            return
        kueri = (
            Tugas.objects.filter(jabatan_id__in=sorted(jid))
            .order_by("jabatan_id", "urutan", "id")
            .values_list("jabatan_id", *ISI)
        )
        urut: dict[int, Any] = {}
        for j, *isi in kueri.iterator(chunk_size=POTONGAN):
            pos = self.posisi[j]
            t = dict(zip(ISI, isi, strict=True))
            kunci = _ringkas(t)
            if pos.lama_sisa is None:
                pos.lama_sisa, pos.lama_uraian, pos.belum = Counter(), Counter(), Counter()
                urut[j] = blake2b(digest_size=16)
            pos.lama_n += 1
            pos.lama_sisa[kunci] += 1
            pos.lama_uraian[_ringkas_teks(normal_lepas(t["uraian"]))] += 1
            urut[j].update(kunci)
        for j, h in urut.items():
            self.posisi[j].lama_urut = h.digest()

    def _tambah(self, baca: _Pembaca, nomor: int, jabatan: Jabatan, tugas: dict, k) -> None:
        pos = self.posisi[jabatan.id]
        kunci_baris = baca.kunci_baris(nomor)
        if k is not None:
            if pos.k_berkas is None:
                pos.k_berkas, pos.k_berkas_nomor = Decimal(0), kunci_baris
            pos.k_berkas += k
        kunci = _ringkas(tugas)
        pertama = pos.dilihat.setdefault(kunci, kunci_baris)
        if pertama != kunci_baris:
            # The same task twice in one position: flagged; merged (first kept) or kept.
            rows, _ = self.ganda.setdefault((jabatan.id, kunci), ([pertama], tugas["uraian"]))
            rows.append(kunci_baris)
            if self.p.duplikat == "gabung":
                self.buang.add(kunci_baris)
                return
        if pos.nomor0 < 0:
            pos.nomor0 = kunci_baris
        seq = pos.n
        pos.n += 1
        t = _tugas_aturan(tugas["volume"], tugas["waktu"], tugas["satuan_waktu"])
        pos.total = aturan.jumlah_tambah(pos.total, t)
        pos.urut.update(kunci)
        if pos.lama_sisa is not None:
            uraian = _ringkas_teks(normal_lepas(tugas["uraian"]))
            if pos.lama_sisa[kunci] > 0:
                pos.lama_sisa[kunci] -= 1
                pos.lama_uraian[uraian] -= 1
                pos.tetap += 1
            else:
                pos.belum[uraian] += 1
        # Plausibility of the row: values the rules accept but a person should look at twice.
        urut = (0, pos.urutan, 0, seq)
        waktu_jam = t.beban_jam / tugas["volume"] if tugas["volume"] else None
        if waktu_jam is not None and waktu_jam > self.wke:
            self.catat(
                urut,
                nomor,
                self.kolom_waktu,
                f"waktu per satuan hasil {n.format_angka(_dua(waktu_jam))} jam melebihi "
                f"waktu kerja efektif setahun ({n.format_angka(self.wke)} jam)",
            )
        elif t.beban_jam > self.wke:
            self.catat(
                urut,
                nomor,
                self.kolom_volume,
                f"beban tugas ini {n.format_angka(_dua(t.beban_jam))} jam setahun "
                f"melebihi waktu kerja efektif ({n.format_angka(self.wke)} jam)",
            )
        if normal(jabatan.nama) in self.nama_bersama:
            self.median.tambah(
                _ringkas_teks(normal(jabatan.nama), normal_lepas(tugas["uraian"])),
                jabatan.id,
                kunci_baris,
                seq,
                tugas["volume"],
            )

    def selesai(self, pr: Pratinjau, rencana: RencanaTugas) -> None:
        """Per position: K, the comparison with the stored list, the K warnings; then the
        duplicates and the median warnings; every list in the order of the old check."""
        baca = rencana.pembaca
        batas_k = self.pengaturan.batas_k_wajar
        k_baru: dict[int, Decimal] = {}
        for jid, pos in self.posisi.items():
            j = pos.jabatan
            rencana.jabatan[jid] = j
            nama = f"{j.nama} ({j.unit.nama})"
            k = k_baru[jid] = aturan.kebutuhan_dari_total(pos.total, pengaturan=self.pengaturan)
            ubah = _bandingkan(pos)
            ubah.jabatan, ubah.konversi = nama, pos.konversi
            ubah.k_lama = j.kebutuhan_desimal
            ubah.k_baru = bulatkan(k, aturan.abk.DESIMAL_KEBUTUHAN)
            nomor0 = baca.nomor(pos.nomor0)
            if k > batas_k:
                self.catat(
                    (0, pos.urutan, 1, 0),
                    nomor0,
                    "Nama Jabatan",
                    f"kebutuhan pegawai {n.format_angka(_empat(k))} melebihi "
                    f"batas wajar {n.format_angka(batas_k)} (pengaturan instansi)",
                )
            if pos.k_berkas is not None and abs(pos.k_berkas - k) > Decimal("0.01"):
                # The file's own K column, one share per task row (its total row is skipped).
                self.catat(
                    (0, pos.urutan, 2, 0),
                    baca.nomor(pos.k_berkas_nomor),
                    self.lembar.judul_kolom.get("kebutuhan", "Pegawai yang Dibutuhkan"),
                    f"kebutuhan di berkas {n.format_angka(pos.k_berkas)} berbeda dari hitungan "
                    f"{n.format_angka(_empat(k))} (Σ volume × waktu ÷ WKE)",
                )
            if pos.lama_n and pos.n == pos.lama_n and pos.urut.digest() == pos.lama_urut:
                pr.tetap += 1
                continue
            pr.rincian.append(ubah)
            rencana.ganti[jid] = pos.n
            kalimat = f"{nama}: {pos.n} tugas"
            (pr.diubah if pos.lama_n else pr.dibuat).append(kalimat)
        for (jid, _), (rows, uraian) in sorted(
            self.ganda.items(), key=lambda x: (self.posisi[x[0][0]].urutan, x[1][0][0])
        ):
            j = self.posisi[jid].jabatan
            pertama = baca.nomor(rows[0])
            pr.duplikat.append(
                Duplikat(
                    lembar=pertama.lembar,
                    baris=tuple(r & 0xFFFFFFFF for r in rows),
                    jabatan=f"{j.nama} ({j.unit.nama})",
                    uraian=uraian,
                )
            )
        rencana.buang = self.buang
        self._median(k_baru, baca)
        pr.peringatan = [p for _, p in sorted(self.peringatan, key=lambda x: x[0])]

    def _median(self, k_baru: dict[int, Decimal], baca: _Pembaca) -> None:
        """K or a volume 1000× the median of the same position elsewhere in this version
        (same name, other units): the thousands-separator slip that made K ≈ 9,989."""
        if not k_baru:
            return
        nama_j = {j: normal(self.posisi[j].jabatan.nama) for j in k_baru}
        di_berkas = set(nama_j.values()) & self.nama_bersama
        if not di_berkas:
            return
        k_per_nama: dict[str, list[tuple[int, Decimal]]] = defaultdict(list)
        struktur = self.p.struktur
        jabatan_lain = Jabatan.objects.filter(struktur=struktur).exclude(pk__in=list(k_baru))
        nama_lain = {}
        for pk, nama, k in jabatan_lain.values_list("pk", "nama", "kebutuhan_desimal"):
            if normal(nama) in di_berkas:
                nama_lain[pk] = normal(nama)
                if k is not None:
                    k_per_nama[normal(nama)].append((pk, k))
        for j, k in k_baru.items():
            k_per_nama[nama_j[j]].append((j, k))
        for j, k in k_baru.items():
            lain = [x for pk, x in k_per_nama[nama_j[j]] if pk != j]
            if lain and (m := statistics.median(lain)) > 0 and k >= KALI_MEDIAN * m:
                self.catat(
                    (1, self.posisi[j].urutan, 0, 0),
                    baca.nomor(self.posisi[j].nomor0),
                    "Nama Jabatan",
                    f"kebutuhan pegawai {n.format_angka(_empat(k))} ≥ {KALI_MEDIAN}× median "
                    f"jabatan yang sama di unit lain ({n.format_angka(_empat(Decimal(m)))})",
                )
        vol_lain: dict[bytes, list[Decimal]] = defaultdict(list)
        kueri = Tugas.objects.filter(jabatan_id__in=list(nama_lain)).values_list(
            "jabatan_id", "uraian", "volume"
        )
        for j, uraian, v in kueri.iterator(chunk_size=POTONGAN):
            if v is not None:
                vol_lain[_ringkas_teks(nama_lain[j], normal_lepas(uraian))].append(v)
        for jid, kunci_baris, seq, volume, m in self.median.tinggi(vol_lain, k_baru):
            self.catat(
                (1, self.posisi[jid].urutan, 1, seq),
                baca.nomor(kunci_baris),
                self.kolom_volume,
                f"volume {n.format_angka(volume)} ≥ {KALI_MEDIAN}× median tugas "
                f"yang sama pada jabatan ini di unit lain ({n.format_angka(m)})",
            )


class _DataMedian:
    """The rows that the volume-median check needs, in flat arrays (≈ 40 bytes a row plus the
    volume): (name, uraian) digest, position, row, place in the position, volume."""

    def __init__(self):
        self.kunci = bytearray()
        self.jid = array("q")
        self.baris = array("q")
        self.seq = array("q")
        self.volume: list[Decimal] = []

    def tambah(self, kunci: bytes, jid: int, baris: int, seq: int, volume: Decimal) -> None:
        self.kunci += kunci
        self.jid.append(jid)
        self.baris.append(baris)
        self.seq.append(seq)
        self.volume.append(volume)

    def tinggi(self, vol_lain: dict[bytes, list[Decimal]], posisi: dict[int, Decimal]):
        """(position, row, place, volume, median) of each row whose volume is ≥ KALI_MEDIAN ×
        the median of the same task in the other positions of that name (file and stored)."""
        if not self.volume:
            return
        kunci = np.frombuffer(bytes(self.kunci), dtype=">u8").reshape(-1, 2)
        urut = np.lexsort((kunci[:, 1], kunci[:, 0]))
        k = kunci[urut]
        beda = np.flatnonzero((k[1:] != k[:-1]).any(axis=1)) + 1
        for grup in np.split(urut, beda):
            i0 = int(grup[0])
            kunci_grup = bytes(self.kunci[16 * i0 : 16 * i0 + 16])
            lain_db = vol_lain.get(kunci_grup, [])
            anggota = [(self.jid[int(i)], int(i)) for i in grup]
            jid_grup = {j for j, _ in anggota}
            if len(jid_grup) < 2 and not lain_db:
                continue
            for j in jid_grup:
                if j not in posisi:
                    continue
                lain = [self.volume[i] for x, i in anggota if x != j] + lain_db
                if not lain or (m := statistics.median(lain)) <= 0:
                    continue
                for x, i in anggota:
                    if x == j and self.volume[i] >= KALI_MEDIAN * m:
                        yield j, self.baris[i], self.seq[i], self.volume[i], m


def _kunci(t: dict) -> tuple:
    return tuple(Decimal(t[f]).normalize() if f in ("volume", "waktu") else t[f] for f in ISI)


def _ringkas_teks(*bagian: object) -> bytes:
    """A 16-byte digest of values (their repr: quoted, escaped, so unambiguous). What is kept
    of a task or a name instead of its text; 2⁻¹²⁸ makes two different tasks alike never."""
    return blake2b(repr(bagian).encode(), digest_size=16).digest()


def _ringkas(t: dict) -> bytes:
    """A task's key (`_kunci`: its fields, numbers by value) as a digest."""
    return _ringkas_teks(*_kunci(t))


def _bandingkan(pos: _Posisi) -> Perubahan:
    """Tasks added, changed (same uraian, other values) and removed, as a multiset: exact
    matches are counted as the rows come (`_Keadaan._tambah`); of the rest, a new task whose
    uraian is among the stored ones left is a change. Counts only, so the order of the rows
    does not matter."""
    if not pos.lama_n:  # a position without tasks yet (most of a first import): all added
        return Perubahan(jabatan="", ditambah=pos.n)
    sisa = pos.lama_uraian
    diubah = sum(min(c, sisa[u]) for u, c in pos.belum.items() if sisa[u] > 0)
    return Perubahan(
        jabatan="",
        ditambah=pos.n - pos.tetap - diubah,
        diubah=diubah,
        dihapus=pos.lama_n - pos.tetap - diubah,
        tetap=pos.tetap,
    )


@lru_cache(maxsize=8192)  # a few MB at most, whatever the number of rows
def _tugas_aturan(volume: Decimal, waktu: Decimal, satuan: str) -> aturan.Tugas:
    """The rules engine's checked task (`aturan.Tugas.baru`), memoised: 100,000 rows repeat
    their (volume, waktu, unit) triples, and check, K and plausibility each need the task.
    An invalid triple raises every time (exceptions are not cached); equal Decimals written
    with another exponent ("2" / "2.00") share one task, whose arithmetic is the same."""
    return aturan.Tugas.baru(volume, waktu, satuan)


def _dua(x: Decimal) -> Decimal:
    return bulatkan(x, 2)


def _empat(x: Decimal) -> Decimal:
    return bulatkan(x, 4)


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
