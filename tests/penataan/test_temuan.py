"""Readiness findings of an OPD (ramping.penataan.temuan): hand-built situations on the `dunia`
agency, each yielding exactly its codes and messages, progress numbers, and constant queries on
the demo agency."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import EvaluasiJabatan, Jabatan, Tugas
from ramping.jabatan.services import (
    anjab_ubah,
    evaluasi_buka_kembali,
    evaluasi_simpan_tetapkan,
    jabatan_buat,
    jabatan_ubah,
    tugas_buat,
    tugas_hapus,
)
from ramping.organisasi.models import PengaturanInstansi, Struktur, UnitKerja
from ramping.organisasi.services import unit_buat
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.penataan.models import Bagian
from ramping.penataan.temuan import GALAT, KATALOG, PERINGATAN, kelengkapan, temuan_struktur
from tests.conftest import opd_paling_besar
from tests.laporan.conftest import FUNGSIONAL_TERENDAH, STRUKTURAL_TERENDAH

SEMUA = list(Bagian.values)
ANJAB_LENGKAP = {
    "ikhtisar": "Menyiapkan bahan kebijakan.",
    "pendidikan_formal": "S-1",
    "prestasi_kerja": "Bahan kebijakan tepat waktu.",
    "pelatihan": ["Diklat teknis"],
    "pengalaman": ["Dua tahun di bidangnya"],
    "tanggung_jawab": ["Kebenaran bahan"],
    "wewenang": ["Meminta data"],
    "hasil_kerja": [{"hasil": "Bahan kebijakan", "satuan": "Dokumen"}],
    "bahan_kerja": [{"bahan": "Data", "penggunaan": "Bahan analisis"}],
    "perangkat_kerja": [{"perangkat": "Komputer", "penggunaan": "Mengolah data"}],
    "korelasi_jabatan": [{"jabatan": "Kepala Bidang", "unit": "Dinas A", "dalam_hal": "Laporan"}],
    "kondisi_lingkungan": [{"aspek": "Tempat kerja", "faktor": "Di dalam ruangan"}],
    "risiko_bahaya": [{"risiko": "Kelelahan mata", "penyebab": "Layar"}],
    "syarat_jabatan": {"keterampilan": ["Mengoperasikan komputer"]},
}


@dataclass
class Tertib:
    """Dinas A (head, Bidang Satu with its head and a pelaksana) and Dinas B (head), every
    position complete in every part, one holder per OPD: no finding at all."""

    kepala_a: Jabatan
    kabid: Jabatan
    pelaksana: Jabatan
    kepala_b: Jabatan


def lengkapi(akses: Akses, j: Jabatan, *, tugas: bool = True) -> Jabatan:
    if tugas:
        tugas_buat(
            akses=akses, jabatan=j, uraian="Menyusun bahan", hasil_kerja="Bahan",
            satuan_hasil="Dokumen", volume=Decimal(100), waktu=Decimal(5),
        )  # fmt: skip
    anjab_ubah(akses=akses, jabatan=j, versi=0, **ANJAB_LENGKAP)
    tingkat = STRUKTURAL_TERENDAH if j.is_struktural else FUNGSIONAL_TERENDAH
    evaluasi_simpan_tetapkan(
        akses=akses, jabatan=j, versi=0, tingkat=tingkat, tim_evaluator="Tim",
        tanggal=date(2026, 1, 5),
    )  # fmt: skip
    j.refresh_from_db()
    return j


_nip = iter(range(1, 1000))


def tempatkan(dunia, j: Jabatan) -> Penempatan:
    n = next(_nip)
    pegawai = Pegawai.objects.create(
        instansi=dunia.instansi, nip=f"19800101200501{n:04d}", nama=f"Pegawai {n}",
        jenis_kelamin="L", tanggal_lahir=date(1980, 1, 1), status_asn="PNS",
        tmt_pengangkatan=date(2005, 1, 1), golongan="III/a", pendidikan="S-1",
    )  # fmt: skip
    return Penempatan.objects.create(
        instansi=dunia.instansi, struktur=dunia.struktur, jabatan=j, pegawai=pegawai,
        tmt_mulai=date(2024, 1, 2),
    )  # fmt: skip


@pytest.fixture
def tertib(dunia) -> Tertib:
    a = dunia.analis
    buat = jabatan_buat
    kepala_a = buat(
        akses=a, unit=dunia.dinas_a, nama="Kepala Dinas A", jenis="jpt_pratama", is_kepala=True
    )
    kabid = buat(
        akses=a,
        unit=dunia.bidang_a,
        nama="Kepala Bidang Satu",
        jenis="administrator",
        is_kepala=True,
    )
    pelaksana = buat(
        akses=a, unit=dunia.bidang_a, nama="Penelaah Teknis Kebijakan", jenis="pelaksana"
    )
    kepala_b = buat(
        akses=a, unit=dunia.dinas_b, nama="Kepala Dinas B", jenis="jpt_pratama", is_kepala=True
    )
    hasil = Tertib(*(lengkapi(a, j) for j in (kepala_a, kabid, pelaksana, kepala_b)))
    tempatkan(dunia, hasil.kepala_a)
    tempatkan(dunia, hasil.kepala_b)
    return hasil


def _temuan(dunia, diminta=SEMUA, opd=None):
    daftar = temuan_struktur(akses=dunia.analis, struktur=dunia.struktur, opd=opd, diminta=diminta)
    return [(t.kode, t.pesan) for t in daftar]


def test_keadaan_tertib_tanpa_temuan(dunia, tertib):
    assert tertib.kabid.kelas == tertib.kepala_a.kelas == 8  # lowest structural levels
    assert tertib.pelaksana.kelas == 1
    assert _temuan(dunia) == []


# --- one situation, one finding --------------------------------------------------------------

PJ = "Penelaah Teknis Kebijakan (Bidang Satu)"


def _tanpa_tugas(dunia, t):
    for tugas in Tugas.objects.filter(jabatan=t.pelaksana):
        tugas_hapus(akses=dunia.analis, tugas=tugas, versi=tugas.versi)
    return [("ABK-01", f"Jabatan {PJ} belum memiliki uraian tugas.")]


def _k_belum_dihitung(dunia, t):
    Jabatan.objects.filter(pk=t.pelaksana.pk).update(kebutuhan=None, kebutuhan_desimal=None)
    return [
        (
            "ABK-02",
            f"Kebutuhan pegawai (K) jabatan {PJ} belum dihitung walaupun 1 uraian tugasnya "
            "sudah diisi.",
        )
    ]


def _waktu_di_atas_wke(dunia, t):
    tugas_buat(
        akses=dunia.analis, jabatan=t.pelaksana, uraian="Menyusun   rencana strategis lima tahun",
        hasil_kerja="Renstra", satuan_hasil="Dokumen", volume=Decimal(1), waktu=Decimal("1300.5"),
    )  # fmt: skip
    return [
        (
            "ABK-03",
            f'Waktu penyelesaian tugas 2 jabatan {PJ}, "Menyusun rencana strategis lima tahun", '
            "1.300,5 jam per hasil, melebihi waktu kerja efektif setahun (1.250 jam).",
        )
    ]


def _waktu_menit_di_bawah_wke(dunia, t):
    # 75 000 minutes is exactly the WKE: not above it.
    tugas_buat(
        akses=dunia.analis, jabatan=t.pelaksana, uraian="Rapat", hasil_kerja="Notulen",
        satuan_hasil="Dokumen", volume=Decimal(1), waktu=Decimal(75000), satuan_waktu="menit",
    )  # fmt: skip
    return []


def _wke_instansi(dunia, t):
    # The agency's own WKE decides: 1 300 h is fine under 1 400 h.
    PengaturanInstansi.objects.create(
        instansi=dunia.instansi, wke_jam=1400, mode_pembulatan="half_up", minimal_satu=True
    )
    _waktu_di_atas_wke(dunia, t)
    return []


def _volume_nol(dunia, t):
    tugas_buat(
        akses=dunia.analis, jabatan=t.pelaksana, uraian="Menangani banding", hasil_kerja="Berkas",
        satuan_hasil="Berkas", volume=Decimal(0), waktu=Decimal(3),
    )  # fmt: skip
    return [
        (
            "ABK-04",
            f'Jumlah hasil per tahun tugas 2 jabatan {PJ}, "Menangani banding" bernilai 0: tugas '
            "ini tidak menambah beban kerja.",
        )
    ]


def _anjab_pokok_kosong(dunia, t):
    anjab_ubah(
        akses=dunia.analis, jabatan=t.pelaksana, versi=t.pelaksana.anjab.versi,
        ikhtisar="  ", wewenang=[],
    )  # fmt: skip
    return [
        (
            "ANJ-01",
            f"ANJAB jabatan {PJ} belum lengkap; butir pokok yang kosong: 4. Ikhtisar jabatan, "
            "11. Wewenang.",
        )
    ]


def _anjab_lain_kosong(dunia, t):
    anjab_ubah(
        akses=dunia.analis, jabatan=t.pelaksana, versi=t.pelaksana.anjab.versi,
        pengalaman=[""], risiko_bahaya=[{"risiko": "", "penyebab": ""}], syarat_jabatan={},
    )  # fmt: skip
    return [
        (
            "ANJ-02",
            f"ANJAB jabatan {PJ}: butir yang masih kosong: 5c. Pengalaman kerja, 14. Risiko "
            "bahaya, 15. Syarat jabatan.",
        )
    ]


def _tanpa_anjab(dunia, t):
    j = jabatan_buat(
        akses=dunia.analis, unit=dunia.dinas_b, nama="Pengolah Data dan Informasi",
        jenis="pelaksana",
    )  # fmt: skip
    tugas_buat(
        akses=dunia.analis, jabatan=j, uraian="Mengolah data", hasil_kerja="Data",
        satuan_hasil="Dokumen", volume=Decimal(10), waktu=Decimal(2),
    )  # fmt: skip
    nama = "Pengolah Data dan Informasi (Dinas B)"
    return [
        (
            "ANJ-01",
            f"ANJAB jabatan {nama} belum lengkap; butir pokok yang kosong: 4. Ikhtisar jabatan, "
            "7. Hasil kerja, 10. Tanggung jawab, 11. Wewenang.",
        ),
        ("EVA-01", f"Jabatan {nama} belum dievaluasi."),
        ("EVA-02", f"Jabatan {nama} belum memiliki kelas jabatan."),
        (
            "ANJ-02",
            f"ANJAB jabatan {nama}: butir yang masih kosong: 5a. Pendidikan formal, "
            "5b. Pendidikan dan pelatihan, 5c. Pengalaman kerja, 8. Bahan kerja, 9. Perangkat "
            "kerja, 13. Kondisi lingkungan kerja, 14. Risiko bahaya, "
            "15. Syarat jabatan, 16. Prestasi kerja yang diharapkan.",
        ),
    ]


def _evaluasi_draf(dunia, t):
    ev = EvaluasiJabatan.objects.get(jabatan=t.pelaksana)
    evaluasi_buka_kembali(akses=dunia.analis, evaluasi=ev, versi=ev.versi)
    return [("EVA-01", f"Evaluasi jabatan {PJ} masih draf, belum ditetapkan.")]


def _kelas_kosong(dunia, t):
    Jabatan.objects.filter(pk=t.pelaksana.pk).update(kelas=None)
    return [("EVA-02", f"Jabatan {PJ} belum memiliki kelas jabatan.")]


def _kelas_atasan_rendah(dunia, t):
    Jabatan.objects.filter(pk=t.pelaksana.pk).update(kelas=10)
    pesan = (
        "Kelas jabatan atasan (8) lebih rendah dari kelas tertinggi JF bawahannya (10); kelas "
        "atasan perlu dievaluasi ulang."
    )
    return [
        ("EVA-03", f"Jabatan Kepala Dinas A (Dinas A): {pesan}"),
        ("EVA-03", f"Jabatan Kepala Bidang Satu (Bidang Satu): {pesan}"),
        (
            "EVA-04",
            f"Kelas jabatan {PJ} (10) berbeda dengan hasil evaluasi yang ditetapkan (kelas 1).",
        ),
    ]


def _nama_tidak_baku(dunia, t):
    jabatan_ubah(akses=dunia.analis, jabatan=t.pelaksana, nama="Analis Data Umum")
    nama = "Analis Data Umum (Bidang Satu)"
    return [
        (
            "NOM-01",
            f"Nama jabatan pelaksana {nama} tidak ada dalam daftar nama jabatan pelaksana "
            "PermenPAN-RB 45/2022.",
        ),
        (
            "NOM-02",
            f'Nama jabatan pelaksana {nama} memuat kata "Analis"; tugas analisis adalah milik '
            "jabatan fungsional.",
        ),
    ]


def _nama_baku_beda_tulis(dunia, t):
    # Case, spaces and punctuation do not make a catalogue name non-standard.
    jabatan_ubah(akses=dunia.analis, jabatan=t.pelaksana, nama="penelaah  teknis kebijakan.")
    return []


def _unit_tanpa_kepala(dunia, t):
    sistem = Akses.sistem(dunia.instansi)
    unit_buat(
        akses=sistem, struktur=dunia.struktur, induk=dunia.bidang_a, kode="DINAS-A.B1.S1",
        nama="Seksi Satu", jenis="seksi", eselon="IV.a",
    )  # fmt: skip
    # A kelompok jabatan fungsional has no head by design.
    unit_buat(
        akses=sistem, struktur=dunia.struktur, induk=dunia.dinas_a, kode="DINAS-A.JF",
        nama="Kelompok JF", jenis="kelompok_jf",
    )  # fmt: skip
    return [("STR-01", "Unit Seksi Satu (Dinas A) belum memiliki jabatan kepala unit.")]


def _nama_ganda(dunia, t):
    kembar = jabatan_buat(
        akses=dunia.analis, unit=dunia.bidang_a, nama="penelaah teknis  KEBIJAKAN",
        jenis="pelaksana",
    )  # fmt: skip
    lengkapi(dunia.analis, kembar)
    return [
        (
            "STR-02",
            'Unit Bidang Satu (Dinas A) memuat 2 jabatan bernama "Penelaah Teknis Kebijakan"; '
            "gabungkan menjadi satu jabatan dengan kebutuhan (K) sesuai jumlah orang.",
        )
    ]


def _b_belum_diisi(dunia, t):
    Penempatan.objects.filter(jabatan__unit=dunia.dinas_b).update(tmt_selesai=date(2024, 6, 1))
    return [
        (
            "STR-03",
            "Dinas B belum memiliki data pemangku (B): belum ada pegawai yang ditempatkan pada 1 "
            "jabatannya.",
        )
    ]


def _kepala_tak_sesuai_eselon(dunia, t):
    UnitKerja.objects.filter(pk=dunia.bidang_a.pk).update(eselon="IV.a")
    return [
        (
            "STR-04",
            "Kepala unit Bidang Satu (Dinas A), jabatan Kepala Bidang Satu, berjenis "
            "Administrator, sedangkan eselon unit IV.a menghendaki Pengawas.",
        )
    ]


SITUASI = {
    f.__name__.lstrip("_"): f
    for f in (
        _tanpa_tugas, _k_belum_dihitung, _waktu_di_atas_wke, _waktu_menit_di_bawah_wke,
        _wke_instansi, _volume_nol, _anjab_pokok_kosong, _anjab_lain_kosong, _tanpa_anjab,
        _evaluasi_draf, _kelas_kosong, _kelas_atasan_rendah, _nama_tidak_baku,
        _nama_baku_beda_tulis, _unit_tanpa_kepala, _nama_ganda, _b_belum_diisi,
        _kepala_tak_sesuai_eselon,
    )
}  # fmt: skip


@pytest.mark.parametrize("nama", list(SITUASI))
def test_situasi(dunia, tertib, nama):
    harapan = SITUASI[nama](dunia, tertib)
    assert _temuan(dunia) == harapan


def test_temuan_membawa_katalog_opd_objek_dan_tautan(dunia, tertib):
    _volume_nol(dunia, tertib)
    _kelas_kosong(dunia, tertib)
    _b_belum_diisi(dunia, tertib)
    daftar = temuan_struktur(akses=dunia.analis, struktur=dunia.struktur, diminta=SEMUA)
    tugas = Tugas.objects.get(jabatan=tertib.pelaksana, volume=0)
    p = tertib.pelaksana.pk
    assert [(t.kode, t.tingkat, t.objek, t.opd_id, t.tautan) for t in daftar] == [
        (
            "EVA-02",
            GALAT,
            f"jabatan:{p}",
            dunia.dinas_a.pk,
            f"/i/kota-uji/jabatan/{p}/?tab=evaluasi",
        ),
        (
            "ABK-04",
            PERINGATAN,
            f"tugas:{tugas.pk}",
            dunia.dinas_a.pk,
            f"/i/kota-uji/jabatan/{p}/?tab=tugas&ubah={tugas.pk}#tugas-{tugas.pk}",
        ),
        (
            "STR-03",
            PERINGATAN,
            f"unit:{dunia.dinas_b.pk}",
            dunia.dinas_b.pk,
            f"/i/kota-uji/impor/pegawai/?versi={dunia.struktur.pk}",
        ),
    ]
    assert all(t.dasar == KATALOG[t.kode].dasar for t in daftar)
    assert daftar[0].jenis.bagian == Bagian.EVALUASI and daftar[0].galat


def test_hanya_bagian_yang_diminta_ditambah_struktur(dunia, tertib):
    _tanpa_tugas(dunia, tertib)
    _nama_tidak_baku(dunia, tertib)
    _unit_tanpa_kepala(dunia, tertib)
    kode = [k for k, _ in _temuan(dunia, diminta=[Bagian.ANJAB])]
    assert kode == ["STR-01"]
    kode = [k for k, _ in _temuan(dunia, diminta=["nomenklatur", "abk"])]
    assert kode == ["ABK-01", "STR-01", "NOM-01", "NOM-02"]
    with pytest.raises(ValueError):
        _temuan(dunia, diminta=["struktur"])


def test_satu_opd_dan_urutan(dunia, tertib):
    _b_belum_diisi(dunia, tertib)
    _kelas_kosong(dunia, tertib)
    _unit_tanpa_kepala(dunia, tertib)
    semua = temuan_struktur(akses=dunia.analis, struktur=dunia.struktur, diminta=SEMUA)
    # OPD in tree order, errors first, then kode.
    assert [(t.opd_id, t.kode) for t in semua] == [
        (dunia.dinas_a.pk, "EVA-02"),
        (dunia.dinas_a.pk, "STR-01"),
        (dunia.dinas_b.pk, "STR-03"),
    ]
    a = temuan_struktur(
        akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a, diminta=SEMUA
    )
    assert a == semua[:2]
    with pytest.raises(ValueError):
        temuan_struktur(
            akses=dunia.analis, struktur=dunia.struktur, opd=dunia.bidang_a, diminta=SEMUA
        )


def test_instansi_lain_tidak_ada(dunia, tertib):
    with pytest.raises(TidakDitemukan):
        temuan_struktur(akses=dunia.orang_luar, struktur=dunia.struktur, diminta=SEMUA)
    with pytest.raises(TidakDitemukan):
        kelengkapan(akses=dunia.orang_luar, struktur=dunia.struktur, diminta=SEMUA)


def test_kelengkapan(dunia, tertib):
    a = dunia.analis
    pengolah = jabatan_buat(
        akses=a, unit=dunia.bidang_a, nama="Pengolah Data dan Informasi", jenis="pelaksana"
    )
    tugas_buat(
        akses=a, jabatan=pengolah, uraian="Mengolah data", hasil_kerja="Data",
        satuan_hasil="Dokumen", volume=Decimal(10), waktu=Decimal(2),
    )  # fmt: skip
    jabatan_buat(
        akses=a, unit=dunia.bidang_a, nama="Analis Kebijakan Ahli Muda", jenis="fungsional",
        nama_jf="Analis Kebijakan", jenjang="ahli_muda",
    )  # fmt: skip
    salah = jabatan_buat(
        akses=a, unit=dunia.dinas_a, nama="Pengadministrasi Umum", jenis="pelaksana"
    )
    lengkapi(a, salah)  # complete everywhere, but a 41/2018 name
    hasil = kelengkapan(akses=a, struktur=dunia.struktur, diminta=SEMUA)
    assert hasil == {
        dunia.dinas_a.pk: {
            "anjab": (4, 6),
            "abk": (5, 6),
            "evaluasi": (4, 6),
            "nomenklatur": (2, 3),
        },
        dunia.dinas_b.pk: {
            "anjab": (1, 1),
            "abk": (1, 1),
            "evaluasi": (1, 1),
            "nomenklatur": (0, 0),
        },
    }
    assert kelengkapan(akses=a, struktur=dunia.struktur, diminta=["abk"]) == {
        dunia.dinas_a.pk: {"abk": (5, 6)},
        dunia.dinas_b.pk: {"abk": (1, 1)},
    }


def test_panduan_memuat_setiap_kode():
    teks = (Path(__file__).parents[2] / "docs/panduan/temuan.md").read_text()
    baris = re.findall(r"^\| `([A-Z]{3}-\d\d)` \| (galat|peringatan) \|", teks, re.M)
    assert baris == [(j.kode, j.tingkat) for j in KATALOG.values()]


# --- constant queries ------------------------------------------------------------------------


def _hitung(fungsi, **kw) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as kueri:
        hasil = fungsi(**kw)
    return len(kueri), hasil


# Agency kode, settings, units, positions, B, task counts, odd tasks, ANJAB, evaluations.
BATAS_KUERI = 9


def test_jumlah_kueri_tetap_opd_kecil_dan_terbesar(dunia, tertib, demo):
    kecil_n, kecil = _hitung(
        temuan_struktur, akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a,
        diminta=SEMUA,
    )  # fmt: skip
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    opd = opd_paling_besar(struktur)
    assert Jabatan.objects.filter(struktur=struktur, unit__path__startswith=opd.path).count() > 100
    akses = Akses.sistem(demo)
    besar_n, _ = _hitung(temuan_struktur, akses=akses, struktur=struktur, opd=opd, diminta=SEMUA)
    assert kecil == []
    assert kecil_n == besar_n <= BATAS_KUERI
    seluruh_n, _ = _hitung(temuan_struktur, akses=akses, struktur=struktur, diminta=SEMUA)
    assert seluruh_n == besar_n
    k_kecil, _ = _hitung(kelengkapan, akses=dunia.analis, struktur=dunia.struktur, diminta=SEMUA)
    k_besar, _ = _hitung(kelengkapan, akses=akses, struktur=struktur, diminta=SEMUA)
    assert k_kecil == k_besar == BATAS_KUERI - 1  # no agency kode: no links


def test_demo_setiap_opd_tanpa_kueri_per_baris(db, demo):
    """Every OPD of the demo gets its findings with the same queries, and the whole version
    read at once gives exactly the OPDs' findings put together."""
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    akses = Akses.sistem(demo)
    opd_daftar = list(UnitKerja.objects.filter(struktur=struktur, kedalaman=0).order_by("path"))
    assert len(opd_daftar) > 20
    jumlah_kueri = set()
    gabungan = []
    for opd in opd_daftar:
        n, hasil = _hitung(temuan_struktur, akses=akses, struktur=struktur, opd=opd, diminta=SEMUA)
        jumlah_kueri.add(n)
        assert {t.opd_id for t in hasil} <= {opd.pk}
        gabungan.extend(hasil)
    assert len(jumlah_kueri) == 1
    assert temuan_struktur(akses=akses, struktur=struktur, diminta=SEMUA) == gabungan
    progres = kelengkapan(akses=akses, struktur=struktur, diminta=SEMUA)
    assert set(progres) == {o.pk for o in opd_daftar}
    assert all(0 <= a <= b for per in progres.values() for a, b in per.values())
