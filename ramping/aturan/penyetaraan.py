"""Penyetaraan jabatan administrasi ke dalam jabatan fungsional (PermenPAN-RB 17/2021).

Mapping (R17-01, data/penyetaraan.toml): Administrator → Ahli Madya, Pengawas → Ahli Muda, pelaksana
holding an eselon V post → Ahli Pertama. Person checks: education (R17-05), relevance (R17-06),
the uji kompetensi path (R17-07/R17-08), the 4-year education deadline (R17-09); pangkat never
blocks (R17-02). Income comparison lives in :mod:`ramping.aturan.penghasilan`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from .data import Sumber, baca_toml, sumber_dari
from .errors import (
    DiLuarLingkupPenyetaraan,
    EselonTidakSesuaiJenis,
    JenisJabatanTidakDikenal,
    StatusUkomTidakDikenal,
)
from .jabatan import JENIS_JABATAN
from .pendidikan import pendidikan_memenuhi, urutan_pendidikan
from .pensiun import tambah_tahun

STATUS_UKOM: Final = (None, "belum", "lulus", "tidak_lulus", "tidak_ikut")


@dataclass(frozen=True, slots=True)
class PemetaanPenyetaraan:
    jenis_jabatan: str
    eselon: tuple[str, ...]
    jenjang: str
    sumber: Sumber


def tabel_penyetaraan() -> tuple[PemetaanPenyetaraan, ...]:
    """The mapping rows of data/penyetaraan.toml."""
    data = baca_toml("penyetaraan.toml")
    return tuple(
        PemetaanPenyetaraan(
            r["jenis_jabatan"], tuple(r["eselon"]), r["jenjang"], sumber_dari(r, data["meta"])
        )
        for r in data["pemetaan"]
    )


def jenjang_penyetaraan(jenis_jabatan: str, eselon: str | None = None) -> str:
    """Target JF jenjang code of an administrative post (R17-01).

    ``administrator`` → ``ahli_madya``; ``pengawas`` → ``ahli_muda``; ``pelaksana`` only with
    eselon ``V.a``/``V`` → ``ahli_pertama``. JPT, JF and ordinary pelaksana are out of scope.
    """
    if jenis_jabatan not in JENIS_JABATAN:
        raise JenisJabatanTidakDikenal(jenis_jabatan)
    for baris in tabel_penyetaraan():
        if baris.jenis_jabatan != jenis_jabatan:
            continue
        if jenis_jabatan == "pelaksana" and eselon is None:
            break  # an ordinary pelaksana stays pelaksana (renamed under 45/2022)
        if eselon is not None and eselon not in baris.eselon:
            raise EselonTidakSesuaiJenis(jenis_jabatan, eselon)
        return baris.jenjang
    raise DiLuarLingkupPenyetaraan(jenis_jabatan, eselon)


@dataclass(frozen=True, slots=True)
class Pemeriksaan:
    """One check of the person rules: ``lulus`` is None when it cannot be decided yet."""

    kode: str
    nama: str
    lulus: bool | None
    pesan: str


@dataclass(frozen=True, slots=True)
class HasilPemeriksaanPenyetaraan:
    pemeriksaan: tuple[Pemeriksaan, ...]
    jalur_ukom: str  # tidak_perlu | perlu | lulus | jf_lain
    # memenuhi | perlu_ukom | jf_lain | tidak_memenuhi | belum_dapat_diperiksa
    status: str
    batas_pemenuhan_pendidikan: date | None

    @property
    def dapat_disetarakan(self) -> bool:
        return self.status == "memenuhi"


def _tenggat_tahun() -> int:
    return int(baca_toml("penyetaraan.toml")["tenggat_pendidikan"]["tahun"])


def periksa_penyetaraan(
    *,
    pendidikan: str,
    pendidikan_syarat_jf: str | None,
    relevan: bool,
    status_ukom: str | None = None,
    tmt_jf: date | None = None,
    pangkat: str | None = None,
) -> HasilPemeriksaanPenyetaraan:
    """Person checks of 17/2021 for one official and one target JF.

    ``pendidikan_syarat_jf`` is the JF's required education code (None = unknown, the check stays
    open). ``relevan`` is the analyst's judgement of R17-06. ``status_ukom`` is the competence-test
    state (``belum``, ``lulus``, ``tidak_lulus``, ``tidak_ikut``). ``tmt_jf`` is the appointment
    date in the JF; the education deadline is 4 years after it (R17-09). ``pangkat`` is recorded
    but never blocks (R17-02).
    """
    if status_ukom not in STATUS_UKOM:
        raise StatusUkomTidakDikenal(str(status_ukom))
    urutan_pendidikan(pendidikan)  # validates the code
    if pendidikan_syarat_jf is None:
        cukup: bool | None = None
        pesan = "Syarat pendidikan JF belum diketahui; periksa peraturan JF."
    else:
        cukup = pendidikan_memenuhi(pendidikan, pendidikan_syarat_jf)
        pesan = (
            f"Pendidikan {pendidikan} memenuhi syarat {pendidikan_syarat_jf}."
            if cukup
            else f"Pendidikan {pendidikan} di bawah syarat {pendidikan_syarat_jf}."
        )
    cek = [Pemeriksaan("R17-05", "Kualifikasi pendidikan", cukup, pesan)]
    cek.append(
        Pemeriksaan(
            "R17-06",
            "Relevansi tugas/pengalaman",
            relevan,
            "Tugas, fungsi atau pengalaman relevan dengan JF."
            if relevan
            else "Tugas, fungsi atau pengalaman tidak relevan dengan JF; pilih JF lain yang "
            "sesuai dengan tugasnya, atau catat bukti relevansinya.",
        )
    )
    if cukup is not False:
        jalur = "tidak_perlu"
    elif status_ukom == "lulus":
        jalur = "lulus"
    elif status_ukom in ("tidak_lulus", "tidak_ikut"):
        jalur = "jf_lain"
    else:
        jalur = "perlu"
    cek.append(
        Pemeriksaan(
            "R17-07",
            "Uji kompetensi",
            {"tidak_perlu": True, "lulus": True, "perlu": None, "jf_lain": False}[jalur],
            {
                "tidak_perlu": "Uji kompetensi tidak diperlukan.",
                "lulus": "Lulus uji kompetensi; dapat disetarakan.",
                "perlu": "Pendidikan kurang: daftarkan pejabat ini ke uji kompetensi, lalu "
                "catat hasilnya di sini.",
                "jf_lain": "Tidak lulus atau tidak mengikuti uji kompetensi: pilih JF lain yang "
                "sesuai.",
            }[jalur],
        )
    )
    cek.append(
        Pemeriksaan(
            "R17-02",
            "Pangkat/golongan",
            True,
            f"Pangkat {pangkat or '-'} tidak menghalangi penyetaraan.",
        )
    )
    batas = None
    if tmt_jf is not None and cukup is False:
        # R17-09: the required education must be obtained within 4 years of the JF appointment.
        batas = tambah_tahun(tmt_jf, _tenggat_tahun())
    if not relevan:
        status = "tidak_memenuhi"
    elif cukup is None:
        status = "belum_dapat_diperiksa"
    elif jalur == "jf_lain":
        status = "jf_lain"
    elif jalur == "perlu":
        status = "perlu_ukom"
    else:
        status = "memenuhi"
    return HasilPemeriksaanPenyetaraan(tuple(cek), jalur, status, batas)
