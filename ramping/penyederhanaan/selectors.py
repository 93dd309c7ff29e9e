"""Reads of the workbench: criteria check, penyetaraan register, income comparison."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber, Substr

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jabatan, Jenjang
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.bawa import garis_versi
from ramping.penyederhanaan.models import (
    LangkahSkenario,
    Penyetaraan,
    TabelTunjangan,
    TarifTunjangan,
)
from ramping.penyederhanaan.perbandingan import bandingkan_versi  # noqa: F401 (re-export)
from ramping.penyederhanaan.services.rekomendasi import keputusan_versi
from ramping.penyederhanaan.tunjangan import tabel_tunjangan

NAMA_PENGECUALIAN = {
    "otoritas_legalisasi": "otoritas/legalisasi",
    "kewilayahan": "kewilayahan",
    "kepala_satker": "kepala satker",
    "upt_pelayanan": "UPT pelayanan",
}


@dataclass(frozen=True)
class BarisKriteria:
    unit: UnitKerja
    dihapus: bool
    alasan: str  # a plain sentence; the rule code is `kode`
    pengecualian: tuple[str, ...]
    opd: str = ""
    kode: str = ""


def kriteria_periksa(*, akses: Akses, struktur: Struktur) -> list[BarisKriteria]:
    """Every structural unit beyond Level 2 with its 25/2021 decision: removed with the reason,
    or kept by the named exception attribute. Two queries."""
    akses.pastikan_instansi(struktur)
    units, keputusan = keputusan_versi(struktur)
    nama_opd = {u.path: u.nama for u in units.values() if u.kedalaman == 0}
    hasil = []
    for k in keputusan:
        if k.alasan.startswith("Pejabat Level"):
            continue
        unit = units[int(k.unit_id)]
        alasan = k.alasan.removesuffix(f" ({k.kode})") + "."
        for kunci, nama in NAMA_PENGECUALIAN.items():  # the engine names attributes by field
            alasan = alasan.replace(kunci, nama)
        hasil.append(
            BarisKriteria(
                unit,
                k.dihapus,
                alasan,
                tuple(NAMA_PENGECUALIAN.get(a, a) for a in k.pengecualian),
                nama_opd.get(unit.path_opd, ""),
                k.kode,
            )
        )
    return sorted(hasil, key=lambda b: b.unit.path)


def penyetaraan_daftar(
    *, akses: Akses, struktur: Struktur | None = None, status: str = ""
) -> QuerySet[Penyetaraan]:
    qs = Penyetaraan.objects.filter(instansi_id=akses.instansi_id).select_related(
        "pegawai", "struktur"
    )
    if struktur is not None:
        # An official's conversion stays with the version it happened in; a version's register
        # also reads the versions it derives from, so the history survives each publish.
        qs = qs.filter(struktur_id__in=garis_versi(struktur))
    if status:
        qs = qs.filter(status=status)
    return qs


def penyetaraan_ambil(*, akses: Akses, penyetaraan_id: int) -> Penyetaraan:
    p = penyetaraan_daftar(akses=akses).filter(pk=penyetaraan_id).first()
    if p is None:
        raise TidakDitemukan("Data penyetaraan tidak ditemukan.")
    return p


@dataclass(frozen=True)
class KelompokTarif:
    jenis: str
    judul: str
    baris: list[tuple[TarifTunjangan, str]]  # (rate, the eselon/jenjang/kelas as shown)


def _label_tarif(t: TarifTunjangan) -> str:
    if t.jenis == "fungsional":
        return Jenjang(t.kunci).label if t.kunci in Jenjang.values else t.kunci
    return f"Kelas {t.kunci}" if t.jenis == "tpp" else f"Eselon {t.kunci}"


def tarif_daftar(*, akses: Akses) -> tuple[TabelTunjangan | None, list[KelompokTarif]]:
    """The agency's table and its rates grouped by kind, each in its natural order (eselon
    II.a before III.a, jenjang from Ahli Utama down, kelas 1..17). Reads only: two queries."""
    tabel = TabelTunjangan.objects.filter(instansi_id=akses.instansi_id).first()
    if tabel is None:
        return None, []
    urutan_jenjang = {k: i for i, k in enumerate(Jenjang.values)}
    kunci = {
        "jabatan": lambda t: (t.kunci, t.nama_jf),
        "fungsional": lambda t: (t.nama_jf, urutan_jenjang.get(t.kunci, 99), t.kunci),
        "tpp": lambda t: (int(t.kunci) if t.kunci.isdigit() else 99, t.kunci),
    }
    semua = list(TarifTunjangan.objects.filter(instansi_id=akses.instansi_id, tabel=tabel))
    hasil = []
    for jenis, judul in TarifTunjangan.Jenis.choices:
        baris = sorted((t for t in semua if t.jenis == jenis), key=kunci[jenis])
        if baris:
            hasil.append(KelompokTarif(jenis, judul, [(t, _label_tarif(t)) for t in baris]))
    return tabel, hasil


@dataclass(frozen=True)
class Pemeriksaan:
    hasil: aturan.HasilPemeriksaanPenyetaraan | None
    syarat: str | None
    penghasilan: aturan.PerbandinganPenghasilan | None
    pesan_penghasilan: str

    @property
    def status_label(self) -> str:
        """ "memenuhi_bersyarat" → "Memenuhi bersyarat"."""
        return self.hasil.status.replace("_", " ").capitalize() if self.hasil else "–"


# Used when the JF catalogue states no minimum: the general floor of the JF category
# (keahlian S-1/D-IV, keterampilan D-III; PermenPAN-RB 13/2019 on JF pengusulan).
SYARAT_UMUM = {"keahlian": "S-1", "keterampilan": "D-III"}
JENJANG_KEAHLIAN = {"ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama"}


def syarat_pendidikan(nama_jf: str, jenjang: str) -> str | None:
    katalog = aturan.cari_jf(nama_jf, jenjang)
    if katalog and katalog.pendidikan_minimal_kode:
        return katalog.pendidikan_minimal_kode
    return SYARAT_UMUM["keahlian" if jenjang in JENJANG_KEAHLIAN else "keterampilan"]


def periksa(p: Penyetaraan, tabel: aturan.TabelTunjangan) -> Pemeriksaan:
    """Education/relevance/ukom checks (17/2021) and the income comparison of one entry."""
    syarat = syarat_pendidikan(p.nama_jf, p.jenjang)
    try:
        hasil = aturan.periksa_penyetaraan(
            pendidikan=p.pegawai.pendidikan,
            pendidikan_syarat_jf=syarat,
            relevan=p.relevan,
            status_ukom=p.status_ukom or None,
            tmt_jf=p.tanggal_dilantik,
            pangkat=p.pegawai.golongan,
        )
    except aturan.AturanError:
        hasil = None
    penghasilan, pesan = None, ""
    if not p.eselon_lama or p.kelas_lama is None or p.kelas_baru is None:
        pesan = "Eselon atau kelas belum lengkap."
    else:
        try:
            penghasilan = aturan.bandingkan_penghasilan(
                eselon_lama=p.eselon_lama,
                kelas_lama=p.kelas_lama,
                jf=p.nama_jf,
                jenjang_baru=p.jenjang,
                kelas_baru=p.kelas_baru,
                tabel=tabel,
            )
        except aturan.AturanError as exc:
            pesan = exc.pesan
    return Pemeriksaan(hasil, syarat, penghasilan, pesan)


@dataclass(frozen=True)
class BarisRegister:
    p: Penyetaraan
    cek: Pemeriksaan


def register(*, akses: Akses, struktur: Struktur | None, status: str = "") -> list[BarisRegister]:
    """The register with every entry's checks and income comparison: two or three queries."""
    _tabel, tabel = tabel_tunjangan(akses=akses)
    return [
        BarisRegister(p, periksa(p, tabel))
        for p in penyetaraan_daftar(akses=akses, struktur=struktur, status=status)
    ]


