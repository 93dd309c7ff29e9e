import pytest

from ramping.errors import StrukturTidakBisaDiubah
from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.impor.jenis.anjab import ImporAnjab
from ramping.impor.jenis.jabatan import ImporJabatan
from ramping.jabatan.models import Anjab, Jabatan
from ramping.jabatan.services import jabatan_buat
from ramping.organisasi.models import UnitKerja

JUDUL = [
    "Unit Kerja",
    "Unit Induk",
    "Jenis Unit",
    "Eselon",
    "Nama Jabatan",
    "Jenis Jabatan",
    "Nama JF",
    "Jenjang",
    "Kelas",
    "Kepala Unit",
]
BARIS = [
    ["Bidang Satu", "", "", "", "Kepala Bidang Satu", "Administrator", "", "", "11", "ya"],
    [
        "Bidang Satu",
        "",
        "",
        "",
        "Epidemiolog Kesehatan Ahli Muda",
        "JF",
        "Epidemiolog Kesehatan",
        "Ahli Muda",
        "10",
        "",
    ],
    [
        "Seksi Baru",
        "Bidang Satu",
        "Seksi",
        "IV.a",
        "Kepala Seksi Baru",
        "Pengawas",
        "",
        "",
        "9",
        "ya",
    ],
    ["Seksi Baru", "", "", "", "Pengolah Data dan Informasi", "Pelaksana", "", "", "6", "tidak"],
]


def test_impor_membuat_unit_dan_jabatan_lalu_ulang_tidak_mengubah(dunia, buat_xlsx):
    pengimpor = ImporJabatan(akses=dunia.operator_a, struktur=dunia.struktur)
    data = buat_xlsx(JUDUL, *BARIS)
    hasil = impor_terapkan(pengimpor, data)
    assert hasil.galat == [] and len(hasil.dibuat) == 5  # 1 unit + 4 positions
    seksi = UnitKerja.objects.get(struktur=dunia.struktur, nama="Seksi Baru")
    assert (seksi.induk, seksi.eselon, seksi.kedalaman) == (dunia.bidang_a, "IV.a", 2)
    jf = Jabatan.objects.get(unit=dunia.bidang_a, nama__startswith="Epidemiolog")
    assert (jf.jenis, jf.nama_jf, jf.jenjang, jf.kelas) == (
        "fungsional",
        "Epidemiolog Kesehatan",
        "ahli_muda",
        10,
    )
    ulang = impor_pratinjau(pengimpor, data)
    assert (ulang.dibuat, ulang.diubah, ulang.tetap) == ([], [], 4)
    naik = [[*b[:8], "12" if i == 0 else b[8], b[9]] for i, b in enumerate(BARIS)]
    assert impor_terapkan(pengimpor, buat_xlsx(JUDUL, *naik)).diubah == [
        "Jabatan Kepala Bidang Satu (Bidang Satu): kelas"
    ]


@pytest.mark.parametrize(
    ("baris", "kolom", "pesan"),
    [
        (
            ["Bidang Satu", "", "", "", "JF tanpa jenjang", "JF", "Perencana", "", "9", ""],
            "Jenis Jabatan",
            "jenjang",
        ),
        (["Bidang Satu", "", "", "", "X", "Pelaksana", "", "", "18", ""], "Kelas", "1–17"),
        (
            ["Bidang Satu", "", "", "", "X", "Direktur", "", "", "", ""],
            "Jenis Jabatan",
            "tidak dikenal",
        ),
        (
            ["Seksi Yatim", "Bidang Entah", "Seksi", "IV.a", "X", "Pelaksana", "", "", "", ""],
            "Unit Induk",
            "belum ada",
        ),
        (["Dinas B", "", "", "", "X", "Pelaksana", "", "", "", ""], "Unit Kerja", "di luar OPD"),
        # A unit kind's head has its own eselon (Perpres 7/2015 Pasal 132 for ministries).
        (
            [
                "Subdit Baru",
                "Bidang Satu",
                "Subdirektorat",
                "IV.a",
                "X",
                "Pengawas",
                "",
                "",
                "",
                "",
            ],
            "Eselon",
            "Kepala Subdirektorat bereselon III.a, bukan IV.a",
        ),
        # A catalogue JF abbreviated: asked, never replaced silently.
        (
            ["Bidang Satu", "", "", "", "Y", "JF", "Analis SDM Aparatur", "Ahli Muda", "", ""],
            "Nama JF",
            "maksud Anda “Analis Sumber Daya Manusia Aparatur”?",
        ),
    ],
)
def test_baris_salah_tidak_menulis_apa_pun(dunia, buat_xlsx, baris, kolom, pesan):
    with pytest.raises(ImporGagal) as err:
        impor_terapkan(
            ImporJabatan(akses=dunia.operator_a, struktur=dunia.struktur),
            buat_xlsx(JUDUL, BARIS[0], baris),
        )
    (galat,) = err.value.pratinjau.galat
    assert (galat.baris, galat.kolom) == (3, kolom) and pesan in galat.pesan
    assert not Jabatan.objects.filter(struktur=dunia.struktur).exists()


def test_kepala_kedua_dalam_satu_unit_ditolak(dunia, buat_xlsx):
    kedua = [*BARIS[0][:4], "Kepala Lain", *BARIS[0][5:]]
    pratinjau = impor_pratinjau(
        ImporJabatan(akses=dunia.analis, struktur=dunia.struktur), buat_xlsx(JUDUL, BARIS[0], kedua)
    )
    assert [g.pesan for g in pratinjau.galat] == ["unit Bidang Satu sudah memiliki kepala"]


def test_versi_berlaku_tidak_menerima_impor_bentuk(dunia):
    dunia.struktur.status, dunia.struktur.berlaku_mulai = "berlaku", "2024-01-01"
    dunia.struktur.save()
    with pytest.raises(StrukturTidakBisaDiubah):
        ImporJabatan(akses=dunia.analis, struktur=dunia.struktur)


def test_impor_anjab_mengubah_kolom_yang_ada_saja(dunia, buat_xlsx):
    jabatan = jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Penelaah Teknis Kebijakan",
        jenis="pelaksana",
        kelas=7,
    )
    judul = ["Unit Kerja", "Nama Jabatan", "Ikhtisar", "Tanggung Jawab"]
    baris = [
        "Bidang Satu",
        "Penelaah Teknis Kebijakan",
        "Menelaah kebijakan.",
        "Kebenaran data; Ketepatan waktu\nKerahasiaan",
    ]
    pengimpor = ImporAnjab(akses=dunia.operator_a, struktur=dunia.struktur)
    assert impor_terapkan(pengimpor, buat_xlsx(judul, baris)).dibuat == [
        "ANJAB Penelaah Teknis Kebijakan (Bidang Satu)"
    ]
    anjab = Anjab.objects.get(jabatan=jabatan)
    assert anjab.tanggung_jawab == ["Kebenaran data", "Ketepatan waktu", "Kerahasiaan"]
    assert anjab.wewenang == []  # a column not in the file is left alone
    assert impor_pratinjau(pengimpor, buat_xlsx(judul, baris)).tetap == 1
    lain = ImporAnjab(akses=dunia.operator_b, struktur=dunia.struktur)
    assert [g.pesan for g in impor_pratinjau(lain, buat_xlsx(judul, baris)).galat] == [
        "Anda tidak berhak melakukan tindakan ini."
    ]
