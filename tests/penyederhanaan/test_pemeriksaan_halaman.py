"""The structure check on the criteria page: findings with their rule, basis and link, the
unit's tipe edited on the unit form, and who may see it."""

from django.urls import reverse

from ramping.audit.models import JejakAudit
from ramping.organisasi.models import UnitKerja
from ramping.penyederhanaan.pemeriksaan import temuan_periksa


def _kriteria(dunia):
    return reverse("penyederhanaan:kriteria", args=[dunia.instansi.kode, dunia.struktur.pk])


def test_temuan_tampil_dengan_aturan_dasar_dan_tautan(client, dunia, skema):
    client.force_login(dunia.analis.pengguna)
    r = client.get(_kriteria(dunia))
    assert r.status_code == 200
    isi = r.content.decode()
    # Dinas B has no Sekretariat; Seksi Satu and Subbagian Umum lie beyond two levels.
    kode = sorted(
        (b.kode, b.unit.nama) for b in temuan_periksa(akses=dunia.analis, struktur=dunia.struktur)
    )
    assert ("PD-DINAS-01", "Dinas B") in kode
    assert ("R25-01", "Seksi Satu") in kode and ("R25-01", "Subbagian Umum") in kode
    dinas_b = reverse("web:unit", args=[dunia.instansi.kode, dunia.dinas_b.pk])
    assert f'href="{dinas_b}?versi={dunia.struktur.pk}"' in isi
    assert "Dinas B (Dinas) tidak memiliki Sekretariat" in isi and "PP 18/2016" in isi
    saring = client.get(_kriteria(dunia), {"temuan": "PD-DINAS-01"}).content.decode()
    assert saring.count('data-kode="PD-DINAS-01"') == 1 and 'data-kode="R25-01"' not in saring


def test_orang_luar_tidak_melihat_pemeriksaan(client, dunia, skema):
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(_kriteria(dunia)).status_code == 404


def test_tipe_unit_diubah_di_form_unit_dan_tercatat(client, dunia):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:unit_ubah", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    assert 'name="tipe"' in client.get(url).content.decode()
    r = client.post(
        url, {"nama": "Dinas A", "singkatan": "", "tipe": "C", "tugas": "", "fungsi": ""}
    )
    assert r.status_code == 302
    assert UnitKerja.objects.get(pk=dunia.dinas_a.pk).tipe == "C"
    assert JejakAudit.objects.filter(aksi="unit_ubah", perubahan__has_key="tipe").exists()
    r = client.post(url, {"nama": "Dinas A", "tipe": "D"})
    assert r.status_code == 422  # not a tipe: the form says so, nothing saved
    assert UnitKerja.objects.get(pk=dunia.dinas_a.pk).tipe == "C"
