from collections import Counter

import pytest

from ramping.organisasi.models import Struktur
from ramping.penyederhanaan.models import Penyetaraan, TabelTunjangan


@pytest.mark.django_db
def test_register_demo_satu_entri_per_pejabat_yang_disetarakan(demo):
    """The demo loader (muat_instansi) fills the register of the 2021 conversions."""
    sesudah = Struktur.objects.get(instansi=demo, status="berlaku")
    n = Penyetaraan.objects.filter(struktur=sesudah).count()
    assert 200 <= n <= 240
    status = Counter(Penyetaraan.objects.filter(struktur=sesudah).values_list("status", flat=True))
    assert status["dilantik"] > n * 0.8 and len(status) >= 4
    assert not Penyetaraan.objects.filter(status="dilantik", nomor_sk="").exists()
    assert TabelTunjangan.objects.get(instansi=demo).contoh
