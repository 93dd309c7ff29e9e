"""The dashboard's totals without the position tree (ramping.jabatan.rekap.rekap_versi) are the
tree's totals: per OPD, per jenis, per kelas, the agency's B/K/± and shortage/excess counts."""

from collections import Counter

import pytest
from django.urls import reverse

from ramping.akun.akses import Akses
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.models import Jabatan
from ramping.jabatan.rekap import rekap_versi
from ramping.jabatan.selectors import pohon_jabatan, rekap_total
from ramping.organisasi.models import Struktur


def _bandingkan(instansi, struktur) -> int:
    akses = Akses.sistem(instansi)
    akar = pohon_jabatan(akses=akses, struktur=struktur)
    rv = rekap_versi(akses=akses, struktur=struktur)
    assert rv.total == rekap_total(akar)
    assert [(o.pk, o.rekap) for o in rv.opd] == [(n.unit.pk, n.rekap) for n in akar]
    assert rv.jumlah_unit == sum(1 for n in akar for _ in n.telusuri())
    semua = [j for n in akar for j in n.semua_jabatan()]
    assert rv.per_jenis == Counter(j.jenis for j in semua)
    assert rv.per_kelas == Counter(j.kelas for j in semua)
    return len(semua)


def test_sama_dengan_pohon_di_instansi_kecil(dunia, isi):
    # Dinas A: B 1 K 1 and B 1 K 3 (kurang); Dinas B: K unknown.
    Jabatan.objects.filter(pk=isi.kepala_a.pk).update(kebutuhan=0)  # B 1 > K 0: lebih
    with lingkup_instansi(dunia.instansi.pk):
        assert _bandingkan(dunia.instansi, dunia.struktur) == 3
        rv = rekap_versi(akses=Akses.sistem(dunia.instansi), struktur=dunia.struktur)
    assert (rv.total.b, rv.total.k, rv.total.k_kosong, rv.total.selisih) == (2, 3, 1, -1)
    assert (rv.total.kurang, rv.total.lebih) == (1, 1)
    assert [o.nama for o in rv.opd] == [dunia.dinas_a.nama, dunia.dinas_b.nama]


@pytest.mark.parametrize("status", ["berlaku", "arsip"])
def test_sama_dengan_pohon_di_data_contoh(demo, status):
    with lingkup_instansi(demo.pk):
        struktur = Struktur.objects.get(instansi=demo, status=status)
        assert _bandingkan(demo, struktur) > 1000


def test_dasbor_menampilkan_rekap_yang_sama(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    response = client.get(reverse("web:dasbor", args=[dunia.instansi.kode]))
    total = response.context["total"]
    assert (total.jumlah, total.b, total.k, total.kurang) == (3, 2, 4, 1)
    assert response.context["jumlah_unit"] == 3
    url_a = reverse("web:peta_unit", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    assert url_a in response.content.decode()
