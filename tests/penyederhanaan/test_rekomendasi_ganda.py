"""'Terapkan rekomendasi' never leaves the same post twice in one unit, nor a converted post
without its kelas when the catalogue or the agency's own decision knows it."""

from datetime import date
from decimal import Decimal

from ramping.akun.akses import Akses
from ramping.jabatan.models import Jabatan
from ramping.jabatan.services.kelas_instansi import kelas_instansi_simpan
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.services import unit_buat
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.pemeriksaan import temuan_periksa
from ramping.penyederhanaan.services import terapkan_rekomendasi

from .conftest import _jabatan, _pegawai


def _seksi_dua(dunia, skema):
    """A second section under Bidang Satu with the same pelaksana post and a held head."""
    s = Akses.sistem(dunia.instansi)
    seksi = unit_buat(
        akses=s,
        struktur=dunia.struktur,
        induk=dunia.bidang_a,
        kode="A.B1.S3",
        nama="Seksi Dua",
        jenis="seksi",
        eselon="IV.a",
    )
    kepala = _jabatan(seksi, "Kepala Seksi Dua", "pengawas", is_kepala=True, kelas=9)
    pel = _jabatan(
        seksi,
        "Pengadministrasi  umum",
        "pelaksana",
        kelas=5,
        kebutuhan=1,
        beban_kerja_jam=Decimal("1250"),
    )
    for nip, j in (("197701012003121001", kepala), ("199505052020122005", pel)):
        Penempatan.objects.create(
            instansi=dunia.instansi,
            struktur=dunia.struktur,
            pegawai=_pegawai(dunia.instansi, nip, f"Pegawai {nip[:4]}"),
            jabatan=j,
            tmt_mulai=date(2020, 1, 2),
        )


def test_rekomendasi_menyatukan_jabatan_yang_sama_dalam_satu_kelompok_jf(dunia, skema):
    _seksi_dua(dunia, skema)
    baru, hasil = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    kjf = UnitKerja.objects.get(struktur=baru, jenis="kelompok_jf", induk__asal=dunia.bidang_a)
    isi = sorted(
        (j.nama, j.jenis, j.kebutuhan, Penempatan.objects.aktif().filter(jabatan=j).count())
        for j in Jabatan.objects.filter(struktur=baru, unit=kjf)
    )
    # Two converted heads share one Analis Kebijakan Ahli Muda post (B = 2); the two
    # Pengadministrasi Umum posts become one with both holders and K 2 + 1 (no tasks). The
    # JF post carries Kepala Seksi Satu's task (10 × 130 h = 1300 h): K recomputed = 1.
    assert isi == [
        ("Analis Kebijakan Ahli Muda", "fungsional", 1, 2),
        ("Pengadministrasi Umum", "pelaksana", 3, 2),
    ]
    assert hasil.jabatan_disatukan == 2
    kode = {t.kode for t in temuan_periksa(akses=dunia.analis, struktur=baru)}
    assert "JB-01" not in kode


def test_kelas_jf_hasil_penyetaraan_dari_keputusan_instansi(dunia, skema):
    # The catalogue has no kelas for Analis Kebijakan: without the agency's decision the post
    # stays without kelas and the check reports it; with it, the kelas is the agency's.
    baru, hasil = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Tanpa")
    kasi = Jabatan.objects.get(struktur=baru, asal=skema.kepala_seksi)
    assert kasi.kelas is None
    assert hasil.kelas_tidak_diketahui == ["Analis Kebijakan Ahli Muda"] * 2
    jb02 = [t for t in temuan_periksa(akses=dunia.analis, struktur=baru) if t.kode == "JB-02"]
    kasubag = Jabatan.objects.get(struktur=baru, asal=skema.kepala_subbag)
    assert sorted(t.jabatan.pk for t in jb02) == sorted([kasi.pk, kasubag.pk])

    kelas_instansi_simpan(
        akses=dunia.analis,
        jenis="fungsional",
        nama="Analis Kebijakan",
        jenjang="ahli_muda",
        kelas=9,
        dasar_hukum="Keputusan Wali Kota Uji 800/1/2024",
    )
    baru, hasil = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Dengan")
    kasi = Jabatan.objects.get(struktur=baru, asal=skema.kepala_seksi)
    assert kasi.kelas == 9 and hasil.kelas_tidak_diketahui == []
    assert not [t for t in temuan_periksa(akses=dunia.analis, struktur=baru) if t.kode == "JB-02"]


def test_menyatukan_jabatan_ganda_tetap_dapat_dibatalkan_persis(dunia, skema):
    from ramping.penyederhanaan.langkah import langkah_batalkan
    from ramping.penyederhanaan.models import LangkahSkenario
    from ramping.penyederhanaan.services import struktur_salin, unit_hapus

    from .test_langkah import _isi

    _seksi_dua(dunia, skema)
    draf = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario")
    seksi = {u.nama: u for u in UnitKerja.objects.filter(struktur=draf, jenis="seksi")}
    unit_hapus(akses=dunia.analis, unit=seksi["Seksi Satu"])
    sebelum = _isi(draf)
    hasil = unit_hapus(akses=dunia.analis, unit=seksi["Seksi Dua"])
    assert hasil.jabatan_disatukan == 2  # Pengadministrasi Umum and Analis Kebijakan Ahli Muda
    kjf = UnitKerja.objects.get(struktur=draf, jenis="kelompok_jf", induk__asal=dunia.bidang_a)
    assert Jabatan.objects.filter(unit=kjf).count() == 2
    langkah = LangkahSkenario.objects.filter(struktur=draf).order_by("-pk").first()
    langkah_batalkan(akses=dunia.analis, langkah=langkah)
    assert _isi(draf) == sebelum  # the folded posts, their holders and K are back exactly


def test_halaman_rekomendasi_memberi_tahu_jabatan_tanpa_kelas(client, dunia, skema):
    from django.urls import reverse

    client.force_login(dunia.analis.pengguna)
    url = reverse("penyederhanaan:struktur_salin", args=[dunia.instansi.kode, dunia.struktur.pk])
    r = client.post(url, {"aksi": "rekomendasi", "nama": "Hasil"}, follow=True)
    isi = r.content.decode()
    assert "Rekomendasi diterapkan: 2 unit dihapus" in isi
    assert "1 jabatan fungsional hasil penyetaraan belum berkelas" in isi  # Analis Kebijakan AM
    assert "JB-02" in isi
