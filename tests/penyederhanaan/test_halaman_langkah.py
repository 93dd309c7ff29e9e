"""Confirm, then undo, on the web (#12 item 2): nothing destructive happens on one click."""

import pytest
from django.urls import reverse

from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import UnitKerja
from ramping.penyederhanaan.models import LangkahSkenario, Penyetaraan
from ramping.penyederhanaan.services import jabatan_pindah, struktur_salin, unit_gabung

pytestmark = pytest.mark.django_db


@pytest.fixture
def draf(dunia, skema):
    return struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario")


def _u(dunia, nama, *args):
    return reverse(f"penyederhanaan:{nama}", args=[dunia.instansi.kode, *args])


def test_hapus_unit_dikonfirmasi_lalu_dibatalkan(client, dunia, skema, draf):
    seksi = UnitKerja.objects.get(struktur=draf, asal=skema.seksi_satu)
    client.force_login(dunia.analis.pengguna)
    # The button leads to the confirmation, which states the effect and changes nothing.
    r = client.get(
        _u(dunia, "konfirmasi", draf.pk),
        {"aksi": "unit_hapus", "unit": seksi.pk, "kelompok_jf": "1"},
    )
    isi = r.content.decode()
    assert r.status_code == 200
    assert "Dinas A › Bidang Satu › Seksi Satu" in isi
    assert "Penyetaraan: Kepala Seksi Satu → Analis Kebijakan" in isi
    assert "Pegawai 0" in isi  # the head's holder is named among the people affected
    assert UnitKerja.objects.filter(pk=seksi.pk).exists()
    assert (
        not LangkahSkenario.objects.exists()
        and not Penyetaraan.objects.filter(struktur=draf).exists()
    )
    # A post without the confirmation goes back to it; with it, the step runs and is logged.
    ubah = _u(dunia, "ubah", draf.pk)
    r = client.post(ubah, {"aksi": "unit_hapus", "unit": seksi.pk, "kelompok_jf": "1"})
    assert r.status_code == 302 and "/konfirmasi/" in r["Location"]
    assert UnitKerja.objects.filter(pk=seksi.pk).exists()
    r = client.post(
        ubah, {"aksi": "unit_hapus", "unit": seksi.pk, "kelompok_jf": "1", "yakin": "1"}
    )
    assert not UnitKerja.objects.filter(pk=seksi.pk).exists()
    langkah = LangkahSkenario.objects.get(struktur=draf)
    isi = client.get(_u(dunia, "riwayat", draf.pk)).content.decode()
    assert "Unit Seksi Satu dihapus" in isi
    r = client.get(_u(dunia, "langkah_batalkan", draf.pk, langkah.pk))
    assert "Batalkan langkah?" in r.content.decode()
    r = client.post(_u(dunia, "langkah_batalkan", draf.pk, langkah.pk), follow=True)
    assert "Dibatalkan: Unit Seksi Satu dihapus" in r.content.decode()
    assert UnitKerja.objects.filter(pk=seksi.pk).exists()
    assert not Penyetaraan.objects.filter(struktur=draf).exists()


def test_batal_menyebut_langkah_yang_bergantung(client, dunia, skema, draf):
    wilayah = UnitKerja.objects.get(struktur=draf, asal=skema.seksi_wilayah)
    unit_gabung(
        akses=dunia.analis,
        unit=UnitKerja.objects.get(struktur=draf, asal=skema.seksi_satu),
        ke=wilayah,
    )
    pel = Jabatan.objects.get(struktur=draf, asal=skema.pelaksana_seksi)
    bidang = UnitKerja.objects.get(struktur=draf, asal=dunia.bidang_a)
    jabatan_pindah(akses=dunia.analis, jabatan=pel, unit=bidang)
    pertama = LangkahSkenario.objects.get(struktur=draf, urutan=1)
    client.force_login(dunia.analis.pengguna)
    isi = client.get(_u(dunia, "langkah_batalkan", draf.pk, pertama.pk)).content.decode()
    assert "Langkah sesudahnya yang ikut dibatalkan" in isi
    assert "Pengadministrasi Umum dipindah ke Bidang Satu" in isi
    assert "Ya, batalkan 2 langkah" in isi


