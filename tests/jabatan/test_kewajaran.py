"""Evaluation sanity (issue #17 item 6): worked examples of the kelas warnings, the reason
that turns a warning into "dicatat", its roles, audit and carry to a copied version."""

import pytest

from ramping.audit.models import JejakAudit
from ramping.errors import KonflikPerubahan, RampingError, TidakBerhak, TidakDitemukan
from ramping.jabatan.kewajaran import (
    ACUAN_BEDA,
    ATASAN_LEBIH_RENDAH,
    CATATAN_TANPA_ACUAN,
    DI_ATAS_ATASAN,
    kewajaran_jabatan,
    kewajaran_kelas,
)
from ramping.jabatan.models import EvaluasiJabatan, Jabatan
from ramping.jabatan.services import evaluasi_catat_alasan_kelas, evaluasi_simpan, jabatan_buat
from ramping.jabatan.services.kelas_instansi import kelas_instansi_simpan
from ramping.organisasi.services import unit_buat

pytestmark = pytest.mark.django_db


def _jabatan(dunia, unit=None, **isian) -> Jabatan:
    return jabatan_buat(akses=dunia.analis, unit=unit or dunia.bidang_a, **isian)


def _evaluasi(jabatan: Jabatan, kelas: int, alasan: str = "") -> EvaluasiJabatan:
    """An evaluation whose result is `kelas` (the sanity check reads the stored result)."""
    return EvaluasiJabatan.objects.create(
        instansi_id=jabatan.instansi_id,
        jabatan=jabatan,
        jenis="fungsional",
        nilai=1000,
        kelas=kelas,
        alasan_kelas=alasan,
    )


PERENCANA_MADYA = {
    "nama": "Perencana Ahli Madya",
    "jenis": "fungsional",
    "nama_jf": "Perencana",
    "jenjang": "ahli_madya",
}
PENGOLAH = {"nama": "Pengolah Data dan Informasi", "jenis": "pelaksana"}


@pytest.mark.parametrize(
    ("isian", "kelas_evaluasi", "acuan", "kode", "kutipan"),
    [
        # The defect: JF Ahli Madya evaluated to kelas 14; the catalogue says 12
        # (Perencana, PermenPAN-RB 4/2020).
        (PERENCANA_MADYA, 14, 12, [ACUAN_BEDA], "Kelas 14 berbeda dengan kelas acuan"),
        # Equal to the catalogue: fine.
        (PERENCANA_MADYA, 12, 12, [], ""),
        # Pelaksana name with its indicative kelas (45/2022 list: 6).
        (PENGOLAH, 8, 6, [ACUAN_BEDA], "kelas 6 (katalog:"),
        (PENGOLAH, 6, 6, [], ""),
    ],
)
def test_kelas_dibanding_acuan(dunia, isian, kelas_evaluasi, acuan, kode, kutipan):
    j = _jabatan(dunia, **isian)
    _evaluasi(j, kelas_evaluasi)
    k = kewajaran_jabatan(j)
    assert (k.kelas, k.kelas_acuan) == (kelas_evaluasi, acuan)
    assert [p.kode for p in k.peringatan] == kode
    assert all(kutipan in p.pesan for p in k.peringatan)
    assert k.perlu_tindakan == bool(kode) and not k.dicatat and k.catatan == ""


def test_acuan_mengikuti_keputusan_kelas_instansi(dunia):
    # The agency decided kelas 7 for this pelaksana name: 7 is now right, 6 (catalogue) is not.
    kelas_instansi_simpan(
        akses=dunia.analis, jenis="pelaksana", nama=PENGOLAH["nama"], kelas=7,
        dasar_hukum="Perwal Uji 5/2024",
    )  # fmt: skip
    tujuh, enam = _jabatan(dunia, **PENGOLAH), _jabatan(dunia, **PENGOLAH, kode="P2")
    _evaluasi(tujuh, 7), _evaluasi(enam, 6)
    assert kewajaran_jabatan(tujuh).peringatan == ()
    assert kewajaran_jabatan(tujuh).sumber_acuan == "Perwal Uji 5/2024 (instansi)"
    (p,) = kewajaran_jabatan(enam).peringatan
    assert "kelas 7 (Perwal Uji 5/2024 (instansi))" in p.pesan


