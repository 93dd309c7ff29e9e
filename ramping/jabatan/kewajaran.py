"""Evaluation sanity (issue #17 item 6): is an evaluated kelas plausible?

Two checks, each a visible warning with room for the analyst's reason:

- **acuan**: the kelas differs from the reference kelas of the JF jenjang or pelaksana name,
  after the agency's own decisions (`selectors.kelas_acuan`: `KelasInstansi` first, then the
  catalogue — JF `kelas_jabatan`, pelaksana `kelas_indikatif`). A reference that is not known
  is a note ("acuan tidak diketahui"), not a warning: nothing to compare with.
- **atasan**: a struktural post whose kelas is below the highest kelas of the JF/pelaksana in
  its unit subtree (PermenPAN-RB 34/2011 practice, evaluasi-jabatan.md §5 S17/C1, the rule of
  `aturan.periksa_kelas_atasan`), said on the superior; and on the subordinate whose kelas is
  above its nearest struktural superior. Equal kelas is fine.

The kelas checked is the evaluation's (when it has one), else the position's. A reason
recorded on the evaluation (`EvaluasiJabatan.alasan_kelas`) turns a warning into "dicatat:
<alasan>"; it stays with the evaluation (copied with the version like every other field).

Set-based: :func:`kewajaran_kelas` reads the reference in one query and the positions it needs
(the asked ones, their superiors and subordinates) in one more, whatever the number asked.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Coalesce

from ramping import aturan
from ramping.jabatan.models import STRUKTURAL, Jabatan, JenisJabatan
from ramping.jabatan.selectors import kelas_acuan
from ramping.organisasi.models import UnitKerja

ACUAN_BEDA = "acuan_beda"
ATASAN_LEBIH_RENDAH = "atasan_lebih_rendah"
DI_ATAS_ATASAN = "di_atas_atasan"
BAWAHAN = (JenisJabatan.FUNGSIONAL, JenisJabatan.PELAKSANA)
CATATAN_TANPA_ACUAN = (
    "Acuan tidak diketahui: katalog dan keputusan kelas instansi tidak memuat kelas jabatan "
    "ini, sehingga kelasnya tidak dapat dibandingkan."
)


@dataclass(frozen=True)
class Peringatan:
    kode: str  # ACUAN_BEDA, ATASAN_LEBIH_RENDAH or DI_ATAS_ATASAN
    pesan: str  # the reason, in Indonesian, and what to do


@dataclass(frozen=True)
class Kewajaran:
    """The sanity of one position's kelas."""

    kelas: int | None
    kelas_acuan: int | None
    sumber_acuan: str
    peringatan: tuple[Peringatan, ...]
    catatan: str  # CATATAN_TANPA_ACUAN or ""
    alasan: str  # the reason recorded on the evaluation, "" when none
    kelas_bawahan: int | None = None  # struktural: highest JF/pelaksana kelas below it

    @property
    def dicatat(self) -> bool:
        """Warnings whose reason is on record: shown as "dicatat: <alasan>"."""
        return bool(self.peringatan) and bool(self.alasan)

    @property
    def perlu_tindakan(self) -> bool:
        return bool(self.peringatan) and not self.alasan


KOSONG = Kewajaran(None, None, "", (), "", "")


def _leluhur(path: str) -> list[str]:
    """The paths of a unit and its ancestors, nearest first (fixed-width segments)."""
    n = UnitKerja.SEGMEN
    return [path[:i] for i in range(len(path), 0, -n)]


def _baca(instansi_id: int, struktur_id: int, path: str) -> list[dict]:
    """The positions of the version (or, with `path`, those of that unit's subtree and of its
    ancestors: everything a superior/subordinate check there needs), one query."""
    qs = Jabatan.objects.filter(instansi_id=instansi_id, struktur_id=struktur_id)
    if path:
        qs = qs.filter(Q(unit__path__startswith=path) | Q(unit__path__in=_leluhur(path)))
    return list(
        qs.annotate(k=Coalesce("evaluasi__kelas", "kelas")).values(
            "id", "nama", "jenis", "nama_jf", "jenjang", "unit__path", "k", "evaluasi__alasan_kelas"
        )
    )


def _teks_kelas(kelas: int, sumber: str) -> str:
    return f"kelas {kelas} ({sumber})" if sumber else f"kelas {kelas}"


def kewajaran_kelas(*, instansi_id: int, struktur_id: int, path: str = "") -> dict[int, Kewajaran]:
    """{position id: its sanity} for the positions of a version (or of one unit's subtree and
    ancestors, `path`): two queries in all (the reference, the positions)."""
    acuan = kelas_acuan(instansi_id)
    baris = _baca(instansi_id, struktur_id, path)
    # Superiors per unit path, and the highest subordinate kelas under each unit path.
    atasan_di: dict[str, list[dict]] = defaultdict(list)
    tertinggi: dict[str, dict] = {}
    for b in baris:
        if b["jenis"] in STRUKTURAL and b["k"] is not None:
            atasan_di[b["unit__path"]].append(b)
    for b in baris:
        if b["jenis"] in BAWAHAN and b["k"] is not None:
            for p in _leluhur(b["unit__path"]):
                if p in atasan_di and (p not in tertinggi or b["k"] > tertinggi[p]["k"]):
                    tertinggi[p] = b
    hasil = {}
    for b in baris:
        hasil[b["id"]] = _satu(b, acuan, atasan_di, tertinggi)
    return hasil


