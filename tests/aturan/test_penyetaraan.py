"""Penyetaraan jabatan (PermenPAN-RB 17/2021): mapping, person checks, income comparison."""

from datetime import date
from decimal import Decimal as D

import pytest

from ramping.aturan import (
    Pengaturan,
    TabelTunjangan,
    bandingkan_penghasilan,
    jenjang_penyetaraan,
    kode_jenjang,
    label_jenjang,
    periksa_penyetaraan,
    tabel_tunjangan_contoh,
)
from ramping.aturan.errors import (
    DiLuarLingkupPenyetaraan,
    EselonTidakSesuaiJenis,
    JenisJabatanTidakDikenal,
    JenjangTidakDikenal,
    PendidikanTidakDikenal,
    StatusUkomTidakDikenal,
    TunjanganTidakDitemukan,
)


@pytest.mark.parametrize(
    ("jenis", "eselon", "jenjang"),
    [
        ("administrator", None, "ahli_madya"),
        ("administrator", "III.a", "ahli_madya"),
        ("administrator", "III.b", "ahli_madya"),
        ("pengawas", None, "ahli_muda"),
        ("pengawas", "IV.a", "ahli_muda"),
        ("pengawas", "IV.b", "ahli_muda"),
        ("pelaksana", "V.a", "ahli_pertama"),
        ("pelaksana", "V", "ahli_pertama"),
    ],
)
def test_pemetaan_jabatan_administrasi_ke_jenjang_jf(jenis, eselon, jenjang):
    assert jenjang_penyetaraan(jenis, eselon) == jenjang


@pytest.mark.parametrize(
    ("jenis", "eselon"),
    [("pelaksana", None), ("jpt_pratama", "II.b"), ("jpt_madya", None), ("fungsional", None)],
)
def test_jabatan_di_luar_lingkup_penyetaraan_ditolak(jenis, eselon):
    with pytest.raises(DiLuarLingkupPenyetaraan):
        jenjang_penyetaraan(jenis, eselon)


@pytest.mark.parametrize(
    ("jenis", "eselon"), [("administrator", "IV.a"), ("pengawas", "III.b"), ("pelaksana", "IV.b")]
)
def test_eselon_yang_tidak_sesuai_jenis_ditolak(jenis, eselon):
    with pytest.raises(EselonTidakSesuaiJenis):
        jenjang_penyetaraan(jenis, eselon)


def test_jenis_jabatan_tidak_dikenal_ditolak():
    with pytest.raises(JenisJabatanTidakDikenal):
        jenjang_penyetaraan("kepala_seksi")


@pytest.mark.parametrize(
    ("kode", "label"),
    [("ahli_madya", "Ahli Madya"), ("ahli_pertama", "Ahli Pertama"), ("penyelia", "Penyelia")],
)
def test_kode_jenjang_dan_labelnya_bolak_balik(kode, label):
    assert label_jenjang(kode) == label
    assert kode_jenjang(label) == kode


@pytest.mark.parametrize(
    ("lama", "kode"), [("Pelaksana", "terampil"), ("Pelaksana Lanjutan", "mahir")]
)
def test_nama_jenjang_keterampilan_lama_dikenali(lama, kode):
    assert kode_jenjang(lama) == kode


def test_jenjang_tidak_dikenal_ditolak():
    with pytest.raises(JenjangTidakDikenal):
        label_jenjang("ahli_super")


TMT = date(2021, 12, 31)


@pytest.mark.parametrize(
    ("pendidikan", "syarat", "relevan", "ukom", "jalur", "status", "batas"),
    [
        ("S-1", "S-1", True, None, "tidak_perlu", "memenuhi", None),
        ("D-IV", "S-1", True, None, "tidak_perlu", "memenuhi", None),  # D-IV = S-1
        ("S-2", "S-1", True, None, "tidak_perlu", "memenuhi", None),
        ("D-III", "S-1", True, None, "perlu", "perlu_ukom", date(2025, 12, 31)),
        ("D-III", "S-1", True, "belum", "perlu", "perlu_ukom", date(2025, 12, 31)),
        ("D-III", "S-1", True, "lulus", "lulus", "memenuhi", date(2025, 12, 31)),
        ("D-III", "S-1", True, "tidak_lulus", "jf_lain", "jf_lain", date(2025, 12, 31)),
        ("SLTA", "S-1", True, "tidak_ikut", "jf_lain", "jf_lain", date(2025, 12, 31)),
        ("S-1", "S-2", True, "lulus", "lulus", "memenuhi", date(2025, 12, 31)),
        ("S-1", "S-1", False, None, "tidak_perlu", "tidak_memenuhi", None),
        ("S-1", None, True, None, "tidak_perlu", "belum_dapat_diperiksa", None),
    ],
)
def test_pemeriksaan_orang_pada_penyetaraan(
    pendidikan, syarat, relevan, ukom, jalur, status, batas
):
    hasil = periksa_penyetaraan(
        pendidikan=pendidikan,
        pendidikan_syarat_jf=syarat,
        relevan=relevan,
        status_ukom=ukom,
        tmt_jf=TMT,
        pangkat="III/a",
    )
    assert (hasil.jalur_ukom, hasil.status, hasil.batas_pemenuhan_pendidikan) == (
        jalur,
        status,
        batas,
    )
    assert [c.kode for c in hasil.pemeriksaan] == ["R17-05", "R17-06", "R17-07", "R17-02"]