def test_pilihan_gabung_menampilkan_jalur_tanpa_sub_unit_sendiri(client, dunia, skema, draf):
    client.force_login(dunia.analis.pengguna)
    bidang = UnitKerja.objects.get(struktur=draf, asal=dunia.bidang_a)
    isi = client.get(_u(dunia, "skenario", draf.pk)).content.decode()
    pilihan = isi.split(f'name="unit" value="{bidang.pk}"')[2].split("</select>")[0]
    assert "Dinas A › Sekretariat › Subbagian Umum" in pilihan
    assert "Seksi Satu" not in pilihan  # its own sub-unit is not a target


@pytest.mark.parametrize("persona", ["operator_b", "pimpinan"])
def test_yang_tidak_berhak_tidak_mengubah_dan_tidak_membatalkan(
    client, dunia, skema, draf, persona
):
    seksi = UnitKerja.objects.get(struktur=draf, asal=skema.seksi_satu)
    client.force_login(getattr(dunia, persona).pengguna)
    r = client.get(
        _u(dunia, "konfirmasi", draf.pk), {"aksi": "unit_hapus", "unit": seksi.pk}, follow=True
    )
    assert "tidak berhak" in r.content.decode()
    r = client.post(
        _u(dunia, "ubah", draf.pk), {"aksi": "unit_hapus", "unit": seksi.pk, "yakin": "1"}
    )
    assert UnitKerja.objects.filter(pk=seksi.pk).exists()
    unit_gabung(
        akses=dunia.analis,
        unit=seksi,
        ke=UnitKerja.objects.get(struktur=draf, asal=skema.seksi_wilayah),
    )
    langkah = LangkahSkenario.objects.get(struktur=draf)
    r = client.post(_u(dunia, "langkah_batalkan", draf.pk, langkah.pk), follow=True)
    assert LangkahSkenario.objects.get(pk=langkah.pk).dibatalkan is None


def test_orang_luar_tidak_melihat_konfirmasi_riwayat_dan_batal(client, dunia, skema, draf):
    seksi = UnitKerja.objects.get(struktur=draf, asal=skema.seksi_satu)
    unit_gabung(
        akses=dunia.analis,
        unit=seksi,
        ke=UnitKerja.objects.get(struktur=draf, asal=skema.seksi_wilayah),
    )
    langkah = LangkahSkenario.objects.get(struktur=draf)
    client.force_login(dunia.orang_luar.pengguna)
    for url in (
        _u(dunia, "konfirmasi", draf.pk) + f"?aksi=unit_hapus&unit={seksi.pk}",
        _u(dunia, "riwayat", draf.pk),
        _u(dunia, "langkah_batalkan", draf.pk, langkah.pk),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(_u(dunia, "langkah_batalkan", draf.pk, langkah.pk)).status_code == 404
    assert LangkahSkenario.objects.get(pk=langkah.pk).dibatalkan is None


@pytest.mark.parametrize(
    "isian",
    [
        {"aksi": "unit_hapus", "unit": "abc"},
        {"aksi": "unit_gabung", "unit": "1"},
        {"aksi": "entah", "unit": "1"},
        {},
    ],
)
def test_isian_konfirmasi_rusak_bukan_galat_server(client, dunia, skema, draf, isian):
    client.force_login(dunia.analis.pengguna)
    r = client.get(_u(dunia, "konfirmasi", draf.pk), isian)
    assert r.status_code in (302, 404)


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"aksi": "jabatan_pindah", "jabatan": "", "ke": ""}, "Pilih jabatan."),
        ({"aksi": "unit_gabung", "unit": "{seksi}", "ke": "", "yakin": "1"},
         "Pilih unit tujuan penggabungan."),
    ],
)  # fmt: skip
def test_pilihan_kosong_menjadi_pesan_bukan_404(client, dunia, skema, draf, data, pesan):
    """Issue #17: a choice left empty on a scenario form is said on the page (no bare 404)."""
    seksi = UnitKerja.objects.get(struktur=draf, asal=skema.seksi_satu)
    client.force_login(dunia.analis.pengguna)
    data = {k: v.format(seksi=seksi.pk) for k, v in data.items()}
    r = client.post(_u(dunia, "ubah", draf.pk), data, follow=True)
    assert r.status_code == 200 and pesan in r.content.decode()
    assert not LangkahSkenario.objects.exists()
    assert UnitKerja.objects.filter(pk=seksi.pk).exists()
