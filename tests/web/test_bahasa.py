"""Plain Indonesian on the pages (issue #17 item 3): messages with Indonesian numbers, findings
as a sentence with the action and the rule code muted, the ANJAB revision in words, the
evaluation notice once with what to do."""

import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from ramping.jabatan.services import anjab_ubah
from tests.sistemkerja.conftest import sk  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_peringatan_jam_tim_memakai_angka_indonesia_dan_menyebut_tindakan(client, dunia, sk):  # noqa: F811
    # Siti's position carries 1 500 h of ABK for one holder; 100 h of team work → 1 600 h.
    client.force_login(dunia.operator_a.pengguna)
    alamat = reverse("sistemkerja:anggota_tambah", args=[dunia.instansi.kode, sk.tim.pk])
    r = client.post(
        alamat, {"pegawai": sk.siti.pk, "peran": "anggota", "jam_per_tahun": "100"}, follow=True
    )
    html = r.content.decode()
    assert "(1.600,00 jam) melebihi waktu kerja efektif 1.250 jam per tahun" in html
    assert "Kurangi jam pegawai itu pada tim ini atau pada tim lainnya." in html
    assert "1600.00" not in html and "1250 jam" not in html


@pytest.mark.parametrize(
    "konteks, harapan",
    [
        (
            {"pesan": "Unit X tidak memiliki jabatan kepala unit.", "kode": "UN-01",
             "tindakan": "Tambahkan jabatan kepala di halaman unit itu.", "tautan": "/u/1/"},
            '<span class="temuan-pesan">Unit X tidak memiliki jabatan kepala unit.</span> '
            '<span class="temuan-tindakan">Tambahkan jabatan kepala di halaman unit itu.</span> '
            '<a href="/u/1/">Perbaiki</a> <span class="kode-aturan"',
        ),
        (
            {"pesan": "Kalimat.", "kode": "R25-01", "tindakan": "", "tautan": ""},
            '<span class="temuan-pesan">Kalimat.</span> <span class="kode-aturan"',
        ),
    ],
)  # fmt: skip
def test_satu_temuan_kalimat_dulu_kode_di_akhir(konteks, harapan):
    html = render_to_string("web/sebagian/temuan.html", konteks).strip()
    assert html.startswith(harapan)
    assert html.endswith(f">kode {konteks['kode']}</span>")


def test_halaman_kriteria_menampilkan_temuan_sebagai_kalimat(client, dunia, isi):
    # Bidang Satu has no head post: UN-01, shown as its sentence and action, the code muted.
    client.force_login(dunia.analis.pengguna)
    url = reverse("penyederhanaan:kriteria", args=[dunia.instansi.kode, dunia.struktur.pk])
    html = client.get(url).content.decode()
    baris = re.search(r'<tr data-kode="UN-01">(.*?)</tr>', html, re.S)
    assert baris, html
    sel = baris[1]
    assert sel.index("tidak memiliki jabatan kepala unit.") < sel.index("Tambahkan jabatan kepala")
    assert sel.index("Tambahkan jabatan kepala") < sel.index('class="kode-aturan"')
    assert ">kode UN-01</span>" in sel and ">UN-01</span></td>" not in sel


def test_revisi_anjab_dijelaskan_dengan_kata(client, dunia, isi):
    anjab_ubah(akses=dunia.analis, jabatan=isi.pelaksana_a, versi=0, ikhtisar="Mengetik.")
    client.force_login(dunia.operator_a.pengguna)
    url = reverse("web:jabatan", args=[dunia.instansi.kode, isi.pelaksana_a.pk]) + "?tab=anjab"
    html = client.get(url).content.decode()
    teks = re.search(r'<span class="kecil redup" id="anjab-revisi">(.*?)</span>', html, re.S)[1]
    assert re.match(
        r"Revisi ke-1, disimpan oleh analis pada \d{1,2} \w+ \d{4} pukul \d\d\.\d\d\.",
        teks,
    ), teks
    assert "penyimpanan Anda ditolak agar isiannya tidak tertimpa" in teks
    assert ">versi 1<" not in html


def test_anjab_baru_belum_pernah_disimpan(client, dunia, isi):
    client.force_login(dunia.operator_a.pengguna)
    url = reverse("web:jabatan", args=[dunia.instansi.kode, isi.pelaksana_a.pk]) + "?tab=anjab"
    assert "ANJAB ini belum pernah disimpan." in client.get(url).content.decode()


def test_catatan_uraian_tingkat_sekali_dengan_tindakan(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:jabatan", args=[dunia.instansi.kode, isi.pelaksana_a.pk]) + "?tab=evaluasi"
    html = client.get(url).content.decode()
    assert html.count("bukan kutipan Lampiran resmi") == 1
    assert html.count("jdih.menpan.go.id") == 1
    assert "tulis butir Lampiran yang Anda pakai di kolom alasan" in html
    assert "parafrase" not in html


def test_pesan_layanan_tetap_indonesia_di_antarmuka_inggris():
    """A rule's message is an Indonesian sentence with Indonesian numbers whatever the
    interface language (aturan.tampil); only page figures follow the active language."""
    from django.utils import translation

    from ramping.aturan.errors import AlokasiMelebihiWKE

    with translation.override("en"):
        pesan = AlokasiMelebihiWKE("Siti", Decimal("1380.30"), Decimal("1250")).pesan
    assert "(1.380,30 jam) melebihi waktu kerja efektif 1.250 jam per tahun." in pesan


@pytest.mark.parametrize(
    "bahasa, waktu, satuan, harapan",
    [
        ("id", "1380.30", "jam", "Tugas 1: satu hasil butuh 1.380,3 jam, lebih lama dari waktu "
         "kerja efektif setahun (1.250 jam)."),
        ("en", "1380.30", "jam", "takes 1,380.3 jam, longer than a year of effective working "
         "time (1,250 hours)."),
        ("id", "75001", "menit", "satu hasil butuh 75.001 menit"),
        ("id", "1250", "jam", None),  # exactly the WKE: no warning
        ("id", "75000", "menit", None),
    ],
)  # fmt: skip
def test_peringatan_waktu_tugas_di_halaman_jabatan(
    client, dunia, isi, bahasa, waktu, satuan, harapan
):
    from ramping.jabatan.services import tugas_buat

    tugas_buat(
        akses=dunia.analis, jabatan=isi.pelaksana_a, uraian="Menyusun renstra",
        hasil_kerja="Renstra", satuan_hasil="dokumen", volume=Decimal(1), waktu=Decimal(waktu),
        satuan_waktu=satuan,
    )  # fmt: skip
    client.force_login(dunia.operator_a.pengguna)
    client.cookies["django_language"] = bahasa
    url = reverse("web:jabatan", args=[dunia.instansi.kode, isi.pelaksana_a.pk]) + "?tab=tugas"
    html = client.get(url).content.decode()
    if harapan is None:
        assert 'data-peringatan="waktu-wke"' not in html
    else:
        blok = re.search(
            r'<p class="catatan peringatan" data-peringatan="waktu-wke">(.*?)</p>', html, re.S
        )
        assert blok and harapan in blok[1], html[:200]
        assert "ubah=" in blok[1]  # the operator may edit: a link to the task row
