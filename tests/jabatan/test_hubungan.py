"""Atasan langsung and korelasi jabatan read from the structure (issue #17 item 7).

The structure of the table below, on top of `dunia` (Pemerintah Kota Uji, draft version):

    Sekretariat Daerah (setda) ........ Sekretaris Daerah
    Dinas A (dinas) ................... Kepala Dinas A
      Bidang Satu (bidang) ............ Kepala Bidang Satu; Pengelola Data; Penata Layanan
      Kelompok JF (kelompok_jf) ....... Analis Kebijakan Ahli Muda (no head of its own)
      UPTD Laboratorium (uptd) ........ Kepala UPTD Laboratorium; Pranata Laboratorium
    Dinas B (dinas) ................... Kepala Dinas B
"""

from dataclasses import dataclass

import pytest

from ramping.akun.akses import Akses
from ramping.jabatan.hubungan import (
    KE_ATASAN,
    KE_BAWAHAN,
    MELALUI_SEKDA,
    SEJAJAR,
    hubungan_jabatan,
    sekitar_jabatan,
)
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import PengaturanInstansi
from ramping.organisasi.services import instansi_buat, struktur_buat, unit_buat


@dataclass
class Contoh:
    akses: Akses
    struktur: object
    jabatan: dict[str, Jabatan]


def _jabatan(unit, nama: str, jenis: str, kepala: bool = False) -> Jabatan:
    jf = {"nama_jf": nama, "jenjang": "ahli_muda"} if jenis == "fungsional" else {}
    return Jabatan.objects.create(
        instansi_id=unit.instansi_id, struktur_id=unit.struktur_id, unit=unit, nama=nama,
        jenis=jenis, is_kepala=kepala, **jf,
    )  # fmt: skip


@pytest.fixture
def contoh(dunia) -> Contoh:
    sistem = Akses.sistem(dunia.instansi)

    def unit(induk, kode, nama, jenis, eselon=""):
        return unit_buat(
            akses=sistem, struktur=dunia.struktur, induk=induk, kode=kode, nama=nama,
            jenis=jenis, eselon=eselon,
        )  # fmt: skip

    setda = unit(None, "SETDA", "Sekretariat Daerah", "setda", "II.a")
    kelompok = unit(dunia.dinas_a, "DINAS-A.JF", "Kelompok Jabatan Fungsional", "kelompok_jf")
    upt = unit(dunia.dinas_a, "DINAS-A.UPT", "UPTD Laboratorium", "uptd", "IV.a")
    j = {
        "sekda": _jabatan(setda, "Sekretaris Daerah", "jpt_pratama", True),
        "kadis_a": _jabatan(dunia.dinas_a, "Kepala Dinas A", "jpt_pratama", True),
        "kabid": _jabatan(dunia.bidang_a, "Kepala Bidang Satu", "administrator", True),
        "pengelola": _jabatan(dunia.bidang_a, "Pengelola Data", "pelaksana"),
        "penata": _jabatan(dunia.bidang_a, "Penata Layanan", "pelaksana"),
        "jf": _jabatan(kelompok, "Analis Kebijakan Ahli Muda", "fungsional"),
        "ka_upt": _jabatan(upt, "Kepala UPTD Laboratorium", "pengawas", True),
        "pranata": _jabatan(upt, "Pranata Laboratorium", "fungsional"),
        "kadis_b": _jabatan(dunia.dinas_b, "Kepala Dinas B", "jpt_pratama", True),
    }
    return Contoh(sistem, dunia.struktur, j)


def _hubungan(c: Contoh, kunci: str, tambahan=None):
    j = c.jabatan[kunci]
    s = sekitar_jabatan(akses=c.akses, struktur=c.struktur, unit_paths={j.unit.path})
    return hubungan_jabatan(s, j.pk, tambahan)


