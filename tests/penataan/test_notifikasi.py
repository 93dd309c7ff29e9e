"""Notices of the penataan cycle: rows and e-mail, who is told, the header count and the list
page per persona, marking read, the e-mail preference, and `ramping pengingat`."""

import logging
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.akun.services import pengguna_atur_surel
from ramping.errors import TidakDitemukan
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.services import struktur_buat, unit_buat
from ramping.penataan import notifikasi as modul
from ramping.penataan.models import KegiatanPenataan, Notifikasi, PesertaPenataan
from ramping.penataan.notifikasi import (
    kirim_notifikasi,
    notifikasi_tandai_dibaca,
    penerima_analis,
    penerima_opd,
    penerima_peserta,
)

HARI_INI = date(2024, 3, 10)


def _surel(akses, alamat: str, *, terima: bool = True) -> Pengguna:
    orang = akses.pengguna
    orang.email = alamat
    orang.terima_surel = terima
    orang.save(update_fields=["email", "terima_surel"])
    return orang


def _kirim(dunia, penerima, judul="Pengajuan Dinas A", **lain) -> int:
    return kirim_notifikasi(instansi_id=dunia.instansi.pk, penerima=penerima, judul=judul, **lain)


# --- kirim_notifikasi -------------------------------------------------------------------------


def test_satu_baris_per_penerima_dan_surel_hanya_bagi_yang_mau_dan_beralamat(
    dunia, settings, django_capture_on_commit_callbacks
):
    settings.RAMPING_URL_DASAR = "https://ramping.kota-uji.go.id"
    mau = _surel(dunia.operator_a, "a@kota-uji.go.id")
    tidak_mau = _surel(dunia.operator_b, "b@kota-uji.go.id", terima=False)
    tanpa_alamat = dunia.analis.pengguna  # terima_surel, but no address
    nonaktif = dunia.pimpinan.pengguna
    nonaktif.is_active = False
    nonaktif.save(update_fields=["is_active"])

    with django_capture_on_commit_callbacks(execute=True):
        jumlah = _kirim(
            dunia, [mau, tidak_mau, tanpa_alamat, mau, nonaktif],
            isi="Dinas A mengajukan ANJAB.", tautan="/i/kota-uji/",
        )  # fmt: skip

    assert jumlah == 3
    baris = Notifikasi.objects.filter(instansi=dunia.instansi)
    assert sorted(n.penerima.username for n in baris) == ["analis", "operator_a", "operator_b"]
    assert all(n.dibaca is None and n.tautan == "/i/kota-uji/" for n in baris)
    assert len(mail.outbox) == 1
    surel = mail.outbox[0]
    assert surel.to == ["a@kota-uji.go.id"]
    assert surel.subject == "[ramping] Pengajuan Dinas A"
    assert "Dinas A mengajukan ANJAB." in surel.body
    assert "https://ramping.kota-uji.go.id/i/kota-uji/" in surel.body


def test_tanpa_url_dasar_surel_memuat_tautan_relatif(
    dunia, settings, django_capture_on_commit_callbacks
):
    settings.RAMPING_URL_DASAR = ""
    orang = _surel(dunia.operator_a, "a@kota-uji.go.id")
    with django_capture_on_commit_callbacks(execute=True):
        _kirim(dunia, [orang], tautan="/i/kota-uji/notifikasi/")
    assert mail.outbox[0].body.strip() == "/i/kota-uji/notifikasi/"


def test_surel_baru_dikirim_setelah_commit(dunia, django_capture_on_commit_callbacks):
    orang = _surel(dunia.operator_a, "a@kota-uji.go.id")
    with django_capture_on_commit_callbacks(execute=False) as tertunda:
        _kirim(dunia, [orang])
    assert mail.outbox == [] and len(tertunda) == 1


