from datetime import date
from decimal import Decimal

import pytest

from ramping.errors import KonflikPerubahan, TidakBerhak
from ramping.penyederhanaan.models import Penyetaraan, TarifTunjangan
from ramping.penyederhanaan.selectors import register, ringkasan_penghasilan, tenggat_pendidikan
from ramping.penyederhanaan.services import (
    penyetaraan_lanjut,
    penyetaraan_ubah,
    tabel_tunjangan_siapkan,
    tarif_simpan,
    terapkan_rekomendasi,
)
from ramping.penyederhanaan.services.penyetaraan import TahapTidakSah


@pytest.fixture
def entri(dunia, skema):
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    return Penyetaraan.objects.filter(struktur=baru).order_by("nama_jabatan_lama").first()


def test_tahap_maju_satu_per_satu_dengan_tanggal_dan_nomor_sk(dunia, entri):
    for i, tahap in enumerate(["dipetakan", "diusulkan", "disetujui"]):
        entri = penyetaraan_lanjut(
            akses=dunia.analis, penyetaraan=entri, versi=entri.versi, tanggal=date(2021, 10, 1 + i)
        )
        assert entri.status == tahap
    with pytest.raises(TahapTidakSah):
        penyetaraan_lanjut(
            akses=dunia.analis, penyetaraan=entri, versi=entri.versi, tanggal=date(2021, 12, 31)
        )
    entri = penyetaraan_lanjut(
        akses=dunia.analis,
        penyetaraan=entri,
        versi=entri.versi,
        tanggal=date(2021, 12, 31),
        nomor_sk="800/1/2021",
    )
    entri = penyetaraan_lanjut(
        akses=dunia.analis, penyetaraan=entri, versi=entri.versi, tanggal=date(2021, 12, 31)
    )
    assert (entri.status, entri.tanggal_sk, entri.nomor_sk) == (
        "dilantik",
        date(2021, 12, 31),
        "800/1/2021",
    )


def test_tidak_lulus_ukom_harus_ke_jf_lain(dunia, entri):
    entri = penyetaraan_ubah(
        akses=dunia.analis,
        penyetaraan=entri,
        versi=entri.versi,
        status_ukom="tidak_lulus",
        jenjang="ahli_muda",
    )
    entri = penyetaraan_lanjut(
        akses=dunia.analis, penyetaraan=entri, versi=entri.versi, tanggal=date(2021, 10, 1)
    )
    with pytest.raises(TahapTidakSah):
        penyetaraan_lanjut(
            akses=dunia.analis, penyetaraan=entri, versi=entri.versi, tanggal=date(2021, 10, 2)
        )


def test_versi_lama_ditolak_dan_operator_tidak_berhak(dunia, entri):
    with pytest.raises(KonflikPerubahan):
        penyetaraan_ubah(akses=dunia.analis, penyetaraan=entri, versi=entri.versi + 1, catatan="x")
    with pytest.raises(TidakBerhak):
        penyetaraan_ubah(akses=dunia.operator_a, penyetaraan=entri, versi=entri.versi, catatan="x")


# eselon, kelas lama, jenjang, kelas baru → lama, baru, selisih, dijamin (example table)
PENGHASILAN = [
    ("IV.a", 9, "ahli_muda", 10, "4150000", "5200000", "1050000", "0"),
    ("IV.a", 9, "ahli_muda", 9, "4150000", "4500000", "350000", "0"),
    ("III.a", 12, "ahli_madya", 11, "7400000", "6400000", "-1000000", "1000000"),
    ("IV.b", 8, "ahli_pertama", 8, "3500000", "3550000", "50000", "0"),
]


@pytest.mark.parametrize("eselon,kl,jenjang,kb,lama,baru,selisih,dijamin", PENGHASILAN)
def test_perbandingan_penghasilan(
    dunia, entri, eselon, kl, jenjang, kb, lama, baru, selisih, dijamin
):
    Penyetaraan.objects.filter(pk=entri.pk).update(
        eselon_lama=eselon, kelas_lama=kl, jenjang=jenjang, kelas_baru=kb
    )
    tabel_tunjangan_siapkan(instansi=dunia.instansi)
    [b] = [b for b in register(akses=dunia.analis, struktur=entri.struktur) if b.p.pk == entri.pk]
    p = b.cek.penghasilan
    assert (p.lama, p.baru, p.selisih, p.dijamin) == tuple(
        Decimal(x) for x in (lama, baru, selisih, dijamin)
    )


def test_tabel_tunjangan_bisa_diubah_dan_jaminan_dijumlah(dunia, entri):
    tabel = tabel_tunjangan_siapkan(instansi=dunia.instansi)
    assert tabel.contoh and not tabel.verified
    tarif = TarifTunjangan.objects.get(tabel=tabel, jenis="fungsional", kunci="ahli_muda")
    Penyetaraan.objects.filter(struktur=entri.struktur).update(kelas_lama=9, kelas_baru=9)
    tarif_simpan(
        akses=dunia.analis,
        tabel=tabel,
        jumlah={tarif.pk: Decimal(0)},
        dasar_hukum="Perwal 1/2024",
        verified=True,
    )
    tabel.refresh_from_db()
    assert (tabel.contoh, tabel.verified) == (False, True)
    ringkas = ringkasan_penghasilan(register(akses=dunia.analis, struktur=entri.struktur))
    assert ringkas["turun"] == 2 and ringkas["dijamin"] == Decimal(1100000)  # 550k each
    with pytest.raises(TidakBerhak):
        tarif_simpan(akses=dunia.operator_a, tabel=tabel, jumlah={}, dasar_hukum="", verified=False)


def test_tenggat_pendidikan_mendekat(dunia, entri):
    entri.pegawai.pendidikan = "D-III"
    entri.pegawai.save()
    Penyetaraan.objects.filter(pk=entri.pk).update(
        status_ukom="lulus", tanggal_dilantik=date(2021, 12, 31)
    )
    baris = register(akses=dunia.analis, struktur=entri.struktur)
    dekat = tenggat_pendidikan(baris, hari_ini=date(2025, 6, 1))
    assert [(b.p.pk, batas) for b, batas, _ in dekat] == [(entri.pk, date(2025, 12, 31))]
    assert tenggat_pendidikan(baris, hari_ini=date(2023, 1, 1)) == []
