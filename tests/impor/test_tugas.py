from decimal import Decimal

import pytest

from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.impor.jenis.tugas import ImporTugas
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services import jabatan_buat
from tests.aturan.test_tugas import SALAH, pesan_aturan

JUDUL = [
    "Unit Kerja",
    "Jabatan",
    "Uraian Tugas",
    "Hasil Kerja",
    "Satuan",
    "Volume",
    "Norma Waktu",
    "Satuan Waktu",
]
T1 = [
    "Bidang Satu",
    "Penelaah Teknis Kebijakan",
    "Menelaah",
    "Telaahan",
    "Dokumen",
    "240",
    "2",
    "jam",
]
T2 = [
    "DINAS-A.B1",
    "Penelaah Teknis Kebijakan",
    "Melapor",
    "Laporan",
    "Laporan",
    "12",
    "2.400,0",
    "menit",
]


@pytest.fixture
def jabatan(dunia):
    return jabatan_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Penelaah Teknis Kebijakan",
        jenis="pelaksana",
        kelas=7,
    )


def test_impor_tugas_menghitung_k_dan_impor_ulang_tidak_mengubah(dunia, jabatan, buat_xlsx):
    pengimpor = ImporTugas(akses=dunia.operator_a, struktur=dunia.struktur)
    data = buat_xlsx(JUDUL, T1, T2)
    assert impor_terapkan(pengimpor, data).dibuat == [
        "Penelaah Teknis Kebijakan (Bidang Satu): 2 tugas"
    ]
    jabatan.refresh_from_db()
    # 240 × 2 h + 12 × 2,400 min (= 480 h) = 960 h → 0.7680 → K 1 (anjab-abk.md §7)
    assert (jabatan.beban_kerja_jam, jabatan.kebutuhan_desimal, jabatan.kebutuhan) == (
        Decimal("960.00"),
        Decimal("0.7680"),
        1,
    )
    ulang = impor_pratinjau(pengimpor, data)
    assert (ulang.dibuat, ulang.diubah, ulang.tetap) == ([], [], 1)


def test_daftar_tugas_berubah_menggantikan_yang_lama(dunia, jabatan, buat_xlsx):
    pengimpor = ImporTugas(akses=dunia.analis, struktur=dunia.struktur)
    impor_terapkan(pengimpor, buat_xlsx(JUDUL, T1, T2))
    pratinjau = impor_terapkan(pengimpor, buat_xlsx(JUDUL, [*T1[:5], "480", *T1[6:]]))
    assert pratinjau.diubah == ["Penelaah Teknis Kebijakan (Bidang Satu): 1 tugas"]
    assert list(Tugas.objects.filter(jabatan=jabatan).values_list("volume", flat=True)) == [480]
    assert Jabatan.objects.get(pk=jabatan.pk).kebutuhan == 1


@pytest.mark.parametrize(
    ("ubah", "kolom", "pesan"),
    [
        ({5: "-5"}, "Volume", "tidak boleh negatif"),
        ({5: "dua ratus"}, "Volume", "bukan angka"),
        ({6: "0"}, "Norma Waktu", "harus lebih dari nol"),
        ({7: "hari"}, "Satuan Waktu", "tidak dikenal"),
        ({0: "Bidang Lain"}, "Nama Jabatan", "tidak ditemukan"),
        ({2: ""}, "Uraian Tugas", "wajib diisi"),
    ],
)
def test_baris_salah_membatalkan_seluruh_impor(dunia, jabatan, buat_xlsx, ubah, kolom, pesan):
    salah = [ubah.get(i, v) for i, v in enumerate(T2)]
    with pytest.raises(ImporGagal) as err:
        impor_terapkan(
            ImporTugas(akses=dunia.analis, struktur=dunia.struktur), buat_xlsx(JUDUL, T1, salah)
        )
    (galat,) = err.value.pratinjau.galat
    assert (galat.baris, galat.kolom) == (3, kolom) and pesan in galat.pesan
    assert not Tugas.objects.filter(jabatan=jabatan).exists()


@pytest.mark.parametrize(("field", "ketik", "nilai"), SALAH)
def test_impor_memakai_pesan_aturan_tugas(dunia, jabatan, buat_xlsx, field, ketik, nilai):
    # Same bad input, same message as the web form and the API, on the column it names.
    kolom = {"volume": 5, "waktu": 6}[field]
    salah = [ketik if i == kolom else v for i, v in enumerate(T1)]
    pratinjau = impor_pratinjau(
        ImporTugas(akses=dunia.analis, struktur=dunia.struktur), buat_xlsx(JUDUL, salah)
    )
    (galat,) = pratinjau.galat
    assert (galat.baris, galat.kolom) == (2, JUDUL[kolom])
    assert galat.pesan == pesan_aturan(field, nilai)


def test_impor_menolak_karakter_kontrol(dunia, jabatan, buat_xlsx):
    # Excel stores a NUL as the escape _x0000_; the reader turns it back into U+0000.
    salah = [*T1[:2], "Menelaah_x0000_", *T1[3:]]
    with pytest.raises(ImporGagal) as err:
        impor_terapkan(
            ImporTugas(akses=dunia.analis, struktur=dunia.struktur), buat_xlsx(JUDUL, T2, salah)
        )
    (galat,) = err.value.pratinjau.galat
    assert (galat.baris, galat.kolom) == (3, "Uraian Tugas")
    assert galat.pesan == (
        "Teks mengandung karakter kontrol (U+0000) yang tidak dapat dicetak; hapus karakter itu."
    )
    assert not Tugas.objects.filter(jabatan=jabatan).exists()


def test_operator_opd_lain_ditolak_per_baris(dunia, jabatan, buat_xlsx):
    pratinjau = impor_pratinjau(
        ImporTugas(akses=dunia.operator_b, struktur=dunia.struktur), buat_xlsx(JUDUL, T1)
    )
    assert [g.pesan for g in pratinjau.galat] == ["Anda tidak berhak melakukan tindakan ini."]


def test_penerapan_impor_tidak_menanyai_basis_data_per_jabatan(dunia, buat_xlsx):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ramping.jabatan.services import jabatan_buat

    def kueri(n: int) -> int:
        nama = [f"Penelaah {dunia.struktur.pk}-{n}-{i}" for i in range(n)]
        for x in nama:
            jabatan_buat(
                akses=dunia.analis, unit=dunia.bidang_a, nama=x, jenis="pelaksana", kelas=7
            )
        data = buat_xlsx(JUDUL, *[["Bidang Satu", x, *T1[2:]] for x in nama])
        with CaptureQueriesContext(connection) as c:
            impor_terapkan(ImporTugas(akses=dunia.analis, struktur=dunia.struktur), data)
        return len(c.captured_queries)

    assert kueri(1) == kueri(6)
