"""Where each role starts after login (#17 item 5): operators in their own OPD."""

from datetime import date

import pytest
from django.urls import reverse

from ramping.organisasi.models import Struktur

pytestmark = pytest.mark.django_db


@pytest.fixture
def berlaku(dunia):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2024, 1, 2)
    )
    return dunia.struktur


@pytest.mark.parametrize(
    ("persona", "tujuan"),
    [("operator_a", "peta_a"), ("operator_b", "peta_b"), ("analis", "dasbor")],
)
def test_operator_mendarat_di_opd_sendiri_analis_di_dasbor(client, dunia, berlaku, persona, tujuan):
    kode = dunia.instansi.kode
    harapan = {
        "peta_a": reverse("web:peta_unit", args=[kode, dunia.dinas_a.pk]),
        "peta_b": reverse("web:peta_unit", args=[kode, dunia.dinas_b.pk]),
        "dasbor": reverse("web:dasbor", args=[kode]),
    }[tujuan]
    client.force_login(getattr(dunia, persona).pengguna)
    assert client.get(reverse("web:beranda"))["Location"] == harapan
    assert client.get(harapan).status_code == 200


def test_tanpa_versi_berlaku_operator_ke_dasbor(client, dunia):
    client.force_login(dunia.operator_a.pengguna)
    assert client.get(reverse("web:beranda"))["Location"] == reverse(
        "web:dasbor", args=[dunia.instansi.kode]
    )


def test_formulir_laporan_memilih_opd_operator(client, dunia, berlaku):
    client.force_login(dunia.operator_b.pengguna)
    isi = client.get(reverse("laporan:indeks", args=[dunia.instansi.kode])).content.decode()
    assert '<option value="DINAS-B" selected>' in isi
    assert '<option value="DINAS-A" selected>' not in isi
