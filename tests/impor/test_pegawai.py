from datetime import date

import pytest

from ramping.audit.models import JejakAudit
from ramping.errors import TidakBerhak
from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.impor.jenis.pegawai import ImporPegawai
from ramping.jabatan.services import jabatan_buat
from ramping.pegawai.models import Pegawai, Penempatan

JUDUL = ["NIP", "Nama", "Tgl Lahir", "Gol/Ruang", "Pendidikan Terakhir", "Jabatan", "Unit Kerja"]
BUDI = [
    "198609262015051001",
    "Budi Santoso",
    "26-09-1986",
    "III/b",
    "S1",
    "Penelaah Teknis Kebijakan",
    "Bidang Satu",
]
SITI = ["19900101 201505 2 001", "Siti Aminah", "1 Januari 1990", "Penata (III/c)", "S2", "", ""]


@pytest.fixture
def pengimpor(dunia):
    jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Penelaah Teknis Kebijakan",
        jenis="pelaksana",
        kelas=7,
    )
    return ImporPegawai(akses=dunia.analis, struktur=dunia.struktur)


def test_impor_membuat_pegawai_dan_penempatan_lalu_impor_ulang_tidak_mengubah(
    pengimpor, buat_xlsx, dunia
):
    data = buat_xlsx(JUDUL, BUDI, SITI, judul_atas="Data pegawai per 31 Desember 2025")
    pratinjau = impor_pratinjau(pengimpor, data)
    assert pratinjau.galat == []
    assert len(pratinjau.dibuat) == 2 and len(pratinjau.diubah) == 1  # Budi's placement
    impor_terapkan(pengimpor, data)
    budi = Pegawai.objects.get(instansi=dunia.instansi, nip=BUDI[0])
    assert (budi.jenis_kelamin, budi.tmt_pengangkatan, budi.pendidikan) == (
        "L",
        date(2015, 5, 1),
        "S-1",
    )
    assert Penempatan.objects.get(pegawai=budi).jabatan.nama == "Penelaah Teknis Kebijakan"
    assert Pegawai.objects.get(nip="199001012015052001").golongan == "III/c"
    assert JejakAudit.objects.filter(instansi=dunia.instansi, aksi="impor_pegawai").count() == 3
    ulang = impor_pratinjau(pengimpor, data)
    assert (ulang.dibuat, ulang.diubah, ulang.tetap) == ([], [], 2)


def test_perubahan_golongan_terdeteksi(pengimpor, buat_xlsx):
    impor_terapkan(pengimpor, buat_xlsx(JUDUL, BUDI))
    naik = [*BUDI[:3], "III/c", *BUDI[4:]]
    pratinjau = impor_terapkan(pengimpor, buat_xlsx(JUDUL, naik))
    assert pratinjau.diubah == ["Pegawai Budi Santoso (198609262015051001): golongan"]
    assert Pegawai.objects.get(nip=BUDI[0]).golongan == "III/c"


@pytest.mark.parametrize(
    ("baris", "kolom", "pesan"),
    [
        (
            ["198602302015051001", "Ani", "28-02-1986", "III/a", "S1", "", ""],
            "NIP",
            "Tanggal lahir",
        ),
        ([BUDI[0], "Budi", "27-09-1986", "III/b", "S1", "", ""], "Tanggal Lahir", "tidak sama"),
        ([BUDI[0], "Budi", "26-09-1986", "tiga", "S1", "", ""], "Gol/Ruang", "tidak dikenal"),
        (
            [BUDI[0], "Budi", "26-09-1986", "III/b", "kursus", "", ""],
            "Pendidikan Terakhir",
            "tidak dikenal",
        ),
        ([*BUDI[:6], "Bidang Entah"], "Unit Kerja", "tidak ada"),
        ([*BUDI[:5], "Kepala Semesta", "Bidang Satu"], "Jabatan", "tidak ada"),
    ],
)
def test_baris_salah_menyebut_baris_kolom_dan_tidak_ada_yang_ditulis(
    pengimpor, buat_xlsx, baris, kolom, pesan
):
    data = buat_xlsx(JUDUL, SITI, baris)
    with pytest.raises(ImporGagal) as err:
        impor_terapkan(pengimpor, data)
    (galat,) = err.value.pratinjau.galat
    assert (galat.lembar, galat.baris, galat.kolom) == ("Sheet", 3, kolom)
    assert pesan in galat.pesan
    assert not Pegawai.objects.filter(nip=SITI[0].replace(" ", "")).exists()  # Siti was fine


def test_nip_ganda_dalam_berkas(pengimpor, buat_xlsx):
    pratinjau = impor_pratinjau(pengimpor, buat_xlsx(JUDUL, BUDI, BUDI))
    assert [str(g) for g in pratinjau.galat] == [
        "Lembar 'Sheet', baris 3, kolom NIP: NIP sama dengan baris 2."
    ]


def test_operator_tidak_mengimpor_pegawai(dunia):
    with pytest.raises(TidakBerhak):
        ImporPegawai(akses=dunia.operator_a, struktur=dunia.struktur)


def test_templat_pegawai_menulis_tanggal_sebagai_sel_tanggal_dan_dapat_diimpor(pengimpor, dunia):
    """The template's example dates are real date cells in the one format of every sheet
    (dd/mm/yyyy, issue #17 item 3), and the example row imports back with those dates."""
    import io

    import openpyxl

    from ramping.impor.templat import templat_xlsx

    buku = openpyxl.load_workbook(io.BytesIO(templat_xlsx(ImporPegawai)))
    ws = buku["Data"]
    judul = [c.value for c in ws[1]]
    contoh = {j: c for j, c in zip(judul, ws[2], strict=True)}
    tanggal_ = {j: c for j, c in contoh.items() if c.is_date}
    assert len(tanggal_) == 2
    assert {c.number_format for c in tanggal_.values()} == {"dd/mm/yyyy"}
    assert sorted(c.value.date() for c in tanggal_.values()) == [
        date(1986, 9, 26),
        date(2015, 5, 1),
    ]
    assert contoh[judul[0]].number_format == "@"  # the NIP stays text
    ws.cell(2, judul.index("Unit Kerja") + 1, "Bidang Satu")
    keluaran = io.BytesIO()
    buku.save(keluaran)
    pr = impor_pratinjau(pengimpor, keluaran.getvalue())
    assert pr.galat == [] and len(pr.dibuat) == 1
    impor_terapkan(pengimpor, keluaran.getvalue())
    budi = Pegawai.objects.get(instansi=dunia.instansi, nip="198609262015051001")
    assert (budi.tanggal_lahir, budi.tmt_pengangkatan) == (date(1986, 9, 26), date(2015, 5, 1))
