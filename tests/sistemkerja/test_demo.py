"""The demo's work system on the Cilegon demo's version in force."""

import pytest
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.demo.sistemkerja import TIM
from ramping.organisasi.models import Struktur
from ramping.sistemkerja import selectors as sel
from ramping.sistemkerja.models import (
    AnggotaTim,
    Penugasan,
    RelasiKoordinasi,
    RiwayatPenugasan,
    TimKerja,
)

pytestmark = pytest.mark.django_db


def test_demo_memuat_tim_lintas_opd_dan_penugasan_di_setiap_status(demo):
    """The demo loader (muat_instansi) calls muat_sistem_kerja for the version in force."""
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    assert TimKerja.objects.filter(struktur=struktur).count() >= 5
    assert RelasiKoordinasi.objects.filter(instansi=demo).count() >= 10
    status = set(Penugasan.objects.filter(struktur=struktur).values_list("status", flat=True))
    assert status == set(Penugasan.Status.values)
    keanggotaan = set(
        AnggotaTim.objects.filter(tim__struktur=struktur).values_list("status", flat=True)
    )
    assert keanggotaan == {"disetujui", "diajukan", "ditolak"}
    assert AnggotaTim.objects.filter(tim__struktur=struktur, eksternal=True).exists()
    assert AnggotaTim.objects.filter(tim__struktur=struktur, peran="ketua").count() >= 4
    diterima = Penugasan.objects.filter(struktur=struktur, status="diterima").first()
    assert RiwayatPenugasan.objects.filter(
        penugasan=diterima, ke="diterima", sebagai="Pejabat Level 1"
    ).exists()
    d = sel.dasbor(akses=Akses.sistem(demo), struktur=struktur, hari_ini=timezone.localdate())
    assert d.terlambat >= 1 and d.lintas_unit >= 5
    nama = set(TimKerja.objects.filter(struktur=struktur).values_list("nama", flat=True))
    assert nama == {t.nama for t in TIM}
