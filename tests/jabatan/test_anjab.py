import pytest

from ramping.audit.models import JejakAudit
from ramping.errors import KonflikPerubahan, RampingError, TidakBerhak
from ramping.jabatan.models import Anjab
from ramping.jabatan.services import anjab_ubah


def test_anjab_pertama_dibuat_lalu_diubah_dengan_jejak(dunia, pelaksana_a):
    anjab = anjab_ubah(
        akses=dunia.operator_a,
        jabatan=pelaksana_a,
        versi=0,
        ikhtisar="  Menelaah kebijakan teknis. ",
        tanggung_jawab=["Kebenaran data", " "],
        korelasi_jabatan=[
            {"jabatan": "Kepala Bidang", "unit": "Bidang Satu", "dalam_hal": "Laporan"},
            {"jabatan": "", "unit": "", "dalam_hal": ""},
        ],
    )
    assert anjab.ikhtisar == "Menelaah kebijakan teknis."
    assert anjab.tanggung_jawab == ["Kebenaran data"]
    assert len(anjab.korelasi_jabatan) == 1  # the empty form row is dropped
    assert anjab.versi == 1 and anjab.diubah_oleh == dunia.operator_a.pengguna
    assert JejakAudit.objects.filter(aksi="anjab_ubah", instansi=dunia.instansi).count() == 1


def test_baris_tabel_tanpa_kolom_utama_ditolak_dengan_nama_butirnya(dunia, pelaksana_a):
    with pytest.raises(RampingError) as err:
        anjab_ubah(
            akses=dunia.analis,
            jabatan=pelaksana_a,
            versi=0,
            risiko_bahaya=[{"risiko": "", "penyebab": "Layar komputer"}],
        )
    assert err.value.field == "risiko_bahaya"
    assert "Baris 1" in err.value.pesan
    assert not Anjab.objects.filter(jabatan=pelaksana_a).exists()


def test_dua_pengubah_anjab_tidak_saling_menimpa(dunia, pelaksana_a):
    anjab_ubah(akses=dunia.analis, jabatan=pelaksana_a, versi=0, ikhtisar="Versi analis")
    with pytest.raises(KonflikPerubahan):
        anjab_ubah(akses=dunia.operator_a, jabatan=pelaksana_a, versi=0, ikhtisar="Versi operator")
    assert Anjab.objects.get(jabatan=pelaksana_a).ikhtisar == "Versi analis"


def test_operator_opd_lain_tidak_mengubah_anjab(dunia, pelaksana_a):
    with pytest.raises(TidakBerhak):
        anjab_ubah(akses=dunia.operator_b, jabatan=pelaksana_a, versi=0, ikhtisar="x")


@pytest.mark.parametrize(
    "isian",
    [
        {"ikhtisar": "Menyusun\x00 kajian"},
        {"tanggung_jawab": ["Ketepatan data", "Laporan\x07"]},
        {"hasil_kerja": [{"hasil": "Dokumen _x0000_", "satuan": "dokumen"}]},
        {"syarat_jabatan": {"kondisi_fisik": {"umur": "\x0b"}}},
    ],
)
def test_teks_yang_tidak_dapat_dicetak_ditolak_pada_setiap_butir(dunia, pelaksana_a, isian):
    """ANJAB text reaches the OPD's DOCX: the service refuses what no document can carry."""
    with pytest.raises(RampingError, match="tidak dapat dicetak") as galat:
        anjab_ubah(akses=dunia.analis, jabatan=pelaksana_a, versi=0, **isian)
    assert galat.value.field == next(iter(isian))
    assert not Anjab.objects.filter(jabatan=pelaksana_a).exclude(ikhtisar="").exists()


def test_tab_dan_baris_baru_tetap_boleh(dunia, pelaksana_a):
    anjab = anjab_ubah(akses=dunia.analis, jabatan=pelaksana_a, versi=0, ikhtisar="Satu\tdua\nTiga")
    assert anjab.ikhtisar == "Satu\tdua\nTiga"
