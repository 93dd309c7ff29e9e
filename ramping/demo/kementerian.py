"""A ministry-shaped demo agency (issue #11 item 5): the plan of a kementerian before 2021.

Same building blocks as the city (`rencana.Rencana`), with the unit kinds of central agencies
and their eselon (Perpres 7/2015 Pasal 132, kept by Perpres 68/2019; `aturan/data/
jenis_unit.toml`): Sekretariat Jenderal → Biro → Bagian → Subbagian; Direktorat Jenderal →
Sekretariat + Direktorat → Subdirektorat → Seksi; Inspektorat Jenderal → Inspektorat; Badan →
Pusat → Bidang → Subbidang; Balai as UPT. The 2023 version is derived by the same 25/2021
rules as the city's (`sesudah.turunkan_2023`): pengawas units go, their heads become JF.
"""

import random

from ramping.demo.rencana import Rencana, UnitR, _tugas_unit

# Kelas of the heads by eselon (demo values; the agency's own decision sets them).
KELAS_ESELON = {"I.a": 17, "I.b": 16, "II.a": 15, "II.b": 14, "III.a": 12, "IV.a": 9}

SETJEN_BIRO = (
    ("Perencanaan", ("Program", "Anggaran", "Evaluasi dan Pelaporan")),
    ("Hukum", ("Peraturan Perundang-undangan", "Bantuan Hukum", "Informasi Hukum")),
    ("Organisasi dan Sumber Daya Manusia", ("Organisasi", "Mutasi", "Pengembangan Pegawai")),
    ("Keuangan dan Barang Milik Negara", ("Perbendaharaan", "Akuntansi", "Barang Milik Negara")),
    ("Umum", ("Tata Usaha", "Rumah Tangga", "Protokol")),
)
DITJEN = (
    ("Pelayanan Publik", ("Standardisasi Layanan", "Pengembangan Layanan", "Pengaduan")),
    ("Pembinaan Daerah", ("Fasilitasi Wilayah I", "Fasilitasi Wilayah II", "Evaluasi Daerah")),
)
SUBDIT = ("Program", "Kerja Sama", "Pemantauan")
BADAN_PUSAT = ("Pengembangan Kompetensi", "Data dan Informasi", "Kajian Kebijakan")
JF_UNIT = {
    "biro": ("Analis Kebijakan", "Analis Sumber Daya Manusia Aparatur", "Arsiparis"),
    "direktorat": ("Analis Kebijakan", "Perencana", "Statistisi"),
    "pusat": ("Widyaiswara", "Pranata Komputer", "Analis Kebijakan"),
    "inspektorat": ("Auditor",),
    "balai": ("Instruktur", "Pranata Komputer"),
}


def _kepala(r: Rencana, unit: UnitR, nama: str, jenis: str) -> None:
    j = r.kepala(unit, nama, jenis, kosong=0.08)
    j.kelas = KELAS_ESELON[unit.eselon]


def _bawah(r: Rencana, induk: UnitR, jenis: str, label: str, nama: str, i: int) -> UnitR:
    """An eselon III unit with three eselon IV units under it (Bagian/Subdit/Bidang)."""
    sub_jenis, sub_label = {
        "bagian": ("subbagian", "Subbagian"),
        "subdirektorat": ("seksi", "Seksi"),
        "bidang": ("subbidang", "Subbidang"),
    }[jenis]
    u = r.unit(induk, f"{induk.kode}.{i}", f"{label} {nama}", jenis, "III.a",
               tugas=_tugas_unit(f"{label} {nama}"))  # fmt: skip
    _kepala(r, u, f"Kepala {label} {nama}", "administrator")
    for j, sub in enumerate(("Penyiapan Bahan", "Pelaksanaan", "Evaluasi"), 1):
        s = r.unit(u, f"{u.kode}.{j}", f"{sub_label} {sub} {nama}", sub_jenis, "IV.a",
                   tugas=_tugas_unit(f"{sub_label} {sub}"))  # fmt: skip
        _kepala(r, s, f"Kepala {sub_label} {sub} {nama}", "pengawas")
        r.pelaksana(s, r.rng.randint(1, 2), 2)
    return u


def _jf(r: Rencana, unit: UnitR, jenis: str) -> None:
    for nama_jf in JF_UNIT[jenis]:
        r.jf(unit, nama_jf, r.rng.choice(("ahli_pertama", "ahli_muda")), r.rng.randint(1, 3))
    r.jf(unit, JF_UNIT[jenis][0], "ahli_madya", 1)


def _eselon_i(r: Rencana, kode: str, nama: str, jenis: str, jabatan: str) -> UnitR:
    u = r.unit(None, kode, nama, jenis, "I.a", tugas=_tugas_unit(nama),
               jf_penyetaraan="Analis Kebijakan")  # fmt: skip
    _kepala(r, u, jabatan, "jpt_madya")
    return u