def ringkasan_penghasilan(baris: list[BarisRegister]) -> dict[str, object]:
    turun = [b for b in baris if b.cek.penghasilan and b.cek.penghasilan.selisih < 0]
    return {
        "turun": len(turun),
        "dijamin": sum((b.cek.penghasilan.dijamin for b in turun), Decimal(0)),
        "tanpa_data": sum(1 for b in baris if b.cek.penghasilan is None),
    }


def tenggat_pendidikan(
    baris: list[BarisRegister], *, hari_ini: date | None = None, dalam_hari: int = 365
) -> list[tuple[BarisRegister, date, int]]:
    """Officials whose 4-year education deadline (R17-09) falls within `dalam_hari` (or passed)."""
    hari_ini = hari_ini or date.today()
    hasil = []
    for b in baris:
        batas = b.cek.hasil.batas_pemenuhan_pendidikan if b.cek.hasil else None
        if batas is not None and (batas - hari_ini).days <= dalam_hari:
            hasil.append((b, batas, (batas - hari_ini).days))
    return sorted(hasil, key=lambda x: x[1])


# --- The scenario page: one OPD at a time, positions paged ------------------------------------

PEMANGKU_DITAMPILKAN = 5  # holders listed per position; the rest are counted ("dan 312 lainnya")
JABATAN_PER_HALAMAN = 40


