"""Peta jabatan: the tree table No / nama jabatan / kelas / B / K / ± with unit subtotals."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from ramping.jabatan.models import JenisJabatan
from ramping.jabatan.selectors import pohon_jabatan, rekap_total
from ramping.organisasi.selectors import opd_daftar, unit_ambil, unit_leluhur
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.pohon import ratakan
from ramping.web.views.unit import ke_versi_lain


class SaringanPeta(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis jabatan"),
        required=False,
        choices=[("", _("Semua jenis")), *JenisJabatan.choices],
    )
    kurang = forms.BooleanField(label=_("Hanya yang kurang (B < K)"), required=False)


def baris_peta(akar):
    """Unit rows and position rows in tree order; positions are numbered 1..n."""
    nomor = 0
    for baris in ratakan(akar):
        yield {"unit": baris.node, "kedalaman": baris.kedalaman, "indentasi": baris.indentasi}
        for j in baris.node.jabatan:
            nomor += 1
            yield {
                "jabatan": j,
                "nomor": nomor,
                "indentasi": f"{1.5 + 1.25 * baris.kedalaman:.2f}rem",
            }


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
    akar = []
    if h.struktur is not None:
        akar = pohon_jabatan(
            akses=h.akses,
            struktur=h.struktur,
            unit=unit,
            jenis=pilihan.get("jenis", ""),
            hanya_kurang=pilihan.get("kurang", False),
        )
    return render(
        request,
        "web/peta.html",
        {
            "aktif": "peta",
            "unit": unit,
            "leluhur": unit_leluhur(unit=unit) if unit else [],
            "opd_pilihan": opd_daftar(akses=h.akses, struktur=h.struktur) if h.struktur else [],
            "saring": saring,
            "baris": list(baris_peta(akar)),
            "total": rekap_total(akar),
        },
    )
