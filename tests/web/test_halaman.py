"""What the pages show: B/K/± arithmetic, unknown K, versions, agency switcher, language."""

from datetime import date

from django.urls import reverse

from ramping.akun.models import Keanggotaan, Peran
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur


def test_peta_jabatan_menjumlah_b_k_dan_selisih(client, dunia, isi):
    """Dinas A: kepala B1 K1, pelaksana B1 K3 → total B2 K4 ±−2; Dinas B's K is unknown."""
    client.force_login(dunia.analis.pengguna)
    html = client.get(reverse("web:peta", args=[dunia.instansi.kode])).content.decode()
    assert "−2" in html  # true minus, red class
    assert 'class="selisih kurang"' in html
    assert "1 jabatan belum memiliki K" in html
    # The agency total counts K only where known: B 2+0, K 1+3.
    tfoot = html[html.index("<tfoot>") :]
    assert ">2<" in tfoot and ">4<" in tfoot


def test_peta_saringan_hanya_kurang(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:peta", args=[dunia.instansi.kode])
    html = client.get(url, {"kurang": "on"}).content.decode()
    assert "Pengadministrasi Perkantoran" in html
    assert "Kepala Dinas A" not in html  # B = K
    assert "Kepala Dinas B" not in html  # K unknown: not a known shortage


def test_dasbor_menghitung_kurang_dan_lebih(client, dunia, isi):
    Jabatan.objects.filter(pk=isi.kepala_b.pk).update(kebutuhan=0)  # B 0, K 0
    Jabatan.objects.filter(pk=isi.kepala_a.pk).update(kebutuhan=0)  # B 1 > K 0: lebih
    client.force_login(dunia.pimpinan.pengguna)
    response = client.get(reverse("web:dasbor", args=[dunia.instansi.kode]))
    assert response.context["total"].kurang == 1
    assert response.context["total"].lebih == 1
    assert response.context["jumlah_opd"] == 2
    assert response.context["pegawai"]["tanpa_jabatan"] == 1
    assert "<svg" in response.content.decode()


def test_halaman_menyebut_instansi_dan_versi(client, dunia, isi):
    client.force_login(dunia.operator_a.pengguna)
    html = client.get(reverse("web:pohon", args=[dunia.instansi.kode])).content.decode()
    assert "Pemerintah Kota Uji" in html
    assert "Draf uji" in html and "Berlaku" in html


def test_pilih_versi_lain_lewat_parameter(client, dunia, isi):
    arsip = Struktur.objects.create(
        instansi=dunia.instansi, nama="SOTK lama", status="arsip", berlaku_mulai=date(2017, 1, 2)
    )
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:dasbor", args=[dunia.instansi.kode])
    response = client.get(url, {"versi": arsip.pk})
    assert response.context["halaman"].struktur == arsip
    assert client.get(url, {"versi": "abc"}).status_code == 404


def test_unit_di_versi_lain_dialihkan_menurut_kode(client, dunia, isi):
    from ramping.akun.akses import Akses
    from ramping.organisasi.services import struktur_buat, unit_buat

    sistem = Akses.sistem(dunia.instansi)
    baru = struktur_buat(akses=sistem, instansi=dunia.instansi, nama="Skenario")
    salinan = unit_buat(
        akses=sistem, struktur=baru, induk=None, kode="DINAS-A", nama="Dinas A (baru)",
        jenis="dinas", eselon="II.b",
    )  # fmt: skip
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:unit", args=[dunia.instansi.kode, dunia.dinas_a.pk])
    response = client.get(url, {"versi": baru.pk})
    assert response.status_code == 302
    assert response["Location"].startswith(
        reverse("web:unit", args=[dunia.instansi.kode, salinan.pk])
    )


def test_pengguna_beberapa_instansi_memilih_dan_diingat(client, dunia, isi):
    pengguna = dunia.analis.pengguna
    Keanggotaan.objects.create(
        instansi=dunia.instansi_lain, pengguna=pengguna, peran=Peran.PIMPINAN
    )
    client.force_login(pengguna)
    pilih = client.get(reverse("web:beranda"))
    assert pilih.status_code == 200
    assert "Pemerintah Kabupaten Lain" in pilih.content.decode()
    client.get(reverse("web:dasbor", args=[dunia.instansi_lain.kode]))
    lanjut = client.get(reverse("web:beranda"))
    # remembered agency; there the person is a leader, who lands on the leader summary
    assert lanjut["Location"] == reverse("penyederhanaan:pimpinan", args=[dunia.instansi_lain.kode])


def test_navigasi_menurut_peran(client, dunia, isi):
    url = reverse("web:dasbor", args=[dunia.instansi.kode])
    tempatkan = reverse("web:penempatan_buat", args=[dunia.instansi.kode])
    client.force_login(dunia.pimpinan.pengguna)
    assert tempatkan not in client.get(url).content.decode()
    client.force_login(dunia.operator_a.pengguna)
    assert tempatkan in client.get(url).content.decode()


def test_format_angka_dan_tanggal_indonesia(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    html = client.get(
        reverse("web:pegawai", args=[dunia.instansi.kode, isi.pegawai_a.pk])
    ).content.decode()
    assert "1 Januari 1980" in html
    assert "19800101 200501 1 001" in html


def test_bahasa_inggris_lewat_pengalih(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    url = reverse("web:peta", args=[dunia.instansi.kode])
    client.post(reverse("web:bahasa"), {"language": "en", "next": url})
    html = client.get(url).content.decode()
    assert "Job map" in html
    assert '<html lang="en">' in html  # a screen reader reads it in English (WCAG 3.1.1)
    assert (
        "1 January 1980"
        in client.get(
            reverse("web:pegawai", args=[dunia.instansi.kode, isi.pegawai_a.pk])
        ).content.decode()
    )


def test_bahasa_bawaan_indonesia_walau_peramban_inggris(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    html = client.get(
        reverse("web:peta", args=[dunia.instansi.kode]), HTTP_ACCEPT_LANGUAGE="en-US,en"
    ).content.decode()
    assert "Peta jabatan" in html
    assert '<html lang="id">' in html


def test_pohon_instansi_besar_terbuka_pada_tingkat_opd(client, dunia, analis_demo, demo):
    """A few units open fully; a whole agency (hundreds of units) shows its OPD collapsed."""
    client.force_login(dunia.analis.pengguna)
    assert "<details open>" in client.get(f"/i/{dunia.instansi.kode}/pohon/").content.decode()
    client.force_login(analis_demo)
    html = client.get(f"/i/{demo.kode}/pohon/").content.decode()
    assert "<details>" in html and "<details open>" not in html