def test_acuan_tidak_diketahui_catatan_bukan_peringatan(dunia):
    # Analis Kebijakan: the catalogue states no kelas; nothing to compare with.
    j = _jabatan(
        dunia, nama="Analis Kebijakan Ahli Madya", jenis="fungsional",
        nama_jf="Analis Kebijakan", jenjang="ahli_madya",
    )  # fmt: skip
    _evaluasi(j, 13)
    k = kewajaran_jabatan(j)
    assert (k.kelas_acuan, k.peringatan, k.catatan) == (None, (), CATATAN_TANPA_ACUAN)
    assert "Acuan tidak diketahui" in k.catatan


@pytest.mark.parametrize(
    ("kelas_atasan", "kelas_jf", "pada_atasan", "pada_jf"),
    [
        (11, 12, [ATASAN_LEBIH_RENDAH], [DI_ATAS_ATASAN]),  # superior below subordinate
        (12, 12, [], []),  # equal is fine
        (13, 12, [], []),
    ],
)
def test_atasan_di_bawah_bawahan(dunia, kelas_atasan, kelas_jf, pada_atasan, pada_jf):
    kabid = _jabatan(
        dunia, nama="Kepala Bidang Satu", jenis="administrator", is_kepala=True,
        kelas=kelas_atasan,
    )  # fmt: skip
    jf = _jabatan(dunia, **PERENCANA_MADYA)
    _evaluasi(jf, kelas_jf)
    semua = kewajaran_kelas(instansi_id=dunia.instansi.pk, struktur_id=dunia.struktur.pk)
    assert [p.kode for p in semua[kabid.pk].peringatan] == pada_atasan
    assert [p.kode for p in semua[jf.pk].peringatan if p.kode != ACUAN_BEDA] == pada_jf
    if pada_atasan:
        (p,) = semua[kabid.pk].peringatan
        assert f"Kelas jabatan atasan ({kelas_atasan})" in p.pesan
        assert "Perencana Ahli Madya (kelas 12)" in p.pesan
        (q,) = semua[jf.pk].peringatan
        assert f"Kepala Bidang Satu (kelas {kelas_atasan})" in q.pesan
    # The page of one position reads the same answer.
    assert kewajaran_jabatan(kabid).peringatan == semua[kabid.pk].peringatan


def test_atasan_juga_di_unit_induk(dunia):
    # A JF in a sub-unit without its own struktural post answers to the Kepala Dinas above.
    seksi = unit_buat(
        akses=dunia.analis, struktur=dunia.struktur, induk=dunia.bidang_a,
        kode="DINAS-A.B1.S1", nama="Seksi Satu", jenis="seksi", eselon="IV.a",
    )  # fmt: skip
    kadis = _jabatan(
        dunia, unit=dunia.dinas_a, nama="Kepala Dinas A", jenis="jpt_pratama",
        is_kepala=True, kelas=12,
    )  # fmt: skip
    jf = _jabatan(dunia, unit=seksi, **PERENCANA_MADYA)
    _evaluasi(jf, 14)
    assert {p.kode for p in kewajaran_jabatan(jf).peringatan} == {ACUAN_BEDA, DI_ATAS_ATASAN}
    assert [p.kode for p in kewajaran_jabatan(kadis).peringatan] == [ATASAN_LEBIH_RENDAH]