@dataclass
class HalamanSkenario:
    opd_daftar: list[UnitKerja]  # each with .jumlah_jabatan
    opd: UnitKerja | None
    units: list[UnitKerja]  # of the OPD in tree order, each with .jumlah_jabatan
    hal: Page | None  # of Jabatan, each with .pemangku (the first holders) and .jumlah_pemangku
    jumlah_unit: int
    jumlah_jabatan: int
    jumlah_langkah: int = 0  # steps in the scenario's change log, undone ones included

    @property
    def opd_sebelum(self) -> UnitKerja | None:
        i = self.opd_daftar.index(self.opd) if self.opd in self.opd_daftar else -1
        return self.opd_daftar[i - 1] if i > 0 else None

    @property
    def opd_sesudah(self) -> UnitKerja | None:
        i = self.opd_daftar.index(self.opd) if self.opd in self.opd_daftar else -1
        return self.opd_daftar[i + 1] if 0 <= i < len(self.opd_daftar) - 1 else None


def _opd_daftar(struktur: Struktur) -> list[UnitKerja]:
    """The OPDs of a version with their position counts: two queries."""
    opd = list(
        UnitKerja.objects.filter(
            instansi_id=struktur.instansi_id, struktur=struktur, kedalaman=0
        ).order_by("path")
    )
    per_opd = dict(
        Jabatan.objects.filter(instansi_id=struktur.instansi_id, struktur=struktur)
        .annotate(opd=Substr("unit__path", 1, UnitKerja.SEGMEN))
        .values("opd")
        .annotate(n=Count("id"))
        .values_list("opd", "n")
    )
    for o in opd:
        o.jumlah_jabatan = per_opd.get(o.path, 0)
    return opd