def _satu(b: dict, acuan, atasan_di: dict, tertinggi: dict) -> Kewajaran:
    kelas, jenis = b["k"], b["jenis"]
    peringatan: list[Peringatan] = []
    kelas_acuan = sumber = None
    catatan = ""
    if jenis in BAWAHAN:
        kelas_acuan, sumber = acuan.kelas(jenis, b["nama"], b["nama_jf"], b["jenjang"])
        if kelas_acuan is None:
            catatan = CATATAN_TANPA_ACUAN
        elif kelas is not None and kelas != kelas_acuan:
            peringatan.append(
                Peringatan(
                    ACUAN_BEDA,
                    f"Kelas {kelas} berbeda dengan kelas acuan jabatan ini: "
                    f"{_teks_kelas(kelas_acuan, sumber)}. Periksa kembali tingkat faktor, "
                    "atau catat alasannya (mis. keputusan kelas instansi yang belum dicatat).",
                )
            )
        if kelas is not None:
            atasan = next(
                (a for p in _leluhur(b["unit__path"]) for a in atasan_di.get(p, ())), None
            )
            if atasan is not None and atasan["k"] < kelas:
                peringatan.append(
                    Peringatan(
                        DI_ATAS_ATASAN,
                        f"Kelas {kelas} di atas kelas atasannya, {atasan['nama']} "
                        f"(kelas {atasan['k']}). Periksa kembali kelas keduanya, atau catat "
                        "alasannya.",
                    )
                )
    bawahan = tertinggi.get(b["unit__path"]) if jenis in STRUKTURAL else None
    if bawahan is not None and kelas is not None:
        try:
            aturan.periksa_kelas_atasan(kelas, [bawahan["k"]])
        except aturan.AturanError as exc:
            peringatan.append(
                Peringatan(
                    ATASAN_LEBIH_RENDAH,
                    f"{exc.pesan} Bawahan tertinggi: {bawahan['nama']} (kelas "
                    f"{bawahan['k']}). Evaluasi ulang jabatan ini, atau catat alasannya.",
                )
            )
    return Kewajaran(
        kelas=kelas,
        kelas_acuan=kelas_acuan,
        sumber_acuan=sumber or "",
        peringatan=tuple(peringatan),
        catatan=catatan,
        alasan=b["evaluasi__alasan_kelas"] or "",
        kelas_bawahan=bawahan["k"] if bawahan is not None else None,
    )


def kewajaran_jabatan(jabatan: Jabatan) -> Kewajaran:
    """The sanity of one position (its unit's subtree and ancestors read once)."""
    hasil = kewajaran_kelas(
        instansi_id=jabatan.instansi_id,
        struktur_id=jabatan.struktur_id,
        path=jabatan.unit.path,
    )
    return hasil.get(jabatan.pk, KOSONG)


def kewajaran_banyak(
    *, instansi_id: int, struktur_id: int, ids: Iterable[int]
) -> dict[int, Kewajaran]:
    """The sanity of the given positions of one version (a list page): two queries."""
    semua = kewajaran_kelas(instansi_id=instansi_id, struktur_id=struktur_id)
    return {i: semua.get(i, KOSONG) for i in ids}


@dataclass(frozen=True)
class BarisRekap:
    """One position of the evaluation recap."""

    id: int
    nama: str
    unit: str
    status: str  # EvaluasiJabatan.Status value, "" when not evaluated
    nilai: int | None
    kewajaran: Kewajaran


def rekap_evaluasi(
    *, instansi_id: int, struktur_id: int, path: str = "", hanya_peringatan: bool = False
) -> list[BarisRekap]:
    """The evaluated positions of a version (or of one OPD, `path`) with their sanity, in tree
    order; `hanya_peringatan` keeps those with a warning. Three queries whatever the size."""
    kewajaran = kewajaran_kelas(instansi_id=instansi_id, struktur_id=struktur_id, path=path)
    qs = Jabatan.objects.filter(instansi_id=instansi_id, struktur_id=struktur_id)
    if path:
        qs = qs.filter(unit__path__startswith=path)
    baris = []
    for b in qs.order_by("unit__path", "urutan", "pk").values(
        "id", "nama", "unit__nama", "evaluasi__status", "evaluasi__nilai"
    ):
        k = kewajaran.get(b["id"], KOSONG)
        if hanya_peringatan and not k.peringatan:
            continue
        if not b["evaluasi__status"] and not k.peringatan:
            continue
        baris.append(
            BarisRekap(
                b["id"],
                b["nama"],
                b["unit__nama"],
                b["evaluasi__status"] or "",
                b["evaluasi__nilai"],
                k,
            )
        )
    return baris
