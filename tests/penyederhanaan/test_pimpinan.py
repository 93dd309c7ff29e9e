"""The leader's one page and its PDF, on the hand-built agency (numbers known), the PDF read
back by an independent reader (poppler's pdfinfo/pdftotext), and the leader's landing."""

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ramping.organisasi.models import PengaturanInstansi, Struktur
from ramping.penyederhanaan.pimpinan import ringkasan_pimpinan
from ramping.penyederhanaan.services import terapkan_rekomendasi


@pytest.fixture
def berlaku(dunia, skema):
    """Before: dunia.struktur (archived 2021). After: the recommendation, in force since 2023."""
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="SOTK 2023")
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="arsip", berlaku_mulai=date(2021, 1, 4), nama="SOTK 2021"
    )
    Struktur.objects.filter(pk=baru.pk).update(
        status="berlaku",
        berlaku_mulai=date(2023, 1, 2),
        dasar_hukum_nomor="Peraturan Wali Kota Uji Nomor 9 Tahun 2023",
        dasar_hukum_tanggal=date(2023, 1, 2),
    )
    PengaturanInstansi.objects.create(
        instansi=dunia.instansi,
        wke_jam=1250,
        mode_pembulatan="half_up",
        minimal_satu=True,
        kota="Uji",
        penandatangan_nama="Drs. Budi Santoso, M.Si.",
        penandatangan_jabatan="Sekretaris Daerah",
        penandatangan_nip="196801011990031001",
    )
    baru.refresh_from_db()
    return baru


def test_angka_dan_kalimat_dari_versi_buatan_tangan(dunia, skema, berlaku):
    lama = Struktur.objects.get(pk=dunia.struktur.pk)
    r = ringkasan_pimpinan(akses=dunia.analis, lama=lama, baru=berlaku, hari_ini=date(2026, 12, 6))
    nilai = {a.kunci: (a.lama, a.baru) for a in r.angka}
    assert nilai["unit"] == (8, 6)
    assert nilai["administrator"] == (6, 4)  # 1 III.b + 1 III.a + 4 IV.a → 2 IV.a left
    # the two converted heads sit in two kelompok JF (Bidang Satu, Sekretariat): two posts
    assert nilai["fungsional"] == (0, 2)
    assert nilai["b"] == (4, 4)
    assert r.eselon == [("II.b", 2, 2), ("III.a", 1, 1), ("III.b", 1, 1), ("IV.a", 4, 2)]
    assert r.kalimat[0].startswith(
        "Unit kerja struktural berkurang dari 8 menjadi 6 (−2; −25,0%) dan jabatan "
        "administrator, pengawas dan eselon V berkurang dari 6 menjadi 4 (−2; −33,3%)"
    )
    assert r.kalimat[1].startswith("2 pejabat disetarakan ke jabatan fungsional dan 0 pegawai")
    assert r.kalimat[2].startswith("Biaya tunjangan dan TPP per bulan")
    assert r.dasar_hukum[0] == (
        "Peraturan Wali Kota Uji Nomor 9 Tahun 2023, tanggal 2 Januari 2023 (SOTK 2023)"
    )
    assert r.tempat_tanggal == "Uji, 6 Desember 2026"
    assert isinstance(r.dijamin, Decimal)


def _baca_pdf(isi: bytes, tmp_path) -> tuple[int, str]:
    berkas = tmp_path / "ringkasan.pdf"
    berkas.write_bytes(isi)
    info = subprocess.run(["pdfinfo", str(berkas)], capture_output=True, text=True, check=True)
    halaman = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))
    teks = subprocess.run(
        ["pdftotext", "-layout", str(berkas), "-"], capture_output=True, text=True, check=True
    ).stdout
    return halaman, " ".join(teks.split())


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_pimpinan_paling_banyak_dua_halaman_dengan_angka_utama(
    client, dunia, skema, berlaku, tmp_path
):
    client.force_login(dunia.pimpinan.pengguna)
    r = client.get(reverse("penyederhanaan:pimpinan_unduh", args=[dunia.instansi.kode]))
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    halaman, teks = _baca_pdf(r.content, tmp_path)
    assert halaman <= 2
    assert "Ringkasan Penyederhanaan Birokrasi untuk Pimpinan" in teks
    assert "SOTK 2021 → SOTK 2023" in teks
    for baris in (
        "Unit kerja struktural 8 6 −2",
        "Administrator, pengawas dan eselon V 6 4 −2",
        "Pegawai (B) 4 4 ±0",
    ):
        assert baris in teks, baris
    assert "Peraturan Wali Kota Uji Nomor 9 Tahun 2023" in teks
    assert "Sekretaris Daerah" in teks and "Drs. Budi Santoso, M.Si." in teks
    assert "NIP 196801011990031001" in teks


def test_halaman_pimpinan_dan_hak_akses(client, dunia, skema, berlaku):
    url = reverse("penyederhanaan:pimpinan", args=[dunia.instansi.kode])
    for persona in ("pimpinan", "analis", "operator_b"):  # agency-wide figures, read only
        client.force_login(getattr(dunia, persona).pengguna)
        r = client.get(url)
        assert r.status_code == 200, persona
    isi = r.content.decode()
    assert 'data-angka-pimpinan="unit"' in isi and "SOTK 2021" in isi
    assert isi.count('data-kalimat="') == 3
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(url).status_code == 404
    pdf = reverse("penyederhanaan:pimpinan_unduh", args=[dunia.instansi.kode])
    assert client.get(pdf).status_code == 404


def test_pimpinan_mendarat_di_ringkasan(client, dunia, skema, berlaku):
    client.force_login(dunia.pimpinan.pengguna)
    r = client.get(reverse("web:beranda"))
    assert r.status_code == 302
    assert r["Location"] == reverse("penyederhanaan:pimpinan", args=[dunia.instansi.kode])
    client.force_login(dunia.analis.pengguna)
    r = client.get(reverse("web:beranda"))
    assert r["Location"] == reverse("web:dasbor", args=[dunia.instansi.kode])
