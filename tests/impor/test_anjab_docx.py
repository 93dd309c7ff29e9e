"""Issue #11 item 4: informasi jabatan Word documents in (1/2020 and 33/2011 layouts), one file
or a ZIP, each matched to a position, previewed per file, applied all or nothing."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from ramping.audit.models import JejakAudit
from ramping.errors import RampingError
from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.impor.docx.baca import angka
from ramping.impor.jenis.anjab_docx import ImporAnjabDocx
from ramping.jabatan.models import Anjab, Tugas
from ramping.jabatan.services import jabatan_buat, tugas_buat
from tests.impor import docx_contoh as c

pytestmark = pytest.mark.django_db


def _imp(dunia, akses=None, **lain):
    return ImporAnjabDocx(akses=akses or dunia.analis, struktur=dunia.struktur, **lain)


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [("24", "24"), ("1.200,00", "1200.00"), ("0,50", "0.50"), ("1,5", "1.5"), ("0.5", "0.5"),
     ("1.080.000", "1080000"), ("1,080.50", "1080.50"), ("12.5", "12.5")],
)  # fmt: skip
def test_angka_dokumen(teks, nilai):
    assert angka(teks) == Decimal(nilai)


@pytest.mark.parametrize("teks", ["18.000", "0.250", "1,080", "5.000"])
def test_angka_ambigu_tidak_ditebak(teks):
    with pytest.raises(ValueError, match="dapat dibaca"):
        angka(teks)


def test_tata_letak_2020_lengkap(dunia, jabatan):
    hasil = impor_terapkan(_imp(dunia), c.anjab_2020())
    assert hasil.galat == []
    (baris,) = hasil.dibuat
    assert "17 butir terbaca" in baris and "tugas 0 → 3" in baris and "K – →" in baris
    a = Anjab.objects.get(jabatan=jabatan)
    assert a.ikhtisar == "Melakukan penelaahan teknis kebijakan bidang satu."
    assert a.pendidikan_formal == "S-1 Administrasi Negara"
    assert a.pelatihan == ["Diklat teknis", "Pelatihan analisis"]
    assert a.tanggung_jawab == ["Kebenaran hasil telaahan", "Ketepatan waktu"]
    assert a.korelasi_jabatan == [
        {"jabatan": "Kepala Bidang Satu", "unit": "Dinas A", "dalam_hal": "Melaporkan hasil"}
    ]
    assert a.syarat_jabatan["bakat"] == ["G (Intelegensia)", "V (Bakat Verbal)"]
    assert a.syarat_jabatan["kondisi_fisik"]["keadaan_fisik"] == "Sehat"
    tugas = list(Tugas.objects.filter(jabatan=jabatan).order_by("urutan"))
    assert [(t.uraian, t.satuan_hasil, t.volume, t.waktu, t.satuan_waktu) for t in tugas] == [
        ("Menyusun bahan kebijakan teknis", "Dokumen", Decimal("24"), Decimal("10"), "jam"),
        ("Menelaah usulan program", "Laporan", Decimal("1200"), Decimal("0.5"), "jam"),
        ("Mengolah data kinerja", "Berkas", Decimal("250"), Decimal("1.5"), "jam"),
    ]  # JUMLAH and PEMBULATAN rows skipped
    jabatan.refresh_from_db()
    # K = (24×10 + 1200×0.5 + 250×1.5) / 1250 = 1215 / 1250 = 0.972 (PermenPAN-RB 1/2020)
    assert jabatan.kebutuhan_desimal == Decimal("0.9720")
    assert JejakAudit.objects.filter(instansi=dunia.instansi, aksi="impor_anjab_docx").count() == 1
    assert JejakAudit.objects.filter(instansi=dunia.instansi, aksi="anjab_ubah").count() == 1
    # The same document again changes nothing.
    ulang = impor_pratinjau(_imp(dunia), c.anjab_2020())
    assert (ulang.dibuat, ulang.diubah, ulang.tetap) == ([], [], 1)


def test_tata_letak_2011_dengan_menit_dan_tahapan(dunia, jabatan):
    hasil = impor_terapkan(_imp(dunia), c.anjab_2011())
    assert hasil.galat == [] and "format PermenPAN-RB 33/2011" in hasil.dibuat[0]
    t = Tugas.objects.filter(jabatan=jabatan).order_by("urutan").first()
    assert (t.uraian, t.hasil_kerja, t.satuan_hasil, t.waktu, t.satuan_waktu) == (
        "Menyusun bahan kebijakan teknis", "Bahan kebijakan", "Dokumen", Decimal("600"), "menit"
    )  # fmt: skip
    assert t.tahapan == "Menerima disposisi\nMenyelesaikan pekerjaan"
    a = Anjab.objects.get(jabatan=jabatan)
    # Old syarat jabatan: pendidikan and kursus move to kualifikasi (PermenPAN-RB 1/2020).
    assert (a.pendidikan_formal, a.pelatihan) == ("S-1 Administrasi Negara", ["Diklat teknis"])
    jabatan.refresh_from_db()
    assert jabatan.kebutuhan_desimal == Decimal("0.9720")  # the same work, in minutes


def test_jumlah_tugas_anjab_dan_abk_harus_sama(dunia, jabatan):
    with pytest.raises(ImporGagal) as e:
        impor_terapkan(_imp(dunia), c.anjab_2011(baris_prestasi=2))
    galat = e.value.pratinjau.galat
    assert "3 uraian tugas tetapi 2 baris beban kerja" in galat[0].pesan
    assert (galat[1].baris, galat[1].pesan) == (
        3,
        "jumlah hasil dan waktu penyelesaian kosong: jumlah tugas ANJAB dan ABK harus sama",
    )
    assert (
        not Tugas.objects.filter(instansi=dunia.instansi).exists()
        and not Anjab.objects.filter(instansi=dunia.instansi).exists()
    )


def test_zip_beberapa_berkas_semua_atau_tidak_sama_sekali(dunia, jabatan):
    kedua = jabatan_buat(akses=dunia.analis, unit=dunia.bidang_a, nama="Pengolah Data dan "
                         "Informasi", jenis="pelaksana", kelas=6)  # fmt: skip
    salah = c.anjab_2020(nama=kedua.nama, tugas=[("Mengolah", "Data", "Berkas", "18.000", "1")])
    arsip = c.zip_dari({"a/penelaah.docx": c.anjab_2020(), "a/pengolah.docx": salah,
                        "__MACOSX/._x.docx": b"x", "catatan.txt": b"abaikan"})  # fmt: skip
    with pytest.raises(ImporGagal) as e:
        impor_terapkan(_imp(dunia), arsip)
    (g,) = e.value.pratinjau.galat
    assert (g.lembar, g.baris, g.kolom) == ("a/pengolah.docx", 1, "tugas pokok")
    assert "“18.000” dapat dibaca 18000 atau 18.000" in g.pesan
    assert (
        not Anjab.objects.filter(instansi=dunia.instansi).exists()
        and not Tugas.objects.filter(instansi=dunia.instansi).exists()
    )  # nothing half-written
    baik = c.anjab_2020(nama=kedua.nama, tugas=[("Mengolah", "Data", "Berkas", "18000", "1")])
    hasil = impor_terapkan(_imp(dunia), c.zip_dari({"1.docx": c.anjab_2020(), "2.docx": baik}))
    assert len(hasil.dibuat) == 2 and Anjab.objects.filter(instansi=dunia.instansi).count() == 2


def test_nama_mirip_ditanya_lalu_dikonfirmasi(dunia, jabatan):
    data = c.anjab_2020(nama="Penelaah Teknis Kebijaksanaan")
    pr = impor_pratinjau(_imp(dunia), data)
    (g,) = pr.galat
    assert "tidak ditemukan tepat. Maksud Anda: Penelaah Teknis Kebijakan — Bidang Satu" in g.pesan
    assert f"ID {jabatan.pk}" in g.pesan
    hasil = impor_terapkan(_imp(dunia, pasangan={"dokumen.docx": jabatan.pk}), data)
    assert hasil.galat == [] and Anjab.objects.filter(jabatan=jabatan).exists()


def test_nama_ganda_dipilah_menurut_unit_dan_dokumen_ganda_ditolak(dunia, jabatan):
    lain = jabatan_buat(akses=dunia.analis, unit=dunia.dinas_b, nama=jabatan.nama,
                        jenis="pelaksana", kelas=7)  # fmt: skip
    hasil = impor_terapkan(_imp(dunia), c.anjab_2020(unit=("Dinas B",)))
    assert Anjab.objects.get(instansi=dunia.instansi).jabatan == lain and hasil.galat == []
    dua = c.zip_dari({"x.docx": c.anjab_2020(), "y.docx": c.anjab_2020()})
    pr = impor_pratinjau(_imp(dunia), dua)
    assert [g.pesan for g in pr.galat] == [f"{jabatan.nama} juga diisi oleh x.docx"]


def test_teks_terlalu_panjang_galat_bukan_dipotong(dunia, jabatan):
    panjang = c.anjab_2020(tugas=[("Uraian", "Hasil", "S" * 61, "1", "1")], kolom_satuan=True)
    pr = impor_pratinjau(_imp(dunia), panjang)
    assert [g.pesan for g in pr.galat] == ["satuan hasil lebih dari 60 karakter"]


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        (b"bukan zip", "bukan dokumen Word .docx"),
        (c.zip_dari({"../../etc/x.docx": c.anjab_2020()}), "nama berkas di dalam ZIP tidak sah"),
        (c.zip_dari({"lama.doc": b"x"}), "hanya .docx yang dibaca"),
        (c.zip_dari({"a.txt": b"x"}), "tidak berisi dokumen .docx"),
        (c.bom_zip(), "rasio pemadatan tidak wajar"),
        (c.zip_dari({"z.docx": c.zip_dari({"a.docx": b"x"})}), "bukan dokumen Word .docx"),
    ],
)
def test_arsip_berbahaya_ditolak_dengan_pesan(dunia, jabatan, data, pesan):
    with pytest.raises(RampingError, match=pesan):
        impor_pratinjau(_imp(dunia), data)


def test_docx_rusak_jadi_galat_berkas(dunia, jabatan):
    pr = impor_pratinjau(_imp(dunia), c.zip_dari({"rusak.docx": c.docx_rusak()}))
    (g,) = pr.galat
    assert g.lembar == "rusak.docx" and "rusak atau tidak dapat dibaca" in g.pesan


def test_operator_opd_lain_dan_orang_luar(dunia, jabatan):
    pr = impor_pratinjau(_imp(dunia, akses=dunia.operator_b), c.anjab_2020())
    assert len(pr.galat) == 1 and not pr.bisa_diterapkan
    pr = impor_pratinjau(_imp(dunia, akses=dunia.operator_a), c.anjab_2020())
    assert pr.galat == []
    with pytest.raises(RampingError):
        _imp(dunia, akses=dunia.orang_luar)


def test_mengganti_tugas_yang_ada_disebut_di_pratinjau(dunia, jabatan):
    tugas_buat(akses=dunia.analis, jabatan=jabatan, uraian="Lama", hasil_kerja="X",
               satuan_hasil="Y", volume=Decimal(1), waktu=Decimal(1))  # fmt: skip
    pr = impor_pratinjau(_imp(dunia), c.anjab_2020())
    (baris,) = pr.diubah
    assert "tugas 1 → 3 (daftar tugas diganti), K 0.0008 → 0.9720" in baris


def test_kueri_tetap_menurut_jumlah_dokumen(dunia, jabatan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(8):
        jabatan_buat(akses=dunia.analis, unit=dunia.bidang_a, nama=f"Penelaah {i}",
                     jenis="pelaksana", kelas=7)  # fmt: skip
    kueri = {}
    for n in (1, 8):
        arsip = c.zip_dari({f"{i}.docx": c.anjab_2020(nama=f"Penelaah {i}") for i in range(n)})
        with CaptureQueriesContext(connection) as q:
            pr = impor_pratinjau(_imp(dunia), arsip)
        assert len(pr.dibuat) == n
        kueri[n] = len(q)
    assert kueri[1] == kueri[8] <= 12  # the preview reads the version once, not per document


def test_cli(dunia, jabatan, tmp_path):
    berkas = tmp_path / "anjab"
    berkas.mkdir()
    (berkas / "penelaah.docx").write_bytes(c.anjab_2020(nama="Penelaah Teknis Kebijaksanaan"))
    keluar, galat = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("impor", "anjab-docx", str(berkas), "--instansi", "kota-uji",
                     stdout=keluar, stderr=galat)  # fmt: skip
    assert "Maksud Anda" in galat.getvalue()
    pasangan = f"penelaah.docx={jabatan.pk}"
    call_command("impor", "anjab-docx", str(berkas), "--instansi", "kota-uji",
                 "--pasangan", pasangan, stdout=keluar, stderr=galat)  # fmt: skip
    assert "1 sudah dibuat" in keluar.getvalue()
    assert Anjab.objects.filter(jabatan=jabatan).exists()


@pytest.mark.parametrize(
    ("persona", "status"),
    [("analis", 200), ("operator_a", 200), ("pimpinan", 403), ("orang_luar", 404)],
)
def test_izin_halaman(client, dunia, persona, status):
    client.force_login(getattr(dunia, persona).pengguna)
    assert client.get("/i/kota-uji/impor/anjab-docx/").status_code == status


def test_web_pratinjau_maksud_anda_lalu_pasangan_dan_terapkan(client, dunia, jabatan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(dunia.analis.pengguna)
    url = "/i/kota-uji/impor/anjab-docx/"
    data = c.anjab_2020(nama="Penelaah Teknis Kebijaksanaan")
    r = client.post(url, {"berkas": SimpleUploadedFile("p.docx", data)})
    halaman = r.content.decode()
    assert "Maksud Anda: Penelaah Teknis Kebijakan" in halaman and 'name="token"' not in halaman
    r = client.post(
        url,
        {"berkas": SimpleUploadedFile("p.docx", data), "pasangan": f"dokumen.docx={jabatan.pk}"},
    )
    halaman = r.content.decode()
    assert "dokumen.docx → Penelaah Teknis Kebijakan (Bidang Satu)" in halaman
    token = halaman.split('name="token" value="')[1].split('"')[0]
    r = client.post(url + "terapkan/", {"token": token, "pasangan": f"dokumen.docx={jabatan.pk}"})
    assert r.status_code == 302
    assert Anjab.objects.filter(jabatan=jabatan).exists()
    assert Tugas.objects.filter(jabatan=jabatan).count() == 3
    r = client.post(url, {"berkas": SimpleUploadedFile("p.docx", data), "pasangan": "x=abc"})
    assert "tulis NAMA_BERKAS=ID_JABATAN" in r.content.decode()
