"""Ranked renaming suggestions for a pelaksana post (PermenPAN-RB 45/2022, KepmenPAN-RB 11/2024).

PermenPAN-RB 45/2022 replaced the 41/2018 names by three classes (Klerek, Operator, Teknisi) whose
names are listed by KepmenPAN-RB decisions; every agency had to rename each pelaksana post to a
listed name (Pasal 10–11: penyesuaian by the PPK). No official 41/2018 → 45/2022 table exists
(reference nomenklatur-pelaksana.md §6), so a suggestion is a *ranking with reasons* that the
analyst confirms per post, never an automatic rename.

Each candidate gets points from six signals (weights in :data:`BOBOT`, all [C], tuned on the table
``tests/aturan/pasangan_nomenklatur.csv``):

- ``peta``: the old name matches a pair of the suggested map ``pemetaan_nomenklatur.csv`` [C];
- ``nama``: name similarity (rapidfuzz ``token_set_ratio`` after normalisation);
- ``rumpun``: the old name's leading word names a 41/2018 family (Pengadministrasi… = SLTA clerk,
  Pengolah/Pengelola… = D-III, Analis/Penyusun… = S-1, Pengemudi/Petugas… = operator, Pramu… =
  general service) whose general-scope successor is this candidate (KepmenPAN-RB 11/2024 Lampiran
  I–II ikhtisar and minimum education) [C];
- ``tugas``: similarity of the post's tasks to the catalogue ikhtisar;
- ``pendidikan``: share of incumbents whose education reaches the name's minimum (Lampiran I–III
  column "kualifikasi pendidikan"); below the minimum is listed, not blocked;
- ``preseden``: share of the agency's earlier decisions for the same old name that chose it.

A name owned by an instansi teknis (column ``instansi_teknis`` other than "Umum (lintas instansi)"
or an instansi in ``instansi_teknis_boleh``) loses points unless its name is almost identical:
a Pemda does not usually take a Kementerian Perhubungan name.

Pure Python, no Django import; rapidfuzz only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process, utils

from .data import baca_csv, ke_bool
from .katalog import katalog_jf
from .nomenklatur import NamaPelaksana, cari_nama_pelaksana, katalog_nomenklatur
from .nomenklatur import pemetaan_nomenklatur as _pemetaan
from .pendidikan import pendidikan_memenuhi

# Points per signal; the sum is capped at 100. [C] tuned on the pair table.
BOBOT: dict[str, float] = {
    "peta": 30.0,
    "nama": 22.0,
    "rumpun": 20.0,
    "tugas": 8.0,
    "pendidikan": 8.0,
    "preseden": 25.0,  # an agency keeps one name per old name (one name → one kelas)
}
SKOR_MINIMAL = 12.0  # [C] weaker candidates are noise, shown only when nothing else is found
DENDA_INSTANSI_TEKNIS = 15.0  # [C] points off a name owned by another instansi teknis
UMUM = "Umum (lintas instansi)"
# Instansi teknis whose names every Pemda uses (Kemendagri names for kecamatan/kelurahan/satpol).
INSTANSI_TEKNIS_PEMDA = frozenset({"Kementerian Dalam Negeri"})

# 41/2018 name families by leading word → general successor (KepmenPAN-RB 11/2024 Lampiran I–II,
# general names with their minimum education; [C], see module docstring).
_RUMPUN: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), nama)
    for p, nama in (
        (r"^(pengelola|analis|pengembang|penata) (sistem|jaringan|teknologi|aplikasi)\b",
         "Penata Kelola Sistem dan Teknologi Informasi"),
        (r"^(penyusun|pengolah|perancang) (rancangan|bahan|materi|produk) "
         r"(peraturan|hukum|produk hukum|perundang)",
         "Penyusun Materi Hukum dan Perundang-undangan"),
        (r"^(polisi pamong praja|satpol|anggota satpol|pranata trantib)",
         "Pranata Trantibum"),
        (r"^(pengawas|pengelola) (trantib|ketertiban)", "Pengelola Trantibum"),
        (r"^(pramu|caraka|pesuruh|petugas kebersihan|tukang|juru (taman|masak|"
         r"kebersihan)|office boy|penjaga)\b", "Pengelola Umum Operasional"),
        (r"^(pengadministrasi|pengarsip|juru ketik|pengetik|pencatat|penerima|"
         r"pengadministrasian|agendaris|resepsionis|petugas administrasi)\b",
         "Pengadministrasi Perkantoran"),
        (r"^(pengolah|pengelola data|verifikator|pemroses|pengumpul|pengelola (keuangan|"
         r"kepegawaian|surat|gaji|anggaran|data|informasi|program|administrasi))\b",
         "Pengolah Data dan Informasi"),
        (r"^(analis|penyusun|penelaah|perumus|penata (laporan|dokumen)?|pengkaji|"
         r"penganalisis|bendahara)\b", "Penelaah Teknis Kebijakan"),
        (r"^(pengemudi|sopir|supir|petugas keamanan|satpam|operator|juru (mudi|parkir)|"
         r"petugas)\b", "Operator Layanan Operasional"),
        (r"^(pengelola (barang|sarana|aset|perlengkapan|gedung|rumah tangga)|"
         r"pengurus barang|penyimpan barang)\b", "Pengelola Layanan Operasional"),
        (r"^(teknisi|pemelihara|mekanik)\b", "Teknisi Sarana dan Prasarana"),
    )
)  # fmt: skip

# Words that make a post's tasks look like a JF (PermenPAN-RB 1/2023: work with a JF goes to the
# JF). Stem → JF name of the catalogue; [C] heuristics, shown as a finding, never applied.
_TUGAS_JF: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), jf)
    for p, jf in (
        (r"\barsip\w*", "Arsiparis"),
        (r"\bperpustakaan|\bpustaka\w*", "Pustakawan"),
        (r"\bjaringan komputer|\bperangkat lunak|\bpemrograman|\bpranata komputer",
         "Pranata Komputer"),
        (r"\bpengadaan barang", "Pengelola Pengadaan Barang/Jasa"),
        (r"\bstatisti\w*", "Statistisi"),
        (r"\bhubungan masyarakat|\bkehumasan|\bpublikasi", "Pranata Hubungan Masyarakat"),
        (r"\bperencanaan pembangunan|\bmenyusun rencana", "Perencana"),
    )
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Alasan:
    sinyal: str  # peta | nama | rumpun | tugas | pendidikan | preseden | instansi_teknis
    poin: float
    keterangan: str


@dataclass(frozen=True, slots=True)
class SaranNama:
    nama: str
    skor: float  # 0–100
    alasan: tuple[Alasan, ...]
    kelas_indikatif: int | None
    pendidikan_minimal: str


@dataclass(frozen=True, slots=True)
class PosInput:
    """One pelaksana post to rename."""

    nama: str
    tugas: str = ""  # the post's tasks (uraian), joined
    pendidikan: tuple[str, ...] = ()  # incumbents' education codes


@dataclass(frozen=True, slots=True)
class HasilSaran:
    baku: bool  # the current name is already in the catalogue
    saran: tuple[SaranNama, ...]
    mirip_jf: str | None = None  # a JF the tasks look like
    catatan: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class InfoKatalog:
    """Columns of the catalogue the base ``NamaPelaksana`` does not carry."""

    ikhtisar: str
    instansi_teknis: str
    kualifikasi_pendidikan: str
    versi_daftar: str
    berlaku_mulai: str
    berlaku_sampai: str
    dasar_hukum: str
    verified: bool


@cache
def info_katalog() -> dict[str, InfoKatalog]:
    return {
        r["nama"]: InfoKatalog(
            r["ikhtisar"],
            r["instansi_teknis"],
            r["kualifikasi_pendidikan"],
            r["versi_daftar"],
            r["berlaku_mulai"],
            r["berlaku_sampai"],
            r["dasar_hukum"],
            ke_bool(r["verified"]),
        )
        for r in baca_csv("nomenklatur_pelaksana.csv")
    }


def normal(nama: str) -> str:
    """Comparison key of a name: lower case, no punctuation, single spaces."""
    return " ".join(utils.default_process(nama).split())


@cache
def _nama_katalog() -> tuple[str, ...]:
    return tuple(katalog_nomenklatur())


@cache
def _kunci_katalog() -> tuple[str, ...]:
    return tuple(normal(n) for n in _nama_katalog())


@cache
def _indeks_nama() -> dict[str, tuple[int, ...]]:
    """Word stem (first 5 letters) → catalogue positions of the names containing it."""
    indeks: dict[str, list[int]] = {}
    for i, kunci in enumerate(_kunci_katalog()):
        for k in set(kunci.split()):
            indeks.setdefault(k[:5], []).append(i)
    return {k: tuple(v) for k, v in indeks.items()}


@cache
def _ikhtisar_normal() -> tuple[str, ...]:
    info = info_katalog()
    return tuple(normal(f"{n} {info[n].ikhtisar}") for n in _nama_katalog())


@cache
def _posisi_katalog() -> dict[str, int]:
    return {n: i for i, n in enumerate(_nama_katalog())}


# Words too common in the ikhtisar to tell names apart.
_KATA_UMUM = frozenset(
    (
        "dan",
        "di",
        "ke",
        "dari",
        "yang",
        "atau",
        "dalam",
        "rangka",
        "serta",
        "terhadap",
        "sesuai",
        "untuk",
        "melakukan",
        "melaksanakan",
        "kegiatan",
        "lingkungan",
        "instansi",
        "pemerintah",
        "bidang",
    )
)


def _kata(teks: str) -> frozenset[str]:
    return frozenset(k for k in teks.split() if len(k) > 2 and k not in _KATA_UMUM)


@cache
def _indeks_ikhtisar() -> dict[str, tuple[int, ...]]:
    indeks: dict[str, list[int]] = {}
    for i, teks in enumerate(_ikhtisar_normal()):
        for k in _kata(teks):
            indeks.setdefault(k, []).append(i)
    return {k: tuple(v) for k, v in indeks.items()}


@cache
def _peta() -> dict[str, list[tuple[str, float]]]:
    """Normalised old name → [(new name, weight)], the alternative at 0.7."""
    hasil: dict[str, list[tuple[str, float]]] = {}
    for p in _pemetaan():
        daftar = hasil.setdefault(normal(p.nama_lama), [])
        daftar.append((p.nama_baru, 1.0))
        if p.nama_baru_alternatif:
            daftar.append((p.nama_baru_alternatif, 0.7))
    return hasil


def _rumpun(kunci: str) -> str | None:
    for pola, nama in _RUMPUN:
        if pola.search(kunci):
            return nama
    return None


@dataclass(frozen=True, slots=True)
class _DasarNama:
    """The part of a suggestion that depends only on the old name (cached per name)."""

    baku: str | None
    calon: dict[str, list[Alasan]]


@cache
def _dasar_nama(kunci: str, teknis_boleh: frozenset[str]) -> _DasarNama:
    baris = cari_nama_pelaksana(kunci)
    if baris is not None:
        return _DasarNama(baris.nama, {})
    calon: dict[str, list[Alasan]] = {}

    def tambah(nama: str, sinyal: str, nilai: float, ket: str) -> None:
        calon.setdefault(nama, []).append(Alasan(sinyal, round(BOBOT[sinyal] * nilai, 1), ket))

    peta = _peta()
    cocok_peta = peta.get(kunci)
    melalui = kunci
    if cocok_peta is None and peta:
        hit = process.extractOne(kunci, list(peta), scorer=fuzz.ratio, score_cutoff=88)
        if hit is not None:
            cocok_peta, melalui = peta[hit[0]], hit[0]
    for nama, w in cocok_peta or ():
        tambah(nama, "peta", w, f"pasangan usulan 41/2018 → 45/2022 untuk “{melalui}” [C]")
    # Only names sharing a word stem (first 5 letters) can score: a cheap prefilter before
    # rapidfuzz (10,000 distinct names in the bench).
    indeks = _indeks_nama()
    dekat = sorted({i for k in kunci.split() for i in indeks.get(k[:5], ())})
    kunci_katalog = _kunci_katalog()
    for _cocok, skor, j in process.extract(
        kunci,
        [kunci_katalog[i] for i in dekat],
        scorer=fuzz.token_set_ratio,
        limit=6,
        score_cutoff=50,
    ):
        nama = _nama_katalog()[dekat[j]]
        tambah(nama, "nama", skor / 100, f"kemiripan nama {skor:.0f}%")
    rumpun = _rumpun(kunci)
    if rumpun:
        tambah(rumpun, "rumpun", 1.0, f"rumpun nama lama “{kunci.split()[0]}” → {rumpun}")
    # Names of an instansi teknis lose points unless almost identical by name.
    info = info_katalog()
    for nama, alasan in calon.items():
        teknis = info[nama].instansi_teknis
        if teknis != UMUM and teknis not in teknis_boleh:
            nilai_nama = max((a.poin for a in alasan if a.sinyal == "nama"), default=0.0)
            if nilai_nama < BOBOT["nama"] * 0.95:
                alasan.append(
                    Alasan("instansi_teknis", -DENDA_INSTANSI_TEKNIS, f"nama milik {teknis}")
                )
    return _DasarNama(None, calon)


def _cocok_jf(nama: str, tugas: str) -> str | None:
    """A JF the post looks like: its name names the JF's field, or at least half of its tasks
    do (one archival task among clerical ones does not make an Arsiparis)."""
    for pola, jf in _TUGAS_JF:
        if pola.search(nama):
            return jf
    butir = [t for t in re.split(r"[;\n]+", tugas) if t.strip()]
    if not butir:
        return None
    hitung: Counter[str] = Counter()
    for t in butir:
        for pola, jf in _TUGAS_JF:
            if pola.search(t):
                hitung[jf] += 1
                break
    if hitung:
        jf, n = hitung.most_common(1)[0]
        if n * 2 >= len(butir):
            return jf
    return None


@cache
def _jf_ada() -> frozenset[str]:
    return frozenset(j.nama_jf for j in katalog_jf())


def sarankan(
    pos: PosInput,
    *,
    preseden: Mapping[str, Counter[str]] | None = None,
    jumlah: int = 3,
    instansi_teknis_boleh: Iterable[str] = INSTANSI_TEKNIS_PEMDA,
) -> HasilSaran:
    """Up to ``jumlah`` ranked catalogue names for one post, each with its reasons.

    ``preseden`` maps a normalised old name to the count of new names the agency already chose
    for it (see :func:`preseden_dari`).
    """
    kunci = normal(pos.nama)
    teknis = frozenset(instansi_teknis_boleh)
    dasar = _dasar_nama(kunci, teknis)
    mirip_jf = _cocok_jf(pos.nama, pos.tugas)
    if mirip_jf is not None and mirip_jf not in _jf_ada():
        mirip_jf = None
    if dasar.baku is not None:
        return HasilSaran(True, (), mirip_jf)
    calon = {n: list(a) for n, a in dasar.calon.items()}
    pilihan = (preseden or {}).get(kunci)
    if pilihan:
        total = sum(pilihan.values())
        for nama, n in pilihan.items():
            if nama in katalog_nomenklatur():
                calon.setdefault(nama, []).append(
                    Alasan(
                        "preseden",
                        round(BOBOT["preseden"] * n / total, 1),
                        f"dipilih untuk {n} dari {total} jabatan bernama sama di instansi",
                    )
                )
    if pos.tugas.strip():
        tugas = normal(pos.tugas)
        # Candidates by shared words (inverted index), then rapidfuzz on those few only.
        kata = _kata(tugas)
        indeks = _indeks_ikhtisar()
        temu: Counter[int] = Counter(i for k in kata for i in indeks.get(k, ()))
        periksa = {i for i, n in temu.most_common(3) if n >= 2}
        posisi = _posisi_katalog()
        periksa.update(posisi[n] for n in calon)
        for i in periksa:
            nama = _nama_katalog()[i]
            skor = fuzz.token_set_ratio(tugas, _ikhtisar_normal()[i])
            if skor >= 55 and (nama in calon or skor >= 70):
                calon.setdefault(nama, []).append(
                    Alasan(
                        "tugas",
                        round(BOBOT["tugas"] * skor / 100, 1),
                        f"tugas mirip ikhtisar {skor:.0f}%",
                    )
                )
    katalog = katalog_nomenklatur()
    hasil: list[SaranNama] = []
    for nama, alasan in calon.items():
        baris = katalog[nama]
        if pos.pendidikan:
            memenuhi = sum(1 for p in pos.pendidikan if _memenuhi(p, baris.pendidikan_minimal_kode))
            alasan.append(
                Alasan(
                    "pendidikan",
                    round(BOBOT["pendidikan"] * memenuhi / len(pos.pendidikan), 1),
                    f"{memenuhi} dari {len(pos.pendidikan)} pemangku memenuhi pendidikan minimal "
                    f"{baris.pendidikan_minimal}",
                )
            )
        skor = max(0.0, min(100.0, sum(a.poin for a in alasan)))
        hasil.append(
            SaranNama(
                nama,
                round(skor, 1),
                tuple(sorted(alasan, key=lambda a: -a.poin)),
                baris.kelas_indikatif,
                baris.pendidikan_minimal,
            )
        )
    hasil.sort(key=lambda s: (-s.skor, s.nama))
    kuat = [s for i, s in enumerate(hasil) if i == 0 or s.skor >= SKOR_MINIMAL]
    return HasilSaran(False, tuple(kuat[:jumlah]), mirip_jf)


def _memenuhi(dimiliki: str, syarat: str) -> bool:
    try:
        return pendidikan_memenuhi(dimiliki, syarat)
    except Exception:  # an unknown code never meets a minimum
        return False


def preseden_dari(keputusan: Iterable[tuple[str, str]]) -> dict[str, Counter[str]]:
    """(old name, chosen new name) pairs of an agency → the ``preseden`` map of :func:`sarankan`."""
    hasil: dict[str, Counter[str]] = {}
    for lama, baru in keputusan:
        hasil.setdefault(normal(lama), Counter())[baru] += 1
    return hasil


def sarankan_banyak(
    daftar: Sequence[PosInput],
    *,
    preseden: Mapping[str, Counter[str]] | None = None,
    jumlah: int = 3,
    instansi_teknis_boleh: Iterable[str] = INSTANSI_TEKNIS_PEMDA,
) -> list[HasilSaran]:
    """:func:`sarankan` for many posts; posts with the same name, tasks and education share one
    computation."""
    teknis = frozenset(instansi_teknis_boleh)
    memo: dict[PosInput, HasilSaran] = {}
    hasil = []
    for pos in daftar:
        h = memo.get(pos)
        if h is None:
            h = memo[pos] = sarankan(
                pos, preseden=preseden, jumlah=jumlah, instansi_teknis_boleh=teknis
            )
        hasil.append(h)
    return hasil


def info(nama: str) -> tuple[NamaPelaksana, InfoKatalog] | None:
    """Catalogue row and its extra columns for a name (exact after normalisation), or None."""
    baris = cari_nama_pelaksana(nama)
    return (baris, info_katalog()[baris.nama]) if baris else None


@dataclass(frozen=True, slots=True)
class DaftarNomenklatur:
    """One Kepmen list of pelaksana names (``data/daftar_nomenklatur.csv``): which decision,
    valid from/to, whether its names are loaded and whether the text was verified."""

    kode: str
    judul: str
    dasar_hukum: str
    ditetapkan: str
    berlaku_mulai: str
    berlaku_sampai: str
    berkas: str
    dimuat: bool
    verified: bool
    keyakinan: str
    sumber: str
    catatan: str


@cache
def daftar_nomenklatur() -> tuple[DaftarNomenklatur, ...]:
    """The known lists, oldest first. Only a loaded list (``dimuat``) feeds the catalogue; a
    newer list is loaded beside the old one once its text is verified (KepmenPAN-RB 282/2025 is
    reported to replace 11/2024 but its annex has not been seen, so it is listed, not loaded)."""
    return tuple(
        DaftarNomenklatur(
            r["kode"],
            r["judul"],
            r["dasar_hukum"],
            r["ditetapkan"],
            r["berlaku_mulai"],
            r["berlaku_sampai"],
            r["berkas"],
            ke_bool(r["dimuat"]),
            ke_bool(r["verified"]),
            r["keyakinan"],
            r["sumber"],
            r["catatan"],
        )
        for r in baca_csv("daftar_nomenklatur.csv")
    )
