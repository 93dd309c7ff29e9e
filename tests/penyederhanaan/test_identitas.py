"""Issue #12 item 3: a scenario carries the name and legal basis the user typed, and those are
what its reports print; a draft is renamed, a version in force keeps its name and basis."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ramping.audit.models import JejakAudit
from ramping.errors import RampingError, StrukturTidakBisaDiubah, TidakBerhak, TidakDitemukan
from ramping.laporan.exporters import LAPORAN
from ramping.organisasi.models import Struktur
from ramping.penyederhanaan.services import struktur_salin, struktur_ubah


def _teks_xlsx(isi: bytes) -> str:
    buku = load_workbook(BytesIO(isi), read_only=True)
    return " ".join(
        str(c) for lembar in buku.worksheets for r in lembar.iter_rows(values_only=True) for c in r
        if c is not None
    )  # fmt: skip


def _url(dunia, nama, s):
    return reverse(f"penyederhanaan:{nama}", args=[dunia.instansi.kode, s.pk])


def test_salin_dengan_nama_diketik_tercetak_di_kop_laporan(client, dunia, skema):
    client.force_login(dunia.analis.pengguna)
    url = _url(dunia, "struktur_salin", dunia.struktur)
    r = client.get(url)
    assert r.status_code == 200
    assert f"Rancangan SOTK {date.today().year + 1}" in r.content.decode()  # the suggestion
    r = client.post(
        url,
        {
            "aksi": "salin",
            "nama": "  Rancangan SOTK 2027  ",
            "keterangan": "Penyederhanaan tahap II",
            "dasar_hukum_nomor": "Rancangan Perwal Nomor 3 Tahun 2027",
            "dasar_hukum_tanggal": "",
        },
    )
    baru = Struktur.objects.get(instansi=dunia.instansi, nama="Rancangan SOTK 2027")
    assert r.status_code == 302 and r["Location"] == _url(dunia, "skenario", baru)
    assert (baru.status, baru.keterangan, baru.turunan_dari) == (
        "draft",
        "Penyederhanaan tahap II",
        dunia.struktur,
    )
    isi = LAPORAN["peta-jabatan"](akses=dunia.analis, struktur=baru).ekspor("xlsx")
    teks = _teks_xlsx(isi)
    assert "Versi struktur: Rancangan SOTK 2027" in teks
    assert "Dasar hukum: Rancangan Perwal Nomor 3 Tahun 2027" in teks
    assert "Skenario dari" not in teks


def test_salin_tanpa_nama_ditolak_di_formulir(client, dunia, skema):
    client.force_login(dunia.analis.pengguna)
    sebelum = Struktur.objects.filter(instansi=dunia.instansi).count()
    r = client.post(_url(dunia, "struktur_salin", dunia.struktur), {"aksi": "salin", "nama": " "})
    assert r.status_code == 200
    assert "Nama skenario wajib diisi." in r.content.decode()
    assert Struktur.objects.filter(instansi=dunia.instansi).count() == sebelum
    with pytest.raises(RampingError):
        struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="  ")


def test_ganti_nama_draf_lewat_web_tercatat_di_audit(client, dunia, skema):
    draf = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Skenario dari X")
    client.force_login(dunia.analis.pengguna)
    url = _url(dunia, "struktur_ubah", draf)
    assert client.get(url).status_code == 200
    r = client.post(
        url,
        {
            "nama": "Rancangan SOTK 2027",
            "keterangan": "Opsi B",
            "dasar_hukum_nomor": "Perwal Nomor 9 Tahun 2027",
            "dasar_hukum_tanggal": "2027-01-04",
        },
    )
    assert r.status_code == 302
    draf.refresh_from_db()
    assert (draf.nama, draf.keterangan, draf.dasar_hukum_tanggal) == (
        "Rancangan SOTK 2027",
        "Opsi B",
        date(2027, 1, 4),
    )
    entri = JejakAudit.objects.filter(aksi="struktur_ubah").latest("id")
    assert entri.perubahan["nama"] == ["Skenario dari X", "Rancangan SOTK 2027"]
    isi = LAPORAN["peta-jabatan"](akses=dunia.analis, struktur=draf).ekspor("xlsx")
    assert "Versi struktur: Rancangan SOTK 2027" in _teks_xlsx(isi)


def test_versi_berlaku_hanya_keterangannya_yang_berubah(client, dunia, skema):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="berlaku", berlaku_mulai=date(2021, 1, 1), dasar_hukum_nomor="Perwal 1/2021"
    )
    s = Struktur.objects.get(pk=dunia.struktur.pk)
    with pytest.raises(StrukturTidakBisaDiubah):
        struktur_ubah(akses=dunia.analis, struktur=s, nama="Lain")
    with pytest.raises(StrukturTidakBisaDiubah):
        struktur_ubah(akses=dunia.analis, struktur=s, dasar_hukum_nomor="Perwal 2/2021")
    struktur_ubah(akses=dunia.analis, struktur=s, nama=s.nama, keterangan="Catatan baru")
    s.refresh_from_db()
    assert (s.nama, s.dasar_hukum_nomor, s.keterangan) == (
        "Draf uji",
        "Perwal 1/2021",
        "Catatan baru",
    )
    # The page disables the frozen fields: a tampered POST cannot change them either.
    client.force_login(dunia.analis.pengguna)
    r = client.post(
        _url(dunia, "struktur_ubah", s),
        {"nama": "Lain", "keterangan": "Lagi", "dasar_hukum_nomor": "X"},
    )
    assert r.status_code == 302
    s.refresh_from_db()
    assert (s.nama, s.dasar_hukum_nomor, s.keterangan) == ("Draf uji", "Perwal 1/2021", "Lagi")


def test_operator_403_orang_luar_404(client, dunia, skema):
    draf = struktur_salin(akses=dunia.analis, sumber=dunia.struktur, nama="Draf")
    with pytest.raises(TidakBerhak):
        struktur_ubah(akses=dunia.operator_a, struktur=draf, nama="X")
    with pytest.raises(TidakDitemukan):
        struktur_ubah(akses=dunia.orang_luar, struktur=draf, nama="X")
    for persona, kode in (("operator_a", 403), ("orang_luar", 404)):
        client.force_login(getattr(dunia, persona).pengguna)
        for nama in ("struktur_ubah", "struktur_salin"):
            assert client.get(_url(dunia, nama, draf)).status_code == kode, (persona, nama)
            r = client.post(_url(dunia, nama, draf), {"aksi": "salin", "nama": "X"})
            assert r.status_code == kode, (persona, nama)
    draf.refresh_from_db()
    assert draf.nama == "Draf"
    assert not Struktur.objects.filter(nama="X").exists()
