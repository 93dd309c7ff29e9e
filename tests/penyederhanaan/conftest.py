"""A hand-built agency for the workbench: the `dunia` units plus sections to simplify.

Dinas A (II.b) ─ Bidang Satu (III.b) ─ Seksi Satu (IV.a, removed)
                                     └ Seksi Wilayah (IV.a, kewilayahan: kept)
             └ Sekretariat (III.a) ─ Subbagian Umum (IV.a, removed)
Dinas B (II.b) ─ UPT Pelayanan (IV.a, upt_pelayanan: kept)
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from ramping.akun.akses import Akses
from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.services import unit_buat
from ramping.pegawai.models import Pegawai, Penempatan

NIP = ["198001012005011001", "198502022010012002", "199003032015031003", "198204042006041004"]


@dataclass
class Skema:
    seksi_satu: UnitKerja
    seksi_wilayah: UnitKerja
    sekretariat: UnitKerja
    subbag: UnitKerja
    upt: UnitKerja
    kepala_seksi: Jabatan
    pelaksana_seksi: Jabatan
    kepala_subbag: Jabatan
    kepala_bidang: Jabatan
    pegawai: list[Pegawai]


def _jabatan(unit, nama, jenis, **lain) -> Jabatan:
    return Jabatan.objects.create(
        instansi_id=unit.instansi_id,
        struktur_id=unit.struktur_id,
        unit=unit,
        nama=nama,
        jenis=jenis,
        **lain,
    )


def _pegawai(instansi, nip: str, nama: str, pendidikan: str = "S-1") -> Pegawai:
    return Pegawai.objects.create(
        instansi=instansi,
        nip=nip,
        nama=nama,
        jenis_kelamin="L" if nip[14] == "1" else "P",
        tanggal_lahir=date(int(nip[:4]), int(nip[4:6]), int(nip[6:8])),
        status_asn="PNS",
        tmt_pengangkatan=date(int(nip[8:12]), int(nip[12:14]), 1),
        golongan="III/c",
        pendidikan=pendidikan,
    )


@pytest.fixture
def skema(dunia) -> Skema:
    s = Akses.sistem(dunia.instansi)

    def unit(induk, kode, nama, jenis, eselon, **attr):
        return unit_buat(
            akses=s,
            struktur=dunia.struktur,
            induk=induk,
            kode=kode,
            nama=nama,
            jenis=jenis,
            eselon=eselon,
            **attr,
        )

    seksi = unit(dunia.bidang_a, "A.B1.S1", "Seksi Satu", "seksi", "IV.a")
    wilayah = unit(dunia.bidang_a, "A.B1.S2", "Seksi Wilayah", "seksi", "IV.a", kewilayahan=True)
    sekretariat = unit(dunia.dinas_a, "A.SEK", "Sekretariat", "sekretariat", "III.a")
    subbag = unit(sekretariat, "A.SEK.UM", "Subbagian Umum", "subbagian", "IV.a")
    upt = unit(dunia.dinas_b, "B.UPT", "UPT Pelayanan", "uptd", "IV.a", upt_pelayanan=True)
    _jabatan(dunia.dinas_a, "Kepala Dinas A", "jpt_pratama", is_kepala=True, kelas=14)
    kabid = _jabatan(
        dunia.bidang_a,
        "Kepala Bidang Satu",
        "administrator",
        is_kepala=True,
        kelas=11,
        beban_kerja_jam=Decimal("1250"),
        kebutuhan=1,
    )
    kasi = _jabatan(
        seksi,
        "Kepala Seksi Satu",
        "pengawas",
        is_kepala=True,
        kelas=9,
        beban_kerja_jam=Decimal("1300"),
        kebutuhan=1,
    )
    pel = _jabatan(
        seksi,
        "Pengadministrasi Umum",
        "pelaksana",
        kelas=5,
        beban_kerja_jam=Decimal("2500"),
        kebutuhan=2,
    )
    kasubag = _jabatan(subbag, "Kepala Subbagian Umum", "pengawas", is_kepala=True, kelas=9)
    _jabatan(wilayah, "Kepala Seksi Wilayah", "pengawas", is_kepala=True, kelas=9)
    _jabatan(upt, "Kepala UPT Pelayanan", "pengawas", is_kepala=True, kelas=9)
    Tugas.objects.create(
        instansi=dunia.instansi,
        jabatan=kasi,
        uraian="Menyusun rencana",
        hasil_kerja="Dokumen",
        satuan_hasil="dokumen",
        volume=10,
        waktu=130,
    )
    Anjab.objects.create(instansi=dunia.instansi, jabatan=kasi, ikhtisar="Memimpin seksi")
    EvaluasiJabatan.objects.create(
        instansi=dunia.instansi, jabatan=pel, jenis="fungsional", tingkat={"F1": "1-2"}
    )
    orang = [_pegawai(dunia.instansi, n, f"Pegawai {i}") for i, n in enumerate(NIP)]
    for p, j in zip(orang, (kasi, pel, kasubag, kabid), strict=True):
        Penempatan.objects.create(
            instansi=dunia.instansi,
            struktur=dunia.struktur,
            pegawai=p,
            jabatan=j,
            tmt_mulai=date(2020, 1, 2),
        )
    return Skema(seksi, wilayah, sekretariat, subbag, upt, kasi, pel, kasubag, kabid, orang)
