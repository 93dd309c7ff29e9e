"""The assignment state machine: every state × every action, who may act, history."""

from datetime import date
from decimal import Decimal

import pytest

from ramping.errors import KonflikPerubahan, TidakBerhak
from ramping.sistemkerja import services as svc
from ramping.sistemkerja.errors import CatatanWajib, TransisiTidakSah
from ramping.sistemkerja.models import Penugasan, RiwayatPenugasan

pytestmark = pytest.mark.django_db
S = Penugasan.Status

# (from, action) → to; every pair not listed is illegal.
SAH = {
    (S.DIRENCANAKAN, "mulai"): S.BERJALAN,
    (S.DIKEMBALIKAN, "mulai"): S.BERJALAN,
    (S.BERJALAN, "serahkan"): S.DISERAHKAN,
    (S.DISERAHKAN, "terima"): S.DITERIMA,
    (S.DISERAHKAN, "kembalikan"): S.DIKEMBALIKAN,
}
JALAN = {  # how to reach each state from direncanakan
    S.DIRENCANAKAN: [],
    S.BERJALAN: ["mulai"],
    S.DISERAHKAN: ["mulai", "serahkan"],
    S.DITERIMA: ["mulai", "serahkan", "terima"],
    S.DIKEMBALIKAN: ["mulai", "serahkan", "kembalikan"],
}


def rencana(dunia, sk, akses=None) -> Penugasan:
    return svc.penugasan_rencanakan(
        akses=akses or dunia.operator_a,
        tim=sk.tim,
        judul="Kajian kebijakan",
        target_output="Naskah kajian",
        volume=Decimal(2),
        satuan="naskah",
        tenggat=date(2026, 12, 1),
    )


def jalankan(p, aksi, akses):
    return svc.AKSI_PENUGASAN[aksi](akses=akses, penugasan=p, versi=p.versi, catatan="catatan uji")


def ke_status(dunia, sk, status) -> Penugasan:
    p = rencana(dunia, sk)
    for aksi in JALAN[status]:
        p = jalankan(p, aksi, dunia.analis)
    return p


@pytest.mark.parametrize("dari", list(JALAN))
@pytest.mark.parametrize("aksi", ["mulai", "serahkan", "terima", "kembalikan"])
def test_transisi_sah_dan_tidak_sah(dunia, sk, dari, aksi):
    p = ke_status(dunia, sk, dari)
    if (dari, aksi) in SAH:
        assert jalankan(p, aksi, dunia.analis).status == SAH[(dari, aksi)]
    else:
        with pytest.raises(TransisiTidakSah) as e:
            jalankan(p, aksi, dunia.analis)
        assert "tidak dapat di" in e.value.pesan
        p.refresh_from_db()
        assert p.status == dari


@pytest.mark.parametrize(
    ("persona", "boleh"),
    [("analis", True), ("pimpinan", True), ("operator_a", False), ("operator_b", False)],
)
@pytest.mark.parametrize("aksi", ["terima", "kembalikan"])
def test_hanya_level_1_yang_menerima_atau_mengembalikan(dunia, sk, persona, boleh, aksi):
    p = ke_status(dunia, sk, S.DISERAHKAN)
    if boleh:
        assert jalankan(p, aksi, getattr(dunia, persona)).status == SAH[(S.DISERAHKAN, aksi)]
    else:
        with pytest.raises(TidakBerhak):
            jalankan(p, aksi, getattr(dunia, persona))


@pytest.mark.parametrize(
    ("persona", "boleh"),
    [("analis", True), ("operator_a", True), ("operator_b", False), ("pimpinan", False)],
)
def test_anggota_mengerjakan_dan_menyerahkan(dunia, sk, persona, boleh):
    p = rencana(dunia, sk)
    if boleh:
        p = jalankan(p, "mulai", getattr(dunia, persona))
        assert jalankan(p, "serahkan", getattr(dunia, persona)).status == S.DISERAHKAN
    else:
        with pytest.raises(TidakBerhak):
            jalankan(p, "mulai", getattr(dunia, persona))


def test_hanya_level_2_merencanakan(dunia, sk):
    for persona in ("operator_b", "pimpinan"):
        with pytest.raises(TidakBerhak):
            rencana(dunia, sk, getattr(dunia, persona))
    assert not Penugasan.objects.filter(instansi=dunia.instansi).exists()


def test_dikembalikan_perlu_catatan_lalu_kembali_ke_anggota(dunia, sk):
    p = ke_status(dunia, sk, S.DISERAHKAN)
    with pytest.raises(CatatanWajib):
        svc.penugasan_kembalikan(akses=dunia.pimpinan, penugasan=p, versi=p.versi, catatan="  ")
    p = svc.penugasan_kembalikan(
        akses=dunia.pimpinan, penugasan=p, versi=p.versi, catatan="Lengkapi data."
    )
    assert p.status == S.DIKEMBALIKAN
    p = svc.penugasan_mulai(akses=dunia.operator_a, penugasan=p, versi=p.versi)
    assert p.status == S.BERJALAN
    langkah = list(
        RiwayatPenugasan.objects.filter(penugasan=p).values_list("dari", "ke", "sebagai")
    )
    assert langkah == [
        ("", "direncanakan", "Pejabat Level 2"),
        ("direncanakan", "berjalan", "Anggota/pelaksana"),
        ("berjalan", "diserahkan", "Anggota/pelaksana"),
        ("diserahkan", "dikembalikan", "Pejabat Level 1"),
        ("dikembalikan", "berjalan", "Anggota/pelaksana"),
    ]
    kembali = RiwayatPenugasan.objects.get(penugasan=p, ke="dikembalikan")
    assert kembali.oleh == dunia.pimpinan.pengguna and kembali.catatan == "Lengkapi data."
    assert kembali.pada is not None


def test_versi_lama_ditolak(dunia, sk):
    p = ke_status(dunia, sk, S.DISERAHKAN)
    lama = p.versi
    svc.penugasan_terima(akses=dunia.pimpinan, penugasan=p, versi=lama)
    p.status = S.DISERAHKAN  # a second user still sees the old page
    with pytest.raises(KonflikPerubahan):
        svc.penugasan_kembalikan(akses=dunia.analis, penugasan=p, versi=lama, catatan="x")
    p.refresh_from_db()
    assert p.status == S.DITERIMA


def test_kegiatan_hanya_saat_berjalan_dan_progres_0_sampai_100(dunia, sk):
    from ramping.errors import RampingError

    p = rencana(dunia, sk)
    with pytest.raises(TransisiTidakSah):
        svc.kegiatan_tambah(akses=dunia.operator_a, penugasan=p, nama="Survei")
    p = svc.penugasan_mulai(akses=dunia.operator_a, penugasan=p, versi=p.versi)
    k = svc.kegiatan_tambah(akses=dunia.operator_a, penugasan=p, nama="Survei")
    with pytest.raises(RampingError) as e:
        svc.kegiatan_perbarui(akses=dunia.operator_a, kegiatan=k, versi=k.versi, progres=101)
    assert e.value.field == "progres"
    k = svc.kegiatan_perbarui(akses=dunia.operator_a, kegiatan=k, versi=k.versi, progres=60)
    assert k.progres == 60
    with pytest.raises(KonflikPerubahan):
        svc.kegiatan_perbarui(akses=dunia.operator_a, kegiatan=k, versi=1, progres=70)
    with pytest.raises(TidakBerhak):
        svc.kegiatan_perbarui(akses=dunia.pimpinan, kegiatan=k, versi=k.versi, progres=70)
