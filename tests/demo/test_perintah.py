"""The `ramping` commands: demo loading and the scale generator."""

import io

import pytest
from django.core.management import call_command

from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Instansi, Struktur

pytestmark = pytest.mark.django_db


def test_demo_dimuat_sekali_lalu_hanya_mencetak_login():
    keluaran = io.StringIO()
    call_command("demo", stdout=keluaran)
    call_command("demo", stdout=keluaran)
    teks = keluaran.getvalue()
    assert teks.count("dimuat.") == 1
    assert teks.count("Data sudah ada") == 1
    for login in ("admin", "analis", "operator", "pimpinan"):
        assert f"  {login}" in teks
    assert Instansi.objects.filter(kode="cilegon-contoh").count() == 1


def test_generator_skala_membuat_instansi_berbentuk_sama(capsys):
    call_command("generate", "--skala", "nasional", "--instansi", "2", stdout=io.StringIO())
    sintetis = Instansi.objects.filter(kode__startswith="sintetis-nasional-")
    assert sintetis.count() == 2
    # National size keeps only the current version, about 1,250 positions per agency.
    assert not Struktur.objects.filter(instansi__in=sintetis, status="arsip").exists()
    per_instansi = Jabatan.objects.filter(instansi__in=sintetis).count() / 2
    assert 1100 <= per_instansi <= 1400
    assert "2/2 instansi" in capsys.readouterr().err
