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
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.utils.translation import gettext_lazy

from ramping import aturan
from ramping.aturan.angka import bulatkan
from ramping.errors import TidakBerhak
from ramping.impor import nilai as n
from ramping.impor.berkas import Kolom, Lembar, normal
from ramping.impor.dasar import (
    Duplikat,
    GalatBaris,
    Pengimpor,
    Peringatan,
    Perubahan,
    Pratinjau,
    jabatan_per_unit,
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


@dataclass
class RencanaTugas:
    ganti: dict[int, list[dict]] = field(default_factory=dict)  # jabatan id → new task list
    jabatan: dict[int, Jabatan] = field(default_factory=dict)


class ImporTugas(Pengimpor):
    jenis = "tugas"
    judul = gettext_lazy("Uraian tugas dan ABK")
    BANYAK_LEMBAR = True
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
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        rencana = pr.rencana = RencanaTugas()
        pengaturan = pengaturan_instansi(instansi_id=self.struktur.instansi_id)
        posisi = jabatan_per_unit(self.struktur)
        izin = penjaga_ubah_jabatan(self.akses, self.struktur)
        satuan_bawaan = _satuan_judul(lembar.judul_kolom.get("waktu", ""))

        def satuan_f(v):
            return _satuan(v, satuan_bawaan)

        baru: dict[int, list[dict]] = defaultdict(list)
        nomor_tugas: dict[int, list[int]] = defaultdict(list)
        k_berkas: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
        konversi: dict[int, list[str]] = defaultdict(list)
        boleh: dict[int, str | None] = {}
        i_unit, i_jabatan = lembar.kolom.get("unit"), lembar.kolom.get("jabatan")
        # (unit, position) as written → the normalised key: one lookup per row, not two
        # normalisations (a 100,000-row file repeats a few hundred pairs).
        kunci_ditulis: dict[tuple, tuple[str, str]] = {}
        for nomor, cells in lembar.baris:
            galat: list[GalatBaris] = []
            tempat = lembar.tempat(nomor)

            def ambil(nama, f, _c=cells, _n=nomor, _g=galat):
                return self.ambil(lembar, _c, nama, f, _g, _n)

            def ambil_angka(nama, _c=cells, _n=nomor, _g=galat):
                return self.ambil_angka(lembar, _c, nama, _g, _n)

            ditulis = (
                None if i_unit is None else cells[i_unit],
                None if i_jabatan is None else cells[i_jabatan],
            )
            # With the types: 1, 1.0 and True are equal keys of a dict but normalise apart.
            kunci_sel = (*ditulis, type(ditulis[0]), type(ditulis[1]))
            kunci = kunci_ditulis.get(kunci_sel)
            if kunci is None:
                kunci = kunci_ditulis[kunci_sel] = (normal(ditulis[0]), normal(ditulis[1]))
            jabatan = posisi.get(kunci)
            jid = None if jabatan is None else jabatan.id
            if jabatan is None:
                ganda = kunci in posisi
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
            elif jid not in boleh:
                boleh[jid] = izin(jabatan)
            if jabatan is not None and boleh.get(jid):
                galat.append(GalatBaris(tempat, int(nomor), "Nama Jabatan", boleh[jid]))
            satuan_hasil = ambil("satuan_hasil", _teks_wajib)
            tugas = {
                "uraian": ambil("uraian", _teks_wajib),
                "tahapan": n.teks(lembar.sel(cells, "tahapan")),
                # The ABK form may state only the unit of output: it is the output then.
                "hasil_kerja": (
                    ambil("hasil_kerja", _teks_wajib)
                    if "hasil_kerja" in lembar.kolom
                    else satuan_hasil
                ),
                "satuan_hasil": satuan_hasil,
                "volume": ambil_angka("volume"),
                "waktu": ambil_angka("waktu"),
                "satuan_waktu": ambil("satuan_waktu", satuan_f),
            }
            periode = ambil("periode", _periode)
            if tugas["volume"] is not None and periode not in (None, "tahun"):
                kali = _kali_periode(periode, pengaturan)
                setahun = tugas["volume"] * kali
                if jabatan is not None:
                    konversi[jid].append(
                        f"baris {int(nomor)}: {n.format_angka(tugas['volume'])} per {periode} "
                        f"× {kali} = {n.format_angka(setahun)} per tahun"
                    )
                tugas["volume"] = setahun
            if None not in (tugas["volume"], tugas["waktu"], tugas["satuan_waktu"]):
                # The rules engine decides validity; its message goes on the column it names.
                try:
                    _tugas_aturan(tugas["volume"], tugas["waktu"], tugas["satuan_waktu"])
                except aturan.TugasTidakValid as exc:
                    galat.append(self.galat_kolom(lembar, nomor, exc.field, exc.pesan))
            k = ambil_angka("kebutuhan") if n.teks(lembar.sel(cells, "kebutuhan")) else None
            if galat or jabatan is None or None in tugas.values():
                pr.galat += galat
                continue
            baru[jid].append(tugas)
            nomor_tugas[jid].append(nomor)
            if k is not None:
                k_berkas[jid].append((nomor, k))
            rencana.jabatan[jid] = jabatan
        self._duplikat(pr, baru, nomor_tugas, rencana)
        lama: dict[int, list[dict]] = defaultdict(list)
        for t in (
            Tugas.objects.filter(jabatan_id__in=list(baru))
            .order_by("urutan", "id")
            .values("jabatan_id", *ISI)
        ):
            lama[t.pop("jabatan_id")].append(t)
        k_baru: dict[int, Decimal] = {}
        for jabatan_id, daftar in baru.items():
            j = rencana.jabatan[jabatan_id]
            nama = f"{j.nama} ({j.unit.nama})"
            k_baru[jabatan_id] = _k(daftar, pengaturan)
            ubah = _bandingkan(lama[jabatan_id], daftar)
            ubah.jabatan, ubah.konversi = nama, konversi[jabatan_id]
            ubah.k_lama = j.kebutuhan_desimal
            ubah.k_baru = bulatkan(k_baru[jabatan_id], aturan.abk.DESIMAL_KEBUTUHAN)
            if _sama(lama[jabatan_id], daftar):
                pr.tetap += 1
                continue
            pr.rincian.append(ubah)
            rencana.ganti[jabatan_id] = daftar
            kalimat = f"{nama}: {len(daftar)} tugas"
            (pr.diubah if lama[jabatan_id] else pr.dibuat).append(kalimat)
        self._peringatan(pr, lembar, baru, nomor_tugas, k_baru, k_berkas, pengaturan)
        return pr

    def _duplikat(self, pr, baru, nomor_tugas, rencana) -> None:
        """The same task twice in one position: flagged; merged (one kept) or kept as the
        user chooses on the preview."""
        for jabatan_id, daftar in baru.items():
            dilihat: dict[tuple, list[int]] = defaultdict(list)
            for i, t in enumerate(daftar):
                dilihat[_kunci(t)].append(i)
            ganda = [ix for ix in dilihat.values() if len(ix) > 1]
            if not ganda:
                continue
            j = rencana.jabatan[jabatan_id]
            nomor = nomor_tugas[jabatan_id]
            for ix in ganda:
                pr.duplikat.append(
                    Duplikat(
                        lembar=getattr(nomor[ix[0]], "lembar", ""),
                        baris=tuple(int(nomor[i]) for i in ix),
                        jabatan=f"{j.nama} ({j.unit.nama})",
                        uraian=daftar[ix[0]]["uraian"],
                    )
                )
            if self.duplikat == "gabung":
                buang = {i for ix in ganda for i in ix[1:]}
                baru[jabatan_id] = [t for i, t in enumerate(daftar) if i not in buang]
                nomor_tugas[jabatan_id] = [x for i, x in enumerate(nomor) if i not in buang]

    def _peringatan(self, pr, lembar, baru, nomor_tugas, k_baru, k_berkas, pengaturan) -> None:
        """Plausibility: values the rules accept but a person should look at twice."""
        wke = pengaturan.wke_jam
        batas_k = pengaturan.batas_k_wajar
        kolom_waktu = lembar.judul_kolom.get("waktu", "Waktu Penyelesaian")
        kolom_volume = lembar.judul_kolom.get("volume", "Jumlah Hasil")

        def catat(nomor, kolom, pesan):
            pr.peringatan.append(Peringatan(lembar.tempat(nomor), int(nomor), kolom, pesan))

        for jabatan_id, daftar in baru.items():
            for nomor, t in zip(nomor_tugas[jabatan_id], daftar, strict=True):
                tugas = _tugas_aturan(t["volume"], t["waktu"], t["satuan_waktu"])
                waktu_jam = tugas.beban_jam / t["volume"] if t["volume"] else None
                if waktu_jam is not None and waktu_jam > wke:
                    catat(
                        nomor,
                        kolom_waktu,
                        f"waktu per satuan hasil {n.format_angka(_dua(waktu_jam))} jam melebihi "
                        f"waktu kerja efektif setahun ({n.format_angka(wke)} jam)",
                    )
                elif tugas.beban_jam > wke:
                    catat(
                        nomor,
                        kolom_volume,
                        f"beban tugas ini {n.format_angka(_dua(tugas.beban_jam))} jam setahun "
                        f"melebihi waktu kerja efektif ({n.format_angka(wke)} jam)",
                    )
            nomor0 = nomor_tugas[jabatan_id][0]
            if k_baru[jabatan_id] > batas_k:
                catat(
                    nomor0,
                    "Nama Jabatan",
                    f"kebutuhan pegawai {n.format_angka(_empat(k_baru[jabatan_id]))} melebihi "
                    f"batas wajar {n.format_angka(batas_k)} (pengaturan instansi)",
                )
            if k_berkas.get(jabatan_id):
                # The file's own K column, one share per task row (its total row is skipped).
                total = sum((k for _, k in k_berkas[jabatan_id]), Decimal(0))
                if abs(total - k_baru[jabatan_id]) > Decimal("0.01"):
                    catat(
                        k_berkas[jabatan_id][0][0],
                        lembar.judul_kolom.get("kebutuhan", "Pegawai yang Dibutuhkan"),
                        f"kebutuhan di berkas {n.format_angka(total)} berbeda dari hitungan "
                        f"{n.format_angka(_empat(k_baru[jabatan_id]))} (Σ volume × waktu ÷ WKE)",
                    )
        self._peringatan_median(pr, baru, nomor_tugas, k_baru, catat, kolom_volume)

    def _peringatan_median(self, pr, baru, nomor_tugas, k_baru, catat, kolom_volume) -> None:
        """K or a volume 1000× the median of the same position elsewhere in this version
        (same name, other units): the thousands-separator slip that made K ≈ 9,989."""
        if not baru:
            return
        rencana: RencanaTugas = pr.rencana
        nama_di_berkas = {normal(rencana.jabatan[j].nama) for j in baru}
        k_per_nama: dict[str, list[tuple[int, Decimal]]] = defaultdict(list)
        jabatan_lain = Jabatan.objects.filter(struktur=self.struktur).exclude(pk__in=list(baru))
        nama_lain = {}
        for pk, nama, k in jabatan_lain.values_list("pk", "nama", "kebutuhan_desimal"):
            if normal(nama) in nama_di_berkas:
                nama_lain[pk] = normal(nama)
                if k is not None:
                    k_per_nama[normal(nama)].append((pk, k))
        for j, k in k_baru.items():
            k_per_nama[normal(rencana.jabatan[j].nama)].append((j, k))
        vol: dict[tuple[str, str], list[tuple[int, Decimal]]] = defaultdict(list)
        for j, uraian, v in Tugas.objects.filter(jabatan_id__in=list(nama_lain)).values_list(
            "jabatan_id", "uraian", "volume"
        ):
            vol[(nama_lain[j], normal(uraian))].append((j, v))
        for j, daftar in baru.items():
            for t in daftar:
                vol[(normal(rencana.jabatan[j].nama), normal(t["uraian"]))].append((j, t["volume"]))
        for j, k in k_baru.items():
            nama = normal(rencana.jabatan[j].nama)
            lain = [x for pk, x in k_per_nama[nama] if pk != j]
            if lain and (m := statistics.median(lain)) > 0 and k >= KALI_MEDIAN * m:
                catat(
                    nomor_tugas[j][0],
                    "Nama Jabatan",
                    f"kebutuhan pegawai {n.format_angka(_empat(k))} ≥ {KALI_MEDIAN}× median "
                    f"jabatan yang sama di unit lain ({n.format_angka(_empat(Decimal(m)))})",
                )
            for nomor, t in zip(nomor_tugas[j], baru[j], strict=True):
                lain = [
                    v for pk, v in vol[(nama, normal(t["uraian"]))] if pk != j and v is not None
                ]
                if lain and (m := statistics.median(lain)) > 0 and t["volume"] >= KALI_MEDIAN * m:
                    catat(
                        nomor,
                        kolom_volume,
                        f"volume {n.format_angka(t['volume'])} ≥ {KALI_MEDIAN}× median tugas "
                        f"yang sama pada jabatan ini di unit lain ({n.format_angka(m)})",
                    )

    def terapkan(self, pratinjau: Pratinjau) -> None:
        r: RencanaTugas = pratinjau.rencana
        tugas_ganti_massal(
            akses=self.akses,
            struktur=self.struktur,
            ganti=r.ganti,
            catatan={
                "peringatan_disetujui": [str(p) for p in pratinjau.peringatan][:50],
                "jumlah_peringatan": len(pratinjau.peringatan),
                "duplikat": self.duplikat if pratinjau.duplikat else None,
            },
        )


def _kunci(t: dict) -> tuple:
    return tuple(Decimal(t[f]).normalize() if f in ("volume", "waktu") else t[f] for f in ISI)


def _sama(lama: list[dict], baru: list[dict]) -> bool:
    if len(lama) != len(baru):
        return False
    return [_kunci(t) for t in lama] == [_kunci(t) for t in baru]


def _bandingkan(lama: list[dict], baru: list[dict]) -> Perubahan:
    """Tasks added, changed (same uraian, other values) and removed, as a multiset."""
    if not lama:  # a position without tasks yet (most of a first import): all added
        return Perubahan(jabatan="", ditambah=len(baru))
    sisa = Counter(_kunci(t) for t in lama)
    sisa_uraian = Counter(normal(t["uraian"]) for t in lama)
    hasil = Perubahan(jabatan="")
    belum: list[dict] = []
    for t in baru:
        if sisa[_kunci(t)]:
            sisa[_kunci(t)] -= 1
            sisa_uraian[normal(t["uraian"])] -= 1
            hasil.tetap += 1
        else:
            belum.append(t)
    for t in belum:
        if sisa_uraian[normal(t["uraian"])] > 0:
            sisa_uraian[normal(t["uraian"])] -= 1
            hasil.diubah += 1
        else:
            hasil.ditambah += 1
    hasil.dihapus = len(lama) - hasil.tetap - hasil.diubah
    return hasil


def _k(daftar: list[dict], pengaturan) -> Decimal:
    """K of a position before rounding (PermenPAN-RB 1/2020: Σ volume × waktu ÷ WKE)."""
    return aturan.kebutuhan_pegawai(
        [_tugas_aturan(t["volume"], t["waktu"], t["satuan_waktu"]) for t in daftar],
        pengaturan=pengaturan,
    )


@lru_cache(maxsize=65536)
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
