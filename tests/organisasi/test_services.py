import pytest

from ramping.audit.models import JejakAudit
from ramping.errors import StrukturTidakBisaDiubah, TidakBerhak, TidakDitemukan
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.selectors import unit_opd, unit_subpohon
from ramping.organisasi.services import unit_buat, unit_ubah


def test_unit_baru_mendapat_path_sesudah_saudara_terakhirnya(dunia):
    kedua = unit_buat(
        akses=dunia.analis,
        struktur=dunia.struktur,
        induk=dunia.dinas_a,
        kode="DINAS-A.B2",
        nama="Bidang Dua",
        jenis="bidang",
        eselon="III.b",
    )
    seksi = unit_buat(
        akses=dunia.operator_a,
        struktur=dunia.struktur,
        induk=kedua,
        kode="DINAS-A.B2.1",
        nama="Seksi",
        jenis="seksi",
        eselon="IV.a",
    )
    assert (dunia.dinas_a.path, dunia.bidang_a.path, kedua.path) == ("0001", "00010001", "00010002")
    assert (dunia.dinas_b.path, seksi.path, seksi.kedalaman) == ("0002", "000100020001", 2)


def test_subpohon_dibaca_dengan_satu_query(dunia, django_assert_num_queries):
    unit_buat(
        akses=dunia.analis,
        struktur=dunia.struktur,
        induk=dunia.bidang_a,
        kode="S1",
        nama="Seksi 1",
        jenis="seksi",
        eselon="IV.a",
    )
    with django_assert_num_queries(1):
        nama = [u.nama for u in unit_subpohon(unit=dunia.dinas_a)]
    assert nama == ["Dinas A", "Bidang Satu", "Seksi 1"]


def test_opd_sebuah_unit_adalah_akarnya(dunia):
    assert unit_opd(unit=dunia.bidang_a) == dunia.dinas_a
    assert unit_opd(unit=dunia.dinas_b) == dunia.dinas_b


def test_setiap_perubahan_unit_tercatat_di_jejak_audit(dunia):
    unit_ubah(akses=dunia.analis, unit=dunia.bidang_a, nama="Bidang Pertama", kewilayahan=True)
    jejak = JejakAudit.objects.filter(aksi="unit_ubah").get()
    assert jejak.pengguna == dunia.analis.pengguna
    assert jejak.perubahan == {
        "nama": ["Bidang Satu", "Bidang Pertama"],
        "kewilayahan": [False, True],
    }


def test_ubah_tanpa_perbedaan_tidak_menulis_apa_pun(dunia):
    unit_ubah(akses=dunia.analis, unit=dunia.bidang_a, nama="Bidang Satu")
    assert not JejakAudit.objects.filter(aksi="unit_ubah").exists()


def test_operator_hanya_mengubah_unit_opdnya_sendiri(dunia):
    unit_ubah(akses=dunia.operator_a, unit=dunia.bidang_a, tugas="Tugas baru")
    with pytest.raises(TidakBerhak):
        unit_ubah(akses=dunia.operator_b, unit=dunia.bidang_a, tugas="Bukan miliknya")
    with pytest.raises(TidakBerhak):
        unit_buat(
            akses=dunia.operator_a,
            struktur=dunia.struktur,
            induk=None,
            kode="BARU",
            nama="OPD baru",
            jenis="dinas",
            eselon="II.b",
        )


def test_pimpinan_hanya_membaca(dunia):
    with pytest.raises(TidakBerhak):
        unit_ubah(akses=dunia.pimpinan, unit=dunia.bidang_a, tugas="x")


def test_pengguna_instansi_lain_tidak_melihat_unitnya(dunia):
    with pytest.raises(TidakDitemukan):
        unit_ubah(akses=dunia.orang_luar, unit=dunia.bidang_a, tugas="x")
    assert UnitKerja.objects.get(pk=dunia.bidang_a.pk).tugas == ""


def test_versi_berlaku_tidak_diubah_langsung(dunia):
    dunia.struktur.status = "arsip"
    dunia.struktur.save()
    with pytest.raises(StrukturTidakBisaDiubah):
        unit_ubah(akses=dunia.analis, unit=dunia.bidang_a, tugas="x")
