"""Large imports applied by the worker: queued at "Terapkan", applied whole in the agency's scope,
a text report for the owner alone; a bad row fails the job with its message and writes nothing;
small files stay synchronous."""

import io
import stat

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from ramping.impor import simpanan
from ramping.impor.latar import IMPOR
from ramping.jabatan.models import Tugas
from ramping.pekerjaan.models import Pekerjaan
from ramping.pekerjaan.penyimpanan import direktori
from ramping.pekerjaan.services import pekerjaan_mulai
from tests.impor.conftest import xlsx
from tests.impor.test_web_cli import JUDUL, T1


def _baris(n: int, volume: str = "240") -> list[list[str]]:
    return [[*T1[:2], f"Menelaah {i}", *T1[3:5], volume, "2"] for i in range(n)]


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def ambang(settings):
    settings.RAMPING_IMPOR_LATAR_BARIS = 3


def _pratinjau(client, akses, data: bytes):
    client.force_login(akses.pengguna)
    return client.post("/i/kota-uji/impor/tugas/", {"berkas": SimpleUploadedFile("t.xlsx", data)})


def test_impor_besar_diterapkan_worker_laporan_hanya_untuk_pemilik(
    client, dunia, jabatan, ambang, antrean
):
    r = _pratinjau(client, dunia.operator_a, xlsx(JUDUL, *_baris(4)))
    assert "diterapkan di latar" in r.content.decode()
    token = r.context["token"]
    unggahan = simpanan._folder() / f"{token}.xlsx"
    assert _mode(unggahan) == 0o600 and _mode(unggahan.parent) == 0o700

    r = client.post(
        "/i/kota-uji/impor/tugas/terapkan/", {"token": token, "nama_berkas": "tugas-besar.xlsx"}
    )
    p = Pekerjaan.objects.get()
    assert r.status_code == 302
    assert r.url == reverse("laporan:pekerjaan", args=["kota-uji", p.token])
    assert (p.jenis, p.status, p.pengguna) == (IMPOR, "antri", dunia.operator_a.pengguna)
    assert not Tugas.objects.filter(jabatan=jabatan).exists()  # nothing in the request

    antrean()

    p.refresh_from_db()
    assert (p.status, p.pesan, p.selesai, p.jumlah) == ("selesai", "", 4, 4)
    assert Tugas.objects.filter(jabatan=jabatan).count() == 4
    assert not unggahan.exists()  # the upload has served
    laporan = direktori() / p.berkas
    assert _mode(laporan) == 0o600
    teks = laporan.read_text(encoding="utf-8")
    assert "tugas-besar.xlsx" in teks and "Baris dibaca: 4" in teks
    assert "- Penelaah Teknis Kebijakan (Bidang Satu): 4 tugas" in teks

    halaman = client.get(reverse("laporan:pekerjaan", args=["kota-uji", p.token])).content
    assert "4 baris — selesai." in halaman.decode()
    unduh = client.get(reverse("laporan:pekerjaan_unduh", args=["kota-uji", p.token]))
    assert unduh.status_code == 200 and unduh["Content-Type"].startswith("text/plain")
    for lain in (dunia.operator_b, dunia.analis):  # same agency, not the owner
        client.force_login(lain.pengguna)
        halaman = client.get(reverse("laporan:pekerjaan", args=["kota-uji", p.token]))
        assert halaman.status_code == 404
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(reverse("laporan:pekerjaan", args=["kab-lain", p.token])).status_code == 404
    assert client.get(reverse("laporan:pekerjaan", args=["kota-uji", p.token])).status_code == 404


