"""The 25/2021 structure check per kind of perangkat daerah, on hand-built structures.

Each case lists every finding as (rule code, object id): nothing more, nothing less.
"""

import pytest

from ramping.aturan import JabatanInput, Pengaturan, UnitInput, periksa_struktur, periksa_tipologi


def u(id, induk, jenis, eselon, nama=None, **attr):
    return UnitInput(id, induk, nama or id, jenis, eselon, **attr)


def kepala(*units):
    """A head post for every structural unit (so UN-01 stays quiet unless a test drops one)."""
    return [
        JabatanInput(f"k-{x.id}", x.id, f"Kepala {x.nama}", "administrator", is_kepala=True)
        for x in units
        if x.eselon
    ]


def kode(temuan):
    return sorted((t.kode, t.objek_id) for t in temuan)


DINAS_SESUDAH = [
    u("D", None, "dinas", "II.b", "Dinas Kesehatan"),
    u("S", "D", "sekretariat", "III.a", "Sekretariat"),
    u("B1", "D", "bidang", "III.b", "Bidang Yankes"),
    u("B2", "D", "bidang", "III.b", "Bidang P2P"),
    u("B3", "D", "bidang", "III.b", "Bidang SDK"),
    u("KJF", "D", "kelompok_jf", None, "Kelompok JF"),
]


KASUS = [
    ("dinas lengkap sesudah penyederhanaan", DINAS_SESUDAH, {}, []),
    (
        "dinas tanpa sekretariat",
        [x for x in DINAS_SESUDAH if x.id != "S"],
        {},
        [("PD-DINAS-01", "D")],
    ),
    (
        "dinas tipe B dengan 4 bidang",
        [*DINAS_SESUDAH, u("B4", "D", "bidang", "III.b")],
        {"D": "B"},
        [("PD-DINAS-02", "D")],
    ),
    (
        "dinas tanpa tipe: batas tipe A (4 bidang) dipakai",
        [*DINAS_SESUDAH, u("B4", "D", "bidang", "III.b")],
        {},
        [],
    ),
    (
        "dinas tipe C dengan sekretariat dan 3 bidang",
        DINAS_SESUDAH,
        {"D": "C"},
        [("PD-DINAS-02", "D"), ("PD-DINAS-02", "D")],
    ),
    (
        "dinas tipe C dengan subbagian tata usaha dan 2 bidang (subbagian tetap: kepala satker)",
        [
            u("D", None, "dinas", "II.b"),
            u("TU", "D", "subbagian", "IV.a", kepala_satker=True),
            u("B1", "D", "bidang", "III.b"),
            u("B2", "D", "bidang", "III.b"),
        ],
        {"D": "C"},
        # one structural sub-unit short of the span target is only flagged at the top: 3 → wajar
        [],
    ),
    (
        "dinas sebelum penyederhanaan: seksi di luar dua level",
        [
            *DINAS_SESUDAH,
            u("SK1", "B1", "seksi", "IV.a", "Seksi Rujukan"),
            u("SB1", "S", "subbagian", "IV.a", "Subbag Umum"),
        ],
        {},
        [("R25-01", "SB1"), ("R25-01", "SK1")],
    ),
    (
        "badan tanpa sekretariat dan bidang terlalu banyak (tipe B)",
        [
            u("BD", None, "badan", "II.b"),
            *(u(f"B{i}", "BD", "bidang", "III.b") for i in range(1, 5)),
        ],
        {"BD": "B"},
        [("PD-BADAN-01", "BD"), ("PD-BADAN-02", "BD")],
    ),
    (
        "inspektorat dengan sekretariat dan 5 irban",
        [
            u("I", None, "inspektorat", "II.b"),
            u("IS", "I", "sekretariat", "III.a"),
            *(u(f"IR{i}", "I", "irban", "III.a") for i in range(1, 6)),
        ],
        {},
        [("PD-INSP-02", "I")],
    ),
    (
        "sekretariat daerah dengan 4 asisten",
        [
            u("SD", None, "setda", "II.a"),
            *(u(f"A{i}", "SD", "asisten", "II.b") for i in range(1, 5)),
            *(u(f"BG{i}", f"A{i}", "bagian", "III.a") for i in range(1, 5)),
        ],
        {},
        [("PD-SETDA-01", "SD")],
    ),
    (
        "sekretariat DPRD tanpa bagian",
        [u("SW", None, "setwan", "II.b"), u("KW", "SW", "kelompok_jf", None)],
        {},
        [("PD-SETWAN-01", "SW")],  # no structural sub-unit: no span to judge
    ),
    (
        "kecamatan tipe B: sekretariat dan 4 seksi (kewilayahan)",
        [
            u("KC", None, "kecamatan", "III.a"),
            u("KS", "KC", "sekretariat", "IV.a", kewilayahan=True),
            *(u(f"SK{i}", "KC", "seksi", "IV.a", kewilayahan=True) for i in range(1, 5)),
        ],
        {"KC": "B"},
        [("PD-KEC-02", "KC")],
    ),
    (
        "kecamatan tanpa sekretariat; seksinya tanpa pengecualian",
        [
            u("KC", None, "kecamatan", "III.a"),
            *(u(f"SK{i}", "KC", "seksi", "IV.a") for i in range(1, 4)),
        ],
        {},
        [("PD-KEC-01", "KC"), ("R25-01", "SK1"), ("R25-01", "SK2"), ("R25-01", "SK3")],
    ),
    (
        "UPTD kelas A tanpa subbagian tata usaha; UPTD kelas B dengan seksi",
        [
            u("D", None, "dinas", "II.b"),
            u("S", "D", "sekretariat", "III.a"),
            u("UA", "D", "uptd", "IV.a", upt_pelayanan=True),
            u("UB", "D", "uptd", "IV.a", upt_pelayanan=True),
            u("UBS", "UB", "seksi", "IV.b", upt_pelayanan=True),
        ],
        {"UA": "A", "UB": "B"},
        [("PD-UPT-01", "UA"), ("PD-UPT-02", "UB")],
    ),
]


