"""The workbench pages: allowance table created only by POST, the scenario page one OPD at a
time with a constant number of queries, the move-a-person picker and its messages."""

from datetime import date

import pytest
from django.urls import reverse

from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.models import JejakAudit
from ramping.organisasi.models import Struktur
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.models import TabelTunjangan, TarifTunjangan
from ramping.penyederhanaan.selectors import JABATAN_PER_HALAMAN
from ramping.penyederhanaan.services import struktur_salin, terapkan_rekomendasi


@pytest.fixture
def hasil(dunia, skema):
    Struktur.objects.filter(pk=dunia.struktur.pk).update(
        status="berlaku", berlaku_mulai=date(2021, 1, 1)
    )
    baru, _ = terapkan_rekomendasi(akses=dunia.analis, sumber=dunia.struktur, nama="Hasil")
    return baru


def _url(kode: str, nama: str, *args) -> str:
    return reverse(f"penyederhanaan:{nama}", args=[kode, *args])


# --- Allowance table: GET never writes -------------------------------------------------------


@pytest.mark.parametrize("persona", ["analis", "operator_a", "pimpinan"])
def test_membuka_tabel_tunjangan_tidak_membuat_tabel(client, dunia, persona):
    client.force_login(getattr(dunia, persona).pengguna)
    r = client.get(_url(dunia.instansi.kode, "tunjangan"))
    assert r.status_code == 200
    assert not TabelTunjangan.objects.filter(instansi=dunia.instansi).exists()
    assert "Tabel tunjangan belum disiapkan" in r.content.decode()
    tombol = "Siapkan tabel dari contoh" in r.content.decode()
    assert tombol == (persona == "analis")


def test_operator_tidak_dapat_menyiapkan_tabel(client, dunia):
    client.force_login(dunia.operator_a.pengguna)
    r = client.post(_url(dunia.instansi.kode, "tunjangan"), {"aksi": "siapkan"})
    assert r.status_code == 403
    assert not TabelTunjangan.objects.filter(instansi=dunia.instansi).exists()


def test_analis_menyiapkan_tabel_dari_contoh_lalu_tabel_tampil_berurutan(client, dunia):
    client.force_login(dunia.analis.pengguna)
    url = _url(dunia.instansi.kode, "tunjangan")
    r = client.post(url, {"aksi": "siapkan"}, follow=True)
    assert "Tabel tunjangan disiapkan dari data contoh." in r.content.decode()
    tabel = TabelTunjangan.objects.get(instansi=dunia.instansi)
    assert tabel.contoh and not tabel.verified
    assert JejakAudit.objects.filter(aksi="tabel_tunjangan_siapkan").count() == 1
    n = TarifTunjangan.objects.filter(tabel=tabel).count()
    client.post(url, {"aksi": "siapkan"})  # a second click changes nothing
    assert TarifTunjangan.objects.filter(tabel=tabel).count() == n
    isi = client.get(url).content.decode()
    assert isi.index("Kelas 7") < isi.index("Kelas 10")  # kelas as numbers, not as text
    assert "Ahli Madya" in isi and "ahli_madya" not in isi
    assert "DATA CONTOH" in isi


def test_menyimpan_tarif_menerima_titik_ribuan(client, dunia):
    from ramping.penyederhanaan.services import tabel_tunjangan_siapkan

    tabel = tabel_tunjangan_siapkan(instansi=dunia.instansi, akses=dunia.analis)
    tarif = TarifTunjangan.objects.get(tabel=tabel, jenis="tpp", kunci="9")
    data = {f"tarif-{t.pk}": str(t.jumlah) for t in TarifTunjangan.objects.filter(tabel=tabel)}
    data.update({f"tarif-{tarif.pk}": "3.750.000", "dasar_hukum": "Perwal 1/2024"})
    client.force_login(dunia.analis.pengguna)
    r = client.post(_url(dunia.instansi.kode, "tunjangan"), data)
    assert r.status_code == 302
    tarif.refresh_from_db()
    assert tarif.jumlah == 3_750_000


# --- Scenario page: one OPD, positions paged ---------------------------------------------------


def test_halaman_skenario_menampilkan_satu_opd(client, dunia, hasil):
    client.force_login(dunia.analis.pengguna)
    url = _url(dunia.instansi.kode, "skenario", hasil.pk)
    isi = client.get(url).content.decode()
    assert "Unit kerja Dinas A" in isi and "Kepala Bidang Satu" in isi
    assert "Kepala UPT Pelayanan" not in isi  # Dinas B is on its own page
    dinas_b = hasil.unit_set.get(asal=dunia.dinas_b)
    isi = client.get(url, {"opd": dinas_b.pk}).content.decode()
    assert "Kepala UPT Pelayanan" in isi and "Kepala Bidang Satu" not in isi


