"""Membership: same unit counts at once, another unit waits for its head (R7-08); the ketua
rule and the teams-per-person limit follow the agency settings (R7-06, R7-07)."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import IntegrityError

from ramping.aturan import PENGATURAN_BAWAAN
from ramping.errors import TidakBerhak
from ramping.sistemkerja import services as svc
from ramping.sistemkerja.errors import (
    BatasTimTerlampaui,
    BukanPengajuan,
    KetuaSudahAda,
    KetuaTidakMemenuhi,
    TimTanpaKetua,
)
from ramping.sistemkerja.models import AnggotaTim
from ramping.sistemkerja.services import tim as tim_svc

pytestmark = pytest.mark.django_db


def tambah(dunia, sk, pegawai, peran="anggota", jam="200", akses=None, tim=None):
    return svc.anggota_tambah(
        akses=akses or dunia.operator_a,
        tim=tim or sk.tim,
        pegawai=pegawai,
        peran=peran,
        jam_per_tahun=Decimal(jam),
    ).anggota


@pytest.fixture
def pengaturan(monkeypatch):
    """Set the agency's settings for one test (the services read them per call)."""

    def atur(**nilai):
        p = PENGATURAN_BAWAAN.ganti(**nilai)
        monkeypatch.setattr(tim_svc, "pengaturan_instansi", lambda instansi_id: p)

    return atur


def test_anggota_unit_sendiri_langsung_dihitung(dunia, sk):
    a = tambah(dunia, sk, sk.siti)
    assert (a.status, a.unit_asal_id, a.diputuskan_oleh) == (
        "disetujui",
        dunia.bidang_a.pk,
        dunia.operator_a.pengguna,
    )


def test_anggota_unit_lain_menunggu_kepala_unit_asalnya(dunia, sk):
    a = tambah(dunia, sk, sk.rudi)
    assert a.status == "diajukan" and a.unit_asal_id == dunia.dinas_b.pk
    # operator_a runs the team (Level 2) but does not head Rudi's unit; pimpinan edits nothing.
    for persona in ("operator_a", "pimpinan"):
        with pytest.raises(TidakBerhak):
            svc.anggota_setujui(akses=getattr(dunia, persona), anggota=a)
    a = svc.anggota_setujui(akses=dunia.operator_b, anggota=a, catatan="Setuju 200 jam.")
    assert (a.status, a.diputuskan_oleh, a.catatan_keputusan) == (
        "disetujui",
        dunia.operator_b.pengguna,
        "Setuju 200 jam.",
    )
    assert a.diputuskan_pada is not None
    with pytest.raises(BukanPengajuan):
        svc.anggota_tolak(akses=dunia.operator_b, anggota=a)


def test_pengajuan_yang_ditolak_tidak_dihitung(dunia, sk):
    a = tambah(dunia, sk, sk.rudi)
    a = svc.anggota_tolak(akses=dunia.analis, anggota=a, catatan="Beban unit tinggi.")
    assert a.status == "ditolak" and not a.dihitung


def test_anggota_instansi_lain_ditandai_dan_disetujui_level_2(dunia, sk):
    h = svc.anggota_tambah(
        akses=dunia.operator_a,
        tim=sk.tim,
        peran="anggota",
        jam_per_tahun=Decimal(100),
        nama_eksternal="Rahmat",
        instansi_eksternal="Diskominfo Provinsi",
    )
    a = h.anggota
    assert a.eksternal and a.status == "diajukan" and "Diskominfo Provinsi" in a.nama
    with pytest.raises(TidakBerhak):
        svc.anggota_setujui(akses=dunia.operator_b, anggota=a)
    assert svc.anggota_setujui(akses=dunia.operator_a, anggota=a).status == "disetujui"
    with pytest.raises(KetuaTidakMemenuhi):
        svc.anggota_tambah(
            akses=dunia.operator_a,
            tim=sk.tim,
            peran="ketua",
            jam_per_tahun=Decimal(1),
            nama_eksternal="X",
            instansi_eksternal="Y",
        )


def test_hanya_level_2_unit_pemilik_yang_menambah_anggota(dunia, sk):
    for persona in ("operator_b", "pimpinan"):
        with pytest.raises(TidakBerhak):
            tambah(dunia, sk, sk.siti, akses=getattr(dunia, persona))
    assert not AnggotaTim.objects.filter(instansi=dunia.instansi).exists()


