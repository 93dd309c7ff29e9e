"""Org chart (SVG) of the whole agency or of one unit, on screen and for A3 printing."""

from django import forms
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ramping.jabatan.selectors import SimpulUnit, pohon_jabatan, rekap_total
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.selectors import unit_ambil, unit_leluhur
from ramping.web.bagan import Simpul, susun
from ramping.web.bagan_svg import svg_bagan
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.peta_html import pola_url
from ramping.web.potongan import potongan
from ramping.web.views.unit import ke_versi_lain

SEMUA = 9  # "all levels" (trees are 4–5 levels deep)


class PilihanBagan(forms.Form):
    kedalaman = forms.TypedChoiceField(
        label=_("Tingkat ditampilkan"),
        required=False,
        coerce=int,
        choices=[
            (1, _("1 tingkat")),
            (2, _("2 tingkat")),
            (3, _("3 tingkat")),
            (SEMUA, _("Semua")),
        ],
    )


def _simpul(node: SimpulUnit, url: tuple, sisa: int) -> Simpul:
    """`url`: (unit, jabatan) URL makers, reversed once per page (peta_html.pola_url)."""
    kepala = node.kepala
    url_unit, url_jabatan = url
    return Simpul(
        judul=node.unit.nama,
        href=url_unit(node.unit.pk),
        rekap=node.rekap,
        kepala=kepala.nama if kepala else "",
        kepala_href=url_jabatan(kepala.id) if kepala else "",
        kelompok_jf=node.unit.jenis == UnitKerja.Jenis.KELOMPOK_JF,
        tersembunyi=0 if sisa > 0 else len(node.anak),
        anak=[_simpul(a, url, sisa - 1) for a in node.anak] if sisa > 0 else [],
    )


def _data_bagan(request, unit_id):
    h = request.halaman
    kode = h.instansi.kode
    unit = None
    if unit_id is not None:
        unit = unit_ambil(akses=h.akses, unit_id=unit_id)
        if not selaraskan_versi(request, unit.struktur_id):
            return None, ke_versi_lain(request, unit, request.resolver_match.view_name)
    pilihan = PilihanBagan(request.GET)
    # The whole agency shows its OPD first (a readable page); a unit shows everything.
    kedalaman = (pilihan.is_valid() and pilihan.cleaned_data["kedalaman"]) or (SEMUA if unit else 1)

    def gambar() -> str:
        akar = pohon_jabatan(akses=h.akses, struktur=h.struktur, unit=unit) if h.struktur else []
        url = (pola_url("web:unit", kode), pola_url("web:jabatan", kode))
        if unit is not None:
            simpul = _simpul(akar[0], url, kedalaman)
        else:
            simpul = Simpul(
                judul=h.instansi.nama,
                href=reverse("web:pohon", args=[kode]),
                rekap=rekap_total(akar),
                anak=[_simpul(n, url, kedalaman - 1) for n in akar],
            )
        return svg_bagan(susun(simpul))

    return {
        "aktif": "bagan",
        "unit": unit,
        "leluhur": unit_leluhur(unit=unit) if unit else [],
        "pilihan": pilihan,
        "kedalaman": kedalaman,
        # Cached by the agency's change counter (ramping.web.potongan): never stale.
        "svg": potongan(request, "bagan", (unit.pk if unit else None, kedalaman), gambar),
    }, None


@halaman_instansi
def bagan(request, unit_id: int | None = None):
    konteks, alih = _data_bagan(request, unit_id)
    return alih or render(request, "web/struktur/bagan.html", konteks)


@halaman_instansi
def cetak(request, unit_id: int | None = None):
    konteks, alih = _data_bagan(request, unit_id)
    return alih or render(request, "web/struktur/bagan_cetak.html", konteks)
