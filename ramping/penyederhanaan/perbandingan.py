"""Compare two structure versions: what is new, changed, removed or unchanged, who moved, and
the structure metrics of 25/2021 side by side. A constant number of queries."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.jabatan.models import STRUKTURAL, Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.tunjangan import tabel_tunjangan

STATUS = ("baru", "berubah", "dihapus", "tetap")
STATUS_UNIT = ("dihapus", "baru", "kelompok_jf", "berganti_nama", "berubah", "tetap")
FIELD_UNIT = (
    "nama",
    "jenis",
    "eselon",
    "otoritas_legalisasi",
    "kewilayahan",
    "kepala_satker",
    "upt_pelayanan",
)
FIELD_JABATAN = ("nama", "jenis", "jenjang", "kelas", "is_kepala")


@dataclass
class Pasangan:
    lama: object | None
    baru: object | None
    status: str
    perubahan: list[str] = field(default_factory=list)


@dataclass
class Metrik:
    unit: int = 0
    unit_struktural: int = 0  # units with a structural head (kelompok JF excluded)
    kelompok_jf: int = 0
    struktural: dict[str, int] = field(default_factory=dict)
    lapisan_maks: int = 0
    lapisan: Counter = field(default_factory=Counter)  # OPDs by structural levels below the head
    per_level: Counter = field(default_factory=Counter)  # structural units by level (1 = head)
    rentang: tuple[int, float, int] = (0, 0, 0)
    rentang_hist: Counter = field(default_factory=Counter)
    sempit: int = 0
    lebar: int = 0
    jenis: Counter = field(default_factory=Counter)
    kelas: Counter = field(default_factory=Counter)
    beban_jam: Decimal = Decimal(0)
    b: int = 0
    k: int = 0
    biaya: Decimal = Decimal(0)


@dataclass
class Perbandingan:
    lama: Struktur
    baru: Struktur
    unit: list[Pasangan]
    jabatan: list[Pasangan]
    pindah: list[tuple[Penempatan, Penempatan]]
    metrik_lama: Metrik
    metrik_baru: Metrik
    target: tuple[int, int]
    # Officials who kept their (matched) position but saw it converted from a structural post
    # to a jabatan fungsional (PermenPAN-RB 17/2021): they too hold another position now.
    disetarakan: list[tuple[Penempatan, Penempatan]] = field(default_factory=list)

    def hitung(self, jenis: str) -> dict[str, int]:
        c = Counter(p.status for p in getattr(self, jenis))
        return {s: c[s] for s in STATUS}

    def hitung_unit(self) -> dict[str, int]:
        """Units removed, added, new kelompok JF, renamed, otherwise changed and unchanged:
        a new kelompok JF is not a new unit of the organisation (it has no head)."""
        c = dict.fromkeys(STATUS_UNIT, 0)
        for p in self.unit:
            if p.status == "baru":
                c["kelompok_jf" if p.baru.jenis == "kelompok_jf" else "baru"] += 1
            elif p.status == "berubah":
                c["berganti_nama" if "nama" in p.perubahan else "berubah"] += 1
            else:
                c[p.status] += 1
        return c

    @property
    def orang_pindah(self) -> int:
        """Officials in another position afterwards: moved, or converted to a JF."""
        return len(self.pindah) + len(self.disetarakan)


def _asal_ke(model, baris: list, lama_ids: set[int]) -> dict[int, int]:
    """{new id: old id} following the `asal` chain (a copy of a copy) into `lama_ids`."""
    hasil, tunggu = {}, {}
    for obj in baris:
        if obj.asal_id in lama_ids:
            hasil[obj.pk] = obj.asal_id
        elif obj.asal_id is not None:
            tunggu[obj.pk] = obj.asal_id
    for _ in range(8):  # the depth of copy-of-copy chains followed
        if not tunggu:
            break
        naik = dict(model.objects.filter(pk__in=set(tunggu.values())).values_list("id", "asal_id"))
        lanjut = {}
        for pk, a in tunggu.items():
            atas = naik.get(a)
            if atas in lama_ids:
                hasil[pk] = atas
            elif atas is not None:
                lanjut[pk] = atas
        tunggu = lanjut
    return hasil


def _pasangkan(lama: list, baru: list, peta: dict[int, int], kunci_cadangan) -> list[Pasangan]:
    lama_by = {o.pk: o for o in lama}
    dipakai = set(peta.values())
    cadangan: dict = {}
    for o in lama:
        if o.pk not in dipakai:
            cadangan.setdefault(kunci_cadangan(o, False), []).append(o)
    hasil = []
    for o in baru:
        asal = lama_by.get(peta.get(o.pk, -1))
        if asal is None:
            calon = cadangan.get(kunci_cadangan(o, True))
            if calon:
                asal = calon.pop(0)
                dipakai.add(asal.pk)
                peta[o.pk] = asal.pk
        hasil.append(Pasangan(asal, o, "tetap" if asal else "baru"))
    hasil += [Pasangan(o, None, "dihapus") for o in lama if o.pk not in dipakai]
    return hasil


def _metrik(units: list[UnitKerja], jabatan: list[Jabatan], aktif: list[Penempatan], p, tabel):
    m = Metrik(unit=len(units))
    m.unit_struktural = sum(1 for u in units if u.eselon)
    m.kelompok_jf = sum(1 for u in units if u.jenis == "kelompok_jf")
    masukan = [
        aturan.UnitInput(
            str(u.pk), str(u.induk_id) if u.induk_id else None, u.nama, u.jenis, u.eselon or None
        )
        for u in units
    ]
    m.struktural = aturan.jumlah_jabatan_struktural(masukan)
    lapisan = aturan.lapisan_struktural(masukan)
    m.lapisan = Counter(v.lapisan_di_bawah for v in lapisan.values() if v.level == 1)
    m.per_level = Counter(v.level for v in lapisan.values())
    m.lapisan_maks = max(m.lapisan, default=0)
    rentang = aturan.rentang_kendali(masukan, pengaturan=p)
    n = sorted(r.bawahan_struktural for r in rentang.values() if r.bawahan_struktural)
    m.rentang = (n[0], median(n), n[-1]) if n else (0, 0, 0)
    m.rentang_hist = Counter(n)
    m.sempit = sum(1 for r in rentang.values() if r.status == "sempit")
    m.lebar = sum(1 for r in rentang.values() if r.status == "lebar")
    m.jenis = Counter(j.jenis for j in jabatan)
    m.kelas = Counter(j.kelas for j in jabatan if j.kelas)
    m.beban_jam = sum((j.beban_kerja_jam or Decimal(0) for j in jabatan), Decimal(0))
    m.k = sum(j.kebutuhan or 0 for j in jabatan)
    m.b = len(aktif)
    eselon = {u.pk: u.eselon for u in units}
    jab = {j.pk: j for j in jabatan}
    for pen in aktif:
        j = jab[pen.jabatan_id]
        if j.is_kepala and j.jenis in STRUKTURAL:
            m.biaya += tabel.tunjangan_jabatan.get(eselon[j.unit_id], Decimal(0))
        elif j.jenis == "fungsional":
            f = tabel.tunjangan_fungsional
            m.biaya += f.get((j.nama_jf, j.jenjang), f.get(j.jenjang, Decimal(0)))
        m.biaya += tabel.tpp_per_kelas.get(j.kelas, Decimal(0))
    return m


def _isi(s: Struktur):
    """The rows of one version the comparison needs, without the long texts (tugas, fungsi)
    and without the people's records: model instances are the cost on a whole agency."""
    di = {"instansi_id": s.instansi_id, "struktur": s}
    units = list(UnitKerja.objects.filter(**di).defer("tugas", "fungsi").order_by("path"))
    jabatan = list(
        Jabatan.objects.filter(**di).only(
            "id",
            "instansi_id",
            "struktur_id",
            "unit_id",
            "asal_id",
            "nama",
            "jenis",
            "nama_jf",
            "jenjang",
            "kelas",
            "is_kepala",
            "beban_kerja_jam",
            "kebutuhan",
        )
    )
    aktif = list(
        Penempatan.objects.aktif()
        .filter(**di)
        .only("id", "instansi_id", "struktur_id", "pegawai_id", "jabatan_id")
    )
    return units, jabatan, aktif


