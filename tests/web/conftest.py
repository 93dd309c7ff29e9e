"""Web fixtures: the `dunia` agency of tests/conftest.py with positions, people and placements,
and URL builders for every page, so permission and query-count tests share one list."""

from dataclasses import dataclass
from datetime import date

import pytest
from django.urls import reverse

from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Pegawai, Penempatan

NIP_A = "198001012005011001"  # born 1 Jan 1980, TMT CPNS Jan 2005, male, no. 001
NIP_B = "198502022010012002"
NIP_C = "199003032015031003"


@dataclass
class Isi:
    """What the small agency holds besides `dunia`'s units and personas."""

    kepala_a: Jabatan
    pelaksana_a: Jabatan
    kepala_b: Jabatan
    pegawai_a: Pegawai
    pegawai_b: Pegawai
    pegawai_bebas: Pegawai  # no active placement: can be placed


def _pegawai(instansi, nip: str, nama: str) -> Pegawai:
    kelamin = "L" if nip[14] == "1" else "P"
    lahir = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    tmt = date(int(nip[8:12]), int(nip[12:14]), 1)
    return Pegawai.objects.create(
        instansi=instansi,
        nip=nip,
        nama=nama,
        jenis_kelamin=kelamin,
        tanggal_lahir=lahir,
        status_asn="PNS",
        tmt_pengangkatan=tmt,
        golongan="III/a",
        pendidikan="S-1",
    )


def _jabatan(unit: UnitKerja, nama: str, jenis: str, **lain) -> Jabatan:
    return Jabatan.objects.create(
        instansi_id=unit.instansi_id, struktur_id=unit.struktur_id, unit=unit, nama=nama,
        jenis=jenis, **lain,
    )  # fmt: skip


@pytest.fixture
def isi(dunia) -> Isi:
    """Positions with K, people and placements in the small agency (version set in force)."""
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2024, 1, 2)
    )
    dunia.struktur.refresh_from_db()
    kepala_a = _jabatan(dunia.dinas_a, "Kepala Dinas A", "jpt_pratama", is_kepala=True, kelas=14,
                        kebutuhan=1)  # fmt: skip
    pelaksana_a = _jabatan(dunia.bidang_a, "Pengadministrasi Perkantoran", "pelaksana", kelas=5,
                           kebutuhan=3)  # fmt: skip
    kepala_b = _jabatan(dunia.dinas_b, "Kepala Dinas B", "jpt_pratama", is_kepala=True, kelas=14)
    a = _pegawai(dunia.instansi, NIP_A, "Budi Santoso")
    b = _pegawai(dunia.instansi, NIP_B, "Siti Aminah")
    bebas = _pegawai(dunia.instansi, NIP_C, "Rudi Hartono")
    for pegawai, jabatan in ((a, kepala_a), (b, pelaksana_a)):
        Penempatan.objects.create(
            instansi=dunia.instansi, struktur=dunia.struktur, pegawai=pegawai, jabatan=jabatan,
            tmt_mulai=date(2024, 1, 2),
        )  # fmt: skip
    return Isi(kepala_a, pelaksana_a, kepala_b, a, b, bebas)


TAB_JABATAN = ("anjab", "tugas", "evaluasi", "pemangku")


def url_halaman(kode: str, *, unit_id: int, jabatan_id: int, pegawai_id: int) -> dict[str, str]:
    """Every agency page (GET), by URL name."""
    return {
        "dasbor": reverse("web:dasbor", args=[kode]),
        "struktur_daftar": reverse("web:struktur_daftar", args=[kode]),
        "pohon": reverse("web:pohon", args=[kode]),
        "bagan": reverse("web:bagan", args=[kode]) + "?kedalaman=9",
        "bagan_cetak": reverse("web:bagan_cetak", args=[kode]),
        "bagan_unit": reverse("web:bagan_unit", args=[kode, unit_id]),
        "bagan_unit_cetak": reverse("web:bagan_unit_cetak", args=[kode, unit_id]),
        "unit": reverse("web:unit", args=[kode, unit_id]),
        "peta": reverse("web:peta", args=[kode]),
        "peta_unit": reverse("web:peta_unit", args=[kode, unit_id]),
        "jabatan": reverse("web:jabatan", args=[kode, jabatan_id]),
        **{
            f"jabatan_{tab}": reverse("web:jabatan", args=[kode, jabatan_id]) + f"?tab={tab}"
            for tab in TAB_JABATAN
        },
        **{
            f"jabatan_tab_{tab}": reverse("web:jabatan_tab", args=[kode, jabatan_id, tab])
            for tab in TAB_JABATAN
        },
        "pegawai_daftar": reverse("web:pegawai_daftar", args=[kode]),
        "pegawai": reverse("web:pegawai", args=[kode, pegawai_id]),
        "penempatan_buat": reverse("web:penempatan_buat", args=[kode]),
    }


@pytest.fixture
def halaman_dunia(dunia, isi) -> dict[str, str]:
    return url_halaman(
        dunia.instansi.kode,
        unit_id=dunia.dinas_a.pk,
        jabatan_id=isi.pelaksana_a.pk,
        pegawai_id=isi.pegawai_a.pk,
    )


@pytest.fixture
def analis_demo(demo, db) -> Pengguna:
    """An analyst of the (session-wide) demo agency; rolled back with the test."""
    pengguna = Pengguna.objects.create_user(username="analis_demo", password="x-uji-123456")
    Keanggotaan.objects.create(instansi=demo, pengguna=pengguna, peran=Peran.ANALIS)
    return pengguna