def test_operator_membuka_opd_sendiri_lebih_dulu(client, dunia, hasil):
    client.force_login(dunia.operator_b.pengguna)
    isi = client.get(_url(dunia.instansi.kode, "skenario", hasil.pk)).content.decode()
    assert "Unit kerja Dinas B" in isi


def _analis_demo(demo) -> Pengguna:
    pengguna = Pengguna.objects.create_user(username="analis-demo-uji", password="x")
    Keanggotaan.objects.create(instansi=demo, pengguna=pengguna, peran=Peran.ANALIS)
    return pengguna


@pytest.mark.django_db
def test_kueri_halaman_skenario_tetap_pada_draf_seukuran_demo(
    client, dunia, hasil, demo, django_assert_num_queries
):
    """The full demo draft (≈1,250 positions, OPDs with hundreds of holders per position) costs
    the same number of queries as the hand-built one."""
    client.force_login(dunia.analis.pengguna)
    kecil = _url(dunia.instansi.kode, "skenario", hasil.pk)
    client.get(kecil)  # warm the session and settings caches
    with django_assert_num_queries(15) as kueri:
        client.get(kecil)
    n = len(kueri.captured_queries)  # read now: the copy below rotates the query log

    sumber = Struktur.objects.get(instansi=demo, status="berlaku")
    draf = struktur_salin(akses=Akses.sistem(demo), sumber=sumber, nama="Draf demo uji")
    assert draf.jabatan_set.count() > 1000
    client.force_login(_analis_demo(demo))
    besar = _url(demo.kode, "skenario", draf.pk)
    disdik = draf.unit_set.get(kode="DISDIK")  # 1,600 teachers in a few positions
    client.get(besar)
    for params in ({}, {"opd": disdik.pk}, {"opd": disdik.pk, "hal": 2}):
        with django_assert_num_queries(n):
            r = client.get(besar, params)
        assert r.status_code == 200
    isi = r.content.decode()
    assert isi.count('id="jabatan-') <= JABATAN_PER_HALAMAN
    assert "dan 384 pemangku lain" in isi  # 389 Guru Ahli Muda, five listed (page 2)


# --- Moving a person: a picker with messages next to the field ---------------------------------


def _pindah(client, dunia, hasil, **data):
    pen = Penempatan.objects.get(struktur=hasil, pegawai__nama="Pegawai 3")
    post = {"aksi": "pegawai_pindah", "pindah": pen.jabatan_id, "penempatan": pen.pk, **data}
    return pen, client.post(_url(dunia.instansi.kode, "ubah", hasil.pk), post)


def test_pemilih_jabatan_tujuan_dikelompokkan_per_unit(client, dunia, hasil):
    pen = Penempatan.objects.get(struktur=hasil, pegawai__nama="Pegawai 3")
    client.force_login(dunia.analis.pengguna)
    r = client.get(
        _url(dunia.instansi.kode, "skenario", hasil.pk),
        {"pindah": pen.jabatan_id, "penempatan": pen.pk},
    )
    isi = r.content.decode()
    assert '<optgroup label="Bidang Satu">' in isi
    assert f'<option value="{pen.pk}" selected>' in isi


def test_pindah_tanpa_tujuan_ditolak_dengan_pesan_di_samping_medan(client, dunia, hasil):
    client.force_login(dunia.analis.pengguna)
    pen, r = _pindah(client, dunia, hasil, ke="")
    assert r.status_code == 200
    assert 'id="id_ke_galat"' in r.content.decode()
    assert "Pilih jabatan tujuan." in r.content.decode()
    assert Penempatan.objects.get(pk=pen.pk).jabatan_id == pen.jabatan_id


@pytest.mark.parametrize(
    ("tujuan", "pesan"),
    [
        ("sama", "Pegawai sudah menduduki jabatan ini"),
        ("lain_versi", "Jabatan tujuan tidak ada pada skenario ini."),
        ("teks", "Jabatan tujuan tidak ada pada skenario ini."),
    ],
)
def test_pindah_ke_tujuan_tidak_sah_ditolak(client, dunia, hasil, skema, tujuan, pesan):
    client.force_login(dunia.analis.pengguna)
    pen = Penempatan.objects.get(struktur=hasil, pegawai__nama="Pegawai 3")
    ke = {"sama": pen.jabatan_id, "lain_versi": skema.kepala_bidang.pk, "teks": "abc"}[tujuan]
    _pen, r = _pindah(client, dunia, hasil, ke=ke)
    assert pesan in r.content.decode()
    assert Penempatan.objects.get(pk=pen.pk).jabatan_id == pen.jabatan_id