def bandingkan_versi(*, akses: Akses, lama: Struktur, baru: Struktur) -> Perbandingan:
    """Match `baru` to `lama` through the copy origin, falling back to kode/name matching."""
    akses.pastikan_instansi(lama)
    akses.pastikan_instansi(baru)
    u_lama, j_lama, a_lama = _isi(lama)
    u_baru, j_baru, a_baru = _isi(baru)
    peta_u = _asal_ke(UnitKerja, u_baru, {u.pk for u in u_lama})
    unit = _pasangkan(u_lama, u_baru, peta_u, lambda u, _b: u.kode)
    sisa = {u.pk for u in u_lama} - set(peta_u.values())
    for p in unit:  # a second fallback: same name among the still unmatched
        if p.status == "baru":
            calon = next((u for u in u_lama if u.pk in sisa and u.nama == p.baru.nama), None)
            if calon:
                p.lama, p.status = calon, "tetap"
                sisa.discard(calon.pk)
                peta_u[p.baru.pk] = calon.pk
    unit = [p for p in unit if not (p.status == "dihapus" and p.lama.pk not in sisa)]
    for p in unit:
        if p.lama and p.baru:
            p.perubahan = [f for f in FIELD_UNIT if getattr(p.lama, f) != getattr(p.baru, f)]
            if peta_u.get(p.baru.induk_id, p.baru.induk_id) != p.lama.induk_id:
                p.perubahan.append("induk")
            p.status = "berubah" if p.perubahan else "tetap"
    peta_j = _asal_ke(Jabatan, j_baru, {j.pk for j in j_lama})
    jabatan = _pasangkan(
        j_lama,
        j_baru,
        peta_j,
        lambda j, b: ((peta_u.get(j.unit_id) if b else j.unit_id), j.nama),
    )
    for p in jabatan:
        if p.lama and p.baru:
            p.perubahan = [f for f in FIELD_JABATAN if getattr(p.lama, f) != getattr(p.baru, f)]
            if peta_u.get(p.baru.unit_id) != p.lama.unit_id:
                p.perubahan.append("unit")
            p.status = "berubah" if p.perubahan else "tetap"
    lama_per_pegawai = {a.pegawai_id: a for a in a_lama}
    pindah = [
        (lama_per_pegawai[a.pegawai_id], a)
        for a in a_baru
        if a.pegawai_id in lama_per_pegawai
        and peta_j.get(a.jabatan_id) != lama_per_pegawai[a.pegawai_id].jabatan_id
    ]
    jab_lama = {j.pk: j for j in j_lama}
    jab_baru = {j.pk: j for j in j_baru}
    disetarakan = [
        (lama_per_pegawai[a.pegawai_id], a)
        for a in a_baru
        if a.pegawai_id in lama_per_pegawai
        and peta_j.get(a.jabatan_id) == lama_per_pegawai[a.pegawai_id].jabatan_id
        and _jadi_fungsional(jab_lama.get(peta_j[a.jabatan_id]), jab_baru.get(a.jabatan_id))
    ]
    p = pengaturan_instansi(instansi_id=lama.instansi_id)
    _t, tabel = tabel_tunjangan(akses=akses)
    return Perbandingan(
        lama,
        baru,
        unit,
        jabatan,
        pindah,
        _metrik(u_lama, j_lama, a_lama, p, tabel),
        _metrik(u_baru, j_baru, a_baru, p, tabel),
        (p.rentang_kendali_minimal, p.rentang_kendali_maksimal),
        disetarakan,
    )


