"""The leader's one page ("ringkasan pimpinan") and its 1–2-page PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from ramping.penyederhanaan.grafik import grafik_pasangan
from ramping.penyederhanaan.pdf_pimpinan import pdf_pimpinan
from ramping.penyederhanaan.pimpinan import ringkasan_pimpinan
from ramping.penyederhanaan.views.banding import pasangan_dipilih
from ramping.web.halaman import halaman_instansi


def _ringkasan(request):
    """The summary of the pair in `?lama=&baru=`, else the default pair; None with < 2 versions."""
    pasangan = pasangan_dipilih(request)
    if pasangan is None:
        return None
    lama, baru = pasangan
    return ringkasan_pimpinan(akses=request.halaman.akses, lama=lama, baru=baru)


@halaman_instansi
def pimpinan(request):
    r = _ringkasan(request)
    konteks = {"aktif": "penyederhanaan", "bagian": "pimpinan", "r": r}
    if r is not None:
        konteks["g"] = grafik_pasangan([(e, a, z) for e, a, z in r.eselon], lebar=620)
    return render(request, "penyederhanaan/pimpinan.html", konteks)


@halaman_instansi
def unduh(request):
    r = _ringkasan(request)
    if r is None:
        raise Http404
    respons = HttpResponse(pdf_pimpinan(r, request.halaman.instansi.nama), "application/pdf")
    respons["Content-Disposition"] = 'attachment; filename="ringkasan-pimpinan.pdf"'
    return respons