@pytest.mark.parametrize(
    ("units", "tipe", "harapan"), [k[1:] for k in KASUS], ids=[k[0] for k in KASUS]
)
def test_temuan_per_jenis_perangkat_daerah(units, tipe, harapan):
    assert kode(periksa_struktur(units, kepala(*units), tipe=tipe)) == sorted(harapan)


def test_temuan_menyebut_aturan_dasar_hukum_dan_status_verifikasi():
    units = [x for x in DINAS_SESUDAH if x.id != "S"]
    (t,) = periksa_tipologi(units)
    assert t.kode == "PD-DINAS-01"
    assert t.pesan == (
        "Dinas Kesehatan (Dinas) tidak memiliki Sekretariat (tipe A/B) atau Subbagian Tata "
        "Usaha/Umum (tipe C). (aturan belum diverifikasi)"
    )
    assert "PP 18/2016" in t.dasar_hukum
    assert (t.objek, t.objek_id, t.terverifikasi) == ("unit", "D", False)


def test_jabatan_ganda_tanpa_kelas_dan_unit_tanpa_kepala():
    units = DINAS_SESUDAH
    ak = "Administrator Kesehatan Ahli Muda"
    jabatan = [
        *kepala(*[x for x in units if x.id != "B3"]),
        JabatanInput("j1", "KJF", ak, "fungsional", "ahli_muda", 9),
        JabatanInput(
            "j2", "KJF", "Administrator  kesehatan ahli muda", "fungsional", "ahli_muda", 9
        ),
        JabatanInput("j3", "KJF", "Analis Kebijakan Ahli Madya", "fungsional", "ahli_madya"),
        JabatanInput("j4", "B1", ak, "fungsional", "ahli_muda", 9),
    ]
    temuan = periksa_struktur(units, jabatan)
    assert kode(temuan) == [("JB-01", "j1"), ("JB-02", "j3"), ("UN-01", "B3")]
    ganda = next(t for t in temuan if t.kode == "JB-01")
    assert ganda.pesan == (
        "Jabatan Administrator Kesehatan Ahli Muda tercatat 2 kali di Kelompok JF."
    )
    # every finding says what to do, after the sentence
    assert ganda.tindakan == "Satukan menjadi satu jabatan dan catat jumlah orangnya pada K."
    assert all(t.tindakan for t in temuan)


def test_unit_tanpa_eselon_dan_rentang_lebar():
    units = [
        u("D", None, "dinas", "II.b"),
        u("S", "D", "sekretariat", "III.a"),
        u("X", "D", "bidang", None, "Bidang tanpa eselon"),
        *(u(f"B{i}", "D", "bidang", "III.b") for i in range(1, 4)),
    ]
    p = Pengaturan(rentang_kendali_minimal=1, rentang_kendali_maksimal=3)
    temuan = periksa_struktur(units, kepala(*units), pengaturan=p)
    assert kode(temuan) == [("RK-01", "D"), ("UN-02", "X")]
    rk = next(t for t in temuan if t.kode == "RK-01")
    assert (rk.tingkat, rk.pesan) == (
        "peringatan",
        "D membawahkan 4 unit struktural, lebih dari target 3.",
    )
    assert temuan[-1].kode == "RK-01"  # warnings after errors


def test_uptd_tanpa_kelas_tidak_dituntut_subbagian():
    units = [
        u("D", None, "dinas", "II.b"),
        u("S", "D", "sekretariat", "III.a"),
        u("UA", "D", "uptd", "IV.a", upt_pelayanan=True),
    ]
    assert kode(periksa_struktur(units, kepala(*units))) == [("RK-01", "D")]  # span 2 < 3
