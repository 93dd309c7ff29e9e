"""The comparison of two versions as leaders read it: headline figures with their change, the
metrics grouped and labelled, the change per perangkat daerah, and the changed rows grouped by
OPD. Pure functions over a `Perbandingan` (no queries); the page and the PDF/XLSX share them."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ramping import aturan
from ramping.jabatan.models import STRUKTURAL, JenisJabatan
from ramping.laporan.format import MINUS, angka
from ramping.penyederhanaan.perbandingan import Pasangan, Perbandingan

LABEL_STATUS = {"baru": "Baru", "berubah": "Berubah", "dihapus": "Dihapus", "tetap": "Tetap"}
LABEL_FIELD = {
    "nama": "nama",
    "jenis": "jenis",
    "eselon": "eselon",
    "otoritas_legalisasi": "pengecualian otoritas/legalisasi",
    "kewilayahan": "pengecualian kewilayahan",
    "kepala_satker": "pengecualian kepala satker",
    "upt_pelayanan": "pengecualian UPT pelayanan",
    "induk": "unit induk",
    "jenjang": "jenjang",
    "kelas": "kelas",
    "is_kepala": "kepala unit",
    "unit": "pindah unit",
}
# Administrator, pengawas and eselon V: the layers 25/2021 removes (JPT stays).
ESELON_DISEDERHANAKAN = ("III", "IV", "V")


def bilangan(nilai) -> int | Decimal:
    """A metric as shown: whole values as int (printed "8", not "8,0"), the rest as Decimal
    with one decimal (a median of 2.5)."""
    d = Decimal(str(nilai))
    if d == d.to_integral_value():
        return int(d)
    return aturan.bulatkan(d, 1)


def _jam(beban) -> int:
    # Whole hours with the rules engine's mode: Python's round() would take 0,5 to even.
    return int(aturan.bulatkan(beban, 0))


def persen(lama, baru) -> Decimal | None:
    """Change in percent with one decimal; None when there was nothing before."""
    if not lama:
        return None
    return aturan.bulatkan(Decimal(baru - lama) * 100 / Decimal(lama), 1)


def rupiah_ringkas(nilai, *, tanda: bool = False) -> str:
    """14_641_750_000 → "14,64 miliar"; 638_400_000 → "638,4 juta" (Indonesian style)."""
    d = Decimal(nilai)
    for batas, nama, desimal in ((10**12, "triliun", 2), (10**9, "miliar", 2), (10**6, "juta", 1)):
        if abs(d) >= batas:
            teks = f"{angka(abs(d) / batas, desimal).rstrip('0').rstrip(',')} {nama}"
            break
    else:
        teks = angka(abs(d))
    if d < 0:
        return f"{MINUS}{teks}"
    return f"+{teks}" if tanda and d > 0 else teks


@dataclass(frozen=True)
class Sorotan:
    """One headline figure: before, after, the change and whether a fall is the aim."""

    label: str
    lama: int | Decimal
    baru: int | Decimal
    keterangan: str = ""
    turun_baik: bool = True  # fewer is the goal of the simplification
    rupiah: bool = False  # shown in juta/miliar so the card stays readable

    @property
    def selisih(self):
        return self.baru - self.lama

    @property
    def persen(self) -> Decimal | None:
        return persen(self.lama, self.baru)

    @property
    def teks(self) -> tuple[str, str, str] | None:
        """(before, after, change) in juta/miliar for rupiah figures; None for counts."""
        if not self.rupiah:
            return None
        return (
            rupiah_ringkas(self.lama),
            rupiah_ringkas(self.baru),
            rupiah_ringkas(self.selisih, tanda=True),
        )

    @property
    def arah(self) -> str:
        """ "baik" / "perhatian" / "tetap": the colour of the change chip."""
        if self.selisih == 0:
            return "tetap"
        return "baik" if (self.selisih < 0) == self.turun_baik else "perhatian"


def _struktural_disederhanakan(struktural: dict[str, int]) -> int:
    return sum(n for e, n in struktural.items() if e.split(".")[0] in ESELON_DISEDERHANAKAN)


def sorotan(b: Perbandingan) -> list[Sorotan]:
    ml, mb = b.metrik_lama, b.metrik_baru
    return [
        Sorotan(
            "Unit kerja struktural",
            ml.unit_struktural,
            mb.unit_struktural,
            "unit yang dipimpin pejabat struktural; kelompok JF tidak dihitung",
        ),
        Sorotan(
            "Jabatan administrator, pengawas dan eselon V",
            _struktural_disederhanakan(ml.struktural),
            _struktural_disederhanakan(mb.struktural),
            "jabatan struktural di bawah JPT",
        ),
        Sorotan(
            "Jabatan fungsional",
            ml.jenis.get("fungsional", 0),
            mb.jenis.get("fungsional", 0),
            "tujuan penyetaraan jabatan",
            turun_baik=False,
        ),
        Sorotan(
            "Unit dengan rentang kendali sempit",
            ml.sempit,
            mb.sempit,
            f"kurang dari {b.target[0]} unit bawahan",
        ),
        Sorotan(
            "Biaya tunjangan + TPP per bulan (Rp)",
            bilangan(ml.biaya),
            bilangan(mb.biaya),
            "dari tabel tunjangan instansi",
            rupiah=True,
        ),
    ]


@dataclass(frozen=True)
class BarisMetrik:
    label: str
    lama: int | Decimal
    baru: int | Decimal

    @property
    def selisih(self):
        return self.baru - self.lama


def metrik_kelompok(b: Perbandingan) -> list[tuple[str, list[BarisMetrik]]]:
    """The side-by-side metrics in four labelled groups, whole numbers as int."""
    ml, mb = b.metrik_lama, b.metrik_baru

    def r(label, a, z):
        return BarisMetrik(label, bilangan(a), bilangan(z))

    eselon = sorted(set(ml.struktural) | set(mb.struktural))
    jenis = [j for j in JenisJabatan.values if j in ml.jenis or j in mb.jenis]
    return [
        (
            "Struktur organisasi",
            [
                r("Jumlah unit kerja struktural", ml.unit_struktural, mb.unit_struktural),
                r("Kelompok jabatan fungsional", ml.kelompok_jf, mb.kelompok_jf),
                r(
                    "Lapisan struktural di bawah kepala OPD (terbanyak)",
                    ml.lapisan_maks,
                    mb.lapisan_maks,
                ),
                r("Rentang kendali terkecil", ml.rentang[0], mb.rentang[0]),
                r("Rentang kendali median", ml.rentang[1], mb.rentang[1]),
                r("Rentang kendali terbesar", ml.rentang[2], mb.rentang[2]),
                r(f"Unit dengan rentang sempit (< {b.target[0]})", ml.sempit, mb.sempit),
                r(f"Unit dengan rentang lebar (> {b.target[1]})", ml.lebar, mb.lebar),
            ],
        ),
        (
            "Jabatan struktural per eselon",
            [r(f"Eselon {e}", ml.struktural.get(e, 0), mb.struktural.get(e, 0)) for e in eselon],
        ),
        (
            "Jabatan per jenis",
            [r(JenisJabatan(j).label, ml.jenis.get(j, 0), mb.jenis.get(j, 0)) for j in jenis],
        ),
        (
            "Pegawai, beban kerja dan biaya",
            [
                r("Pegawai (B)", ml.b, mb.b),
                r("Kebutuhan pegawai (K)", ml.k, mb.k),
                r("Beban kerja (jam per tahun)", _jam(ml.beban_jam), _jam(mb.beban_jam)),
                r("Biaya tunjangan + TPP per bulan (Rp)", ml.biaya, mb.biaya),
            ],
        ),
    ]


def metrik_baris(b: Perbandingan) -> list[tuple[str, int | Decimal, int | Decimal]]:
    """The metrics as flat rows (label, before, after) for the exports."""
    awalan = {
        "Jabatan struktural per eselon": "Jabatan struktural ",
        "Jabatan per jenis": "Jabatan ",
    }
    return [
        (
            awalan.get(g, "") + (m.label.replace("Eselon", "eselon") if g in awalan else m.label),
            m.lama,
            m.baru,
        )
        for g, baris in metrik_kelompok(b)
        for m in baris
    ]


# --- Per perangkat daerah ---------------------------------------------------------------------


@dataclass
class BarisOPD:
    nama: str
    nama_lama: str = ""
    unit_lama: int = 0
    unit_baru: int = 0
    struktural_lama: int = 0
    struktural_baru: int = 0
    fungsional_lama: int = 0
    fungsional_baru: int = 0
    jabatan_dihapus: int = 0
    jabatan_berubah: int = 0
    pindah: int = 0
    unit_beda: list[Pasangan] = field(default_factory=list)
    jabatan_beda: list[Pasangan] = field(default_factory=list)

    @property
    def ada_perubahan(self) -> bool:
        return bool(self.unit_beda or self.jabatan_beda or self.pindah)


def _struktural(j) -> bool:
    return j.is_kepala and j.jenis in STRUKTURAL - {"jpt_utama", "jpt_madya", "jpt_pratama"}


def per_opd(b: Perbandingan) -> list[BarisOPD]:
    """Units, structural and functional positions before/after, and the changes, per OPD of
    the newer version (an OPD only in the older version keeps its own row)."""
    path_lama, path_baru = {}, {}  # unit id → OPD path, per version
    opd_lama_ke_baru: dict[str, str] = {}
    nama: dict[tuple[str, str], str] = {}
    for p in b.unit:
        if p.lama is not None:
            path_lama[p.lama.pk] = p.lama.path_opd
            if p.lama.kedalaman == 0:
                nama[("lama", p.lama.path)] = p.lama.nama
        if p.baru is not None:
            path_baru[p.baru.pk] = p.baru.path_opd
            if p.baru.kedalaman == 0:
                nama[("baru", p.baru.path)] = p.baru.nama
        if p.lama is not None and p.baru is not None and p.lama.kedalaman == 0:
            opd_lama_ke_baru[p.lama.path] = p.baru.path
    baris: dict[str, BarisOPD] = {}

    def ambil(versi: str, path: str) -> BarisOPD:
        kunci = opd_lama_ke_baru.get(path, f"lama:{path}") if versi == "lama" else path
        if kunci not in baris:
            label = nama.get(("baru", kunci)) or nama.get(("lama", path), "–")
            baris[kunci] = BarisOPD(label)
        r = baris[kunci]
        if versi == "lama" and not r.nama_lama:
            r.nama_lama = nama.get(("lama", path), "")
        return r

    for p in b.unit:
        if p.lama is not None:
            ambil("lama", p.lama.path_opd).unit_lama += 1
        if p.baru is not None:
            ambil("baru", p.baru.path_opd).unit_baru += 1
        if p.status != "tetap":
            sisi = ("baru", p.baru) if p.baru is not None else ("lama", p.lama)
            ambil(sisi[0], sisi[1].path_opd).unit_beda.append(p)
    jabatan_baru = {}
    for p in b.jabatan:
        if p.lama is not None and p.lama.unit_id in path_lama:
            r = ambil("lama", path_lama[p.lama.unit_id])
            r.struktural_lama += _struktural(p.lama)
            r.fungsional_lama += p.lama.jenis == "fungsional"
        if p.baru is not None and p.baru.unit_id in path_baru:
            jabatan_baru[p.baru.pk] = p.baru
            r = ambil("baru", path_baru[p.baru.unit_id])
            r.struktural_baru += _struktural(p.baru)
            r.fungsional_baru += p.baru.jenis == "fungsional"
        if p.status != "tetap":
            if p.baru is not None and p.baru.unit_id in path_baru:
                r = ambil("baru", path_baru[p.baru.unit_id])
            elif p.lama is not None and p.lama.unit_id in path_lama:
                r = ambil("lama", path_lama[p.lama.unit_id])
            else:
                continue
            r.jabatan_beda.append(p)
            r.jabatan_dihapus += p.status == "dihapus"
            r.jabatan_berubah += p.status == "berubah"
    pindah = Counter(
        path_baru.get(jabatan_baru[baru.jabatan_id].unit_id)
        for _lama, baru in (*b.pindah, *b.disetarakan)
        if baru.jabatan_id in jabatan_baru
    )
    for path, n in pindah.items():
        if path is not None:
            ambil("baru", path).pindah += n
    for r in baris.values():
        for p in (*r.unit_beda, *r.jabatan_beda):
            p.label = label_perubahan(p)
    return [baris[k] for k in sorted(baris, key=lambda k: (k.startswith("lama:"), k))]


def label_perubahan(p: Pasangan) -> str:
    return ", ".join(LABEL_FIELD.get(f, f) for f in p.perubahan)
