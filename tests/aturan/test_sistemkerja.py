"""Sistem kerja checks (PermenPAN-RB 7/2022) driven by settings."""

from decimal import Decimal as D

import pytest

from ramping.aturan import AnggotaTim, Pengaturan, Tim, periksa_ketua_tim, periksa_sistem_kerja
from ramping.aturan.errors import AlokasiMelebihiWKE, KetuaTimTidakMemenuhi, MelebihiBatasTim

JF_MUDA = AnggotaTim("jf1", "fungsional", "ahli_muda", D(600))
JF_PERTAMA = AnggotaTim("jf2", "fungsional", "ahli_pertama", D(700))
PELAKSANA = AnggotaTim("p1", "pelaksana", None, D(400))


@pytest.mark.parametrize(
    ("anggota", "pengaturan", "boleh"),
    [
        (JF_MUDA, Pengaturan(), True),
        (PELAKSANA, Pengaturan(), True),  # default: a JF or pelaksana member (issue 7)
        (PELAKSANA, Pengaturan(ketua_tim_jenis=("fungsional",)), False),
        (AnggotaTim("a1", "administrator", None, D(100)), Pengaturan(), False),
        (JF_PERTAMA, Pengaturan(ketua_tim_jenjang_minimal="ahli_muda"), False),
        (JF_MUDA, Pengaturan(ketua_tim_jenjang_minimal="ahli_muda"), True),
    ],
)
def test_siapa_boleh_menjadi_ketua_tim_mengikuti_pengaturan(anggota, pengaturan, boleh):
    if boleh:
        periksa_ketua_tim(
            anggota.pegawai_id, anggota.jenis_jabatan, anggota.jenjang, pengaturan=pengaturan
        )
    else:
        with pytest.raises(KetuaTimTidakMemenuhi):
            periksa_ketua_tim(
                anggota.pegawai_id, anggota.jenis_jabatan, anggota.jenjang, pengaturan=pengaturan
            )


def test_tim_tanpa_ketua_diperbolehkan_dan_tanpa_batas_jumlah_tim():
    tim = [
        Tim(f"t{i}", (AnggotaTim("jf2", "fungsional", "ahli_pertama", D(100)),)) for i in range(6)
    ]
    assert periksa_sistem_kerja(tim) == []


def test_batas_jumlah_tim_per_orang_bila_diatur():
    anggota = AnggotaTim("jf2", "fungsional", "ahli_pertama", D(100))
    tim = [Tim(f"t{i}", (anggota,)) for i in range(3)]
    temuan = periksa_sistem_kerja(tim, pengaturan=Pengaturan(maks_tim_per_orang=2))
    assert [type(t) for t in temuan] == [MelebihiBatasTim]
    assert temuan[0].jumlah == 3


def test_jam_yang_dialokasikan_tidak_melebihi_wke():
    tim = [Tim("a", (JF_MUDA,), ketua_id="jf1"), Tim("b", (JF_MUDA, PELAKSANA))]
    temuan = periksa_sistem_kerja(tim)
    assert [type(t) for t in temuan] == []
    tim.append(Tim("c", (JF_MUDA,)))  # 3 × 600 h > 1 250 h
    temuan = periksa_sistem_kerja(tim)
    assert [type(t) for t in temuan] == [AlokasiMelebihiWKE]
    assert temuan[0].jam == D(1800)


def test_ketua_harus_anggota_tim_dan_memenuhi_syarat():
    temuan = periksa_sistem_kerja(
        [Tim("a", (JF_MUDA,), ketua_id="orang_lain"), Tim("b", (PELAKSANA,), ketua_id="p1")],
        pengaturan=Pengaturan(ketua_tim_jenis=("fungsional",)),
    )
    assert [type(t) for t in temuan] == [KetuaTimTidakMemenuhi, KetuaTimTidakMemenuhi]