def test_daftar_tanpa_kueri_per_baris(dunia, django_assert_max_num_queries):
    for i in range(30):
        _evaluasi(_jabatan(dunia, **PERENCANA_MADYA, kode=f"JF{i}"), 12 + i % 3)
    _jabatan(dunia, nama="Kepala Bidang Satu", jenis="administrator", is_kepala=True, kelas=11)
    with django_assert_max_num_queries(2):  # the reference, the positions
        semua = kewajaran_kelas(instansi_id=dunia.instansi.pk, struktur_id=dunia.struktur.pk)
    assert len(semua) == 31
    assert sum(1 for k in semua.values() if k.perlu_tindakan) == 31


def test_alasan_mengubah_peringatan_menjadi_dicatat_dan_diaudit(dunia):
    j = _jabatan(dunia, **PERENCANA_MADYA)
    ev = _evaluasi(j, 14)
    ev = evaluasi_catat_alasan_kelas(
        akses=dunia.analis, evaluasi=ev, versi=ev.versi,
        alasan="  Keputusan Wali Kota Uji 800/7/2025 menetapkan kelas 14.  ",
    )  # fmt: skip
    k = kewajaran_jabatan(j)
    assert k.dicatat and not k.perlu_tindakan
    assert k.alasan == "Keputusan Wali Kota Uji 800/7/2025 menetapkan kelas 14."
    jejak = JejakAudit.objects.get(aksi="evaluasi_alasan_kelas")
    assert jejak.perubahan["alasan_kelas"][1] == k.alasan
    # A stale page cannot overwrite it; clearing it brings the warning back.
    with pytest.raises(KonflikPerubahan):
        evaluasi_catat_alasan_kelas(akses=dunia.analis, evaluasi=ev, versi=1, alasan="x")
    evaluasi_catat_alasan_kelas(akses=dunia.analis, evaluasi=ev, versi=ev.versi, alasan=" ")
    assert kewajaran_jabatan(j).perlu_tindakan


@pytest.mark.parametrize(
    ("alasan", "kutipan"),
    [("x" * 2001, "paling panjang 2000 karakter"), ("Kelas\u0000", "karakter")],
)
def test_alasan_tidak_sah_ditolak_dengan_namanya(dunia, alasan, kutipan):
    ev = _evaluasi(_jabatan(dunia, **PERENCANA_MADYA), 14)
    with pytest.raises(RampingError, match=kutipan) as galat:
        evaluasi_catat_alasan_kelas(akses=dunia.analis, evaluasi=ev, versi=ev.versi, alasan=alasan)
    assert galat.value.field == "alasan_kelas"
    ev.refresh_from_db()
    assert ev.alasan_kelas == "" and not JejakAudit.objects.filter(aksi="evaluasi_alasan_kelas")


@pytest.mark.parametrize(
    ("persona", "galat"),
    [("operator_a", TidakBerhak), ("operator_b", TidakBerhak), ("pimpinan", TidakBerhak),
     ("orang_luar", (TidakBerhak, TidakDitemukan))],
)  # fmt: skip
def test_hanya_yang_mengevaluasi_mencatat_alasan(dunia, persona, galat):
    ev = _evaluasi(_jabatan(dunia, **PERENCANA_MADYA), 14)
    with pytest.raises(galat):
        evaluasi_catat_alasan_kelas(
            akses=getattr(dunia, persona), evaluasi=ev, versi=ev.versi, alasan="x"
        )
    ev.refresh_from_db()
    assert ev.alasan_kelas == ""


def test_alasan_ikut_ke_salinan_versi(dunia):
    from ramping.penyederhanaan.services.salin import struktur_salin

    j = _jabatan(dunia, **PERENCANA_MADYA)
    ev = evaluasi_simpan(akses=dunia.analis, jabatan=j, versi=0, tingkat={"F1": "1-1"})
    evaluasi_catat_alasan_kelas(
        akses=dunia.analis, evaluasi=ev, versi=ev.versi, alasan="Perwal 9/2025"
    )
    baru = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario")
    salinan = EvaluasiJabatan.objects.get(jabatan__struktur=baru)
    assert salinan.alasan_kelas == "Perwal 9/2025"
