"""Peta jabatan: the tree table No / nama jabatan / kelas / B / K / ± with unit subtotals."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ramping.jabatan.models import JenisJabatan
from ramping.jabatan.selectors import pohon_jabatan, rekap_total
from ramping.organisasi.selectors import opd_daftar, unit_ambil, unit_leluhur
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.peta_html import PenulisPeta
from ramping.web.pohon import ratakan
from ramping.web.potongan import markah, potongan
from ramping.web.views.unit import ke_versi_lain


class SaringanPeta(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis jabatan"),
        required=False,
        choices=[("", _("Semua jenis")), *JenisJabatan.choices],
    )
    kurang = forms.BooleanField(label=_("Hanya yang kurang (B < K)"), required=False)


def baris_peta(akar, mulai: int = 0):
    """Unit rows and position rows in tree order; positions are numbered mulai+1..n."""
    nomor = mulai
    for baris in ratakan(akar):
        yield {"unit": baris.node, "kedalaman": baris.kedalaman, "indentasi": baris.indentasi}
        for j in baris.node.jabatan:
            nomor += 1
            yield {
                "jabatan": j,
                "nomor": nomor,
                "indentasi": f"{1.5 + 1.25 * baris.kedalaman:.2f}rem",
            }


def _tbody_lipat(akar, penulis: PenulisPeta, versi: str) -> str:
    """The whole agency folded: one <tbody> per OPD holding its subtotal row and a button
    that loads the OPD's rows in its place (HTMX, `?potongan=baris`), numbered on from the
    positions of the OPDs above it. Without JavaScript the OPD name opens its own peta."""
    keluar, nomor = [], 0
    label = gettext("Tampilkan jabatan di %(opd)s")
    for node in akar:
        url = penulis.url_peta_unit(node.unit.pk)
        tombol = (
            f'<button type="button" class="buka-opd" hx-get="{url}?potongan=baris&amp;'
            f'mulai={nomor}{versi}" hx-target="closest tbody" hx-swap="outerHTML" '
            f'aria-label="{escape(label % {"opd": node.unit.nama})}" aria-expanded="false">'
            f'<span aria-hidden="true">▸</span></button>'
        )
        keluar.append(
            f'<tbody class="opd-lipat">{penulis.baris_unit(node, 0, "0.25rem", tombol)}</tbody>'
        )
        nomor += node.rekap.jumlah
    return "".join(keluar)


@halaman_instansi
def peta(request, unit_id: int | None = None):
    h = request.halaman
    unit = None
    if unit_id is not None:
        unit = unit_ambil(akses=h.akses, unit_id=unit_id)
        if not selaraskan_versi(request, unit.struktur_id):
            return ke_versi_lain(request, unit, "web:peta_unit")
    saring = SaringanPeta(request.GET)
    pilihan = saring.cleaned_data if saring.is_valid() else {}
    versi = request.GET.get("versi", "")
    versi = f"&amp;versi={versi}" if versi.isdigit() else ""
    jenis, hanya_kurang = pilihan.get("jenis", ""), pilihan.get("kurang", False)
    saringan_aktif = bool(jenis or hanya_kurang)
    semua = request.GET.get("semua") == "1"
    mulai = request.GET.get("mulai", "")
    mulai = int(mulai) if mulai.isdigit() else 0
    baris_saja = unit is not None and request.GET.get("potongan") == "baris"

    def isi() -> tuple[str, bool, object, list, list]:
        """The table body, whether it is folded, the totals, the unit's chain and the OPD
        list of the filter."""
        leluhur = unit_leluhur(unit=unit) if unit else []
        opd = opd_daftar(akses=h.akses, struktur=h.struktur) if h.struktur else []
        penulis = PenulisPeta(h.instansi.kode)
        saringan = {"unit": unit, "jenis": jenis, "hanya_kurang": hanya_kurang}
        akar = pohon_jabatan(akses=h.akses, struktur=h.struktur, **saringan) if h.struktur else []
        if baris_saja:
            # The rows of one OPD for the folded whole-agency page, in place of its <tbody>.
            return penulis.baris(baris_peta(akar, mulai)), False, None, [], []
        lipat = bool(unit is None and not saringan_aktif and not semua and akar)
        if lipat:
            return _tbody_lipat(akar, penulis, versi), True, rekap_total(akar), leluhur, opd
        baris = list(baris_peta(akar))
        tbody = f"<tbody>{penulis.baris(baris)}</tbody>" if baris else ""
        return tbody, False, rekap_total(akar), leluhur, opd

    if baris_saja:
        # Cached by the agency's change counter (ramping.web.potongan): never stale.
        parameter = (unit.pk, jenis, hanya_kurang, versi, mulai)
        tbody, *_ = potongan(request, "peta_baris", parameter, isi)
        return HttpResponse(f'<tbody class="opd-terbuka">{tbody}</tbody>')

    def konteks() -> dict:
        tbody, lipat, total, leluhur, opd = isi()
        return {
            "unit": unit,
            "leluhur": leluhur,
            "opd_pilihan": opd,
            "saring": saring,
            "lipat": lipat,
            # Written by PenulisPeta, every text escaped.
            "tbody": mark_safe(tbody),
            "total": total,
        }

    # The page's content, cached by the agency's change counter: the filter form prints the
    # query string, which is therefore the key's parameter (with the unit shown).
    parameter = (unit.pk if unit else None, sorted(request.GET.lists()))
    return render(
        request,
        "web/peta.html",
        {
            "aktif": "peta",
            "isi_html": markah(request, "peta", parameter, "web/peta_isi.html", konteks),
        },
    )
