"""The leader's one page ("ringkasan pimpinan"): before → after headline numbers of the
simplification, one chart, three sentences generated from the numbers, the legal basis and the
signature block. Reads only; the page and the 1–2-page PDF (`pdf_pimpinan`) share it.

Numbers come from the comparison of the default pair (`pasangan_bawaan`: the version before
the simplification against the one in force) and from the penyetaraan register of the version
in force (income guaranteed to converted officials, PermenPAN-RB 17/2021 R17-10/R17-11).
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from ramping.akun.akses import Akses
from ramping.laporan.format import angka, tanggal
from ramping.organisasi.models import Struktur
from ramping.organisasi.pengaturan import KopInstansi, kop_instansi
from ramping.penyederhanaan.perbandingan import Perbandingan, bandingkan_versi
from ramping.penyederhanaan.ringkasan import (
    _struktural_disederhanakan,
    bilangan,
    persen,
    rupiah_ringkas,
)
from ramping.penyederhanaan.selectors import register, ringkasan_penghasilan

DASAR_REGULASI = (
    "PermenPAN-RB 25/2021 tentang Penyederhanaan Struktur Organisasi",
    "PermenPAN-RB 17/2021 tentang Penyetaraan Jabatan Administrasi ke dalam Jabatan Fungsional",
    "PermenPAN-RB 7/2022 tentang Sistem Kerja",
)


@dataclass(frozen=True)
class Angka:
    """One headline number before → after."""

    kunci: str
    label: str
    lama: int | Decimal
    baru: int | Decimal
    rupiah: bool = False
    turun_baik: bool = True

    @property
    def selisih(self):
        return self.baru - self.lama

    @property
    def persen(self) -> Decimal | None:
        return persen(self.lama, self.baru)

    def teks(self, nilai) -> str:
        return f"Rp {rupiah_ringkas(nilai)}" if self.rupiah else angka(nilai, _desimal(nilai))

    @property
    def teks_lama(self) -> str:
        return self.teks(self.lama)

    @property
    def teks_baru(self) -> str:
        return self.teks(self.baru)

    @property
    def teks_selisih(self) -> str:
        if self.rupiah:
            return rupiah_ringkas(self.selisih, tanda=True)
        d = self.selisih
        teks = angka(abs(d), _desimal(d))
        return ("+" if d > 0 else "−" if d < 0 else "±") + teks


def _desimal(nilai) -> int:
    return 0 if Decimal(str(nilai)) == Decimal(str(nilai)).to_integral_value() else 1


@dataclass
class RingkasanPimpinan:
    b: Perbandingan
    angka: list[Angka]
    eselon: list[tuple[str, int, int]]  # units (= structural heads) per eselon
    kelas: list[tuple[int, int, int]]  # positions per kelas
    kalimat: list[str]
    dijamin: Decimal  # monthly income guaranteed to converted officials whose income fell
    jumlah_dijamin: int
    tanpa_data_penghasilan: int
    disetarakan_register: int
    kop: KopInstansi
    tanggal: date
    dasar_hukum: list[str] = field(default_factory=list)

    @property
    def teks_dijamin(self) -> str:
        return f"Rp {rupiah_ringkas(self.dijamin)}"

    @property
    def tempat_tanggal(self) -> str:
        return f"{self.kop.kota}, {tanggal(self.tanggal)}"

    def nilai(self, kunci: str) -> Angka:
        return next(a for a in self.angka if a.kunci == kunci)


def _dasar_hukum(s: Struktur) -> str:
    if not s.dasar_hukum_nomor:
        return f"{s.nama}: dasar hukum belum diisi"
    pada = f", tanggal {tanggal(s.dasar_hukum_tanggal)}" if s.dasar_hukum_tanggal else ""
    return f"{s.dasar_hukum_nomor}{pada} ({s.nama})"


def _naik_turun(a: Angka, *, kata_benda: str) -> str:
    """ "berkurang dari 584 menjadi 344 (−240; −41,1%)" and its rise/same variants."""
    if a.selisih == 0:
        return f"tetap {a.teks(a.baru)}"
    kata = "berkurang" if a.selisih < 0 else "bertambah"
    p = a.persen
    pr = f"; {'+' if p > 0 else '−'}{angka(abs(p), 1)}%" if p is not None else ""
    return f"{kata} dari {a.teks(a.lama)} menjadi {a.teks(a.baru)} ({a.teks_selisih}{pr})"


def kalimat_pimpinan(r: "RingkasanPimpinan") -> list[str]:
    """Three sentences generated from the numbers: structure, people, money."""
    unit, adm, jf = r.nilai("unit"), r.nilai("administrator"), r.nilai("fungsional")
    lapisan, biaya = r.nilai("lapisan"), r.nilai("biaya")
    b = r.b
    satu = (
        f"Unit kerja struktural {_naik_turun(unit, kata_benda='unit')} dan jabatan "
        f"administrator, pengawas dan eselon V {_naik_turun(adm, kata_benda='jabatan')}; "
        f"lapisan struktural terbanyak di bawah kepala perangkat daerah "
        f"{_naik_turun(lapisan, kata_benda='lapisan')}."
    )
    dua = (
        f"{angka(len(b.disetarakan))} pejabat disetarakan ke jabatan fungsional dan "
        f"{angka(len(b.pindah))} pegawai lain pindah jabatan; jabatan fungsional "
        f"{_naik_turun(jf, kata_benda='jabatan')}."
    )
    if r.jumlah_dijamin:
        jaminan = (
            f"penghasilan {angka(r.jumlah_dijamin)} pejabat yang disetarakan dijamin tidak "
            f"turun dengan selisih Rp {rupiah_ringkas(r.dijamin)} per bulan"
        )
    else:
        jaminan = "tidak ada pejabat yang disetarakan yang penghasilannya turun"
    tiga = f"Biaya tunjangan dan TPP per bulan {_naik_turun(biaya, kata_benda='biaya')}; {jaminan}."
    return [satu, dua, tiga]


def ringkasan_pimpinan(
    *, akses: Akses, lama: Struktur, baru: Struktur, hari_ini: date | None = None
) -> RingkasanPimpinan:
    """The leader's summary of `lama` → `baru` (a constant number of queries)."""
    b = bandingkan_versi(akses=akses, lama=lama, baru=baru)
    ml, mb = b.metrik_lama, b.metrik_baru
    baris = register(akses=akses, struktur=baru)
    uang = ringkasan_penghasilan(baris)
    angka_ = [
        Angka("unit", "Unit kerja struktural", ml.unit_struktural, mb.unit_struktural),
        Angka(
            "struktural",
            "Jabatan struktural (semua eselon)",
            sum(ml.struktural.values()),
            sum(mb.struktural.values()),
        ),
        Angka(
            "administrator",
            "Administrator, pengawas dan eselon V",
            _struktural_disederhanakan(ml.struktural),
            _struktural_disederhanakan(mb.struktural),
        ),
        Angka(
            "fungsional",
            "Jabatan fungsional",
            ml.jenis.get("fungsional", 0),
            mb.jenis.get("fungsional", 0),
            turun_baik=False,
        ),
        Angka("lapisan", "Lapisan struktural terbanyak", ml.lapisan_maks, mb.lapisan_maks),
        Angka(
            "rentang",
            "Rentang kendali median",
            bilangan(ml.rentang[1]),
            bilangan(mb.rentang[1]),
            turun_baik=False,
        ),
        Angka("b", "Pegawai (B)", ml.b, mb.b, turun_baik=False),
        Angka("k", "Kebutuhan pegawai (K)", ml.k, mb.k, turun_baik=False),
        Angka(
            "biaya",
            "Tunjangan jabatan + TPP per bulan",
            bilangan(ml.biaya),
            bilangan(mb.biaya),
            rupiah=True,
        ),
    ]
    eselon = [
        (e, ml.struktural.get(e, 0), mb.struktural.get(e, 0))
        for e in sorted(set(ml.struktural) | set(mb.struktural))
    ]
    kelas = [
        (k, ml.kelas.get(k, 0), mb.kelas.get(k, 0)) for k in sorted(set(ml.kelas) | set(mb.kelas))
    ]
    r = RingkasanPimpinan(
        b=b,
        angka=angka_,
        eselon=eselon,
        kelas=kelas,
        kalimat=[],
        dijamin=uang["dijamin"],
        jumlah_dijamin=uang["turun"],
        tanpa_data_penghasilan=uang["tanpa_data"],
        disetarakan_register=len(baris),
        kop=kop_instansi(instansi_id=akses.instansi_id),
        tanggal=hari_ini or date.today(),
        dasar_hukum=[_dasar_hukum(baru), *DASAR_REGULASI],
    )
    r.kalimat = kalimat_pimpinan(r)
    return r