def test_server_surel_gagal_dicatat_di_log_tidak_dilempar(
    dunia, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    class KoneksiRusak:
        def __enter__(self):
            raise ConnectionRefusedError("smtp mati")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(modul, "get_connection", lambda: KoneksiRusak())
    orang = _surel(dunia.operator_a, "a@kota-uji.go.id")
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        assert _kirim(dunia, [orang]) == 1
    assert Notifikasi.objects.filter(penerima=orang).count() == 1
    assert "tidak terkirim" in caplog.text


def test_tanpa_penerima_tidak_menulis_apa_pun(dunia):
    assert _kirim(dunia, []) == 0
    assert not Notifikasi.objects.exists()


def test_menolak_menulis_ke_instansi_di_luar_lingkup(dunia):
    with lingkup_instansi(dunia.instansi_lain.pk), pytest.raises(ValueError):
        _kirim(dunia, [dunia.operator_a.pengguna])


# --- who is told ------------------------------------------------------------------------------


@pytest.fixture
def admin(dunia) -> Pengguna:
    orang = Pengguna.objects.create_user(username="admin_uji", password="rahasia-uji-123")
    Keanggotaan.objects.create(instansi=dunia.instansi, pengguna=orang, peran=Peran.ADMIN_INSTANSI)
    return orang


def _nama(orang) -> list[str]:
    return [o.username for o in orang]


def test_penerima_opd_dan_analis(dunia, admin):
    kode = dunia.instansi.pk
    assert _nama(penerima_opd(instansi_id=kode, opd_kode="DINAS-A")) == ["operator_a"]
    assert _nama(penerima_opd(instansi_id=kode, opd_kode="DINAS-C")) == []
    # The other agency's analyst and the pimpinan are not the Bagian Organisasi of this one.
    assert _nama(penerima_analis(instansi_id=kode)) == ["admin_uji", "analis"]


def _kegiatan(dunia, *, tenggat, status=KegiatanPenataan.Status.BERJALAN, struktur=None):
    struktur = struktur or dunia.struktur
    return KegiatanPenataan.objects.create(
        instansi_id=struktur.instansi_id, struktur=struktur, nama="Penataan 2024",
        diminta=["anjab", "abk"], tenggat=tenggat, status=status,
    )  # fmt: skip


def _peserta(kegiatan, opd, status="belum", **lain) -> PesertaPenataan:
    return PesertaPenataan.objects.create(
        instansi_id=kegiatan.instansi_id, kegiatan=kegiatan, opd=opd, status=status, **lain
    )


def test_penerima_peserta_analis_ditunjuk_atau_semua_analis(dunia, admin):
    kegiatan = _kegiatan(dunia, tenggat=HARI_INI)
    tanpa_analis = _peserta(kegiatan, dunia.dinas_a)
    ditunjuk = _peserta(kegiatan, dunia.dinas_b, analis=admin)
    assert _nama(penerima_peserta(tanpa_analis)) == ["operator_a", "admin_uji", "analis"]
    assert _nama(penerima_peserta(ditunjuk)) == ["operator_b", "admin_uji"]
    # An assigned analyst who left the agency: every analyst hears instead.
    Keanggotaan.objects.filter(pengguna=admin).delete()
    assert _nama(penerima_peserta(ditunjuk)) == ["operator_b", "analis"]


# --- reading and marking read ----------------------------------------------------------------


def _belum_dibaca(*, pengguna, instansi_id: int) -> int:
    """The person's unread notices in one agency (the header counts them in the page door's
    read, tests/web/test_pintu_halaman.py)."""
    return Notifikasi.objects.filter(
        penerima=pengguna, instansi_id=instansi_id, dibaca__isnull=True
    ).count()


def test_tandai_dibaca_satu_semua_dan_milik_orang_lain(dunia):
    a, b = dunia.operator_a.pengguna, dunia.operator_b.pengguna
    _kirim(dunia, [a, b], judul="Satu")
    _kirim(dunia, [a], judul="Dua")
    kode = dunia.instansi.pk
    milik_b = Notifikasi.objects.get(penerima=b)
    satu_a = Notifikasi.objects.get(penerima=a, judul="Satu")

    with pytest.raises(TidakDitemukan):
        notifikasi_tandai_dibaca(pengguna=a, instansi_id=kode, notifikasi_id=milik_b.pk)
    assert notifikasi_tandai_dibaca(pengguna=a, instansi_id=kode, notifikasi_id=satu_a.pk) == satu_a
    assert _belum_dibaca(pengguna=a, instansi_id=kode) == 1
    assert notifikasi_tandai_dibaca(pengguna=a, instansi_id=kode) is None
    assert _belum_dibaca(pengguna=a, instansi_id=kode) == 0
    assert _belum_dibaca(pengguna=b, instansi_id=kode) == 1
    # Another agency's count of the same person is its own.
    assert _belum_dibaca(pengguna=a, instansi_id=dunia.instansi_lain.pk) == 0


def test_pengguna_atur_surel(dunia):
    orang = dunia.operator_a.pengguna
    assert pengguna_atur_surel(pengguna=orang, terima=False) is True
    assert pengguna_atur_surel(pengguna=orang, terima=False) is False
    orang.refresh_from_db()
    assert orang.terima_surel is False


# --- pages ------------------------------------------------------------------------------------


def _url(dunia, nama="web:notifikasi_daftar") -> str:
    return reverse(nama, args=[dunia.instansi.kode])


@pytest.mark.parametrize(
    ("persona", "jumlah"), [("operator_a", 2), ("operator_b", 1), ("analis", 0)]
)
def test_jumlah_belum_dibaca_di_kepala_setiap_halaman_instansi(client, dunia, persona, jumlah):
    a, b = dunia.operator_a.pengguna, dunia.operator_b.pengguna
    _kirim(dunia, [a, b], judul="Untuk A dan B")
    _kirim(dunia, [a], judul="Hanya untuk A")
    client.force_login(getattr(dunia, persona).pengguna)
    with CaptureQueriesContext(connection) as kueri:
        isi = client.get(reverse("web:dasbor", args=[dunia.instansi.kode])).content.decode()
    assert _url(dunia) in isi
    assert ('class="lonceng-jumlah"' in isi) == bool(jumlah)
    if jumlah:
        assert f'<span class="lonceng-jumlah">{jumlah}</span>' in isi
    hitung = [q for q in kueri.captured_queries if "penataan_notifikasi" in q["sql"]]
    assert len(hitung) == 1


def test_halaman_di_luar_instansi_tanpa_lonceng(client, dunia):
    client.force_login(dunia.operator_a.pengguna)
    with CaptureQueriesContext(connection) as kueri:
        isi = client.get(reverse("web:sandi")).content.decode()
    assert "lonceng" not in isi
    assert not [q for q in kueri.captured_queries if "penataan_notifikasi" in q["sql"]]


def test_daftar_hanya_notifikasi_sendiri_terbaru_dulu(client, dunia):
    a, b = dunia.operator_a.pengguna, dunia.operator_b.pengguna
    _kirim(dunia, [a], judul="Lama untuk A")
    _kirim(dunia, [b], judul="Rahasia B")
    _kirim(dunia, [a], judul="Baru untuk A")
    Notifikasi.objects.filter(judul="Lama untuk A").update(dibaca=timezone.now())
    client.force_login(a)
    isi = client.get(_url(dunia)).content.decode()
    assert "Rahasia B" not in isi
    assert isi.index("Baru untuk A") < isi.index("Lama untuk A")
    assert isi.count('class="belum"') == 1 and isi.count('class="dibaca"') == 1
    assert "Tandai semua dibaca" in isi


def test_orang_luar_mendapat_404(client, dunia):
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(_url(dunia)).status_code == 404
    baca = client.post(_url(dunia, "web:notifikasi_tandai_dibaca"))
    assert baca.status_code == 404


def test_klik_menandai_dibaca_dan_membuka_tautan(client, dunia):
    a = dunia.operator_a.pengguna
    _kirim(dunia, [a], judul="Dikembalikan", tautan="/i/kota-uji/peta/")
    _kirim(dunia, [a], judul="Luar", tautan="https://contoh.invalid/jebakan")
    _kirim(dunia, [dunia.operator_b.pengguna], judul="Milik B")
    client.force_login(a)
    url = _url(dunia, "web:notifikasi_tandai_dibaca")
    assert client.get(url).status_code == 405  # state changes are POSTs

    satu = Notifikasi.objects.get(judul="Dikembalikan")
    jawab = client.post(url, {"notifikasi": satu.pk})
    assert (jawab.status_code, jawab["Location"]) == (302, "/i/kota-uji/peta/")
    satu.refresh_from_db()
    assert satu.dibaca is not None

    luar = Notifikasi.objects.get(judul="Luar")
    assert client.post(url, {"notifikasi": luar.pk})["Location"] == _url(dunia)
    milik_b = Notifikasi.objects.get(judul="Milik B")
    assert client.post(url, {"notifikasi": milik_b.pk}).status_code == 404
    milik_b.refresh_from_db()
    assert milik_b.dibaca is None


def test_tandai_semua_dibaca(client, dunia):
    a = dunia.operator_a.pengguna
    _kirim(dunia, [a, dunia.operator_b.pengguna], judul="Satu")
    _kirim(dunia, [a], judul="Dua")
    client.force_login(a)
    jawab = client.post(_url(dunia, "web:notifikasi_tandai_dibaca"))
    assert jawab["Location"] == _url(dunia)
    assert not Notifikasi.objects.filter(penerima=a, dibaca__isnull=True).exists()
    assert Notifikasi.objects.filter(penerima=dunia.operator_b.pengguna, dibaca=None).count() == 1


def test_preferensi_surel_di_halaman_notifikasi(client, dunia):
    a = dunia.operator_a.pengguna
    client.force_login(a)
    assert "Terima notifikasi lewat surel" in client.get(_url(dunia)).content.decode()
    client.post(_url(dunia, "web:pengguna_atur_surel"), {})
    a.refresh_from_db()
    assert a.terima_surel is False
    client.post(_url(dunia, "web:pengguna_atur_surel"), {"terima_surel": "on"})
    a.refresh_from_db()
    assert a.terima_surel is True


# --- ramping pengingat ------------------------------------------------------------------------


@pytest.fixture
def putaran(dunia, admin):
    """Running rounds with OPDs in every state and deadline, around HARI_INI."""
    sistem = Akses.sistem(dunia.instansi)
    dinas_c = unit_buat(akses=sistem, struktur=dunia.struktur, induk=None, kode="DINAS-C",
                        nama="Dinas C", jenis="dinas", eselon="II.b")  # fmt: skip
    dinas_d = unit_buat(akses=sistem, struktur=dunia.struktur, induk=None, kode="DINAS-D",
                        nama="Dinas D", jenis="dinas", eselon="II.b")  # fmt: skip
    operator_c = Pengguna.objects.create_user(username="operator_c", email="c@kota-uji.go.id")
    Keanggotaan.objects.create(
        instansi=dunia.instansi, pengguna=operator_c, peran=Peran.OPERATOR, opd_kode="DINAS-C"
    )
    _surel(dunia.operator_a, "a@kota-uji.go.id")
    berjalan = _kegiatan(dunia, tenggat=HARI_INI + timedelta(days=2))
    _peserta(berjalan, dunia.dinas_a, "draf")  # round's deadline in 2 days: reminded
    _peserta(berjalan, dunia.dinas_b, "diajukan")  # submitted: not reminded
    _peserta(berjalan, dinas_c, "revisi", tenggat=HARI_INI - timedelta(days=1), analis=admin)
    _peserta(berjalan, dinas_d, "belum", tenggat=HARI_INI + timedelta(days=10))  # extended
    ditutup = _kegiatan(dunia, tenggat=HARI_INI - timedelta(days=30),
                        status=KegiatanPenataan.Status.DITUTUP)  # fmt: skip
    _peserta(ditutup, dunia.dinas_a, "revisi")

    # The other agency has its own running round, past its deadline.
    lain = dunia.instansi_lain
    struktur_lain = struktur_buat(akses=Akses.sistem(lain), instansi=lain, nama="Draf lain")
    opd_lain = unit_buat(akses=Akses.sistem(lain), struktur=struktur_lain, induk=None,
                         kode="DINAS-X", nama="Dinas X", jenis="dinas", eselon="II.b")  # fmt: skip
    _peserta(_kegiatan(dunia, tenggat=HARI_INI, struktur=struktur_lain), opd_lain, "draf")


def _pengingat(*args) -> str:
    keluar = StringIO()
    call_command("pengingat", "--tanggal", HARI_INI.isoformat(), *args, stdout=keluar)
    return keluar.getvalue()


def _diterima(instansi) -> dict[str, list[str]]:
    hasil: dict[str, list[str]] = {}
    for n in Notifikasi.objects.filter(instansi=instansi).order_by("penerima__username"):
        hasil.setdefault(n.judul, []).append(n.penerima.username)
    return hasil


def test_pengingat_ke_orang_yang_tepat_sekali_sehari(
    dunia, admin, putaran, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        keluar = _pengingat("--instansi", "kota-uji")

    awalan = "Batas waktu Penataan 2024 — "
    assert _diterima(dunia.instansi) == {
        awalan + "Dinas A: tinggal 2 hari": ["admin_uji", "analis", "operator_a"],
        awalan + "Dinas C: terlambat 1 hari": ["admin_uji", "operator_c"],
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["a@kota-uji.go.id", "c@kota-uji.go.id"]
    assert "kota-uji: 2 OPD diingatkan (5 notifikasi), 0 sudah diingatkan hari ini." in keluar
    assert not Notifikasi.objects.filter(instansi=dunia.instansi_lain).exists()

    # The same day again: nothing new, and the summary says why.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        keluar = _pengingat("--instansi", "kota-uji")
    assert Notifikasi.objects.filter(instansi=dunia.instansi).count() == 5
    assert mail.outbox == []
    assert "0 OPD diingatkan (0 notifikasi), 2 sudah diingatkan hari ini." in keluar


def test_pengingat_hari_esok_mengingatkan_lagi(dunia, putaran):
    _pengingat("--instansi", "kota-uji")
    keluar = StringIO()
    besok = (HARI_INI + timedelta(days=1)).isoformat()
    call_command("pengingat", "--instansi", "kota-uji", "--tanggal", besok, stdout=keluar)
    assert "2 OPD diingatkan" in keluar.getvalue()
    assert Notifikasi.objects.filter(judul__endswith="Dinas A: tinggal 1 hari").count() == 3


def test_pengingat_tanpa_instansi_menjalankan_setiap_instansi(dunia, putaran):
    keluar = _pengingat("--hari", "0")
    # --hari 0: only deadlines today or past (Dinas A's in 2 days waits).
    assert list(_diterima(dunia.instansi)) == [
        "Batas waktu Penataan 2024 — Dinas C: terlambat 1 hari"
    ]
    assert _diterima(dunia.instansi_lain) == {
        "Batas waktu Penataan 2024 — Dinas X: hari ini": ["orang_luar"]
    }
    assert "Selesai: 2 OPD diingatkan, 3 notifikasi." in keluar


def test_pengingat_menolak_argumen_salah(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("pengingat", "--instansi", "tidak-ada")
    with pytest.raises(CommandError, match="TTTT-BB-HH"):
        call_command("pengingat", "--tanggal", "10/03/2024")


def test_jumlah_per_instansi_di_pemilih_instansi(client, dunia):
    """A person of two agencies sees each agency's own count; the switcher shows both."""
    a = dunia.operator_a.pengguna
    Keanggotaan.objects.create(instansi=dunia.instansi_lain, pengguna=a, peran=Peran.ANALIS)
    _kirim(dunia, [a], judul="Di kota")
    with lingkup_instansi(dunia.instansi_lain.pk):
        for judul in ("Di kabupaten 1", "Di kabupaten 2", "Di kabupaten 3"):
            kirim_notifikasi(instansi_id=dunia.instansi_lain.pk, penerima=[a], judul=judul)
    client.force_login(a)
    kota = client.get(reverse("web:dasbor", args=[dunia.instansi.kode])).content.decode()
    kepala = kota[kota.index('class="lonceng ada"') :]
    assert kepala.index('<span class="lonceng-jumlah">1</span>') < kepala.index("</a>")
    assert '<span class="lonceng-jumlah" title="Notifikasi belum dibaca">3</span>' in kota
    daftar = client.get(_url(dunia)).content.decode()
    assert "Di kota" in daftar and "Di kabupaten" not in daftar