@pytest.mark.parametrize(
    "kunci, atasan, unit_atasan",
    [
        ("pengelola", "Kepala Bidang Satu", "Bidang Satu"),  # staff → head of own unit
        ("kabid", "Kepala Dinas A", "Dinas A"),  # unit head → head of the parent unit
        ("kadis_a", "Wali Kota Uji", "Pemerintah Kota Uji"),  # OPD head → kepala daerah
        ("sekda", "Wali Kota Uji", "Pemerintah Kota Uji"),
        ("jf", "Kepala Dinas A", "Dinas A"),  # JF in a kelompok (no head) → the unit's head
        ("ka_upt", "Kepala Dinas A", "Dinas A"),  # head of a UPT → head of the dinas
        ("pranata", "Kepala UPTD Laboratorium", "UPTD Laboratorium"),  # staff of a UPT
        ("kadis_b", "Wali Kota Uji", "Pemerintah Kota Uji"),
    ],
)
def test_atasan_langsung_dari_struktur(contoh, kunci, atasan, unit_atasan):
    h = _hubungan(contoh, kunci)
    assert (h.atasan, h.unit_atasan) == (atasan, unit_atasan)
    assert h.korelasi[0].sebagai_dict() == {
        "jabatan": atasan,
        "unit": unit_atasan,
        "dalam_hal": KE_ATASAN,
    }


@pytest.mark.parametrize(
    "kunci, baris",
    [
        (
            "kadis_a",
            [
                ("Wali Kota Uji", "Pemerintah Kota Uji", KE_ATASAN),
                ("Sekretaris Daerah", "Sekretariat Daerah", MELALUI_SEKDA),
                ("Kepala Bidang Satu", "Bidang Satu", KE_BAWAHAN),
                ("Analis Kebijakan Ahli Muda", "Kelompok Jabatan Fungsional", KE_BAWAHAN),
                ("Kepala UPTD Laboratorium", "UPTD Laboratorium", KE_BAWAHAN),
            ],
        ),
        (
            "sekda",  # the sekda is not told to report through itself
            [("Wali Kota Uji", "Pemerintah Kota Uji", KE_ATASAN)],
        ),
        (
            "kabid",
            [
                ("Kepala Dinas A", "Dinas A", KE_ATASAN),
                ("Pengelola Data; Penata Layanan", "Bidang Satu", KE_BAWAHAN),  # one per unit
                ("Kepala UPTD Laboratorium", "UPTD Laboratorium", SEJAJAR),  # heads with heads
            ],
        ),
        (
            "pengelola",
            [
                ("Kepala Bidang Satu", "Bidang Satu", KE_ATASAN),
                ("Penata Layanan", "Bidang Satu", SEJAJAR),
            ],
        ),
        (
            "ka_upt",
            [
                ("Kepala Dinas A", "Dinas A", KE_ATASAN),
                ("Pranata Laboratorium", "UPTD Laboratorium", KE_BAWAHAN),
                ("Kepala Bidang Satu", "Bidang Satu", SEJAJAR),
            ],
        ),
        (
            "jf",  # staff with staff: no head among its peers
            [("Kepala Dinas A", "Dinas A", KE_ATASAN)],
        ),
    ],
)
def test_korelasi_atasan_bawahan_dan_sejajar(contoh, kunci, baris):
    h = _hubungan(contoh, kunci)
    assert [(k.jabatan, k.unit, k.dalam_hal) for k in h.korelasi] == baris
    assert all(k.dari_struktur for k in h.korelasi)


def test_baris_isian_basi_diganti_struktur_baris_luar_instansi_tetap(contoh):
    tambahan = [
        # The demo's and many imported ANJAB: the kepala daerah beside the OPD's name.
        {"jabatan": "Wali Kota", "unit": "Dinas A", "dalam_hal": "Laporan"},
        {"jabatan": "kepala bidang  satu", "unit": "Dinas A", "dalam_hal": "Arahan"},
        {"jabatan": "Kepala Balai Besar POM", "unit": "BBPOM Serang", "dalam_hal": "Uji mutu"},
        {"jabatan": "", "unit": "", "dalam_hal": ""},
    ]
    h = _hubungan(contoh, "kadis_a", tambahan)
    assert [k.jabatan for k in h.korelasi].count("Wali Kota Uji") == 1
    assert "Wali Kota" not in [k.jabatan for k in h.korelasi]
    assert [k.jabatan for k in h.korelasi].count("Kepala Bidang Satu") == 1
    terakhir = h.korelasi[-1]
    assert terakhir.sebagai_dict() == {
        "jabatan": "Kepala Balai Besar POM",
        "unit": "BBPOM Serang",
        "dalam_hal": "Uji mutu",
    }
    assert not terakhir.dari_struktur and len(h.korelasi) == 6