def pasangan_bawaan(instansi_id: int, versi: list[Struktur]) -> tuple[Struktur, Struktur]:
    """The pair a leader asks about: the structure before the simplification vs the one in force.

    "Before the simplification" is known from the penyetaraan register (PermenPAN-RB 17/2021:
    officials are converted when their structural post is removed): the simplified version is
    the earliest version holding a penyetaraan entry, and "before" is the latest published
    (in force or archived) version that took effect before it. Without any entry (no
    simplification recorded yet) it is the version in force's parent, else the previous one.
    One query. `versi` needs at least two versions.
    """
    from ramping.penyederhanaan.models import Penyetaraan

    baru = next((s for s in versi if s.status == "berlaku"), versi[0])
    dengan_entri = set(
        Penyetaraan.objects.filter(instansi_id=instansi_id).values_list("struktur_id", flat=True)
    )

    def urut(s: Struktur) -> tuple:
        return (s.berlaku_mulai is None, s.berlaku_mulai or s.dibuat.date(), s.pk)

    sederhana = min((s for s in versi if s.pk in dengan_entri), key=urut, default=None)
    if sederhana is not None:
        terbit = [
            s
            for s in versi
            if s.status in ("berlaku", "arsip")
            and s.pk != sederhana.pk
            and urut(s) < urut(sederhana)
        ]
        if terbit:
            return max(terbit, key=urut), baru
    lama = baru.turunan_dari if baru.turunan_dari_id else None
    return lama or next(s for s in versi if s.pk != baru.pk), baru


def _jadi_fungsional(lama: Jabatan | None, baru: Jabatan | None) -> bool:
    """A structural post, or the pelaksana head of a former eselon V unit, now a JF."""
    if lama is None or baru is None or baru.jenis != "fungsional":
        return False
    return lama.jenis in STRUKTURAL or (lama.is_kepala and lama.jenis != "fungsional")
