"""Structure versions and the unit tree of one version."""

from django.core.paginator import Paginator
from django.shortcuts import render

from ramping.jabatan.selectors import pohon_jabatan, rekap_total
from ramping.organisasi.selectors import struktur_ukuran
from ramping.web.halaman import halaman_instansi
from ramping.web.peta_html import PenulisPohon
from ramping.web.pohon import ratakan
from ramping.web.potongan import potongan

PER_HALAMAN = 20


@halaman_instansi
def daftar(request):
    h = request.halaman
    halaman_versi = Paginator(h.daftar_versi, PER_HALAMAN).get_page(request.GET.get("hal"))
    return render(
        request,
        "web/struktur/daftar.html",
        {
            "aktif": "struktur",
            "versi_halaman": halaman_versi,
            "ukuran": struktur_ukuran(akses=h.akses),
        },
    )


POHON_TERBUKA_MAKS = 60


@halaman_instansi
def pohon(request):
    h = request.halaman

    def isi() -> dict:
        akar = pohon_jabatan(akses=h.akses, struktur=h.struktur) if h.struktur else []
        baris = ratakan(akar)
        # A whole agency (hundreds of units) opens at the OPD level; a small one fully.
        buka_semua = len(baris) <= POHON_TERBUKA_MAKS
        return {
            "pohon_html": PenulisPohon(h.instansi.kode).tulis(baris, buka_semua) if baris else "",
            "total": rekap_total(akar),
            "buka_semua": buka_semua,
        }

    # Cached by the agency's change counter (ramping.web.potongan): never stale.
    return render(
        request,
        "web/struktur/pohon.html",
        {"aktif": "pohon", **potongan(request, "pohon", (), isi)},
    )
