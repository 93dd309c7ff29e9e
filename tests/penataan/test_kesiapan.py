"""Submitting needs a ready OPD: no error finding, every warning answered, every note resolved;
and the people concerned are told (in the app and by e-mail)."""

from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from ramping.errors import RampingError
from ramping.jabatan.services import jabatan_buat
from ramping.penataan import services as svc
from ramping.penataan.models import Notifikasi, PengakuanTemuan


def test_galat_menghalangi_pengajuan(dunia, kegiatan, jabatan_a):
    p = kegiatan.peserta_set.get(opd__kode="DINAS-A")
    jabatan_buat(akses=dunia.analis, unit=dunia.bidang_a, nama="Pengolah Data", jenis="pelaksana",
                 kelas=6)  # fmt: skip
    with pytest.raises(RampingError, match=r"Pengolah Data .* belum memiliki uraian tugas"):
        svc.peserta_ajukan(akses=dunia.operator_a, peserta=p, versi=p.versi)


def test_peringatan_harus_ditanggapi_lewat_web(client, dunia, kegiatan, jabatan_a):
    p = kegiatan.peserta_set.get(opd__kode="DINAS-A")
    with pytest.raises(RampingError, match="peringatan belum ditanggapi"):
        svc.peserta_ajukan(akses=dunia.operator_a, peserta=p, versi=p.versi)
    client.force_login(dunia.operator_a.pengguna)
    url = reverse("penataan:peserta", args=[dunia.instansi.kode, kegiatan.pk, p.pk])
    halaman = client.get(url).content.decode()
    assert "Simpan tanggapan" in halaman
    from ramping.penataan.temuan import temuan_struktur

    peringatan = temuan_struktur(akses=dunia.analis, struktur=kegiatan.struktur, opd=p.opd,
                                 diminta=kegiatan.diminta)  # fmt: skip
    assert peringatan and all(t.tingkat == "peringatan" for t in peringatan)
    akui = reverse("penataan:temuan_akui", args=[dunia.instansi.kode, kegiatan.pk, p.pk])
    t = peringatan[0]
    r = client.post(akui, {"kode": t.kode, "objek": t.objek, "catatan": " "})
    assert r.status_code == 422 and not PengakuanTemuan.objects.exists()
    for t in peringatan:
        r = client.post(akui, {"kode": t.kode, "objek": t.objek, "catatan": "Sudah sesuai."})
        assert r.status_code == 302
    assert PengakuanTemuan.objects.filter(peserta=p).count() == len(peringatan)
    p.refresh_from_db()
    ajukan = reverse(
        "penataan:peserta_aksi", args=[dunia.instansi.kode, kegiatan.pk, p.pk, "ajukan"]
    )
    r = client.post(ajukan, {"versi": p.versi})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == "diajukan"


def test_operator_opd_lain_tidak_dapat_menanggapi(dunia, kegiatan):
    p = kegiatan.peserta_set.get(opd__kode="DINAS-A")
    with pytest.raises(RampingError):
        svc.temuan_akui(akses=dunia.operator_b, peserta=p, kode="STR-03", objek="", catatan="x")


def test_notifikasi_ke_analis_saat_diajukan_dan_ke_operator_saat_dikembalikan(
    dunia, peserta_a, django_capture_on_commit_callbacks
):
    for akses in (dunia.analis, dunia.operator_a):
        akses.pengguna.email = f"{akses.pengguna.username}@contoh.go.id"
        akses.pengguna.save()
    with django_capture_on_commit_callbacks(execute=True):
        p = svc.peserta_ajukan(akses=dunia.operator_a, peserta=peserta_a, versi=peserta_a.versi)
    n = Notifikasi.objects.get(penerima=dunia.analis.pengguna)
    assert "Dinas A mengajukan" in n.judul and f"/opd/{p.pk}/" in n.tautan
    assert [m.to for m in mail.outbox] == [["analis@contoh.go.id"]]
    with django_capture_on_commit_callbacks(execute=True):
        svc.peserta_kembalikan(akses=dunia.analis, peserta=p, versi=p.versi,
                               catatan="Perbaiki tugas.")  # fmt: skip
    n = Notifikasi.objects.get(penerima=dunia.operator_a.pengguna)
    assert "dikembalikan" in n.judul and n.isi == "Perbaiki tugas."
    assert mail.outbox[-1].to == ["operator_a@contoh.go.id"]
    assert not Notifikasi.objects.filter(penerima=dunia.operator_b.pengguna).exists()


def test_catatan_verifikasi_hanya_saat_diajukan_dan_memberi_tahu_operator(
    dunia, peserta_a, jabatan_a
):
    with pytest.raises(RampingError, match="tidak dapat diberi catatan"):
        svc.catatan_buat(akses=dunia.analis, peserta=peserta_a, jabatan=jabatan_a,
                         sasaran="jabatan", isi="x")  # fmt: skip
    p = svc.peserta_ajukan(akses=dunia.operator_a, peserta=peserta_a, versi=peserta_a.versi)
    with pytest.raises(RampingError, match="butir ANJAB"):
        svc.catatan_buat(akses=dunia.analis, peserta=p, jabatan=jabatan_a, sasaran="anjab",
                         isi="x")  # fmt: skip
    with pytest.raises(RampingError):
        svc.catatan_buat(akses=dunia.operator_a, peserta=p, jabatan=jabatan_a,
                         sasaran="jabatan", isi="x")  # fmt: skip
    svc.catatan_buat(akses=dunia.analis, peserta=p, jabatan=jabatan_a, sasaran="anjab",
                     butir="wewenang", isi="Wewenang belum diisi.")  # fmt: skip
    assert Notifikasi.objects.filter(penerima=dunia.operator_a.pengguna,
                                     judul__contains="Catatan verifikasi").exists()  # fmt: skip
    assert Decimal(1) == 1