@pytest.mark.parametrize(
    ("jenis", "jenjang_minimal", "calon", "boleh"),
    [
        (("fungsional",), None, "ani", True),  # default: a JF may lead
        (("fungsional",), None, "siti", False),  # a pelaksana may not
        (("fungsional", "pelaksana"), None, "siti", True),  # the agency allows pelaksana
        (("fungsional",), "ahli_madya", "ani", False),  # Ahli Muda below the minimum
        (("fungsional",), "ahli_pertama", "ani", True),
        (("fungsional", "pelaksana"), None, "budi", False),  # a JPT never leads a team
    ],
)
def test_ketua_tim_mengikuti_pengaturan(
    dunia, sk, pengaturan, jenis, jenjang_minimal, calon, boleh
):
    pengaturan(ketua_tim_jenis=jenis, ketua_tim_jenjang_minimal=jenjang_minimal)
    if boleh:
        assert tambah(dunia, sk, getattr(sk, calon), peran="ketua").peran == "ketua"
    else:
        with pytest.raises(KetuaTidakMemenuhi) as e:
            tambah(dunia, sk, getattr(sk, calon), peran="ketua")
        assert e.value.field == "peran" and "tidak dapat menjadi Ketua Tim" in e.value.pesan


def test_satu_ketua_per_tim_dan_tim_tanpa_ketua(dunia, sk, pengaturan):
    pengaturan(ketua_tim_jenis=("fungsional", "pelaksana"))
    tambah(dunia, sk, sk.ani, peran="ketua")
    with pytest.raises(KetuaSudahAda):
        tambah(dunia, sk, sk.siti, peran="ketua")
    tanpa = svc.tim_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Tim Tanpa Ketua",
        program="P",
        periode_mulai=date(2026, 1, 1),
        periode_selesai=date(2026, 6, 30),
        perlu_ketua=False,
    )
    with pytest.raises(TimTanpaKetua):
        tambah(dunia, sk, sk.ani, peran="ketua", tim=tanpa)


def test_basis_data_menolak_dua_ketua(dunia, sk):
    a = tambah(dunia, sk, sk.ani, peran="ketua")
    with pytest.raises(IntegrityError):
        AnggotaTim.objects.create(
            instansi=a.instansi,
            tim=sk.tim,
            pegawai=sk.siti,
            peran="ketua",
            jam_per_tahun=1,
            status="disetujui",
        )


@pytest.mark.parametrize(("batas", "boleh"), [(None, True), (3, True), (2, False)])
def test_batas_tim_per_orang_mengikuti_pengaturan(dunia, sk, pengaturan, batas, boleh):
    pengaturan(maks_tim_per_orang=batas)
    kedua = svc.tim_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Tim Dua",
        program="P",
        periode_mulai=date(2026, 1, 1),
        periode_selesai=date(2026, 6, 30),
    )
    ketiga = svc.tim_buat(
        akses=dunia.analis,
        unit=dunia.bidang_a,
        nama="Tim Tiga",
        program="P",
        periode_mulai=date(2026, 1, 1),
        periode_selesai=date(2026, 6, 30),
    )
    tambah(dunia, sk, sk.siti, jam="10")
    tambah(dunia, sk, sk.siti, jam="10", tim=kedua)
    if boleh:
        tambah(dunia, sk, sk.siti, jam="10", tim=ketiga)
    else:
        with pytest.raises(BatasTimTerlampaui) as e:
            tambah(dunia, sk, sk.siti, jam="10", tim=ketiga)
        assert "melebihi batas 2 tim" in e.value.pesan


def test_jam_melebihi_wke_menjadi_peringatan(dunia, sk):
    # Siti's position: 1 500 h of ABK for one holder, already above the 1 250 h WKE.
    h = svc.anggota_tambah(
        akses=dunia.operator_a,
        tim=sk.tim,
        pegawai=sk.siti,
        peran="anggota",
        jam_per_tahun=Decimal(100),
    )
    assert h.anggota.pk and len(h.peringatan) == 1
    # Indonesian numbers (aturan.tampil) and the action to take
    assert "(1.600,00 jam) melebihi waktu kerja efektif 1.250 jam per tahun" in h.peringatan[0]
    assert h.peringatan[0].endswith("Kurangi jam pegawai itu pada tim ini atau pada tim lainnya.")
    h = svc.anggota_tambah(
        akses=dunia.operator_a,
        tim=sk.tim,
        pegawai=sk.ani,
        peran="anggota",
        jam_per_tahun=Decimal(100),
    )
    assert h.peringatan == []  # 1 000 + 100 h


def test_jam_negatif_atau_di_atas_wke_ditolak(dunia, sk):
    from ramping.errors import RampingError

    for jam in ("-1", "1251"):
        with pytest.raises(RampingError) as e:
            tambah(dunia, sk, sk.ani, jam=jam)
        assert e.value.field == "jam_per_tahun"
