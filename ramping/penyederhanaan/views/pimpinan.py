"""The leader's one page ("ringkasan pimpinan") and its 1–2-page PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from ramping.organisasi.selectors import struktur_ambil
from ramping.penyederhanaan.grafik import grafik_pasangan
from ramping.penyederhanaan.pdf_pimpinan import pdf_pimpinan
from ramping.penyederhanaan.perbandingan import pasangan_bawaan
from ramping.penyederhanaan.pimpinan import ringkasan_pimpinan
from ramping.web.halaman import halaman_instansi


def _ringkasan(request):
    """The summary of the pair in `?lama=&baru=`, else the default pair; None with < 2 versions."""
    h = request.halaman
    versi = h.daftar_versi
    if len(versi) < 2:
        return None
    a, b = request.GET.get("lama", ""), request.GET.get("baru", "")
    if a.isdigit() and b.isdigit():
        lama = struktur_ambil(akses=h.akses, struktur_id=int(a))
        baru = struktur_ambil(akses=h.akses, struktur_id=int(b))
    else:
        lama, baru = pasangan_bawaan(h.instansi.pk, versi)
    return ringkasan_pimpinan(akses=h.akses, lama=lama, baru=baru)


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