def skenario_opd(
    *,
    akses: Akses,
    struktur: Struktur,
    opd_id: int | None = None,
    nomor_halaman: str | int = 1,
) -> HalamanSkenario:
    """One OPD of a version: its units and one page of its positions with their first holders.

    A constant number of queries whatever the size of the version (the page test asserts it):
    OPDs, their counts, the OPD's units and counts, the page of positions, holders, holder
    counts."""
    akses.pastikan_instansi(struktur)
    opd_daftar = _opd_daftar(struktur)
    opd = next((o for o in opd_daftar if o.pk == opd_id), None)
    if opd is None and akses.opd_kode:
        opd = next((o for o in opd_daftar if o.kode == akses.opd_kode), None)
    if opd is None and opd_daftar:
        opd = opd_daftar[0]
    jumlah = {"unit": 0, "jabatan": sum(o.jumlah_jabatan for o in opd_daftar)}
    if opd is None:
        return HalamanSkenario(opd_daftar, None, [], None, 0, 0)
    di_opd = {"instansi_id": struktur.instansi_id, "struktur": struktur}
    units = list(UnitKerja.objects.filter(path__startswith=opd.path, **di_opd).order_by("path"))
    per_unit = dict(
        Jabatan.objects.filter(unit__in=[u.pk for u in units], **di_opd)
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    )
    jalur = {}
    for u in units:  # tree order: a parent's path label is known before its children
        u.jumlah_jabatan = per_unit.get(u.pk, 0)
        u.jalur = jalur[u.pk] = f"{jalur[u.induk_id]} › {u.nama}" if u.induk_id in jalur else u.nama
    for u in units:  # where a unit may merge: any other unit of the OPD outside its subtree
        u.tujuan_gabung = [t for t in units if not t.path.startswith(u.path)]
    jumlah["unit"] = UnitKerja.objects.filter(**di_opd).count()
    jabatan = (
        Jabatan.objects.filter(unit__path__startswith=opd.path, **di_opd)
        .select_related("unit")
        .order_by("unit__path", "-is_kepala", "urutan", "id")
    )
    hal = Paginator(jabatan, JABATAN_PER_HALAMAN).get_page(nomor_halaman)
    ids = [j.pk for j in hal.object_list]
    aktif = Penempatan.objects.filter(
        instansi_id=struktur.instansi_id, struktur=struktur, jabatan_id__in=ids, tmt_selesai=None
    )
    pertama = (
        aktif.annotate(
            nomor=Window(
                RowNumber(), partition_by=[F("jabatan_id")], order_by=[F("pegawai__nama"), F("id")]
            )
        )
        .filter(nomor__lte=PEMANGKU_DITAMPILKAN)
        .select_related("pegawai")
    )
    pemangku: dict[int, list[Penempatan]] = {}
    for p in pertama:
        pemangku.setdefault(p.jabatan_id, []).append(p)
    banyak = dict(aktif.values("jabatan_id").annotate(n=Count("id")).values_list("jabatan_id", "n"))
    for j in hal.object_list:
        j.pemangku = pemangku.get(j.pk, [])
        j.jumlah_pemangku = banyak.get(j.pk, 0)
        j.pemangku_lain = j.jumlah_pemangku - len(j.pemangku)
    langkah = LangkahSkenario.objects.filter(struktur=struktur).count()
    return HalamanSkenario(opd_daftar, opd, units, hal, jumlah["unit"], jumlah["jabatan"], langkah)


@dataclass
class PilihanPindah:
    """What the move-a-person picker offers: the position's holders and the target positions
    of one OPD grouped by unit."""

    jabatan: Jabatan
    pemangku: list[Penempatan]
    opd_tujuan: UnitKerja
    tujuan: list[tuple[UnitKerja, list[Jabatan]]]


def pindah_pilihan(
    *, akses: Akses, struktur: Struktur, jabatan_id: int, opd_tujuan_id: int | None = None
) -> PilihanPindah:
    """Holders of one position of a draft and the positions of the target OPD (by default the
    position's own OPD): four queries."""
    akses.pastikan_instansi(struktur)
    di = {"instansi_id": struktur.instansi_id, "struktur": struktur}
    jabatan = Jabatan.objects.filter(pk=jabatan_id, **di).select_related("unit").first()
    if jabatan is None:
        raise TidakDitemukan("Jabatan tidak ditemukan pada skenario ini.")
    pemangku = list(
        Penempatan.objects.filter(jabatan=jabatan, tmt_selesai=None, **di)
        .select_related("pegawai")
        .order_by("pegawai__nama", "id")
    )
    path_tujuan = jabatan.unit.path_opd
    if opd_tujuan_id is not None:
        opd = UnitKerja.objects.filter(pk=opd_tujuan_id, kedalaman=0, **di).first()
    else:
        opd = UnitKerja.objects.filter(path=path_tujuan, **di).first()
    if opd is None:
        raise TidakDitemukan("Perangkat daerah tujuan tidak ditemukan.")
    tujuan: dict[int, tuple[UnitKerja, list[Jabatan]]] = {}
    for j in (
        Jabatan.objects.filter(unit__path__startswith=opd.path, **di)
        .select_related("unit")
        .order_by("unit__path", "-is_kepala", "urutan", "id")
    ):
        tujuan.setdefault(j.unit_id, (j.unit, []))[1].append(j)
    return PilihanPindah(jabatan, pemangku, opd, list(tujuan.values()))