def rencana_kementerian(seed: int = 2021) -> Rencana:
    """A ministry of ~1,000 positions: Setjen, two Ditjen, Itjen, a Badan, two Balai."""
    r = Rencana(rng=random.Random(seed))
    setjen = _eselon_i(r, "SETJEN", "Sekretariat Jenderal", "sekretariat_jenderal",
                       "Sekretaris Jenderal")  # fmt: skip
    for i, (biro, bagian) in enumerate(SETJEN_BIRO, 1):
        b = r.unit(setjen, f"SETJEN.B{i}", f"Biro {biro}", "biro", "II.a",
                   tugas=_tugas_unit(f"Biro {biro}"))  # fmt: skip
        _kepala(r, b, f"Kepala Biro {biro}", "jpt_pratama")
        _jf(r, b, "biro")
        for j, nama in enumerate(bagian, 1):
            _bawah(r, b, "bagian", "Bagian", nama, j)
    r.pelaksana_umum(setjen)
    for i, (ditjen, direktorat) in enumerate(DITJEN, 1):
        dj = _eselon_i(r, f"DJ{i}", f"Direktorat Jenderal {ditjen}", "direktorat_jenderal",
                       f"Direktur Jenderal {ditjen}")  # fmt: skip
        sek = r.unit(dj, f"DJ{i}.SEK", f"Sekretariat Direktorat Jenderal {ditjen}",
                     "sekretariat", "II.a", tugas=_tugas_unit("Sekretariat"))  # fmt: skip
        _kepala(r, sek, f"Sekretaris Direktorat Jenderal {ditjen}", "jpt_pratama")
        for j, nama in enumerate(("Program dan Evaluasi", "Umum"), 1):
            _bawah(r, sek, "bagian", "Bagian", f"{nama} Ditjen {i}", j)
        for j, nama in enumerate(direktorat, 1):
            d = r.unit(dj, f"DJ{i}.D{j}", f"Direktorat {nama}", "direktorat", "II.a",
                       tugas=_tugas_unit(f"Direktorat {nama}"))  # fmt: skip
            _kepala(r, d, f"Direktur {nama}", "jpt_pratama")
            _jf(r, d, "direktorat")
            for m, sub in enumerate(SUBDIT, 1):
                _bawah(r, d, "subdirektorat", "Subdirektorat", f"{sub} {nama}", m)
    itjen = _eselon_i(r, "ITJEN", "Inspektorat Jenderal", "inspektorat_jenderal",
                      "Inspektur Jenderal")  # fmt: skip
    for i in range(1, 4):
        ins = r.unit(itjen, f"ITJEN.I{i}", f"Inspektorat {i}", "inspektorat", "II.a",
                     tugas=_tugas_unit(f"Inspektorat {i}"))  # fmt: skip
        _kepala(r, ins, f"Inspektur {i}", "jpt_pratama")
        r.jf(ins, "Auditor", "ahli_pertama", 4)
        r.jf(ins, "Auditor", "ahli_muda", 3)
        r.jf(ins, "Auditor", "ahli_madya", 2)
    badan = _eselon_i(r, "BADAN", "Badan Pengembangan Sumber Daya Manusia", "badan",
                      "Kepala Badan Pengembangan Sumber Daya Manusia")  # fmt: skip
    for i, pusat in enumerate(BADAN_PUSAT, 1):
        p = r.unit(badan, f"BADAN.P{i}", f"Pusat {pusat}", "pusat", "II.a",
                   tugas=_tugas_unit(f"Pusat {pusat}"))  # fmt: skip
        _kepala(r, p, f"Kepala Pusat {pusat}", "jpt_pratama")
        _jf(r, p, "pusat")
        for j, bidang in enumerate(("Program", "Penyelenggaraan"), 1):
            _bawah(r, p, "bidang", "Bidang", f"{bidang} {pusat}", j)
    for i, kota in enumerate(("Medan", "Makassar"), 1):
        # UPT: a service unit (R25-03 upt_pelayanan keeps its Subbagian Umum, [C]).
        b = r.unit(badan, f"BADAN.BL{i}", f"Balai Pelatihan {kota}", "balai", "III.a",
                   upt_pelayanan=True, tugas=_tugas_unit(f"Balai Pelatihan {kota}"))  # fmt: skip
        _kepala(r, b, f"Kepala Balai Pelatihan {kota}", "administrator")
        _jf(r, b, "balai")
        s = r.unit(b, f"{b.kode}.TU", f"Subbagian Umum Balai {kota}", "subbagian", "IV.a")
        _kepala(r, s, f"Kepala Subbagian Umum Balai {kota}", "pengawas")
        r.pelaksana(s, 2, 2)
    return r