def test_jabatan_kepala_daerah_dari_pengaturan_instansi(contoh, dunia):
    PengaturanInstansi.objects.create(
        instansi=dunia.instansi, wke_jam=1250, mode_pembulatan="half_up", minimal_satu=True,
        jabatan_kepala_daerah="Wali Kota Uji Raya",
    )  # fmt: skip
    h = _hubungan(contoh, "kadis_b")
    assert h.atasan == "Wali Kota Uji Raya"


def test_kementerian_kepala_unit_eselon_satu_kepada_menteri_tanpa_sekda(db):
    instansi = instansi_buat(nama="Kementerian Uji", kode="kemen-uji", jenis="kementerian")
    sistem = Akses.sistem(instansi)
    struktur = struktur_buat(akses=sistem, instansi=instansi, nama="Draf")
    setjen = unit_buat(
        akses=sistem, struktur=struktur, induk=None, kode="SETJEN", nama="Sekretariat Jenderal",
        jenis="sekretariat_jenderal", eselon="I.a",
    )  # fmt: skip
    biro = unit_buat(
        akses=sistem, struktur=struktur, induk=setjen, kode="SETJEN.B1", nama="Biro Umum",
        jenis="biro", eselon="II.a",
    )  # fmt: skip
    sekjen = _jabatan(setjen, "Sekretaris Jenderal", "jpt_madya", True)
    _jabatan(biro, "Kepala Biro Umum", "jpt_pratama", True)
    s = sekitar_jabatan(akses=sistem, struktur=struktur, unit_paths={setjen.path})
    h = hubungan_jabatan(s, sekjen.pk)
    assert [(k.jabatan, k.unit, k.dalam_hal) for k in h.korelasi] == [
        ("Menteri", "Kementerian Uji", KE_ATASAN),
        ("Kepala Biro Umum", "Biro Umum", KE_BAWAHAN),
    ]


def test_satu_bacaan_untuk_banyak_jabatan(contoh, django_assert_num_queries):
    paths = {j.unit.path for j in contoh.jabatan.values()}
    with django_assert_num_queries(3):
        s = sekitar_jabatan(akses=contoh.akses, struktur=contoh.struktur, unit_paths=paths)
    with django_assert_num_queries(0):
        for j in contoh.jabatan.values():
            hubungan_jabatan(s, j.pk)


def test_instansi_lain_tidak_terbaca(contoh, dunia):
    from ramping.errors import RampingError

    with pytest.raises(RampingError):
        sekitar_jabatan(akses=dunia.orang_luar, struktur=contoh.struktur, unit_paths=set())


def test_beberapa_jabatan_setingkat_satu_baris_di_unit_atasan(contoh, dunia):
    bidang_dua = unit_buat(
        akses=contoh.akses, struktur=dunia.struktur, induk=dunia.dinas_a, kode="DINAS-A.B2",
        nama="Bidang Dua", jenis="bidang", eselon="III.b",
    )  # fmt: skip
    _jabatan(bidang_dua, "Kepala Bidang Dua", "administrator", True)
    tambahan = [{"jabatan": "Kepala Bidang Dua", "unit": "Bidang Dua", "dalam_hal": "Rapat"}]
    h = _hubungan(contoh, "kabid", tambahan)
    assert [(k.jabatan, k.unit, k.dalam_hal) for k in h.korelasi] == [
        ("Kepala Dinas A", "Dinas A", KE_ATASAN),
        ("Pengelola Data; Penata Layanan", "Bidang Satu", KE_BAWAHAN),
        ("Kepala UPTD Laboratorium; Kepala Bidang Dua", "Dinas A", SEJAJAR),
    ]  # the typed row names a fellow position already listed: not printed twice
