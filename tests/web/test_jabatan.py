"""The position page: header, ANJAB, Tugas & ABK (HTMX), evaluasi and holders."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import escape

from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.jabatan.services import anjab_ubah, evaluasi_simpan, evaluasi_tetapkan, tugas_buat
from ramping.organisasi.models import Struktur
from ramping.pegawai.models import Penempatan
from tests.aturan.test_tugas import SALAH, pesan_aturan
from tests.web.conftest import _jabatan

HTMX = {"HTTP_HX_REQUEST": "true"}
NUL = "Teks mengandung karakter kontrol (U+0000) yang tidak dapat dicetak; hapus karakter itu."
LAHAT = {"F1": "1-1", "F2": "2-1", "F3": "3-1", "F4A": "4A-3", "F4B": "4B-3", "F5": "5-4"}
LAHAT["F6"] = "6-1"


def url(dunia, nama, *args):
    return reverse(f"web:{nama}", args=[dunia.instansi.kode, *args])


def tugas(dunia, jabatan, **lain):
    nilai = {"uraian": "Mengetik naskah", "hasil_kerja": "Naskah", "satuan_hasil": "naskah"}
    nilai |= {"volume": Decimal(1000), "waktu": Decimal("0.5")} | lain
    return tugas_buat(akses=dunia.analis, jabatan=jabatan, **nilai)


def baris_tugas(**lain):
    data = {"uraian": "Menyusun laporan", "hasil_kerja": "Laporan", "satuan_hasil": "laporan"}
    return data | {"volume": "1.250,5", "waktu": "1", "satuan_waktu": "jam"} | lain


def test_kepala_halaman_tanpa_tugas_menampilkan_tanda_kosong(client, dunia, isi):
    client.force_login(dunia.pimpinan.pengguna)
    response = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk))
    r = response.context["r"]
    assert r.ej is None and r.pj == ""
    html = response.content.decode()
    assert 'data-ringkasan="ej">–<' in html and 'data-ringkasan="pj">–<' in html
    assert "Bidang Satu" in html and "Dinas A" in html  # unit chain


def test_ej_dan_pj_dari_beban_dan_b(client, dunia, isi):
    tugas(dunia, isi.pelaksana_a)  # 500 h / (1 holder × 1250) = 0,40 → E
    client.force_login(dunia.analis.pengguna)
    html = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk) + "?tab=tugas").content.decode()
    assert 'data-ringkasan="ej">0,40<' in html
    assert 'data-kaki="pj">E · Kurang<' in html
    assert 'data-kaki="beban">500,00<' in html


def test_operator_menambah_tugas_lewat_htmx_dan_kepala_ikut_diperbarui(client, dunia, isi):
    client.force_login(dunia.operator_a.pengguna)
    response = client.post(url(dunia, "tugas_buat", isi.pelaksana_a.pk), baris_tugas(), **HTMX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#tab-isi"
    html = response.content.decode()
    assert 'id="ringkasan-jabatan" hx-swap-oob="true"' in html
    t = Tugas.objects.get(jabatan=isi.pelaksana_a)
    assert t.volume == Decimal("1250.50")
    isi.pelaksana_a.refresh_from_db()
    assert isi.pelaksana_a.kebutuhan_desimal == Decimal("1.0004")
    assert 'data-kaki="k-desimal">1,0004<' in html
    assert "1.250,5" in html  # shown the Indonesian way


@pytest.mark.parametrize("volume", ["1.250,5", "1250.5", "1250,5"])
def test_angka_indonesia_dan_titik_desimal_diterima(client, dunia, isi, volume):
    client.force_login(dunia.analis.pengguna)
    client.post(url(dunia, "tugas_buat", isi.pelaksana_a.pk), baris_tugas(volume=volume), **HTMX)
    assert Tugas.objects.get(jabatan=isi.pelaksana_a).volume == Decimal("1250.5")


@pytest.mark.parametrize(("field", "ketik", "nilai"), SALAH)
def test_form_memakai_pesan_aturan_tugas(client, dunia, isi, field, ketik, nilai):
    # Same bad input, same message as the API and the import (ramping.aturan.Tugas.baru).
    client.force_login(dunia.analis.pengguna)
    response = client.post(
        url(dunia, "tugas_buat", isi.pelaksana_a.pk), baris_tugas(**{field: ketik}), **HTMX
    )
    html = response.content.decode()
    awal = html.find(f'-{field}_error">')
    assert awal != -1 and escape(pesan_aturan(field, nilai)) in html[awal : awal + 400]


@pytest.mark.parametrize("field", ["uraian", "hasil_kerja", "satuan_hasil"])
def test_form_menolak_karakter_kontrol(client, dunia, isi, field):
    client.force_login(dunia.analis.pengguna)
    response = client.post(
        url(dunia, "tugas_buat", isi.pelaksana_a.pk),
        baris_tugas(**{field: "Menyusun\x00laporan"}),
        **HTMX,
    )
    html = response.content.decode()
    awal = html.find(f'-{field}_error">')
    assert awal != -1 and escape(NUL) in html[awal : awal + 400]
    assert html.count("U+0000") == 1  # Django's own NUL message is replaced, not added
    assert not Tugas.objects.filter(instansi=dunia.instansi).exists()


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"volume": "-3"}, "volume", "Jumlah hasil tidak boleh negatif"),
        ({"waktu": "0"}, "waktu", "Waktu penyelesaian harus lebih dari nol"),
        ({"uraian": " "}, "uraian", "Uraian tugas wajib diisi."),
        ({"volume": "dua"}, "volume", "Isi dengan angka"),
    ],
)
def test_isian_tugas_salah_ditolak_di_sebelah_medannya(client, dunia, isi, ubah, field, pesan):
    client.force_login(dunia.analis.pengguna)
    response = client.post(
        url(dunia, "tugas_buat", isi.pelaksana_a.pk), baris_tugas(**ubah), **HTMX
    )
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Retarget" not in response
    awal = html.find(f'-{field}_error">')
    assert awal != -1 and pesan in html[awal : awal + 300]
    assert not Tugas.objects.filter(instansi=dunia.instansi).exists()
    assert 'value="Laporan"' in html  # the rest of the row keeps what was typed


def test_tugas_diubah_di_tempat_dan_versi_lama_ditolak(client, dunia, isi):
    t = tugas(dunia, isi.pelaksana_a)
    client.force_login(dunia.operator_a.pengguna)
    baris = client.get(url(dunia, "tugas_ubah", isi.pelaksana_a.pk, t.pk), **HTMX)
    assert 'value="1.000"' in baris.content.decode()
    data = baris_tugas(volume="2.000", waktu="0,5", versi=str(t.versi))
    response = client.post(url(dunia, "tugas_ubah", isi.pelaksana_a.pk, t.pk), data, **HTMX)
    assert response["HX-Retarget"] == "#tab-isi"
    t.refresh_from_db()
    assert t.volume == 2000 and t.uraian == "Menyusun laporan"
    # A second save with the version the user opened first is a conflict: nothing written.
    data |= {"uraian": "Ditimpa"}
    response = client.post(url(dunia, "tugas_ubah", isi.pelaksana_a.pk, t.pk), data, **HTMX)
    assert "sudah diubah oleh pengguna lain" in response.content.decode()
    assert "Ditimpa" in response.content.decode()  # input kept
    t.refresh_from_db()
    assert t.uraian == "Menyusun laporan"


def test_tugas_dihapus_dan_k_dihitung_ulang(client, dunia, isi):
    t = tugas(dunia, isi.pelaksana_a)
    client.force_login(dunia.analis.pengguna)
    response = client.post(
        url(dunia, "tugas_hapus", isi.pelaksana_a.pk, t.pk), {"versi": t.versi}, **HTMX
    )
    assert response.status_code == 200
    assert not Tugas.objects.filter(instansi=dunia.instansi).exists()
    isi.pelaksana_a.refresh_from_db()
    assert isi.pelaksana_a.kebutuhan is None


def test_tanpa_javascript_tugas_tetap_bisa_ditambah(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    halaman = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk) + "?tab=tugas&ubah=baru")
    assert 'name="uraian"' in halaman.content.decode()
    response = client.post(url(dunia, "tugas_buat", isi.pelaksana_a.pk), baris_tugas())
    assert response.status_code == 302 and response["Location"].endswith("?tab=tugas")
    assert Tugas.objects.filter(instansi=dunia.instansi).count() == 1


def test_pimpinan_dan_operator_opd_lain_tidak_melihat_kendali_ubah(client, dunia, isi):
    tugas(dunia, isi.pelaksana_a)
    for persona in ("pimpinan", "operator_b"):
        client.force_login(getattr(dunia, persona).pengguna)
        for tab in ("anjab", "tugas"):
            html = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk) + f"?tab={tab}")
            html = html.content.decode()
            assert "Tambah tugas" not in html and "Simpan ANJAB" not in html
            assert "data-hapus-baris" not in html and "Hapus<" not in html


def test_versi_arsip_hanya_baca(client, dunia, isi):
    t = tugas(dunia, isi.pelaksana_a)
    Struktur.objects.filter(pk=dunia.struktur.pk).update(status=Struktur.Status.ARSIP)
    client.force_login(dunia.analis.pengguna)
    html = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk) + "?tab=tugas").content.decode()
    assert "Tambah tugas" not in html and "arsip: hanya baca" in html
    html = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk) + "?tab=evaluasi").content.decode()
    assert "Simpan draf" not in html
    assert client.get(url(dunia, "tugas_buat", isi.pelaksana_a.pk), **HTMX).status_code == 403
    response = client.post(
        url(dunia, "tugas_ubah", isi.pelaksana_a.pk, t.pk),
        baris_tugas(versi=str(t.versi)),
        **HTMX,
    )
    assert "diarsipkan tidak dapat diubah" in response.content.decode()
    response = client.post(
        url(dunia, "anjab_ubah", isi.pelaksana_a.pk), {"versi": "0", "ikhtisar": "x"}
    )
    assert "diarsipkan tidak dapat diubah" in response.content.decode()
    t.refresh_from_db()
    assert (
        t.uraian == "Mengetik naskah" and not Anjab.objects.filter(instansi=dunia.instansi).exists()
    )


def anjab_post(**lain):
    data = {
        "versi": "0",
        "ikhtisar": "Menelaah kebijakan teknis.",
        "pendidikan_formal": "S-1",
        "pelatihan": ["Diklat teknis", ""],
        "hasil_kerja.hasil": ["Telaahan", ""],
        "hasil_kerja.satuan": ["Dokumen", ""],
        "risiko_bahaya.risiko": ["Kelelahan"],
        "risiko_bahaya.penyebab": ["Lembur"],
        "syarat.bakat": ["G (Intelegensia)", "Q (Ketelitian)"],
        "fisik.umur": "–",
    }
    return data | lain


def test_anjab_disimpan_dengan_baris_tabel_dan_syarat(client, dunia, isi):
    client.force_login(dunia.operator_a.pengguna)
    response = client.post(url(dunia, "anjab_ubah", isi.pelaksana_a.pk), anjab_post())
    assert response.status_code == 302
    anjab = Anjab.objects.get(jabatan=isi.pelaksana_a)
    assert anjab.hasil_kerja == [{"hasil": "Telaahan", "satuan": "Dokumen"}]
    assert anjab.pelatihan == ["Diklat teknis"]
    assert anjab.syarat_jabatan["bakat"] == ["G (Intelegensia)", "Q (Ketelitian)"]
    assert anjab.syarat_jabatan["kondisi_fisik"]["umur"] == "–"
    html = client.get(response["Location"]).content.decode()
    assert "ANJAB disimpan." in html and 'value="Telaahan"' in html
    assert 'name="versi" value="1"' in html


def test_anjab_konflik_menjaga_isian_pengguna(client, dunia, isi):
    anjab_ubah(akses=dunia.analis, jabatan=isi.pelaksana_a, versi=0, ikhtisar="Versi analis")
    client.force_login(dunia.operator_a.pengguna)
    response = client.post(
        url(dunia, "anjab_ubah", isi.pelaksana_a.pk), anjab_post(ikhtisar="Versi operator")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "sudah diubah oleh pengguna lain" in html
    assert "Versi operator" in html
    assert Anjab.objects.get(jabatan=isi.pelaksana_a).ikhtisar == "Versi analis"


def test_galat_anjab_tampil_di_butirnya(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    data = anjab_post(**{"risiko_bahaya.risiko": [""], "risiko_bahaya.penyebab": ["Layar"]})
    html = client.post(url(dunia, "anjab_ubah", isi.pelaksana_a.pk), data).content.decode()
    awal = html.find('id="galat-risiko_bahaya"')
    assert awal != -1 and "Baris 1: kolom risiko wajib diisi." in html[awal : awal + 300]
    assert 'value="Layar"' in html and not Anjab.objects.filter(instansi=dunia.instansi).exists()


def evaluasi_post(tingkat: dict, versi: int = 0, **lain):
    data = {f"tingkat.{k}": v for k, v in tingkat.items()}
    return data | {"versi": str(versi), "tim_evaluator": "Tim A", "tanggal": "2026-11-30"} | lain


def test_analis_menyimpan_dan_menetapkan_contoh_lahat(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    html = client.get(url(dunia, "jabatan", isi.kepala_a.pk) + "?tab=evaluasi").content.decode()
    assert html.count('class="faktor') == 7 and "4A-3" in html and 'data-nilai="175"' in html
    response = client.post(url(dunia, "evaluasi_simpan", isi.kepala_a.pk), evaluasi_post(LAHAT))
    assert response.status_code == 302
    ev = EvaluasiJabatan.objects.get(jabatan=isi.kepala_a)
    assert (ev.nilai, ev.kelas, ev.status, ev.tanggal) == (1715, 10, "draf", date(2026, 11, 30))
    response = client.post(
        url(dunia, "evaluasi_simpan_tetapkan", isi.kepala_a.pk), evaluasi_post(LAHAT, ev.versi)
    )
    assert response.status_code == 302
    ev.refresh_from_db()
    assert ev.status == "ditetapkan"
    assert Jabatan.objects.get(pk=isi.kepala_a.pk).kelas == 10
    html = client.get(response["Location"]).content.decode()
    assert "Buka kembali" in html and "Simpan draf" not in html
    response = client.post(
        url(dunia, "evaluasi_buka_kembali", isi.kepala_a.pk), {"versi": ev.versi}
    )
    assert response.status_code == 302
    assert EvaluasiJabatan.objects.get(pk=ev.pk).status == "draf"


def test_jabatan_pelaksana_memakai_sembilan_faktor(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    html = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk) + "?tab=evaluasi").content.decode()
    assert html.count('class="faktor') == 9


def test_menetapkan_evaluasi_belum_lengkap_tidak_menulis_apa_pun(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    sebagian = {k: v for k, v in LAHAT.items() if k != "F3"}
    response = client.post(
        url(dunia, "evaluasi_simpan_tetapkan", isi.kepala_a.pk), evaluasi_post(sebagian)
    )
    html = response.content.decode()
    assert "Tingkat faktor F3 belum dipilih." in html
    assert 'value="1-1" data-nilai="175" checked' in html  # the picks are kept
    assert not EvaluasiJabatan.objects.filter(instansi=dunia.instansi).exists()


def test_operator_hanya_membaca_evaluasi(client, dunia, isi):
    evaluasi_simpan(akses=dunia.analis, jabatan=isi.kepala_a, versi=0, tingkat=LAHAT)
    client.force_login(dunia.operator_a.pengguna)
    html = client.get(url(dunia, "jabatan", isi.kepala_a.pk) + "?tab=evaluasi").content.decode()
    assert 'type="radio"' not in html and "data-hasil-nilai>1.715<" in html


def test_peringatan_kelas_atasan_di_bawah_jf_bawahan(client, dunia, isi):
    kabid = _jabatan(dunia.bidang_a, "Kepala Bidang Satu", "administrator", is_kepala=True, kelas=8)
    _jabatan(dunia.bidang_a, "Analis Kebijakan Ahli Muda", "fungsional", kelas=10,
             nama_jf="Analis Kebijakan", jenjang="ahli_muda")  # fmt: skip
    client.force_login(dunia.analis.pengguna)
    html = client.get(url(dunia, "jabatan", kabid.pk) + "?tab=evaluasi").content.decode()
    assert "Kelas jabatan atasan (8) lebih rendah dari kelas tertinggi JF bawahannya (10)" in html
    assert 'data-kelas-bawahan="10"' in html


def test_pemangku_dan_riwayat(client, dunia, isi):
    Penempatan.objects.create(
        instansi=dunia.instansi, struktur=dunia.struktur, pegawai=isi.pegawai_bebas,
        jabatan=isi.pelaksana_a, tmt_mulai=date(2020, 1, 1), tmt_selesai=date(2023, 12, 31),
    )  # fmt: skip
    client.force_login(dunia.operator_a.pengguna)
    html = client.get(url(dunia, "jabatan", isi.pelaksana_a.pk) + "?tab=pemangku").content.decode()
    assert "Siti Aminah" in html and "19850202 201001 2 002" in html
    assert "Rudi Hartono" in html and "31 Desember 2023" in html
    assert f"?versi={dunia.struktur.pk}&amp;jabatan={isi.pelaksana_a.pk}" in html


def test_tab_htmx_mengganti_bilah_tab_di_luar_target(client, dunia, isi):
    client.force_login(dunia.analis.pengguna)
    response = client.get(url(dunia, "jabatan_tab", isi.pelaksana_a.pk, "pemangku"), **HTMX)
    html = response.content.decode()
    assert '<nav class="tab-nav" id="tab-nav"' in html and 'hx-swap-oob="true"' in html
    assert "<html" not in html
    assert (
        client.get(url(dunia, "jabatan_tab", isi.pelaksana_a.pk, "lain"), **HTMX).status_code == 404
    )


def test_ditetapkan_tidak_bisa_disimpan_ulang(client, dunia, isi):
    ev = evaluasi_simpan(akses=dunia.analis, jabatan=isi.kepala_a, versi=0, tingkat=LAHAT)
    ev = evaluasi_tetapkan(akses=dunia.analis, evaluasi=ev, versi=ev.versi)
    client.force_login(dunia.analis.pengguna)
    response = client.post(
        url(dunia, "evaluasi_simpan", isi.kepala_a.pk), evaluasi_post(LAHAT, ev.versi)
    )
    assert "buka kembali dulu" in response.content.decode()


@pytest.mark.parametrize(
    "kunci, atasan, unit_atasan",
    [
        # No head in Bidang Satu: the staff answer to the head of the unit above.
        ("pelaksana_a", "Kepala Dinas A", "Dinas A"),
        ("kepala_a", "Wali Kota Uji", "Pemerintah Kota Uji"),
    ],
)
def test_tab_anjab_menampilkan_atasan_langsung_dan_korelasi_dari_struktur(
    client, dunia, isi, kunci, atasan, unit_atasan
):
    client.force_login(dunia.operator_a.pengguna)
    jabatan = getattr(isi, kunci)
    html = client.get(url(dunia, "jabatan", jabatan.pk) + "?tab=anjab").content.decode()
    assert f"Atasan langsung:</strong> {atasan}" in html
    tabel = html.split('class="tabel ringkas tabel-butir korelasi-struktur"')[1].split("</table>")[
        0
    ]
    assert f"<td>{atasan}</td><td>{unit_atasan}</td>" in tabel
    if kunci == "kepala_a":
        assert "<td>Pengadministrasi Perkantoran</td><td>Bidang Satu</td>" in tabel  # bawahan
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(url(dunia, "jabatan", jabatan.pk) + "?tab=anjab").status_code == 404


def test_galat_anjab_semua_butir_sekaligus(client, dunia, isi):
    """Issue #17 item 4: two wrong items (and two wrong rows of one) in one answer."""
    client.force_login(dunia.analis.pengguna)
    data = anjab_post(**{
        "risiko_bahaya.risiko": ["", ""], "risiko_bahaya.penyebab": ["Layar", "Kabel"],
        "hasil_kerja.hasil": [""], "hasil_kerja.satuan": ["dokumen"],
    })  # fmt: skip
    html = client.post(url(dunia, "anjab_ubah", isi.pelaksana_a.pk), data).content.decode()
    risiko = html[html.find('id="galat-risiko_bahaya"') :][:400]
    assert "Baris 1: kolom risiko wajib diisi." in risiko
    assert "Baris 2: kolom risiko wajib diisi." in risiko
    hasil = html[html.find('id="galat-hasil_kerja"') :][:300]
    assert 'id="galat-hasil_kerja"' in html and "Baris 1: kolom hasil wajib diisi." in hasil
    assert not Anjab.objects.filter(instansi=dunia.instansi).exists()