def test_pindah_pegawai_lewat_pemilih(client, dunia, hasil):
    client.force_login(dunia.analis.pengguna)
    tujuan = hasil.jabatan_set.get(nama="Kepala Seksi Wilayah")
    pen, r = _pindah(client, dunia, hasil, ke=tujuan.pk, opd=tujuan.unit.induk.induk_id)
    assert r.status_code == 302 and f"opd={tujuan.unit.induk.induk_id}" in r["Location"]
    assert Penempatan.objects.get(pk=pen.pk).jabatan_id == tujuan.pk


def test_ubah_jabatan_fungsional_tanpa_jenjang_ditolak_di_medannya(client, dunia, hasil):
    client.force_login(dunia.analis.pengguna)
    j = hasil.jabatan_set.get(nama="Kepala Seksi Wilayah")
    r = client.post(
        _url(dunia.instansi.kode, "ubah", hasil.pk),
        {"aksi": "jabatan_ubah", "jabatan": j.pk, "ubah": j.pk, "jenis": "fungsional",
         "nama_jf": "Analis Kebijakan", "jenjang": "", "kelas": "30"},
    )  # fmt: skip
    isi = r.content.decode()
    assert "Jabatan fungsional memerlukan jenjang." in isi
    assert "Kelas jabatan berupa angka 1–17." in isi
    j.refresh_from_db()
    assert j.jenis == "pengawas"


# --- Comparison: whole numbers stay whole ------------------------------------------------------


def test_pdf_perbandingan_menulis_bilangan_bulat_tanpa_desimal(dunia, hasil):
    from ramping.laporan.dokumen import Tabel
    from ramping.laporan.renderers import teks_sel
    from ramping.penyederhanaan.ekspor import dokumen_perbandingan
    from ramping.penyederhanaan.selectors import bandingkan_versi

    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=hasil)
    dok = dokumen_perbandingan(b, "Kota Uji")
    metrik = next(t for t in dok.blok if isinstance(t, Tabel) and t.nama_lembar == "Metrik")
    sel = {r.sel[0]: [teks_sel(v, k) for v, k in zip(r.sel, metrik.kolom, strict=True)]
           for r in metrik.baris}  # fmt: skip
    # 2 sections out and 2 kelompok JF in: the structural units fall, the groups are apart.
    assert sel["Jumlah unit kerja struktural"][1:] == ["8", "6", "−2"]
    assert sel["Kelompok jabatan fungsional"][1:] == ["0", "2", "+2"]
    assert sel["Jabatan struktural eselon IV.a"][1:] == ["4", "2", "−2"]
    assert all(",0" not in t for baris in sel.values() for t in baris[1:])


@pytest.mark.parametrize(
    ("nilai", "tanda", "teks"),
    [
        (14_641_750_000, False, "14,64 miliar"),
        (638_400_000, True, "+638,4 juta"),
        (-10_000_000, True, "−10 juta"),
        (1_250_000_000_000, False, "1,25 triliun"),
        (750_000, False, "750.000"),
    ],
)
def test_rupiah_ringkas_untuk_kartu_sorotan(nilai, tanda, teks):
    from ramping.penyederhanaan.ringkasan import rupiah_ringkas

    assert rupiah_ringkas(nilai, tanda=tanda) == teks


def test_perubahan_per_opd_menghitung_unit_dan_struktural(dunia, hasil):
    from ramping.penyederhanaan.ringkasan import per_opd
    from ramping.penyederhanaan.selectors import bandingkan_versi

    b = bandingkan_versi(akses=dunia.analis, lama=dunia.struktur, baru=hasil)
    baris = {o.nama: o for o in per_opd(b)}
    a = baris["Dinas A"]
    assert (a.unit_lama, a.unit_baru) == (6, 6)  # two sections out, two kelompok JF in
    assert [p.status for p in a.unit_beda] == ["baru", "baru", "dihapus", "dihapus"]
    assert (a.struktural_lama, a.struktural_baru) == (4, 2)
    assert (a.fungsional_lama, a.fungsional_baru) == (0, 2)
    assert a.jabatan_berubah == 3 and a.ada_perubahan
    assert not baris["Dinas B"].ada_perubahan
    assert "jenis, jenjang, kelas, kepala unit, pindah unit" in a.jabatan_beda[0].label