@pytest.mark.parametrize("pangkat", ["II/a", "IV/e", None])
def test_pangkat_tidak_pernah_menghalangi_penyetaraan(pangkat):
    hasil = periksa_penyetaraan(
        pendidikan="S-1", pendidikan_syarat_jf="S-1", relevan=True, pangkat=pangkat
    )
    assert hasil.dapat_disetarakan
    assert next(c for c in hasil.pemeriksaan if c.kode == "R17-02").lulus is True


def test_tenggat_pendidikan_empat_tahun_dari_29_februari():
    hasil = periksa_penyetaraan(
        pendidikan="D-III", pendidikan_syarat_jf="S-1", relevan=True, tmt_jf=date(2024, 2, 29)
    )
    assert hasil.batas_pemenuhan_pendidikan == date(2028, 2, 29)


def test_status_ukom_dan_pendidikan_tidak_dikenal_ditolak():
    with pytest.raises(StatusUkomTidakDikenal):
        periksa_penyetaraan(
            pendidikan="S-1", pendidikan_syarat_jf="S-1", relevan=True, status_ukom="gagal"
        )
    with pytest.raises(PendidikanTidakDikenal):
        periksa_penyetaraan(pendidikan="Sarjana", pendidikan_syarat_jf="S-1", relevan=True)


def test_tabel_tunjangan_contoh_ditandai_sebagai_contoh_belum_terverifikasi():
    tabel = tabel_tunjangan_contoh()
    assert tabel.sumber.verified is False
    assert "contoh" in tabel.sumber.dasar_hukum


def test_penghasilan_turun_dijamin_selisihnya():
    # Example table: III.a 1 200 000 + TPP kelas 11 5 200 000 = Ahli Madya 1 200 000 + TPP 11.
    hasil = bandingkan_penghasilan(
        eselon_lama="III.a",
        kelas_lama=11,
        jf="Analis Kebijakan",
        jenjang_baru="ahli_madya",
        kelas_baru=11,
        tabel=tabel_tunjangan_contoh(),
    )
    assert hasil.lama == D(6_400_000)
    assert hasil.baru == D(6_400_000)
    assert hasil.dijamin == 0

    turun = bandingkan_penghasilan(
        eselon_lama="III.a",
        kelas_lama=12,
        jf="Analis Kebijakan",
        jenjang_baru="ahli_madya",
        kelas_baru=11,
        tabel=tabel_tunjangan_contoh(),
    )
    assert turun.selisih == D(-1_000_000)
    assert turun.dijamin == D(1_000_000)
    assert turun.diterima == turun.lama


def test_jaminan_penghasilan_dapat_dimatikan():
    hasil = bandingkan_penghasilan(
        eselon_lama="III.a",
        kelas_lama=12,
        jf="Analis Kebijakan",
        jenjang_baru="ahli_madya",
        kelas_baru=11,
        tabel=tabel_tunjangan_contoh(),
        pengaturan=Pengaturan(penghasilan_dijamin=False),
    )
    assert hasil.dijamin == 0
    assert hasil.diterima == hasil.baru


def test_tunjangan_khusus_jf_mengalahkan_tunjangan_per_jenjang():
    tabel = TabelTunjangan(
        {"IV.a": D(500)},
        {("Auditor", "ahli_muda"): D(900), "ahli_muda": D(100)},
        {9: D(1000)},
    )
    kwargs = {"eselon_lama": "IV.a", "kelas_lama": 9, "jenjang_baru": "ahli_muda", "kelas_baru": 9}
    assert bandingkan_penghasilan(jf="Auditor", tabel=tabel, **kwargs).baru == D(1900)
    assert bandingkan_penghasilan(jf="Arsiparis", tabel=tabel, **kwargs).baru == D(1100)


def test_tunjangan_yang_tidak_ada_di_tabel_ditolak():
    with pytest.raises(TunjanganTidakDitemukan):
        bandingkan_penghasilan(
            eselon_lama="I.a",
            kelas_lama=17,
            jf="X",
            jenjang_baru="ahli_utama",
            kelas_baru=14,
            tabel=tabel_tunjangan_contoh(),
        )
