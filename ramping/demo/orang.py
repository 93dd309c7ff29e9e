"""Fictional people for the demo plan, with NIPs that pass ramping's own NIP checks."""

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ramping.demo import nama as n
from ramping.demo.rencana import JabatanR
from ramping.demo.sesudah import Hasil
from ramping.pegawai.golongan import GOLONGAN_PNS

HARI_INI = date(2026, 11, 30)  # fixed, so the demo does not change from day to day
TMT_2023 = date(2023, 1, 2)
TMT_PENYETARAAN = date(2021, 12, 31)  # 227 officials sworn in as JF (MATAMEDIA, A)

# First golongan by education (PP 99/2000 Pasal 4) and the last one a career reaches.
GOLONGAN_AWAL = {
    "SD": 0,
    "SMP": 2,
    "SLTA": 4,
    "D-I": 5,
    "D-II": 5,
    "D-III": 6,
    "D-IV": 8,
    "S-1": 8,
    "S-2": 9,
    "S-3": 10,
}
GOLONGAN_PUNCAK = {"SD": 7, "SMP": 9, "SLTA": 11, "D-III": 12}
GOLONGAN_MINIMUM = {"jpt_pratama": 13, "administrator": 11, "pengawas": 9}
PPPK_GOLONGAN = {
    "SD": "I",
    "SMP": "I",
    "SLTA": "V",
    "D-III": "VII",
    "S-1": "IX",
    "D-IV": "IX",
    "S-2": "X",
}
# Birth years that keep everyone under BUP today (58, 60 for JPT and Ahli Madya/Guru).
LAHIR = {"jpt_pratama": (1967, 1979), "administrator": (1969, 1985), "pengawas": (1969, 1990)}


@dataclass
class OrangR:
    nip: str
    nama: str
    gelar_depan: str
    gelar_belakang: str
    jenis_kelamin: str
    tanggal_lahir: date
    status_asn: str
    tmt_pengangkatan: date
    golongan: str
    pendidikan: str
    jabatan_2021: int | None
    jabatan_2023: int | None
    tmt_jabatan: date


class Pembuat:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.urut: Counter[str] = Counter()

    def nip(self, lahir: date, tmt: date, kelamin: str, pppk: bool) -> str:
        tengah = f"{tmt.year}21" if pppk else f"{tmt:%Y%m}"
        awal = f"{lahir:%Y%m%d}{tengah}{1 if kelamin == 'L' else 2}"
        self.urut[awal] += 1
        return f"{awal}{self.urut[awal]:03d}"

    def gelar(self, pendidikan: str, nama_jf: str) -> tuple[str, str]:
        if nama_jf in n.GELAR_KHUSUS and pendidikan in {"S-1", "S-2", "D-IV"}:
            return n.GELAR_KHUSUS[nama_jf]
        if pendidikan in {"S-1", "D-IV"}:
            return "", self.rng.choice(n.GELAR_S1)
        if pendidikan in {"S-2", "S-3"}:
            return "", f"{self.rng.choice(n.GELAR_S1)}, {self.rng.choice(n.GELAR_S2)}"
        if pendidikan == "D-III":
            return "", n.GELAR_D3
        return "", ""

    def orang(self, j: JabatanR, *, pppk: bool) -> OrangR:
        rng = self.rng
        kelamin = rng.choice("LP") if j.jenis != "jpt_pratama" else rng.choice("LLLP")
        depan = rng.choice(n.NAMA_DEPAN_L if kelamin == "L" else n.NAMA_DEPAN_P)
        nama = f"{depan} {rng.choice(n.NAMA_BELAKANG)}"
        pendidikan = rng.choice(j.pendidikan)
        awal, akhir = LAHIR.get(j.jenis, (1970 if pppk else 1969, 1999))
        lahir = date(rng.randint(awal, akhir), rng.randint(1, 12), rng.randint(1, 28))
        if pppk:
            tmt = date(rng.choice((2022, 2023, 2024)), rng.choice((1, 3, 4)), 1)
            golongan = PPPK_GOLONGAN.get(pendidikan, "V")
        else:
            umur_masuk = rng.randint(21, 30)
            tahun = min(lahir.year + umur_masuk, 2020)
            tmt = date(max(tahun, lahir.year + 19), rng.randint(1, 12), 1)
            langkah = (HARI_INI.year - tmt.year) // 4
            idx = GOLONGAN_AWAL[pendidikan] + langkah
            idx = min(idx, GOLONGAN_PUNCAK.get(pendidikan, 16))
            idx = max(idx, GOLONGAN_MINIMUM.get(j.jenis, 0))
            golongan = GOLONGAN_PNS[idx]
        gelar_depan, gelar_belakang = self.gelar(pendidikan, j.nama_jf)
        jabatan_mulai = date(max(tmt.year + 2, rng.randint(2014, 2021)), rng.randint(1, 12), 1)
        return OrangR(
            nip=self.nip(lahir, tmt, kelamin, pppk),
            nama=nama,
            gelar_depan=gelar_depan,
            gelar_belakang=gelar_belakang,
            jenis_kelamin=kelamin,
            tanggal_lahir=lahir,
            status_asn="PPPK" if pppk else "PNS",
            tmt_pengangkatan=tmt,
            golongan=golongan,
            pendidikan=pendidikan,
            jabatan_2021=None,
            jabatan_2023=None,
            tmt_jabatan=tmt if pppk else min(jabatan_mulai, date(2021, 12, 1)),
        )


def buat_orang(hasil: Hasil, sebelum: list[JabatanR], seed: int = 2021) -> list[OrangR]:
    """Everyone of the 2021 placements, who moves to the 2023 positions, plus later PPPK."""
    pembuat = Pembuat(seed)
    orang: list[OrangR] = []
    for idx, j in enumerate(sebelum):
        for _ in range(j.pemangku - j.pppk):
            o = pembuat.orang(j, pppk=False)
            o.jabatan_2021 = idx
            o.jabatan_2023 = hasil.pindah.get(idx)
            orang.append(o)
    for idx, j in enumerate(hasil.rencana.jabatan):
        for _ in range(j.pppk):
            o = pembuat.orang(j, pppk=True)
            o.jabatan_2023 = idx
            orang.append(o)
    return orang
