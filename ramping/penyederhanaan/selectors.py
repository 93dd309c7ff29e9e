"""Reads of the workbench: criteria check, penyetaraan register, income comparison."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.penyederhanaan.models import Penyetaraan, TabelTunjangan, TarifTunjangan
from ramping.penyederhanaan.perbandingan import bandingkan_versi  # noqa: F401 (re-export)
from ramping.penyederhanaan.services.rekomendasi import keputusan_versi

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
    alasan: str
    pengecualian: tuple[str, ...]


def kriteria_periksa(*, akses: Akses, struktur: Struktur) -> list[BarisKriteria]:
    """Every structural unit beyond Level 2 with its 25/2021 decision: removed with the reason,
    or kept by the named exception attribute. Two queries."""
    akses.pastikan_instansi(struktur)
    units, keputusan = keputusan_versi(struktur)
    hasil = []
    for k in keputusan:
        if k.alasan.startswith("Pejabat Level"):
            continue
        hasil.append(
            BarisKriteria(
                units[int(k.unit_id)],
                k.dihapus,
                k.alasan,
                tuple(NAMA_PENGECUALIAN.get(a, a) for a in k.pengecualian),
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
        qs = qs.filter(struktur=struktur)
    if status:
        qs = qs.filter(status=status)
    return qs


def penyetaraan_ambil(*, akses: Akses, penyetaraan_id: int) -> Penyetaraan:
    p = penyetaraan_daftar(akses=akses).filter(pk=penyetaraan_id).first()
    if p is None:
        raise TidakDitemukan("Data penyetaraan tidak ditemukan.")
    return p


def tabel_tunjangan(*, akses: Akses) -> tuple[TabelTunjangan | None, aturan.TabelTunjangan]:
    """The agency's table as the rules engine's TabelTunjangan (example data when none)."""
    tabel = TabelTunjangan.objects.filter(instansi_id=akses.instansi_id).first()
    if tabel is None:
        return None, aturan.tabel_tunjangan_contoh()
    jabatan, fungsional, tpp = {}, {}, {}
    for t in TarifTunjangan.objects.filter(instansi_id=akses.instansi_id, tabel=tabel):
        if t.jenis == "jabatan":
            jabatan[t.kunci] = t.jumlah
        elif t.jenis == "fungsional":
            fungsional[(t.nama_jf, t.kunci) if t.nama_jf else t.kunci] = t.jumlah
        elif t.kunci.isdigit():
            tpp[int(t.kunci)] = t.jumlah
    return tabel, aturan.TabelTunjangan(jabatan, fungsional, tpp)


@dataclass(frozen=True)
class Pemeriksaan:
    hasil: aturan.HasilPemeriksaanPenyetaraan | None
    syarat: str | None
    penghasilan: aturan.PerbandinganPenghasilan | None
    pesan_penghasilan: str


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
