"""The lock: while an OPD's work is under review or approved, its operator cannot change it —
through the service, the web form, the API or an import — and is told why."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ramping.impor.dasar import ImporGagal, impor_terapkan
from ramping.impor.jenis.tugas import ImporTugas
from ramping.jabatan.models import Tugas
from ramping.jabatan.services import tugas_buat
from ramping.penataan import services as svc
from ramping.penataan.kunci import DataTerkunci
from tests.impor.conftest import xlsx

TUGAS = {"uraian": "Menyusun laporan", "hasil_kerja": "Laporan", "satuan_hasil": "laporan"}


@pytest.fixture(params=["diajukan", "disetujui", "dikunci"])
def terkunci(request, dunia, peserta_a):
    p = svc.peserta_ajukan(akses=dunia.operator_a, peserta=peserta_a, versi=peserta_a.versi)
    if request.param == "disetujui":
        p = svc.peserta_setujui(akses=dunia.analis, peserta=p, versi=p.versi)
    elif request.param == "dikunci":
        p = svc.peserta_kembalikan(akses=dunia.analis, peserta=p, versi=p.versi, catatan="x")
        p = svc.peserta_kunci(akses=dunia.analis, peserta=p, versi=p.versi, dikunci=True)
    return request.param


def _tugas(akses, jabatan):
    return tugas_buat(akses=akses, jabatan=jabatan, volume=Decimal(1), waktu=Decimal(1), **TUGAS)


def test_layanan_menolak_operator_dengan_alasannya(dunia, jabatan_a, terkunci):
    with pytest.raises(DataTerkunci) as e:
        _tugas(dunia.operator_a, jabatan_a)
    kata = {"diajukan": "diverifikasi", "disetujui": "disetujui", "dikunci": "dikunci analis"}
    assert kata[terkunci] in e.value.pesan
    assert Tugas.objects.filter(jabatan=jabatan_a).count() == 1


def test_analis_tetap_dapat_memperbaiki(dunia, jabatan_a, terkunci):
    _tugas(dunia.analis, jabatan_a)
    assert Tugas.objects.filter(jabatan=jabatan_a).count() == 2


def test_opd_lain_tidak_ikut_terkunci(dunia, jabatan_a, peserta_b, terkunci):
    from ramping.jabatan.services import jabatan_buat

    dinas_b = jabatan_buat(akses=dunia.analis, unit=dunia.dinas_b, nama="Pengadministrasi",
                           jenis="pelaksana", kelas=5)  # fmt: skip
    _tugas(dunia.operator_b, dinas_b)


def test_formulir_web_menolak_dengan_pesan(client, dunia, jabatan_a, terkunci):
    client.force_login(dunia.operator_a.pengguna)
    url = reverse("web:tugas_buat", args=[dunia.instansi.kode, jabatan_a.pk])
    data = TUGAS | {"volume": "1", "waktu": "1", "satuan_waktu": "jam"}
    r = client.post(url, data, HTTP_HX_REQUEST="true")  # HTMX swaps the row with its error
    assert "dikunci" in r.content.decode() or "diverifikasi" in r.content.decode()
    assert Tugas.objects.filter(jabatan=jabatan_a).count() == 1


def test_api_menolak_dengan_galat_terstruktur(client, dunia, jabatan_a, terkunci):
    from ramping.akun.token import token_buat

    _baris, token = token_buat(pengguna=dunia.operator_a.pengguna, instansi=dunia.instansi,
                               nama="uji")  # fmt: skip
    r = client.post(
        f"/api/v1/jabatan/{jabatan_a.pk}/tugas",
        TUGAS | {"volume": "1", "waktu": "1", "satuan_waktu": "jam"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert r.status_code in (400, 403, 409, 422)
    assert "dikunci" in r.json()["pesan"] or "diverifikasi" in r.json()["pesan"]
    assert Tugas.objects.filter(jabatan=jabatan_a).count() == 1


def test_impor_menolak_baris_jabatan_yang_terkunci(dunia, jabatan_a, terkunci):
    data = xlsx(
        ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan Hasil",
         "Jumlah Hasil", "Waktu Penyelesaian", "Satuan Waktu"],
        ["Bidang Satu", "Penelaah Teknis Kebijakan", "Menelaah", "Telaahan", "Dokumen", "240",
         "2", "jam"],
    )  # fmt: skip
    with pytest.raises(ImporGagal) as e:
        impor_terapkan(ImporTugas(akses=dunia.operator_a, struktur=dunia.struktur), data)
    pesan = " ".join(str(g) for g in e.value.pratinjau.galat)
    assert "dikunci" in pesan or "diverifikasi" in pesan
    assert Tugas.objects.filter(jabatan=jabatan_a).count() == 1


def test_unit_opd_juga_terkunci(dunia, terkunci):
    from ramping.organisasi.services import unit_ubah

    with pytest.raises(DataTerkunci):
        unit_ubah(akses=dunia.operator_a, unit=dunia.bidang_a, nama="Bidang Satu Baru")
    dunia.bidang_a.refresh_from_db()
    assert dunia.bidang_a.nama == "Bidang Satu"
    unit_ubah(akses=dunia.analis, unit=dunia.bidang_a, nama="Bidang Satu Baru")
