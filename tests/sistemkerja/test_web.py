"""Pages: every URL × every persona, form messages next to fields, XLSX, query counts."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ramping.sistemkerja import services as svc
from ramping.sistemkerja.models import AnggotaTim, Penugasan, RelasiKoordinasi, TimKerja

pytestmark = pytest.mark.django_db


@pytest.fixture
def objek(dunia, sk):
    a = svc.anggota_tambah(
        akses=dunia.analis, tim=sk.tim, pegawai=sk.rudi, peran="anggota", jam_per_tahun=Decimal(100)
    ).anggota
    p = svc.penugasan_rencanakan(
        akses=dunia.analis,
        tim=sk.tim,
        judul="Kajian",
        target_output="Naskah",
        volume=Decimal(1),
        satuan="naskah",
        tenggat=date(2026, 12, 1),
    )
    p = svc.penugasan_mulai(akses=dunia.analis, penugasan=p, versi=p.versi)
    k = svc.kegiatan_tambah(akses=dunia.analis, penugasan=p, nama="Survei")
    r = svc.relasi_buat(
        akses=dunia.analis, unit_dari=dunia.dinas_a, unit_ke=dunia.dinas_b, jenis="bekerja_sama"
    )
    return {"anggota": a, "penugasan": p, "kegiatan": k, "relasi": r, "tim": sk.tim}


def url(dunia, nama, *args, query=""):
    return reverse(f"sistemkerja:{nama}", args=[dunia.instansi.kode, *args]) + query


def halaman_get(dunia, o) -> dict[str, str]:
    t, p = o["tim"].pk, o["penugasan"].pk
    return {
        "dasbor": url(dunia, "dasbor"),
        "tim_daftar": url(dunia, "tim_daftar"),
        "tim": url(dunia, "tim", t),
        "penugasan_daftar": url(dunia, "penugasan_daftar"),
        "penugasan": url(dunia, "penugasan", p),
        "beban": url(dunia, "beban"),
        "beban_unduh": url(dunia, "beban_unduh"),
        "koordinasi": url(dunia, "koordinasi"),
        "koordinasi_unduh": url(dunia, "koordinasi_unduh"),
    }


# Pages that write: who may open them (GET of the form).
HALAMAN_UBAH = {
    "tim_buat": {"analis", "operator_a", "operator_b"},  # any Level 2 (own OPD's units)
    "tim_ubah": {"analis", "operator_a"},
    "penugasan_rencanakan_tim": {"analis", "operator_a"},
}
PERSONA = ("analis", "operator_a", "operator_b", "pimpinan")


def _masuk(client, dunia, persona):
    if persona != "anonim":
        client.force_login(getattr(dunia, persona).pengguna)


@pytest.mark.parametrize("persona", [*PERSONA, "orang_luar", "anonim"])
def test_setiap_halaman_baca_per_persona(client, dunia, objek, persona):
    _masuk(client, dunia, persona)
    for nama, alamat in halaman_get(dunia, objek).items():
        r = client.get(alamat)
        harapan = {"anonim": 302, "orang_luar": 404}.get(persona, 200)
        assert r.status_code == harapan, (nama, persona)
        if persona == "anonim":
            assert "/masuk/" in r["Location"]


@pytest.mark.parametrize("persona", [*PERSONA, "orang_luar"])
def test_halaman_ubah_per_persona(client, dunia, objek, persona):
    _masuk(client, dunia, persona)
    alamat = {
        "tim_buat": url(dunia, "tim_buat"),
        "tim_ubah": url(dunia, "tim_ubah", objek["tim"].pk),
        "penugasan_rencanakan_tim": url(
            dunia, "penugasan_rencanakan", query=f"?tim={objek['tim'].pk}"
        ),
    }
    for nama, a in alamat.items():
        harapan = 404 if persona == "orang_luar" else 200 if persona in HALAMAN_UBAH[nama] else 403
        assert client.get(a).status_code == harapan, (nama, persona)


@pytest.mark.parametrize(
    ("persona", "aksi", "harapan"),
    [
        ("pimpinan", "setujui", 403),
        ("operator_a", "setujui", 403),
        ("operator_b", "setujui", 302),
        ("orang_luar", "setujui", 404),
        ("operator_b", "hapus", 403),
        ("pimpinan", "hapus", 403),
        ("operator_a", "hapus", 302),
    ],
)
def test_keputusan_anggota_lewat_web(client, dunia, objek, persona, aksi, harapan):
    _masuk(client, dunia, persona)
    r = client.post(url(dunia, "anggota_aksi", objek["anggota"].pk, aksi))
    assert r.status_code == harapan
    a = AnggotaTim.objects.filter(pk=objek["anggota"].pk).first()
    if harapan == 302 and aksi == "setujui":
        assert a.status == "disetujui"
    elif harapan != 302:
        assert a is not None and a.status == "diajukan"


@pytest.mark.parametrize(
    ("persona", "harapan"),
    [("pimpinan", 403), ("operator_a", 403), ("orang_luar", 404), ("anonim", 302)],
)
def test_tulis_tanpa_hak_tidak_mengubah_apa_pun(client, dunia, objek, persona, harapan):
    _masuk(client, dunia, persona)
    p, k, r = objek["penugasan"], objek["kegiatan"], objek["relasi"]
    posts = [
        (url(dunia, "penugasan_aksi", p.pk, "serahkan"), {}),
        (
            url(dunia, "kegiatan_perbarui", k.pk),
            {f"k{k.pk}-progres": 90, f"k{k.pk}-versi": k.versi},
        ),
        (url(dunia, "relasi_hapus", r.pk), {}),
        (
            url(dunia, "koordinasi"),
            {
                "unit_dari": dunia.dinas_b.pk,
                "unit_ke": dunia.dinas_a.pk,
                "jenis": "mengoordinasikan",
            },
        ),
    ]
    if persona == "operator_a":
        posts = posts[2:]  # operator_a works this team: only the coordination map is closed
    for alamat, data in posts:
        assert client.post(alamat, data).status_code == harapan, alamat
    p.refresh_from_db()
    k.refresh_from_db()
    assert p.status == "berjalan" if persona != "operator_a" else True
    assert k.progres == 0 or persona == "operator_a"
    assert RelasiKoordinasi.objects.filter(instansi=dunia.instansi).count() == 1


def test_alur_lewat_web_rencana_serah_terima(client, dunia, sk):
    client.force_login(dunia.operator_a.pengguna)
    r = client.post(
        url(dunia, "penugasan_rencanakan", query=f"?tim={sk.tim.pk}"),
        {
            "judul": "Kajian",
            "target_output": "Naskah",
            "volume": "1.250,5",
            "satuan": "naskah",
            "tenggat": "2026-12-01",
        },
    )
    p = Penugasan.objects.get(instansi=dunia.instansi)
    assert r.status_code == 302 and p.volume == Decimal("1250.5")
    # A form that lost its versi is refused like a stale one, never applied unchecked.
    r = client.post(url(dunia, "penugasan_aksi", p.pk, "mulai"))
    assert r.status_code == 422 and "sudah diubah oleh pengguna lain" in r.content.decode()
    for aksi in ("mulai", "serahkan"):
        p.refresh_from_db()
        r = client.post(url(dunia, "penugasan_aksi", p.pk, aksi), {"versi": p.versi})
        assert r.status_code == 302
    p.refresh_from_db()
    # operator_a sees no accept button and cannot accept.
    assert "Terima hasil" not in client.get(url(dunia, "penugasan", p.pk)).content.decode()
    r = client.post(url(dunia, "penugasan_aksi", p.pk, "terima"), {"versi": p.versi})
    assert r.status_code == 403
    client.force_login(dunia.pimpinan.pengguna)
    halaman = client.get(url(dunia, "penugasan", p.pk)).content.decode()
    assert "Terima hasil" in halaman and "Kembalikan dengan catatan" in halaman
    r = client.post(
        url(dunia, "penugasan_aksi", p.pk, "kembalikan"), {"catatan": "", "versi": p.versi}
    )
    assert r.status_code == 422 and "Tuliskan catatan" in r.content.decode()
    r = client.post(url(dunia, "penugasan_aksi", p.pk, "terima"), {"versi": p.versi})
    assert r.status_code == 302
    p.refresh_from_db()
    assert p.status == "diterima"


def test_form_tim_menampilkan_pesan_di_samping_medan(client, dunia, isi):
    client.force_login(dunia.operator_a.pengguna)
    r = client.post(
        url(dunia, "tim_buat"),
        {
            "unit": dunia.bidang_a.pk,
            "nama": "",
            "periode_mulai": "2026-06-01",
            "periode_selesai": "2026-01-01",
        },
    )
    html = r.content.decode()
    assert r.status_code == 200 and not TimKerja.objects.filter(instansi=dunia.instansi).exists()
    assert 'id="id_nama_galat"' in html and "Nama tim wajib diisi." in html
    assert 'id="id_periode_selesai_galat"' in html and "sebelum periode mulai" in html
    # operator_a may not choose DINAS-B as owner (not offered, refused when forced).
    r = client.post(
        url(dunia, "tim_buat"),
        {
            "unit": dunia.dinas_b.pk,
            "nama": "X",
            "program": "P",
            "periode_mulai": "2026-01-01",
            "periode_selesai": "2026-02-01",
        },
    )
    assert (
        "id_unit_galat" in r.content.decode()
        and not TimKerja.objects.filter(instansi=dunia.instansi).exists()
    )


def test_form_anggota_dan_pesan_aturan(client, dunia, sk, monkeypatch):
    from ramping.organisasi import pengaturan

    # An agency whose rule lets only JF lead a team (the default also allows pelaksana).
    ketat = pengaturan.PENGATURAN_BAWAAN.ganti(ketua_tim_jenis=("fungsional",))
    monkeypatch.setattr(pengaturan, "PENGATURAN_BAWAAN", ketat)
    client.force_login(dunia.operator_a.pengguna)
    alamat = url(dunia, "anggota_tambah", sk.tim.pk)
    r = client.post(alamat, {"peran": "anggota", "jam_per_tahun": "abc"})
    html = r.content.decode()
    assert r.status_code == 422 and "Isi dengan angka" in html and "Pilih pegawai" in html
    r = client.post(alamat, {"pegawai": sk.siti.pk, "peran": "ketua", "jam_per_tahun": "100"})
    assert r.status_code == 422 and "tidak dapat menjadi Ketua Tim" in r.content.decode()
    r = client.post(alamat, {"nip": sk.rudi.nip, "peran": "anggota", "jam_per_tahun": "100"})
    assert r.status_code == 302
    assert AnggotaTim.objects.get(pegawai=sk.rudi).status == "diajukan"


def test_unduhan_xlsx_menulis_rumus_sebagai_teks(client, dunia, sk):
    TimKerja.objects.filter(pk=sk.tim.pk).update(nama='=HYPERLINK("http://x")')
    svc.anggota_tambah(
        akses=dunia.analis, tim=sk.tim, pegawai=sk.ani, peran="anggota", jam_per_tahun=Decimal(300)
    )
    svc.relasi_buat(
        akses=dunia.analis,
        unit_dari=dunia.dinas_a,
        unit_ke=dunia.dinas_b,
        jenis="bekerja_sama",
        dasar_hukum="+Perwal 1/2026",
    )
    client.force_login(dunia.pimpinan.pengguna)
    r = client.get(url(dunia, "beban_unduh", query=f"?unit={dunia.bidang_a.pk}"))
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(BytesIO(r.content)).active
    sel = [c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")']
    assert sel and all(c.data_type == "s" for c in sel)
    angka = [
        c.value
        for row in ws.iter_rows()
        for c in row
        if c.value == Decimal(1300) or c.value == 1300
    ]
    assert angka  # Ani: 1 000 h ABK + 300 h, a number cell
    ws = load_workbook(BytesIO(client.get(url(dunia, "koordinasi_unduh")).content)).active
    sel = [c for row in ws.iter_rows() for c in row if c.value == "+Perwal 1/2026"]
    assert sel and sel[0].data_type == "s"


@pytest.mark.parametrize("n", [1, 6])
def test_jumlah_kueri_halaman_matriks_tetap(client, dunia, sk, n, django_assert_num_queries):
    from tests.sistemkerja.test_beban import _isi_banyak

    _isi_banyak(dunia, sk, n)
    client.force_login(dunia.analis.pengguna)
    alamat = url(dunia, "beban", query=f"?unit={dunia.dinas_a.pk}")
    client.get(alamat)  # warm the session
    with django_assert_num_queries(9):
        r = client.get(alamat)
    assert r.status_code == 200 and r.content.decode().count('class="tim angka"') == n


@pytest.mark.parametrize("nama, query", [("beban_unduh", "?unit={unit}"), ("koordinasi_unduh", "")])
def test_unduhan_xlsx_memuat_identitas_instansi(client, dunia, sk, nama, query):
    from tests.laporan.bantu import identitas_berkas

    client.force_login(dunia.pimpinan.pengguna)
    r = client.get(url(dunia, nama, query=query.format(unit=dunia.bidang_a.pk)))
    i = identitas_berkas(r.content)
    assert i["penulis"] == "Pemerintah Kota Uji" and i["pembuat"] == "ramping"
    ws = load_workbook(BytesIO(r.content)).active
    assert ws.cell(1, 1).value == "PEMERINTAH KOTA UJI"
