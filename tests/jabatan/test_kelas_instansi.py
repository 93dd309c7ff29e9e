"""The agency's kelas overrides and the one kelas reference (`kelas_acuan`)."""

import pytest

from ramping.audit.models import JejakAudit
from ramping.errors import KonflikPerubahan, TidakBerhak, TidakDitemukan
from ramping.jabatan.models import KelasInstansi
from ramping.jabatan.selectors import kelas_acuan
from ramping.jabatan.services.kelas_instansi import (
    KelasInstansiTidakSah,
    kelas_instansi_hapus,
    kelas_instansi_simpan,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("jenis", "nama", "nama_jf", "jenjang", "diharapkan"),
    [
        # JF with a catalogue kelas (Perencana Ahli Muda = 10, PermenPAN-RB 4/2020 row).
        ("fungsional", "Perencana Ahli Muda", "Perencana", "ahli_muda", 10),
        # JF whose kelas the catalogue does not state: unknown, never derived from the jenjang.
        ("fungsional", "Analis Kebijakan Ahli Muda", "Analis Kebijakan", "ahli_muda", None),
        # Pelaksana with an indicative kelas in the 45/2022 list.
        ("pelaksana", "Pengolah Data dan Informasi", "", "", 6),
        ("pelaksana", "Nama Yang Tidak Ada", "", "", None),
        ("struktural", "Kepala Dinas", "", "", None),
    ],
)
def test_katalog_tanpa_kelas_instansi(dunia, jenis, nama, nama_jf, jenjang, diharapkan):
    kelas, sumber = kelas_acuan(dunia.instansi.pk).kelas(jenis, nama, nama_jf, jenjang)
    assert kelas == diharapkan
    assert sumber.startswith("katalog:") == (diharapkan is not None)


def test_kelas_instansi_mendahului_katalog_hanya_di_instansinya(dunia):
    kelas_instansi_simpan(
        akses=dunia.analis,
        jenis="fungsional",
        nama="Perencana",
        jenjang="ahli_muda",
        kelas=9,
        dasar_hukum="Keputusan Wali Kota Uji 800/12/2023",
    )
    kelas_instansi_simpan(
        akses=dunia.analis,
        jenis="pelaksana",
        nama="pengolah data dan informasi",
        kelas=7,
        dasar_hukum="Perwal Uji 5/2024",
    )
    acuan = kelas_acuan(dunia.instansi.pk)
    assert acuan.kelas("fungsional", "", "Perencana", "ahli_muda") == (
        9,
        "Keputusan Wali Kota Uji 800/12/2023 (instansi)",
    )
    assert acuan.kelas("pelaksana", "Pengolah Data dan Informasi")[0] == 7
    # Other jenjang and the other agency still read the catalogue.
    assert acuan.kelas("fungsional", "", "Perencana", "ahli_pertama")[0] == 8
    assert (
        kelas_acuan(dunia.instansi_lain.pk).kelas("pelaksana", "Pengolah Data dan Informasi")[0]
        == 6
    )
    assert JejakAudit.objects.filter(aksi="kelas_instansi_simpan").count() == 2


@pytest.mark.parametrize(
    ("isian", "pesan"),
    [
        ({"jenis": "fungsional", "nama": "Perencana", "jenjang": "", "kelas": 9}, "jenjang"),
        ({"jenis": "pelaksana", "nama": " ", "kelas": 7}, "Nama jabatan"),
        ({"jenis": "pelaksana", "nama": "Pengolah", "kelas": 18}, "1 sampai 17"),
        ({"jenis": "pelaksana", "nama": "Pengolah", "kelas": 7, "dasar_hukum": " "}, "Dasar"),
        ({"jenis": "lain", "nama": "Pengolah", "kelas": 7}, "Jenis"),
    ],
)
def test_isian_salah_ditolak_dengan_pesan(dunia, isian, pesan):
    isian = {"dasar_hukum": "Perwal 1/2024"} | isian
    with pytest.raises(KelasInstansiTidakSah, match=pesan):
        kelas_instansi_simpan(akses=dunia.analis, **isian)
    assert not KelasInstansi.objects.exists()


def test_ganda_ditolak_ubah_dan_hapus_berkunci(dunia):
    isian = dict(jenis="pelaksana", nama="Pengadministrasi Perkantoran", kelas=5, dasar_hukum="A")
    k = kelas_instansi_simpan(akses=dunia.analis, **isian)
    with pytest.raises(KelasInstansiTidakSah, match="sudah ditetapkan"):
        kelas_instansi_simpan(akses=dunia.analis, **isian)
    kelas_instansi_simpan(akses=dunia.analis, objek=k, versi=1, **(isian | {"kelas": 6}))
    assert KelasInstansi.objects.get().kelas == 6
    with pytest.raises(KonflikPerubahan):
        kelas_instansi_hapus(akses=dunia.analis, objek=k, versi=1)
    kelas_instansi_hapus(akses=dunia.analis, objek=k, versi=2)
    assert not KelasInstansi.objects.exists()


@pytest.mark.parametrize("persona", ["operator_a", "pimpinan"])
def test_hanya_analis(dunia, persona):
    with pytest.raises(TidakBerhak):
        kelas_instansi_simpan(
            akses=getattr(dunia, persona), jenis="pelaksana", nama="X", kelas=5, dasar_hukum="A"
        )
    k = kelas_instansi_simpan(
        akses=dunia.analis, jenis="pelaksana", nama="X", kelas=5, dasar_hukum="A"
    )
    with pytest.raises(TidakBerhak):
        kelas_instansi_hapus(akses=getattr(dunia, persona), objek=k, versi=1)
    assert KelasInstansi.objects.filter(pk=k.pk).exists()


def test_orang_luar_tidak_menyentuh_kelas_instansi_lain(dunia):
    k = kelas_instansi_simpan(
        akses=dunia.analis, jenis="pelaksana", nama="X", kelas=5, dasar_hukum="A"
    )
    for aksi in (
        lambda: kelas_instansi_hapus(akses=dunia.orang_luar, objek=k, versi=1),
        lambda: kelas_instansi_simpan(
            akses=dunia.orang_luar,
            objek=k,
            versi=1,
            jenis="pelaksana",
            nama="X",
            kelas=9,
            dasar_hukum="B",
        ),
    ):
        with pytest.raises(TidakDitemukan):
            aksi()
    k.refresh_from_db()
    assert (k.kelas, k.versi) == (5, 1)
    # Their own override lives in their agency only.
    kelas_instansi_simpan(
        akses=dunia.orang_luar, jenis="pelaksana", nama="X", kelas=9, dasar_hukum="B"
    )
    assert kelas_acuan(dunia.instansi.pk).kelas("pelaksana", "X")[0] == 5
