import pytest

from ramping.errors import KonflikPerubahan, RampingError, TidakBerhak
from ramping.jabatan.models import EvaluasiJabatan, Jabatan
from ramping.jabatan.services import (
    evaluasi_buka_kembali,
    evaluasi_simpan,
    evaluasi_simpan_tetapkan,
    evaluasi_tetapkan,
)

# Kabupaten Lahat worked example (evaluasi-jabatan.md §5): 1715 points → kelas 10.
LAHAT = {
    "F1": "1-1",
    "F2": "2-1",
    "F3": "3-1",
    "F4A": "4A-3",
    "F4B": "4B-3",
    "F5": "5-4",
    "F6": "6-1",
}


def test_evaluasi_lengkap_memberi_nilai_dan_kelas(dunia, kabid_a):
    ev = evaluasi_simpan(
        akses=dunia.analis,
        jabatan=kabid_a,
        versi=0,
        tingkat=LAHAT,
        alasan={"F1": "Program di tingkat bidang"},
    )
    assert (ev.jenis, ev.nilai, ev.kelas, ev.status) == ("struktural", 1715, 10, "draf")
    assert ev.alasan == {"F1": "Program di tingkat bidang"}


def test_draf_belum_lengkap_tanpa_nilai_dan_tidak_bisa_ditetapkan(dunia, kabid_a):
    sebagian = {k: LAHAT[k] for k in ("F1", "F2", "F3")}
    ev = evaluasi_simpan(akses=dunia.analis, jabatan=kabid_a, versi=0, tingkat=sebagian)
    assert ev.nilai is None
    with pytest.raises(RampingError, match="F4A, F4B, F5, F6 belum dipilih"):
        evaluasi_tetapkan(akses=dunia.analis, evaluasi=ev, versi=ev.versi)


def test_simpan_tetapkan_satu_transaksi(dunia, kabid_a):
    sebagian = {k: LAHAT[k] for k in ("F1", "F2", "F3")}
    with pytest.raises(RampingError, match="F4A, F4B, F5, F6 belum dipilih"):
        evaluasi_simpan_tetapkan(akses=dunia.analis, jabatan=kabid_a, versi=0, tingkat=sebagian)
    assert not EvaluasiJabatan.objects.filter(jabatan=kabid_a).exists()  # the draft rolled back
    ev = evaluasi_simpan_tetapkan(akses=dunia.analis, jabatan=kabid_a, versi=0, tingkat=LAHAT)
    assert (ev.status, ev.kelas) == ("ditetapkan", 10)


def test_penetapan_menulis_kelas_ke_jabatan(dunia, kabid_a):
    ev = evaluasi_simpan(akses=dunia.analis, jabatan=kabid_a, versi=0, tingkat=LAHAT)
    ev = evaluasi_tetapkan(akses=dunia.analis, evaluasi=ev, versi=ev.versi)
    assert Jabatan.objects.get(pk=kabid_a.pk).kelas == 10
    with pytest.raises(RampingError, match="sudah ditetapkan"):
        evaluasi_simpan(akses=dunia.analis, jabatan=kabid_a, versi=ev.versi, tingkat=LAHAT)
    ev = evaluasi_buka_kembali(akses=dunia.analis, evaluasi=ev, versi=ev.versi)
    assert ev.status == "draf"


@pytest.mark.parametrize(
    ("tingkat", "pesan"),
    [
        ({"F9": "9-1"}, "F9 bukan faktor struktural"),
        ({"F5": "5-9"}, "5-9 tidak ada pada faktor F5"),
    ],
)
def test_faktor_atau_tingkat_tak_dikenal_ditolak_dengan_namanya(dunia, kabid_a, tingkat, pesan):
    with pytest.raises(RampingError, match=pesan):
        evaluasi_simpan(akses=dunia.analis, jabatan=kabid_a, versi=0, tingkat=tingkat)


def test_jabatan_pelaksana_memakai_faktor_fungsional(dunia, pelaksana_a):
    ev = evaluasi_simpan(akses=dunia.analis, jabatan=pelaksana_a, versi=0, tingkat={"F1": "1-1"})
    assert ev.jenis == "fungsional"


def test_hanya_analis_yang_mengevaluasi(dunia, kabid_a):
    with pytest.raises(TidakBerhak):
        evaluasi_simpan(akses=dunia.operator_a, jabatan=kabid_a, versi=0, tingkat=LAHAT)


def test_penyimpanan_dari_halaman_usang_ditolak(dunia, kabid_a):
    ev = evaluasi_simpan(akses=dunia.analis, jabatan=kabid_a, versi=0, tingkat={"F1": "1-1"})
    evaluasi_simpan(akses=dunia.analis, jabatan=kabid_a, versi=ev.versi, tingkat={"F1": "1-2"})
    with pytest.raises(KonflikPerubahan):
        evaluasi_simpan(akses=dunia.analis, jabatan=kabid_a, versi=ev.versi, tingkat={"F1": "1-3"})
