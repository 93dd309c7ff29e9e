"""The 25/2021 structure check per kind of perangkat daerah: findings, each with its rule code,
a plain Indonesian sentence, its legal basis and the object to fix.

Rules (docs/aturan.md "Pemeriksaan struktur per jenis perangkat daerah"):

- ``PD-*`` required sub-units and the maximum number of sub-units of each kind of perangkat
  daerah and of its tipe A/B/C (PP 18/2016 as amended by PP 72/2019, PP 17/2018 Kecamatan,
  Permendagri 12/2017 UPTD). Reference table ``data/tipologi_perangkat_daerah.toml``, every row
  unverified (keyakinan B/C): a finding from it says so.
- ``R25-01`` a structural unit beyond the two structural levels (Pejabat Level 1 and 2) without an
  exception criterion (PermenPAN-RB 25/2021; exceptions R25-02/R25-03 are the setting
  ``atribut_pengecualian``), decided by eselon exactly as :func:`keputusan_penyederhanaan`.
- ``RK-01`` span of control outside the targets (settings ``rentang_kendali_minimal/maksimal``:
  practice, no regulation).
- ``JB-01`` the same post (name and jenjang) twice in one unit (ANJAB per PermenPAN-RB 1/2020
  lists a post once per unit; its holders are its B).
- ``JB-02`` a jabatan fungsional without kelas (PermenPAN-RB 41/2018 kelas jabatan per JF/jenjang;
  the kelas comes from the catalogue or the agency's own decision).
- ``UN-01`` a structural unit without a head post; ``UN-02`` a unit other than a kelompok JF
  without the eselon of its head.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .data import Sumber, baca_toml
from .pengaturan import Pengaturan, atau_bawaan
from .struktur import UnitInput, _indeks, keputusan_penyederhanaan, rentang_kendali

NAMA_JENIS = {
    "setda": "Sekretariat Daerah",
    "setwan": "Sekretariat DPRD",
    "inspektorat": "Inspektorat",
    "badan": "Badan",
    "dinas": "Dinas",
    "rsud": "Rumah Sakit Umum Daerah",
    "kecamatan": "Kecamatan",
    "kelurahan": "Kelurahan",
    "asisten": "Asisten",
    "sekretariat": "Sekretariat",
    "bagian": "Bagian",
    "bidang": "Bidang",
    "irban": "Inspektur Pembantu",
    "subbagian": "Subbagian",
    "subbidang": "Subbidang",
    "seksi": "Seksi",
    "uptd": "UPT Daerah",
    "kelompok_jf": "Kelompok Jabatan Fungsional",
}
DASAR_25 = "PermenPAN-RB 25/2021 (R25-01, R25-04; pengecualian R25-02/R25-03)"
DASAR_RENTANG = "Pengaturan instansi: target rentang kendali (praktik, bukan regulasi)"
DASAR_GANDA = "PermenPAN-RB 1/2020 (ANJAB: satu jabatan dicatat sekali per unit)"
DASAR_KELAS = "PermenPAN-RB 41/2018 dan keputusan kelas jabatan instansi"
DASAR_KEPALA = "PP 18/2016 (setiap unit organisasi dipimpin seorang kepala)"
URUTAN_TINGKAT = {"galat": 0, "peringatan": 1}


@dataclass(frozen=True, slots=True)
class JabatanInput:
    id: str
    unit_id: str
    nama: str
    jenis: str  # jpt_pratama, administrator, pengawas, pelaksana, fungsional, ...
    jenjang: str = ""
    kelas: int | None = None
    is_kepala: bool = False


@dataclass(frozen=True, slots=True)
class AturanTipologi:
    kode: str
    jenis: str
    tipe: str  # "" = every tipe
    wajib: tuple[str, ...]
    nama_wajib: str
    maks: tuple[tuple[str, int], ...]
    sumber: Sumber


@dataclass(frozen=True, slots=True)
class Temuan:
    """One finding: what is wrong, under which rule, and where to fix it."""

    kode: str
    pesan: str
    dasar_hukum: str
    objek: str  # "unit" | "jabatan"
    objek_id: str
    tingkat: str = "galat"  # galat | peringatan
    terverifikasi: bool = True  # False when the rule comes from an unverified reference row
    tindakan: str = ""  # what to do about it, one sentence (pages show it after the message)


@cache
def aturan_tipologi() -> tuple[AturanTipologi, ...]:
    data = baca_toml("tipologi_perangkat_daerah.toml")
    meta = data["meta"]
    return tuple(
        AturanTipologi(
            kode=r["kode"],
            jenis=r["jenis"],
            tipe=r.get("tipe", ""),
            wajib=tuple(r.get("wajib", ())),
            nama_wajib=r.get("nama_wajib", ""),
            maks=tuple(sorted(r.get("maks", {}).items())),
            sumber=Sumber(
                r["dasar_hukum"],
                meta["sumber"],
                r.get("keyakinan", meta["keyakinan"]),
                bool(r.get("verified", meta["verified"])),
            ),
        )
        for r in data["aturan"]
    )


def _aturan_untuk(jenis: str, tipe: str) -> list[AturanTipologi]:
    """Rules of a kind; a unit without tipe gets the tipe-A limits (the widest)."""
    pakai = tipe or "A"
    return [a for a in aturan_tipologi() if a.jenis == jenis and a.tipe in ("", pakai)]


def _label(u: UnitInput) -> str:
    return u.nama


def periksa_tipologi(
    units: Sequence[UnitInput], tipe: dict[str, str] | None = None
) -> list[Temuan]:
    """Required sub-units and maximum sub-units per kind of perangkat daerah (``PD-*``)."""
    tipe = tipe or {}
    indeks = _indeks(units)
    anak: dict[str, list[UnitInput]] = defaultdict(list)
    for u in indeks.values():
        if u.induk_id is not None:
            anak[u.induk_id].append(u)
    hasil = []
    for u in indeks.values():
        t = tipe.get(u.id, "")
        for a in _aturan_untuk(u.jenis, t):
            jenis_anak = Counter(c.jenis for c in anak[u.id] if c.struktural)
            catatan = "" if a.sumber.verified else " (aturan belum diverifikasi)"
            nama_tipe = f"tipe {t}" if t else "tipe belum diisi, dipakai batas tipe A"
            # A required sub-unit of one tipe only counts once the tipe is recorded.
            wajib = a.wajib if (t or not a.tipe) else ()
            if wajib and not any(jenis_anak[w] for w in wajib):
                hasil.append(
                    Temuan(
                        a.kode,
                        f"{_label(u)} ({NAMA_JENIS.get(u.jenis, u.jenis)}) tidak memiliki "
                        f"{a.nama_wajib}.{catatan}",
                        a.sumber.dasar_hukum,
                        "unit",
                        u.id,
                        terverifikasi=a.sumber.verified,
                        tindakan=f"Tambahkan {a.nama_wajib} pada unit ini di halaman skenario, "
                        "atau periksa jenis dan tipe unitnya.",
                    )
                )
            for jenis, batas in a.maks:
                if jenis_anak[jenis] > batas:
                    nama = NAMA_JENIS.get(jenis, jenis)
                    hasil.append(
                        Temuan(
                            a.kode,
                            f"{_label(u)} memiliki {jenis_anak[jenis]} {nama}, paling banyak "
                            f"{batas} ({nama_tipe}).{catatan}",
                            a.sumber.dasar_hukum,
                            "unit",
                            u.id,
                            terverifikasi=a.sumber.verified,
                            tindakan=f"Gabungkan atau hapus {nama} yang berlebih di halaman "
                            "skenario, atau isi tipe perangkat daerah bila belum diisi.",
                        )
                    )
    return hasil


def periksa_struktur(
    units: Sequence[UnitInput],
    jabatan: Sequence[JabatanInput] = (),
    *,
    tipe: dict[str, str] | None = None,
    pengaturan: Pengaturan | None = None,
) -> list[Temuan]:
    """Every finding of a version's structure, errors first, then by rule code and object."""
    p = atau_bawaan(pengaturan)
    indeks = _indeks(units)
    hasil = periksa_tipologi(units, tipe)
    for k in keputusan_penyederhanaan(units, pengaturan=p):
        if k.dihapus:
            hasil.append(
                Temuan(
                    "R25-01",
                    f"{k.nama} (eselon {k.eselon}) berada di luar dua level struktural tanpa "
                    "kriteria pengecualian: dialihkan ke kelompok jabatan fungsional.",
                    DASAR_25,
                    "unit",
                    k.unit_id,
                    tindakan="Terapkan rekomendasi penyederhanaan, atau catat kriteria "
                    "pengecualian unit ini (mis. kewilayahan) di halaman unitnya.",
                )
            )
    for uid, r in rentang_kendali(units, pengaturan=p).items():
        u = indeks[uid]
        if r.status == "lebar":
            pesan = (
                f"{u.nama} membawahkan {r.bawahan_struktural} unit struktural, lebih dari "
                f"target {p.rentang_kendali_maksimal}."
            )
        elif r.status == "sempit" and u.induk_id is None:
            pesan = (
                f"{u.nama} hanya membawahkan {r.bawahan_struktural} unit struktural, kurang "
                f"dari target {p.rentang_kendali_minimal}."
            )
        else:
            continue
        tindakan = (
            "Tinjau pembagian unit di bawahnya di halaman skenario, atau catat alasan "
            "rentang kendali ini dipertahankan."
        )
        hasil.append(
            Temuan("RK-01", pesan, DASAR_RENTANG, "unit", uid, "peringatan", tindakan=tindakan)
        )
    kepala = {j.unit_id for j in jabatan if j.is_kepala}
    for u in indeks.values():
        if u.struktural and u.id not in kepala:
            hasil.append(
                Temuan(
                    "UN-01",
                    f"{u.nama} tidak memiliki jabatan kepala unit.",
                    DASAR_KEPALA,
                    "unit",
                    u.id,
                    tindakan="Tambahkan jabatan kepala di halaman unit itu.",
                )
            )
        elif not u.struktural and u.jenis != "kelompok_jf":
            hasil.append(
                Temuan(
                    "UN-02",
                    f"{u.nama} belum diisi eselon kepalanya.",
                    DASAR_KEPALA,
                    "unit",
                    u.id,
                    tindakan="Isi eselon kepala unit di halaman ubah unit.",
                )
            )
    kelompok: dict[tuple[str, str, str], list[JabatanInput]] = defaultdict(list)
    for j in jabatan:
        if not j.is_kepala:
            kelompok[(j.unit_id, " ".join(j.nama.casefold().split()), j.jenjang)].append(j)
        if j.jenis == "fungsional" and j.kelas is None:
            hasil.append(
                Temuan(
                    "JB-02",
                    f"Jabatan fungsional {j.nama} belum memiliki kelas jabatan.",
                    DASAR_KELAS,
                    "jabatan",
                    j.id,
                    tindakan="Isi kelasnya dari katalog JF, atau tetapkan kelas instansi di "
                    "halaman Kelas jabatan instansi.",
                )
            )
    for (unit_id, _nama, _jenjang), baris in kelompok.items():
        if len(baris) > 1 and unit_id in indeks:
            hasil.append(
                Temuan(
                    "JB-01",
                    f"Jabatan {baris[0].nama} tercatat {len(baris)} kali di "
                    f"{indeks[unit_id].nama}.",
                    DASAR_GANDA,
                    "jabatan",
                    baris[0].id,
                    tindakan="Satukan menjadi satu jabatan dan catat jumlah orangnya pada K.",
                )
            )
    return sorted(hasil, key=lambda t: (URUTAN_TINGKAT[t.tingkat], t.kode))
