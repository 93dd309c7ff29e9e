"""The state machine of one OPD, table-tested: every action from every state for every role."""

import pytest

from ramping.errors import RampingError, TidakBerhak
from ramping.penataan import services as svc
from ramping.penataan.alur import TRANSISI
from ramping.penataan.models import Cuplikan, PesertaPenataan, RiwayatPengajuan

S = PesertaPenataan.Status
PERSONA = ("operator_a", "operator_b", "analis", "pimpinan")


def _boleh(aksi: str, dari: str, persona: str) -> bool:
    t = TRANSISI[aksi]
    if dari not in t.dari:
        return False
    return persona == "operator_a" if t.oleh == "operator" else persona == "analis"


@pytest.mark.parametrize("persona", PERSONA)
@pytest.mark.parametrize("dari", S.values)
@pytest.mark.parametrize("aksi", list(TRANSISI))
def test_setiap_transisi_per_peran(dunia, peserta_a, aksi, dari, persona):
    PesertaPenataan.objects.filter(pk=peserta_a.pk).update(status=dari)
    peserta_a.refresh_from_db()
    akses = getattr(dunia, persona)
    panggil = svc.AKSI_PESERTA[aksi]
    argumen = {"catatan": "Lengkapi uraian tugas."} if aksi != "mulai" else {}
    if _boleh(aksi, dari, persona):
        hasil = panggil(akses=akses, peserta=peserta_a, versi=peserta_a.versi, **argumen)
        assert hasil.status == TRANSISI[aksi].ke
        r = RiwayatPengajuan.objects.get(peserta=peserta_a)
        assert (r.aksi, r.dari, r.ke, r.oleh) == (aksi, dari, TRANSISI[aksi].ke, akses.pengguna)
    else:
        with pytest.raises((RampingError, TidakBerhak)):
            panggil(akses=akses, peserta=peserta_a, versi=peserta_a.versi, **argumen)
        peserta_a.refresh_from_db()
        assert peserta_a.status == dari
        assert not RiwayatPengajuan.objects.filter(peserta=peserta_a).exists()


def test_orang_luar_tidak_melihat_peserta(dunia, peserta_a):
    with pytest.raises(RampingError):
        svc.peserta_setujui(akses=dunia.orang_luar, peserta=peserta_a, versi=peserta_a.versi)


@pytest.mark.parametrize("aksi", ["kembalikan", "buka_kembali"])
def test_pengembalian_wajib_bercatatan(dunia, peserta_a, aksi):
    dari = next(iter(TRANSISI[aksi].dari))
    PesertaPenataan.objects.filter(pk=peserta_a.pk).update(status=dari)
    peserta_a.refresh_from_db()
    with pytest.raises(RampingError, match="Tuliskan catatan") as e:
        svc.AKSI_PESERTA[aksi](akses=dunia.analis, peserta=peserta_a, versi=peserta_a.versi,
                               catatan="  ")  # fmt: skip
    assert e.value.field == "catatan"


def test_versi_lama_ditolak(dunia, peserta_a):
    lama = peserta_a.versi
    svc.peserta_ajukan(akses=dunia.operator_a, peserta=peserta_a, versi=lama)
    with pytest.raises(RampingError, match="sudah diubah"):
        svc.peserta_setujui(akses=dunia.analis, peserta=peserta_a, versi=lama)


def test_opd_yang_dikunci_tidak_dapat_mengajukan(dunia, peserta_a):
    svc.peserta_kunci(akses=dunia.analis, peserta=peserta_a, versi=peserta_a.versi, dikunci=True)
    with pytest.raises(RampingError, match="dikunci"):
        svc.peserta_ajukan(akses=dunia.operator_a, peserta=peserta_a, versi=peserta_a.versi)


def test_pengajuan_dan_persetujuan_membekukan_cuplikan(dunia, peserta_a, jabatan_a):
    from decimal import Decimal

    from ramping.jabatan.models import Tugas
    from ramping.jabatan.services import tugas_ubah

    p = svc.peserta_ajukan(akses=dunia.operator_a, peserta=peserta_a, versi=peserta_a.versi)
    diajukan = Cuplikan.objects.get(peserta=p, jenis="diajukan")
    (t,) = [t for t in diajukan.data["tugas"] if t["jabatan_id"] == jabatan_a.pk]
    assert t["volume"] == "100.00" and t["waktu"] == "5.0000"  # time keeps 4 places (#11)
    p = svc.peserta_setujui(akses=dunia.analis, peserta=p, versi=p.versi)
    disetujui = Cuplikan.objects.get(peserta=p, jenis="disetujui")
    assert disetujui.data == diajukan.data
    # An analyst may still correct the live data; the approved result does not move.
    tugas = Tugas.objects.get(jabatan=jabatan_a)
    tugas_ubah(akses=dunia.analis, tugas=tugas, versi=tugas.versi, volume=Decimal(300))
    disetujui.refresh_from_db()
    (t,) = [t for t in disetujui.data["tugas"] if t["jabatan_id"] == jabatan_a.pk]
    assert t["volume"] == "100.00"
    j = next(j for j in disetujui.data["jabatan"] if j["id"] == jabatan_a.pk)
    assert j["beban_kerja_jam"] == "500.00"
