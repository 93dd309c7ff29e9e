"""Issue #11 item 5: the generator builds a ministry-shaped agency, and its pages, peta jabatan
and 25/2021 check work on it."""

import io
from collections import Counter

import pytest
from django.core.management import call_command
from django.urls import reverse

from ramping import aturan
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.demo.kementerian import rencana_kementerian
from ramping.demo.sesudah import turunkan_2023
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi, Struktur, UnitKerja


def test_rencana_kementerian_berjenis_unit_pusat_dengan_eselon_sah():
    r = rencana_kementerian()
    for u in r.units:
        aturan.periksa_eselon_unit(u.jenis, u.eselon)  # Perpres 7/2015 Pasal 132
    jenis = Counter(u.jenis for u in r.units)
    assert jenis["sekretariat_jenderal"] == 1 and jenis["direktorat_jenderal"] == 2
    assert jenis["biro"] == 5 and jenis["subdirektorat"] == 18 and jenis["balai"] == 2
    # 25/2021: pengawas units go, JPT and administrator stay.
    sesudah = turunkan_2023(r).rencana
    assert {u.eselon for u in sesudah.units} == {"I.a", "II.a", "III.a"}
    assert not any(u.jenis in ("subbagian", "seksi", "subbidang") for u in sesudah.units)


@pytest.mark.django_db
def test_generator_kementerian_dan_halamannya(client):
    call_command(
        "generate", "--skala", "kota", "--bentuk", "kementerian", "--awalan", "kemen",
        stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip
    instansi = Instansi.objects.get(kode="kemen-kota-0001")
    assert instansi.jenis == "kementerian"
    with lingkup_instansi(instansi.pk):
        berlaku = Struktur.objects.get(status="berlaku")
        puncak = set(
            UnitKerja.objects.filter(struktur=berlaku, induk=None).values_list("jenis", flat=True)
        )
    assert puncak == {
        "sekretariat_jenderal",
        "direktorat_jenderal",
        "inspektorat_jenderal",
        "badan",
    }
    p = Pengguna.objects.create_user(username="analis_kemen", password="x-uji-12345")
    Keanggotaan.objects.create(instansi=instansi, pengguna=p, peran=Peran.ANALIS)
    client.force_login(p)
    for nama in ("web:dasbor", "web:pohon", "web:bagan", "web:peta", "penyederhanaan:beranda",
                 "penataan:daftar", "laporan:indeks"):  # fmt: skip
        r = client.get(reverse(nama, args=[instansi.kode]))
        assert r.status_code == 200, nama
    for kode, fmt in (("peta-jabatan", "pdf"), ("abk", "xlsx"), ("lampiran-peta-jabatan", "docx")):
        r = client.get(reverse("laporan:unduh", args=[instansi.kode, kode]) + f"?format={fmt}")
        assert r.status_code == 200, kode
