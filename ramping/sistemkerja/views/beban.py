"""Workload per person: people × teams of a unit, with ABK share and WKE flags; XLSX."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ramping.laporan.format import slug
from ramping.laporan.kop import identitas_instansi
from ramping.laporan.renderers import MIME
from ramping.sistemkerja import selectors as sel
from ramping.sistemkerja.ekspor import matriks_xlsx
from ramping.sistemkerja.forms import SaringanBeban
from ramping.sistemkerja.views.dasar import struktur
from ramping.web.halaman import halaman_instansi

PER_HALAMAN = 50
AMBANG_BAWAAN = 50  # % of the WKE below which capacity counts as idle; the user may change it


def _matriks(request):
    h = request.halaman
    s = struktur(request)
    units = sel.unit_pilihan(akses=h.akses, struktur=s)
    form = SaringanBeban(request.GET or None, units=units)
    d = form.cleaned_data if form.is_valid() else {}
    unit = next((u for u in units if u.pk == d.get("unit")), None)
    if unit is None:
        # An operator starts in their own OPD; others in the first OPD of the tree.
        unit = next((u for u in units if u.kode == h.akses.opd_kode and u.kedalaman == 0), None)
        unit = unit or (units[0] if units else None)
    if unit is None:
        return form, None
    m = sel.beban_matriks(
        akses=h.akses,
        unit=unit,
        cari=d.get("cari", ""),
        tanda=d.get("tanda", ""),
        hanya_bertim=d.get("bertim", False),
        ambang_menganggur=AMBANG_BAWAAN if d.get("ambang") is None else d["ambang"],
    )
    return form, m


@require_GET
@halaman_instansi
def matriks(request):
    form, m = _matriks(request)
    hal = Paginator(m.baris if m else [], PER_HALAMAN).get_page(request.GET.get("hal"))
    baris = [(b, [b.sel(t.pk) for t in m.tim]) for b in hal] if m else []
    return render(
        request,
        "sistemkerja/beban.html",
        {
            "aktif": "sistemkerja",
            "form": form,
            "m": m,
            "hal": hal,
            "baris": baris,
            "ambang": m.ambang_menganggur if m else AMBANG_BAWAAN,
        },
    )


@require_GET
@halaman_instansi
def matriks_unduh(request):
    _form, m = _matriks(request)
    if m is None:
        from ramping.errors import TidakDitemukan

        raise TidakDitemukan()
    isi = matriks_xlsx(
        m,
        instansi=request.halaman.instansi.nama,
        identitas=identitas_instansi(
            instansi_id=request.halaman.akses.instansi_id,
            lingkup=m.unit.nama,
            versi=m.unit.struktur.nama,
            tanggal_=timezone.localdate(),
        ),
    )
    respons = HttpResponse(isi, content_type=MIME["xlsx"])
    respons["Content-Disposition"] = f'attachment; filename="beban-kerja-{slug(m.unit.kode)}.xlsx"'
    return respons
