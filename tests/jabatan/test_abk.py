from decimal import Decimal

import pytest

from ramping.audit.models import JejakAudit
from ramping.errors import (
    KonflikPerubahan,
    RampingError,
    StrukturTidakBisaDiubah,
    TidakBerhak,
    TidakDitemukan,
)
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services import abk_hitung_ulang, tugas_buat, tugas_hapus, tugas_ubah
from ramping.organisasi.models import PengaturanInstansi

D = Decimal


def _tugas(akses, jabatan, volume, waktu, satuan="jam"):
    return tugas_buat(
        akses=akses,
        jabatan=jabatan,
        uraian="Menyusun bahan",
        hasil_kerja="Bahan",
        satuan_hasil="Dokumen",
        volume=D(volume),
        waktu=D(waktu),
        satuan_waktu=satuan,
    )


@pytest.mark.parametrize(
    ("tugas", "beban", "desimal", "k"),
    [
        # anjab-abk.md §7: 240 × 2 h + 12 × 40 h = 960 h → 0.7680 → 1
        ([("240", "2"), ("12", "40")], "960.00", "0.7680", 1),
        ([("1250", "1")], "1250.00", "1.0000", 1),
        ([("1000", "2.5")], "2500.00", "2.0000", 2),
        ([("1500", "1.25")], "1875.00", "1.5000", 2),  # half up
        ([("1400", "1")], "1400.00", "1.1200", 1),
        ([("60", "30", "menit")], "30.00", "0.0240", 1),  # minutes; at least 1 when > 0
        ([("600", "1"), ("120", "90", "menit")], "780.00", "0.6240", 1),  # mixed units
    ],
)
def test_kebutuhan_dihitung_dari_tugas_dan_dibulatkan_sekali(
    dunia, pelaksana_a, tugas, beban, desimal, k
):
    for t in tugas:
        _tugas(dunia.operator_a, pelaksana_a, *t)
    pelaksana_a.refresh_from_db()
    assert (pelaksana_a.beban_kerja_jam, pelaksana_a.kebutuhan_desimal) == (D(beban), D(desimal))
    assert pelaksana_a.kebutuhan == k


def test_pengaturan_instansi_mengubah_wke_dan_pembulatan(dunia, pelaksana_a):
    _tugas(dunia.analis, pelaksana_a, "1300", "1")  # 1,300 h
    pelaksana_a.refresh_from_db()
    assert pelaksana_a.kebutuhan == 1  # 1.04 half up
    PengaturanInstansi.objects.create(
        instansi=dunia.instansi, wke_jam=1200, mode_pembulatan="ceil", minimal_satu=True
    )
    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    pelaksana_a.refresh_from_db()
    assert (pelaksana_a.kebutuhan_desimal, pelaksana_a.kebutuhan) == (D("1.0833"), 2)


def test_hitung_ulang_seluruh_versi_dengan_jumlah_query_tetap(
    dunia, pelaksana_a, kabid_a, django_assert_max_num_queries
):
    _tugas(dunia.analis, pelaksana_a, "100", "5")
    _tugas(dunia.analis, kabid_a, "50", "5")
    # + 1: the agency's change counter, raised with the audit entry (ramping.web.potongan).
    with django_assert_max_num_queries(9):
        assert abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur) == 2
    assert list(
        Jabatan.objects.filter(struktur=dunia.struktur)
        .order_by("id")
        .values_list("kebutuhan", flat=True)
    ) == [1, 1]


def test_tugas_terakhir_dihapus_mengosongkan_k(dunia, pelaksana_a):
    t = _tugas(dunia.analis, pelaksana_a, "100", "5")
    tugas_hapus(akses=dunia.analis, tugas=t, versi=t.versi)
    pelaksana_a.refresh_from_db()
    assert pelaksana_a.kebutuhan is None


def test_perubahan_bersamaan_terdeteksi_dan_tidak_menimpa(dunia, pelaksana_a):
    t = _tugas(dunia.analis, pelaksana_a, "100", "5")
    dibuka_analis = Tugas.objects.get(pk=t.pk)
    dibuka_operator = Tugas.objects.get(pk=t.pk)
    tugas_ubah(
        akses=dunia.operator_a, tugas=dibuka_operator, versi=dibuka_operator.versi, volume=D("200")
    )
    with pytest.raises(KonflikPerubahan):
        tugas_ubah(
            akses=dunia.analis, tugas=dibuka_analis, versi=dibuka_analis.versi, volume=D("300")
        )
    assert Tugas.objects.get(pk=t.pk).volume == D("200")
    assert JejakAudit.objects.filter(
        aksi="tugas_ubah", instansi=dunia.instansi
    ).get().perubahan == {"volume": ["100.00", "200"]}


@pytest.mark.parametrize(
    ("volume", "waktu", "field"), [("-1", "2", "volume"), ("10", "0", "waktu")]
)
def test_angka_tidak_masuk_akal_ditolak_tanpa_menulis(dunia, pelaksana_a, volume, waktu, field):
    with pytest.raises(RampingError) as err:
        _tugas(dunia.analis, pelaksana_a, volume, waktu)
    assert err.value.field == field
    assert not Tugas.objects.filter(jabatan=pelaksana_a).exists()


def test_izin_mengubah_tugas(dunia, pelaksana_a):
    with pytest.raises(TidakBerhak):
        _tugas(dunia.operator_b, pelaksana_a, "1", "1")
    with pytest.raises(TidakBerhak):
        _tugas(dunia.pimpinan, pelaksana_a, "1", "1")
    with pytest.raises(TidakDitemukan):
        _tugas(dunia.orang_luar, pelaksana_a, "1", "1")
    assert not Tugas.objects.filter(jabatan=pelaksana_a).exists()


def test_versi_berlaku_tetap_bisa_diisi_tugas_tetapi_arsip_tidak(dunia, pelaksana_a):
    dunia.struktur.status = "berlaku"
    dunia.struktur.berlaku_mulai = "2024-01-01"
    dunia.struktur.save()
    _tugas(dunia.operator_a, Jabatan.objects.get(pk=pelaksana_a.pk), "1", "1")
    dunia.struktur.status = "arsip"
    dunia.struktur.save()
    with pytest.raises(StrukturTidakBisaDiubah):
        _tugas(dunia.operator_a, Jabatan.objects.get(pk=pelaksana_a.pk), "1", "1")
