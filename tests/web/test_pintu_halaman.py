"""The page door's own reads (`web.halaman`, `organisasi.selectors.struktur_versi`), written as
SQL because every agency page runs them: the same answers the ORM gave, worked case by case."""

from datetime import date

import pytest
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Peran
from ramping.organisasi.models import Struktur
from ramping.organisasi.selectors import struktur_versi
from ramping.organisasi.services import struktur_buat
from ramping.penataan.models import Notifikasi


def _notis(instansi, penerima, n: int, *, dibaca: bool = False) -> None:
    Notifikasi.objects.bulk_create(
        Notifikasi(
            instansi=instansi,
            penerima=penerima,
            judul=f"Catatan {i}",
            dibaca=timezone.now() if dibaca else None,
        )
        for i in range(n)
    )


def test_instansi_peran_opd_dan_notifikasi_belum_dibaca_per_instansi(client, dunia):
    """One person in two agencies: each agency in the switcher with that person's own unread
    count (read notices and other people's notices do not count); the role and OPD of the
    agency shown decide the page."""
    orang = dunia.operator_a.pengguna
    Keanggotaan.objects.create(instansi=dunia.instansi_lain, pengguna=orang, peran=Peran.ANALIS)
    _notis(dunia.instansi, orang, 2)
    _notis(dunia.instansi, orang, 3, dibaca=True)
    _notis(dunia.instansi_lain, orang, 4)
    _notis(dunia.instansi, dunia.analis.pengguna, 5)
    client.force_login(orang)

    r = client.get(f"/i/{dunia.instansi.kode}/")
    h = r.wsgi_request.halaman
    assert [(i.kode, i.belum_dibaca) for i in h.daftar_instansi] == [
        ("kab-lain", 4),  # "Pemerintah Kabupaten Lain" before "Pemerintah Kota Uji": by name
        ("kota-uji", 2),
    ]
    assert (h.instansi.kode, h.akses.peran, h.akses.opd_kode) == ("kota-uji", "operator", "DINAS-A")
    assert r.context["notifikasi_belum_dibaca"] == 2

    h = client.get(f"/i/{dunia.instansi_lain.kode}/").wsgi_request.halaman
    assert (h.instansi.kode, h.akses.peran, h.akses.opd_kode) == ("kab-lain", "analis", "")


def test_instansi_yang_bukan_miliknya_tidak_ada(client, dunia):
    client.force_login(dunia.orang_luar.pengguna)
    assert client.get(f"/i/{dunia.instansi.kode}/").status_code == 404
    assert client.get("/i/tidak-ada/").status_code == 404


@pytest.mark.parametrize(
    ("diminta", "terpilih"),
    [
        (None, "Berlaku 2024"),  # the version in force
        ("Draf 2026", "Draf 2026"),  # the one asked for
    ],
)
def test_versi_terbaru_dulu_dengan_asalnya_tanpa_kueri_lagi(
    dunia, django_assert_num_queries, diminta, terpilih
):
    sistem = Akses.sistem(dunia.instansi)
    berlaku = struktur_buat(akses=sistem, instansi=dunia.instansi, nama="Berlaku 2024")
    Struktur.objects.filter(pk=berlaku.pk).update(
        status=Struktur.Status.BERLAKU, berlaku_mulai=date(2024, 1, 1)
    )
    Struktur.objects.filter(pk=dunia.struktur.pk).update(berlaku_mulai=date(2021, 1, 1))
    draf = struktur_buat(
        akses=sistem, instansi=dunia.instansi, nama="Draf 2026", turunan_dari=berlaku
    )
    Struktur.objects.filter(pk=draf.pk).update(berlaku_mulai=date(2026, 1, 1))
    struktur_buat(akses=Akses.sistem(dunia.instansi_lain), instansi=dunia.instansi_lain, nama="X")
    minta = {"Draf 2026": draf.pk}.get(diminta)

    with django_assert_num_queries(1):
        daftar, pilih = struktur_versi(akses=dunia.analis, struktur_id=minta)
        asal = [s.turunan_dari.nama if s.turunan_dari else None for s in daftar]
    assert [s.nama for s in daftar] == ["Draf 2026", "Berlaku 2024", "Draf uji"]
    assert asal == ["Berlaku 2024", None, None]
    assert daftar[1].berlaku_mulai == date(2024, 1, 1)  # a real date, converted
    assert pilih.nama == terpilih


def test_versi_instansi_lain_tidak_ditemukan(dunia):
    from ramping.errors import TidakDitemukan

    lain = struktur_buat(
        akses=Akses.sistem(dunia.instansi_lain), instansi=dunia.instansi_lain, nama="Lain"
    )
    with pytest.raises(TidakDitemukan):
        struktur_versi(akses=dunia.analis, struktur_id=lain.pk)