def test_impor_besar_dengan_baris_salah_gagal_tanpa_menulis(dunia, jabatan, ambang, antrean):
    # The file passed its preview, but applying re-checks: here a row is bad at that point.
    token = simpanan.simpan(
        xlsx(JUDUL, *_baris(3), _baris(1, volume="-1")[0]), pemilik=dunia.operator_a.pengguna.pk
    )
    p = pekerjaan_mulai(
        akses=dunia.operator_a,
        jenis=IMPOR,
        struktur_id=dunia.struktur.pk,
        jenis_impor="tugas",
        token=token,
        nama_berkas="salah.xlsx",
        baris=4,
    )

    antrean()

    p.refresh_from_db()
    assert p.status == "gagal" and p.berkas == ""
    assert p.pesan.startswith("Impor dibatalkan, tidak ada yang ditulis: 1 baris bermasalah.")
    assert "baris 5" in p.pesan and "tidak boleh negatif" in p.pesan
    assert not Tugas.objects.filter(jabatan=jabatan).exists()
    assert list(direktori().iterdir()) == [] and not simpanan.ada(token)


def test_izin_diperiksa_lagi_oleh_worker(dunia, jabatan, ambang, antrean):
    from ramping.akun.models import Keanggotaan

    token = simpanan.simpan(xlsx(JUDUL, *_baris(4)), pemilik=dunia.operator_a.pengguna.pk)
    p = pekerjaan_mulai(
        akses=dunia.operator_a, jenis=IMPOR, struktur_id=dunia.struktur.pk,
        jenis_impor="tugas", token=token, baris=4,
    )  # fmt: skip
    Keanggotaan.objects.filter(pengguna=dunia.operator_a.pengguna).delete()  # revoked meanwhile

    antrean()

    p.refresh_from_db()
    assert p.status == "gagal" and not Tugas.objects.filter(jabatan=jabatan).exists()


def test_impor_kecil_tetap_langsung(client, dunia, jabatan, ambang):
    r = _pratinjau(client, dunia.operator_a, xlsx(JUDUL, *_baris(3)))
    assert "diterapkan di latar" not in r.content.decode()
    r = client.post("/i/kota-uji/impor/tugas/terapkan/", {"token": r.context["token"]})
    assert r.status_code == 302 and r.url == reverse("impor:daftar", args=["kota-uji"])
    assert Tugas.objects.filter(jabatan=jabatan).count() == 3
    assert not Pekerjaan.objects.exists()


def test_perintah_impor_antrikan_diterapkan_worker(dunia, jabatan, antrean, tmp_path):
    berkas = tmp_path / "tugas.xlsx"
    berkas.write_bytes(xlsx(JUDUL, *_baris(2)))
    keluar = io.StringIO()
    argumen = ["tugas", str(berkas), "--instansi", "kota-uji", "--versi", str(dunia.struktur.pk)]
    call_command("impor", *argumen, "--antrikan", stdout=keluar, stderr=io.StringIO())
    p = Pekerjaan.objects.get()
    assert "Impor diantrekan" in keluar.getvalue() and p.pengguna is None  # a system job
    assert not Tugas.objects.filter(jabatan=jabatan).exists()

    antrean()

    p.refresh_from_db()
    assert p.status == "selesai" and Tugas.objects.filter(jabatan=jabatan).count() == 2


@pytest.mark.parametrize(("setuju", "status"), [(False, "gagal"), (True, "selesai")])
def test_worker_memakai_persetujuan_peringatan_dari_pratinjau(
    client, dunia, jabatan, ambang, antrean, setuju, status
):
    # 4 tasks of 240 × 2 h plus one of 1 300 h per unit (> WKE): a warning to acknowledge.
    data = xlsx(JUDUL, *_baris(4), [*T1[:2], "Merencanakan", *T1[3:5], "1", "1300"])
    r = _pratinjau(client, dunia.operator_a, data)
    assert len(r.context["pratinjau"].peringatan) == 1
    isian = {"token": r.context["token"], **({"setuju_peringatan": "1"} if setuju else {})}
    client.post("/i/kota-uji/impor/tugas/terapkan/", isian)
    antrean()
    p = Pekerjaan.objects.get(pengguna=dunia.operator_a.pengguna)
    assert p.status == status
    assert Tugas.objects.filter(jabatan=jabatan).count() == (5 if setuju else 0)
    if not setuju:
        assert "peringatan" in p.pesan
