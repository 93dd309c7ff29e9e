"""The checks behind `ramping.penataan.temuan`: one snapshot of a version (or one OPD) read in a
constant number of queries, then pure-Python checks over it.

Queries (`muat`), whatever the number of positions: the agency's kode (for links), its
settings (ABK only), the units, the positions, B per position, and one per asked part: task
counts plus the few odd tasks (ABK: two), the stored ANJAB items (ANJAB), the evaluations
(EVALUASI). Nomenklatur reads nothing more: the catalogue is in memory.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.aturan import tampil
from ramping.aturan.nomenklatur import cari_nama_pelaksana, mengandung_analis
from ramping.jabatan.models import STRUKTURAL, Anjab, EvaluasiJabatan, Jabatan, JenisJabatan, Tugas
from ramping.jabatan.services.anjab import FIELD_ANJAB
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.penataan.models import Bagian

# The stored ANJAB items by their number in the informasi jabatan (PermenPAN-RB 1/2020); items
# 1–3, 6 and 17 are read from the position, its units and its tasks (ABK-01, EVA-02 cover them).
# Judgement: ikhtisar, hasil kerja, tanggung jawab and wewenang say what the position does and
# answers for, and the evaluation's Informasi Faktor Jabatan is built from them, so an empty
# one is an error; the others (qualifications, tools, conditions, risks, requirements) may be
# legitimately thin for a simple position, so an empty one is a warning to acknowledge.
BUTIR_POKOK = (
    ("4", "ikhtisar", "Ikhtisar jabatan"),
    ("7", "hasil_kerja", "Hasil kerja"),
    ("10", "tanggung_jawab", "Tanggung jawab"),
    ("11", "wewenang", "Wewenang"),
)
BUTIR_LAIN = (
    ("5a", "pendidikan_formal", "Pendidikan formal"),
    ("5b", "pelatihan", "Pendidikan dan pelatihan"),
    ("5c", "pengalaman", "Pengalaman kerja"),
    ("8", "bahan_kerja", "Bahan kerja"),
    ("9", "perangkat_kerja", "Perangkat kerja"),
    ("13", "kondisi_lingkungan", "Kondisi lingkungan kerja"),
    ("14", "risiko_bahaya", "Risiko bahaya"),
    ("15", "syarat_jabatan", "Syarat jabatan"),
    ("16", "prestasi_kerja", "Prestasi kerja yang diharapkan"),
)
# Item 12 is never empty in the ANJAB: its rows are read from the structure (superior,
# subordinates, fellow positions: `jabatan.hubungan`), the typed rows only add outside relations.
BUTIR_DARI_STRUKTUR = (("12", "korelasi_jabatan", "Korelasi jabatan"),)
assert {f for _, f, _ in BUTIR_POKOK + BUTIR_LAIN + BUTIR_DARI_STRUKTUR} == set(FIELD_ANJAB)

# A unit's head is of the group its eselon says (UU 5/2014); former eselon V heads are
# pelaksana since then.
JENIS_KEPALA = {
    "jpt": {"jpt_utama", "jpt_madya", "jpt_pratama"},
    "administrator": {"administrator"},
    "pengawas": {"pengawas"},
    "eselon_v": {"pelaksana"},
}
BAWAHAN_KELAS = (JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA)


@dataclass(slots=True)
class BarisUnit:
    id: int
    induk_id: int | None
    path: str
    nama: str
    jenis: str
    eselon: str


@dataclass(slots=True)
class BarisJabatan:
    id: int
    unit_id: int
    nama: str
    jenis: str
    kelas: int | None
    is_kepala: bool
    kebutuhan: int | None
    urutan: int


FIELD_UNIT = ("id", "induk_id", "path", "nama", "jenis", "eselon")
FIELD_JABATAN = ("id", "unit_id", "nama", "jenis", "kelas", "is_kepala", "kebutuhan", "urutan")
FIELD_TUGAS = ("id", "jabatan_id", "urutan", "uraian", "volume", "waktu", "satuan_waktu")


@dataclass(slots=True)
class Data:
    """What the checks read: one version (or one OPD's subtree), in tree order."""

    instansi_kode: str  # "" when no links are wanted
    struktur: Struktur
    unit: dict[int, BarisUnit]  # by path
    opd: dict[str, BarisUnit]  # OPD path → OPD
    jabatan: list[BarisJabatan]  # by unit path, head first, urutan, id
    b: dict[int, int]
    pengaturan: aturan.Pengaturan | None = None
    jumlah_tugas: dict[int, int] = field(default_factory=dict)
    tugas_janggal: list[dict[str, Any]] = field(default_factory=list)
    anjab: dict[int, dict[str, Any]] = field(default_factory=dict)
    evaluasi: dict[int, tuple[str, int | None]] = field(default_factory=dict)

    def opd_dari(self, unit_id: int) -> BarisUnit:
        return self.opd[self.unit[unit_id].path[: UnitKerja.SEGMEN]]


@dataclass(slots=True)
class Mentah:
    """A finding before the catalogue adds its severity and basis."""

    kode: str
    pesan: str
    objek: str
    opd_id: int
    tautan: str
    kunci_opd: str
    kunci_objek: tuple


def muat(
    *,
    akses: Akses,
    struktur: Struktur,
    opd: UnitKerja | None,
    bagian: list[str],
    tautan: bool,
) -> Data:
    akses.pastikan_instansi(struktur)
    iid = akses.instansi_id
    units = UnitKerja.objects.filter(instansi_id=iid, struktur=struktur)
    jabatan = Jabatan.objects.filter(instansi_id=iid, struktur=struktur)
    # Rows hanging off a position: filtered by the position's version (and OPD subtree).
    per_jabatan = Q(jabatan__struktur=struktur)
    if opd is not None:
        akses.pastikan_instansi(opd)
        if opd.struktur_id != struktur.pk or opd.induk_id is not None:
            raise ValueError("opd harus unit teratas pada versi struktur ini")
        units = units.filter(path__startswith=opd.path)
        jabatan = jabatan.filter(unit__path__startswith=opd.path)
        per_jabatan &= Q(jabatan__unit__path__startswith=opd.path)

    kode = ""
    if tautan:
        kode = Instansi.objects.filter(pk=iid).values_list("kode", flat=True).get()
    unit = {r["id"]: BarisUnit(**r) for r in units.order_by("path").values(*FIELD_UNIT)}
    opd_map = {u.path: u for u in unit.values() if u.induk_id is None}
    baris = [BarisJabatan(**r) for r in jabatan.values(*FIELD_JABATAN)]
    baris.sort(key=lambda j: (unit[j.unit_id].path, not j.is_kepala, j.urutan, j.id))
    data = Data(
        instansi_kode=kode,
        struktur=struktur,
        unit=unit,
        opd=opd_map,
        jabatan=baris,
        b=Penempatan.objects.bezetting(struktur_id=struktur.pk),
    )
    if Bagian.ABK in bagian:
        from ramping.organisasi.pengaturan import pengaturan_instansi

        data.pengaturan = pengaturan_instansi(instansi_id=iid)
        tugas = Tugas.objects.filter(per_jabatan, instansi_id=iid)
        data.jumlah_tugas = dict(
            tugas.values("jabatan_id").annotate(n=Count("id")).values_list("jabatan_id", "n")
        )
        # Only the odd tasks are read row by row: volume 0, or one output taking longer than
        # a whole year of effective working time (usually minutes typed as hours).
        wke = data.pengaturan.wke_jam
        janggal = (
            Q(volume=0)
            | Q(satuan_waktu="jam", waktu__gt=wke)
            | Q(satuan_waktu="menit", waktu__gt=wke * 60)
        )
        data.tugas_janggal = list(
            tugas.filter(janggal).order_by("urutan", "id").values(*FIELD_TUGAS)
        )
    if Bagian.ANJAB in bagian:
        anjab = Anjab.objects.filter(per_jabatan, instansi_id=iid)
        data.anjab = {r["jabatan_id"]: r for r in anjab.values("jabatan_id", *FIELD_ANJAB)}
    if Bagian.EVALUASI in bagian:
        evaluasi = EvaluasiJabatan.objects.filter(per_jabatan, instansi_id=iid)
        data.evaluasi = {
            j: (s, k) for j, s, k in evaluasi.values_list("jabatan_id", "status", "kelas")
        }
    return data


# --- helpers ---------------------------------------------------------------------------------


def _isi(nilai: Any) -> bool:
    """True when an ANJAB item holds anything: text, a list of texts, table rows, or the
    syarat jabatan dict (any sub-list or physical condition)."""
    if isinstance(nilai, str):
        return bool(nilai.strip())
    if isinstance(nilai, list):
        return any(_isi(x) for x in nilai)
    if isinstance(nilai, dict):
        return any(_isi(x) for x in nilai.values())
    return False


def butir_kosong(anjab: dict[str, Any] | None, butir) -> list[tuple[str, str]]:
    """(number, label) of the given items that are empty; all of them without an ANJAB."""
    return [(no, label) for no, f, label in butir if anjab is None or not _isi(anjab.get(f))]


class _Penulis:
    """Builds findings for one snapshot: names objects and links them to their page."""

    def __init__(self, data: Data) -> None:
        self.data = data
        self.hasil: list[Mentah] = []
        self._urut_jabatan = {j.id: i for i, j in enumerate(data.jabatan)}

    def nama_unit(self, unit_id: int) -> str:
        u = self.data.unit[unit_id]
        opd = self.data.opd_dari(unit_id)
        return u.nama if opd.id == u.id else f"{u.nama} ({opd.nama})"

    def nama_jabatan(self, j: BarisJabatan) -> str:
        return f"{j.nama} ({self.data.unit[j.unit_id].nama})"

    def url_jabatan(self, jabatan_id: int, tab: str, tambahan: str = "") -> str:
        if not self.data.instansi_kode:
            return ""
        url = reverse("web:jabatan", args=[self.data.instansi_kode, jabatan_id])
        return f"{url}?tab={tab}{tambahan}"

    def url(self, nama: str, *args: Any, query: str = "") -> str:
        if not self.data.instansi_kode:
            return ""
        return reverse(nama, args=[self.data.instansi_kode, *args]) + query

    def tambah(self, kode: str, pesan: str, objek: str, unit_id: int, tautan: str, kunci) -> None:
        opd = self.data.opd_dari(unit_id)
        self.hasil.append(Mentah(kode, pesan, objek, opd.id, tautan, opd.path, kunci))

    def jabatan(self, kode: str, j: BarisJabatan, pesan: str, tab: str) -> None:
        kunci = (self.data.unit[j.unit_id].path, self._urut_jabatan[j.id], 0)
        self.tambah(kode, pesan, f"jabatan:{j.id}", j.unit_id, self.url_jabatan(j.id, tab), kunci)

    def unit(self, kode: str, unit_id: int, pesan: str, tautan: str, objek: str = "") -> None:
        u = self.data.unit[unit_id]
        kunci = (u.path, -1, 0)
        self.tambah(kode, pesan, objek or f"unit:{unit_id}", unit_id, tautan, kunci)


def _angka(nilai: Decimal) -> str:
    """A stored decimal as Indonesian text: 1250.00 → "1.250", 2.50 → "2,5"."""
    return tampil.angka(nilai, ringkas=True)


def _kutip(teks: str, panjang: int = 60) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= panjang else teks[: panjang - 1].rstrip() + "…"


# --- structure (always) ----------------------------------------------------------------------


def _periksa_struktur(p: _Penulis) -> None:
    d = p.data
    kepala: dict[int, BarisJabatan] = {}
    per_unit: dict[int, list[BarisJabatan]] = defaultdict(list)
    for j in d.jabatan:
        per_unit[j.unit_id].append(j)
        if j.is_kepala:
            kepala[j.unit_id] = j
    for u in d.unit.values():
        # A kelompok jabatan fungsional has no head by design (its JF answer to the unit above).
        if u.jenis == UnitKerja.Jenis.KELOMPOK_JF:
            continue
        k = kepala.get(u.id)
        if k is None:
            p.unit(
                "STR-01",
                u.id,
                f"Unit {p.nama_unit(u.id)} belum memiliki jabatan kepala unit.",
                p.url("web:unit", u.id),
            )
        elif u.eselon:
            try:
                kelompok = aturan.kelompok_eselon(u.eselon)
            except aturan.AturanError:
                continue
            harus = JENIS_KEPALA.get(kelompok, set())
            if harus and k.jenis not in harus:
                label = " atau ".join(JenisJabatan(x).label for x in sorted(harus))
                p.jabatan(
                    "STR-04",
                    k,
                    f"Kepala unit {p.nama_unit(u.id)}, jabatan {k.nama}, berjenis "
                    f"{JenisJabatan(k.jenis).label}, sedangkan eselon unit {u.eselon} "
                    f"menghendaki {label}.",
                    "anjab",
                )
    # Judgement: two positions of one name in one unit are one position whose K counts the
    # people; kept apart they split the ABK and the peta jabatan. A warning, since a unit may
    # keep them apart on purpose (e.g. different kelas during a transition).
    for unit_id, daftar in per_unit.items():
        kelompok: dict[str, list[BarisJabatan]] = defaultdict(list)
        for j in daftar:
            kelompok[" ".join(j.nama.casefold().split())].append(j)
        for sama in kelompok.values():
            if len(sama) > 1:
                pertama = sama[0]
                p.tambah(
                    "STR-02",
                    f"Unit {p.nama_unit(unit_id)} memuat {len(sama)} jabatan bernama "
                    f'"{pertama.nama}"; gabungkan menjadi satu jabatan dengan kebutuhan (K) '
                    "sesuai jumlah orang.",
                    f"jabatan:{pertama.id}",
                    unit_id,
                    p.url("web:unit", unit_id),
                    (d.unit[unit_id].path, p._urut_jabatan[pertama.id], 0),
                )
    # B not entered: an OPD with positions but not one active placement. An OPD where some
    # positions are vacant is normal, and B far above or below K is the peta jabatan's
    # subject, not a data gap.
    jumlah: dict[int, int] = defaultdict(int)
    terisi: dict[int, int] = defaultdict(int)
    for j in d.jabatan:
        opd = d.opd_dari(j.unit_id)
        jumlah[opd.id] += 1
        terisi[opd.id] += d.b.get(j.id, 0)
    for opd in d.opd.values():
        if jumlah[opd.id] and not terisi[opd.id]:
            p.unit(
                "STR-03",
                opd.id,
                f"{opd.nama} belum memiliki data pemangku (B): belum ada pegawai yang "
                f"ditempatkan pada {jumlah[opd.id]} jabatannya.",
                p.url("impor:unggah", "pegawai", query=f"?versi={d.struktur.pk}"),
            )


# --- ABK -------------------------------------------------------------------------------------


def _periksa_abk(p: _Penulis) -> None:
    d = p.data
    for j in d.jabatan:
        n = d.jumlah_tugas.get(j.id, 0)
        if not n:
            p.jabatan(
                "ABK-01",
                j,
                f"Jabatan {p.nama_jabatan(j)} belum memiliki uraian tugas.",
                "tugas",
            )
        elif j.kebutuhan is None:
            p.jabatan(
                "ABK-02",
                j,
                f"Kebutuhan pegawai (K) jabatan {p.nama_jabatan(j)} belum dihitung walaupun "
                f"{n} uraian tugasnya sudah diisi.",
                "tugas",
            )
    jabatan = {j.id: j for j in d.jabatan}
    wke = d.pengaturan.wke_jam
    for t in d.tugas_janggal:
        j = jabatan[t["jabatan_id"]]
        label = f'tugas {t["urutan"]} jabatan {p.nama_jabatan(j)}, "{_kutip(t["uraian"])}"'
        kunci = (d.unit[j.unit_id].path, p._urut_jabatan[j.id], t["urutan"], t["id"])
        tautan = p.url_jabatan(j.id, "tugas", f"&ubah={t['id']}#tugas-{t['id']}")
        jam = t["waktu"] if t["satuan_waktu"] == "jam" else t["waktu"] / 60
        if jam > wke:
            p.tambah(
                "ABK-03",
                f"Waktu penyelesaian {label}, {_angka(t['waktu'])} {t['satuan_waktu']} per "
                f"hasil, melebihi waktu kerja efektif setahun ({_angka(wke)} jam).",
                f"tugas:{t['id']}",
                j.unit_id,
                tautan,
                kunci,
            )
        # Judgement: volume 0 is a valid input (a task may produce nothing this year) but adds
        # nothing to K, so the OPD confirms it rather than the check refusing it.
        if t["volume"] == 0:
            p.tambah(
                "ABK-04",
                f"Jumlah hasil per tahun {label} bernilai 0: tugas ini tidak menambah beban kerja.",
                f"tugas:{t['id']}",
                j.unit_id,
                tautan,
                kunci,
            )


# --- ANJAB -----------------------------------------------------------------------------------


def _daftar_butir(butir: list[tuple[str, str]]) -> str:
    return ", ".join(f"{no}. {label}" for no, label in butir)


def _periksa_anjab(p: _Penulis) -> None:
    for j in p.data.jabatan:
        isian = p.data.anjab.get(j.id)
        pokok = butir_kosong(isian, BUTIR_POKOK)
        if pokok:
            p.jabatan(
                "ANJ-01",
                j,
                f"ANJAB jabatan {p.nama_jabatan(j)} belum lengkap; butir pokok yang kosong: "
                f"{_daftar_butir(pokok)}.",
                "anjab",
            )
        lain = butir_kosong(isian, BUTIR_LAIN)
        if lain:
            p.jabatan(
                "ANJ-02",
                j,
                f"ANJAB jabatan {p.nama_jabatan(j)}: butir yang masih kosong: "
                f"{_daftar_butir(lain)}.",
                "anjab",
            )


# --- evaluasi jabatan ------------------------------------------------------------------------


def kelas_tertinggi_bawahan(data: Data) -> dict[int, int]:
    """Per unit: the highest kelas of the JF and pelaksana positions in its subtree, the
    set-based form of the superior check in `jabatan.kewajaran` (units deepest first, each
    passing its maximum to its parent)."""
    tertinggi: dict[int, int] = {}
    for j in data.jabatan:
        if j.jenis in BAWAHAN_KELAS and j.kelas is not None:
            tertinggi[j.unit_id] = max(tertinggi.get(j.unit_id, 0), j.kelas)
    for u in reversed(data.unit.values()):
        if u.id in tertinggi and u.induk_id in data.unit:
            tertinggi[u.induk_id] = max(tertinggi.get(u.induk_id, 0), tertinggi[u.id])
    return tertinggi


def _periksa_evaluasi(p: _Penulis) -> None:
    d = p.data
    tertinggi = kelas_tertinggi_bawahan(d)
    for j in d.jabatan:
        status, kelas_evaluasi = d.evaluasi.get(j.id, (None, None))
        if status is None:
            p.jabatan("EVA-01", j, f"Jabatan {p.nama_jabatan(j)} belum dievaluasi.", "evaluasi")
        elif status != EvaluasiJabatan.Status.DITETAPKAN:
            p.jabatan(
                "EVA-01",
                j,
                f"Evaluasi jabatan {p.nama_jabatan(j)} masih draf, belum ditetapkan.",
                "evaluasi",
            )
        if j.kelas is None:
            p.jabatan(
                "EVA-02",
                j,
                f"Jabatan {p.nama_jabatan(j)} belum memiliki kelas jabatan.",
                "evaluasi",
            )
            continue
        if status == EvaluasiJabatan.Status.DITETAPKAN and kelas_evaluasi != j.kelas:
            p.jabatan(
                "EVA-04",
                j,
                f"Kelas jabatan {p.nama_jabatan(j)} ({j.kelas}) berbeda dengan hasil evaluasi "
                f"yang ditetapkan (kelas {kelas_evaluasi}).",
                "evaluasi",
            )
        if j.jenis in STRUKTURAL and j.unit_id in tertinggi:
            try:
                aturan.periksa_kelas_atasan(j.kelas, [tertinggi[j.unit_id]])
            except aturan.AturanError as exc:
                p.jabatan("EVA-03", j, f"Jabatan {p.nama_jabatan(j)}: {exc.pesan}", "evaluasi")


# --- nomenklatur pelaksana -------------------------------------------------------------------


def nama_baku(j: BarisJabatan) -> bool:
    return cari_nama_pelaksana(j.nama) is not None


def _periksa_nomenklatur(p: _Penulis) -> None:
    # Exact match after normalisation only: fuzzy suggestions per row would cost milliseconds
    # each; the page fixing one name asks `aturan.cocokkan_nomenklatur` for that name.
    for j in p.data.jabatan:
        if j.jenis != JenisJabatan.PELAKSANA or nama_baku(j):
            continue
        p.jabatan(
            "NOM-01",
            j,
            f"Nama jabatan pelaksana {p.nama_jabatan(j)} tidak ada dalam daftar nama jabatan "
            "pelaksana PermenPAN-RB 45/2022.",
            "anjab",
        )
        if mengandung_analis(j.nama):
            p.jabatan(
                "NOM-02",
                j,
                f'Nama jabatan pelaksana {p.nama_jabatan(j)} memuat kata "Analis"; tugas '
                "analisis adalah milik jabatan fungsional.",
                "anjab",
            )


PEMERIKSA = {
    Bagian.ABK: _periksa_abk,
    Bagian.ANJAB: _periksa_anjab,
    Bagian.EVALUASI: _periksa_evaluasi,
    Bagian.NOMENKLATUR: _periksa_nomenklatur,
}


def periksa_semua(data: Data, bagian: list[str]) -> Iterator[Mentah]:
    p = _Penulis(data)
    _periksa_struktur(p)
    for b in bagian:
        PEMERIKSA[b](p)
    return iter(p.hasil)


# --- progress --------------------------------------------------------------------------------


def _lengkap(data: Data, bagian: str, j: BarisJabatan) -> bool | None:
    """Whether a position is complete for a part; None when the part does not count it."""
    if bagian == Bagian.ABK:
        return data.jumlah_tugas.get(j.id, 0) > 0 and j.kebutuhan is not None
    if bagian == Bagian.ANJAB:
        return not butir_kosong(data.anjab.get(j.id), BUTIR_POKOK + BUTIR_LAIN)
    if bagian == Bagian.EVALUASI:
        status, _ = data.evaluasi.get(j.id, (None, None))
        return status == EvaluasiJabatan.Status.DITETAPKAN
    if j.jenis != JenisJabatan.PELAKSANA:
        return None
    return nama_baku(j)


def hitung_kelengkapan(data: Data, bagian: list[str]) -> dict[int, dict[str, tuple[int, int]]]:
    hitung = {o.id: {b: [0, 0] for b in bagian} for o in data.opd.values()}
    for j in data.jabatan:
        per_bagian = hitung[data.opd_dari(j.unit_id).id]
        for b in bagian:
            lengkap = _lengkap(data, b, j)
            if lengkap is None:
                continue
            per_bagian[b][0] += lengkap
            per_bagian[b][1] += 1
    return {o: {b: (n[0], n[1]) for b, n in per.items()} for o, per in hitung.items()}
