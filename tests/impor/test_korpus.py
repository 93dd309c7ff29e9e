"""The corpus of realistic and hostile files (`tests/impor/berkas/buat.py`), each with its
expected outcome: applied with these tasks, refused with this message, or flagged."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ramping.audit.models import JejakAudit
from ramping.errors import RampingError
from ramping.impor.berkas import BerkasDitolak
from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.impor.jenis.tugas import ImporTugas
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services import jabatan_buat
from tests.impor.berkas import buat as korpus


@pytest.fixture
def posisi(dunia, jabatan):
    kedua = jabatan_buat(
        akses=dunia.analis, unit=dunia.bidang_a, nama=korpus.J2, jenis="pelaksana", kelas=5
    )
    return {korpus.J1: jabatan, korpus.J2: kedua}


def _tugas(jabatan) -> list[tuple]:
    return list(
        Tugas.objects.filter(jabatan=jabatan)
        .order_by("urutan")
        .values_list("uraian", "volume", "waktu", "satuan_waktu")
    )


def _impor(dunia, **pilihan):
    p = ImporTugas(akses=dunia.analis, struktur=dunia.struktur)
    for k, v in pilihan.items():
        setattr(p, k, v)
    return p


# (file, tasks stored per position after applying). Volume, time, unit exactly as meant.
DITERAPKAN = [
    (
        "desimal_inggris.xlsx",
        {
            korpus.J1: [
                ("Menelaah bahan kebijakan", Decimal(240), Decimal("0.25"), "jam"),
                ("Menyusun laporan telaahan", Decimal(12), Decimal(18), "jam"),
            ]
        },
    ),
    (
        "desimal_indonesia.xlsx",
        {
            korpus.J1: [
                ("Mengagendakan surat", Decimal(1080), Decimal("0.1"), "jam"),
                ("Mengarsipkan surat", Decimal(5000), Decimal("0.05"), "jam"),
            ]
        },
    ),
    (
        "formulir_abk.xlsx",
        {
            korpus.J1: [
                ("Menelaah bahan kebijakan", Decimal(240), Decimal(20), "menit"),
                ("Menyusun telaahan", Decimal(12), Decimal(150), "menit"),
            ],
            korpus.J2: [("Mengagendakan surat masuk", Decimal(1500), Decimal(5), "menit")],
        },
    ),
    (
        "subtotal_datar.xlsx",
        {
            korpus.J1: [("Menelaah bahan kebijakan", Decimal(240), Decimal(2), "jam")],
            korpus.J2: [("Mengagendakan surat", Decimal(1200), Decimal(5), "menit")],
        },
    ),
    (
        "periode.xlsx",
        {
            korpus.J1: [
                # 4 per hari × 235 hari kerja (bawaan; Kepmenpan 75/2004), 1 per bulan × 12
                ("Mengagendakan surat", Decimal(940), Decimal(5), "menit"),
                ("Menyusun laporan", Decimal(12), Decimal(4), "jam"),
            ]
        },
    ),
]


@pytest.mark.parametrize(("nama", "harapan"), DITERAPKAN, ids=[d[0] for d in DITERAPKAN])
def test_berkas_diterapkan_persis(dunia, posisi, nama, harapan):
    hasil = impor_terapkan(_impor(dunia), korpus.KORPUS[nama]())
    assert hasil.galat == [] and hasil.peringatan == []
    for jabatan, tugas in harapan.items():
        assert _tugas(posisi[jabatan]) == tugas


def test_satu_koma_seribu_kali_tidak_terjadi(dunia, posisi):
    # The case: "0.250" / "18.000" gave K ≈ 9,989. Here K = (60 + 216) ÷ 1250.
    impor_terapkan(_impor(dunia), korpus.desimal_inggris())
    j = Jabatan.objects.get(pk=posisi[korpus.J1].pk)
    assert (j.kebutuhan_desimal, j.kebutuhan) == (Decimal("0.2208"), 1)


def test_formulir_abk_melewati_baris_jumlah_dan_lembar_lain(dunia, posisi):
    pr = impor_pratinjau(_impor(dunia), korpus.formulir_abk())
    assert pr.lembar == f"{korpus.J1}, {korpus.J2}" and pr.lembar_lain == ["Rekap"]
    assert [t for _, _, t in pr.dilewati] == [
        "JUMLAH", "PEMBULATAN", "Kepala Dinas A", "NIP 197001012000031001",
    ] * 2  # fmt: skip
    assert pr.lokal == {
        "Beban Kerja 1 Tahun": "asli",  # native numbers only: nothing to decide
        "Waktu Penyelesaian (menit)": "asli",
        "Pegawai yang Dibutuhkan": "asli",
    }
    en = impor_pratinjau(_impor(dunia), korpus.desimal_inggris()).lokal
    assert en == {"Jumlah Hasil": "asli", "Waktu Penyelesaian": "en"}


def test_subtotal_dilewati_dan_disebut(dunia, posisi):
    pr = impor_pratinjau(_impor(dunia), korpus.subtotal_datar())
    assert [(b, t) for _, b, t in pr.dilewati] == [(3, "JUMLAH"), (5, "Jumlah"), (6, "TOTAL")]


def test_volume_per_periode_ditampilkan_konversinya(dunia, posisi):
    pr = impor_pratinjau(_impor(dunia), korpus.periode())
    (r,) = pr.rincian
    assert r.konversi == [
        "baris 2: 4 per hari × 235 = 940 per tahun",
        "baris 3: 1 per bulan × 12 = 12 per tahun",
    ]


def test_hari_kerja_pengaturan_instansi_dipakai(dunia, posisi):
    from ramping.organisasi.models import PengaturanInstansi

    PengaturanInstansi.objects.create(
        instansi_id=dunia.struktur.instansi_id,
        wke_jam=1250,
        mode_pembulatan="half_up",
        minimal_satu=True,
        hari_kerja_tahun=287,  # six working days a week (Keppres 68/1995)
    )
    impor_terapkan(_impor(dunia), korpus.periode())
    assert _tugas(posisi[korpus.J1])[0][1] == Decimal(4 * 287)


# (file, [(column, words in the message)]) — the whole file refused, nothing written.
MAKNA_ID = "5.000 (format Indonesia)"
GALAT_BARIS = [
    (
        "ambigu.xlsx",
        [("Waktu Penyelesaian", ["sel G2", "'5.000'", "5 (format Inggris)", MAKNA_ID])],
    ),
    ("nan_inf.xlsx", [("Jumlah Hasil", ["terhingga"]), ("Waktu Penyelesaian", ["terhingga"])]),
    (
        "angka_raksasa.xlsx",
        [
            ("Jumlah Hasil", ["sel F2", "terlalu besar"]),
            ("Jumlah Hasil", ["sel F3", "bukan angka"]),
            ("Jumlah Hasil", ["paling besar 9.999.999.999,99"]),
        ],
    ),
    ("teks_panjang.xlsx", [("Satuan Hasil", ["78 karakter", "paling banyak 60", "dipotong"])]),
]  # fmt: skip


@pytest.mark.parametrize(("nama", "harapan"), GALAT_BARIS, ids=[g[0] for g in GALAT_BARIS])
def test_berkas_dengan_baris_salah_tidak_menulis_apa_pun(dunia, posisi, nama, harapan):
    with pytest.raises(ImporGagal) as err:
        impor_terapkan(_impor(dunia), korpus.KORPUS[nama]())
    galat = err.value.pratinjau.galat
    assert len(galat) == len(harapan)
    for g, (kolom, kata) in zip(galat, harapan, strict=True):
        assert g.kolom == kolom
        for k in kata:
            assert k in g.pesan, (k, g.pesan)
    assert not Tugas.objects.filter(instansi=dunia.instansi).exists()


BERKAS_DITOLAK = [
    ("xml_rusak.xlsx", "rusak (isi XML tidak sah)"),
    ("lama.xls", "Excel 97–2003 (.xls)"),
    ("terenkripsi.xlsx", "dilindungi kata sandi"),
    ("ekspor.csv", "teks/CSV"),
]


@pytest.mark.parametrize(("nama", "pesan"), BERKAS_DITOLAK, ids=[b[0] for b in BERKAS_DITOLAK])
def test_berkas_ditolak_dengan_cara_menyimpan_ulang(dunia, posisi, nama, pesan):
    with pytest.raises(BerkasDitolak) as err:
        impor_pratinjau(_impor(dunia), korpus.KORPUS[nama]())
    assert pesan in err.value.pesan
    if nama != "xml_rusak.xlsx":
        assert "Simpan Sebagai" in err.value.pesan and ".xlsx" in err.value.pesan


@pytest.mark.parametrize(("pilihan", "jumlah"), [("gabung", 2), ("simpan", 3)])
def test_tugas_ganda_ditandai_dan_pengguna_memilih(dunia, posisi, pilihan, jumlah):
    data = korpus.duplikat()
    (d,) = impor_pratinjau(_impor(dunia), data).duplikat
    assert (d.baris, d.uraian) == ((2, 3), "Menelaah bahan kebijakan")
    with pytest.raises(RampingError, match="tugas ganda"):
        impor_terapkan(_impor(dunia), data)
    assert not Tugas.objects.filter(instansi=dunia.instansi).exists()
    impor_terapkan(_impor(dunia, duplikat=pilihan), data)
    assert Tugas.objects.filter(jabatan=posisi[korpus.J1]).count() == jumlah


def test_peringatan_kewajaran_harus_disetujui_dan_dicatat(dunia, posisi):
    data = korpus.kewajaran()
    pr = impor_pratinjau(_impor(dunia), data)
    assert [(p.baris, p.kolom) for p in pr.peringatan] == [
        (2, "Waktu Penyelesaian"),  # 1 300 h per unit > WKE 1 250 h
        (3, "Jumlah Hasil"),  # 60 000 × 1,5 h = 90 000 h in one task
        (2, "Nama Jabatan"),  # K 73,04 > 50
    ]
    assert "73,04" in pr.peringatan[2].pesan and "batas wajar 50" in pr.peringatan[2].pesan
    with pytest.raises(RampingError, match="3 peringatan"):
        impor_terapkan(_impor(dunia), data)
    assert not Tugas.objects.filter(instansi=dunia.instansi).exists()
    impor_terapkan(_impor(dunia, setuju_peringatan=True), data)
    entri = JejakAudit.objects.filter(instansi=dunia.instansi, aksi="impor_tugas").get()
    assert entri.perubahan["jumlah_peringatan"] == 3
    assert len(entri.perubahan["peringatan_disetujui"]) == 3


def test_median_jabatan_sama_di_unit_lain(dunia, posisi):
    # The same position elsewhere does the same task 240 times; 240 000 here is flagged.
    lain = jabatan_buat(
        akses=dunia.analis, unit=dunia.dinas_b, nama=korpus.J1, jenis="pelaksana", kelas=7
    )
    Tugas.objects.create(
        instansi_id=lain.instansi_id, jabatan=lain, uraian="Menelaah", hasil_kerja="D",
        satuan_hasil="D", volume=240, waktu=Decimal("0.1"),
    )  # fmt: skip
    data = korpus._datar(korpus._tugas("Menelaah", 240000, "0.01", "menit"))
    pr = impor_pratinjau(_impor(dunia), data)
    assert pr.galat == []
    assert any("1000× median" in p.pesan and p.kolom == "Jumlah Hasil" for p in pr.peringatan)


def test_pratinjau_menyebut_tambah_ubah_hapus_dan_k(dunia, posisi):
    impor_terapkan(_impor(dunia), korpus.desimal_inggris())
    data = korpus._datar(
        korpus._tugas("Menelaah bahan kebijakan", 480, "0.25"),  # changed
        korpus._tugas("Merekap data", 10, 1),  # added; "Menyusun laporan telaahan" removed
    )
    (r,) = impor_pratinjau(_impor(dunia), data).rincian
    assert (r.ditambah, r.diubah, r.dihapus, r.tetap) == (1, 1, 1, 0)
    assert (r.k_lama, r.k_baru) == (Decimal("0.2208"), Decimal("0.1040"))


def test_token_pratinjau_pengguna_lain_ditolak(client, dunia, posisi):
    client.force_login(dunia.analis.pengguna)
    berkas = SimpleUploadedFile("t.xlsx", korpus.desimal_inggris())
    token = client.post("/i/kota-uji/impor/tugas/", {"berkas": berkas}).context["token"]
    client.force_login(dunia.operator_a.pengguna)
    r = client.post("/i/kota-uji/impor/tugas/terapkan/", {"token": token}, follow=True)
    assert "milik pengguna lain" in r.content.decode()
    assert not Tugas.objects.filter(instansi=dunia.instansi).exists()
    client.force_login(dunia.analis.pengguna)
    client.post("/i/kota-uji/impor/tugas/terapkan/", {"token": token})
    assert Tugas.objects.filter(instansi=dunia.instansi).count() == 2


def test_pratinjau_web_menampilkan_peringatan_dan_pilihan(client, dunia, posisi):
    client.force_login(dunia.analis.pengguna)
    berkas = SimpleUploadedFile("t.xlsx", korpus.kewajaran())
    r = client.post("/i/kota-uji/impor/tugas/", {"berkas": berkas})
    html = r.content.decode()
    assert 'name="setuju_peringatan"' in html and "peringatan kewajaran" in html
    r = client.post("/i/kota-uji/impor/tugas/terapkan/", {"token": r.context["token"]}, follow=True)
    assert (
        "centang bahwa peringatan" in r.content.decode()
        and not Tugas.objects.filter(instansi=dunia.instansi).exists()
    )
