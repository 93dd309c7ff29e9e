"""The check of the task import (`ImporTugas.periksa`) as the file streams past: per position
a few figures instead of its rows (count, exact Σ volume × waktu, a digest of the ordered
list, the digests seen for duplicates), the comparison with the stored list, and the
plausibility warnings (above WKE, K above the agency's limit, the file's own K, 1000× the
median of the same position elsewhere). No row is kept (issue #15 item 6).
"""

import statistics
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from hashlib import blake2b
from typing import Any

import numpy as np

from ramping import aturan
from ramping.aturan.angka import bulatkan
from ramping.impor import nilai as n
from ramping.impor.berkas import Lembar, normal, normal_lepas
from ramping.impor.dasar import (
    Duplikat,
    GalatBaris,
    PemeriksaTeks,
    Peringatan,
    Perubahan,
    Pratinjau,
)
from ramping.impor.jenis.tugas_baris import PembacaTugas, tugas_aturan
from ramping.jabatan.models import Jabatan, Tugas

ISI = ("uraian", "tahapan", "hasil_kerja", "satuan_hasil", "volume", "waktu", "satuan_waktu")
KALI_MEDIAN = 1000  # a volume or K this many times the median elsewhere is flagged


POTONGAN = 2000  # rows checked at a time (issue #15 item 6)


@dataclass
class RencanaTugas:
    pembaca: Any  # `PembacaTugas`: reads the file again for the write
    ganti: dict[int, int] = field(default_factory=dict)  # jabatan id → number of new tasks
    jabatan: dict[int, Jabatan] = field(default_factory=dict)
    buang: set[int] = field(default_factory=set)  # rows of duplicates merged away


@dataclass(slots=True)
class Posisi:
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


class KeadaanPeriksa:
    """The running state of the check: per position `Posisi`, duplicates, warnings."""

    def __init__(self, pengimpor: Any, lembar: Lembar, pengaturan):
        self.p, self.lembar, self.pengaturan = pengimpor, lembar, pengaturan
        self.posisi: dict[int, Posisi] = {}
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

    def potongan(self, rows, baca: PembacaTugas, teks: PemeriksaTeks, galat_teks, pr) -> None:
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

    def _posisi(self, jabatan: Jabatan) -> Posisi:
        pos = self.posisi.get(jabatan.id)
        if pos is None:
            pos = self.posisi[jabatan.id] = Posisi(jabatan, len(self.posisi))
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

    def _tambah(self, baca: PembacaTugas, nomor: int, jabatan: Jabatan, tugas: dict, k) -> None:
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
        t = tugas_aturan(tugas["volume"], tugas["waktu"], tugas["satuan_waktu"])
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

    def _median(self, k_baru: dict[int, Decimal], baca: PembacaTugas) -> None:
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


def _bandingkan(pos: Posisi) -> Perubahan:
    """Tasks added, changed (same uraian, other values) and removed, as a multiset: exact
    matches are counted as the rows come (`KeadaanPeriksa._tambah`); of the rest, a new task whose
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


def _dua(x: Decimal) -> Decimal:
    return bulatkan(x, 2)


def _empat(x: Decimal) -> Decimal:
    return bulatkan(x, 4)
