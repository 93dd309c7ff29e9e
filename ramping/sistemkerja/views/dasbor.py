"""The work-system dashboard."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ramping.sistemkerja import selectors as sel
from ramping.sistemkerja.views.dasar import struktur
from ramping.web.halaman import halaman_instansi


@require_GET
@halaman_instansi
def dasbor(request):
    h = request.halaman
    s = struktur(request)
    ringkasan = sel.dasbor(akses=h.akses, struktur=s)
    menunggu = sel.pengajuan_menunggu(akses=h.akses, struktur=s)[:10]
    return render(
        request,
        "sistemkerja/dasbor.html",
        {"aktif": "sistemkerja", "d": ringkasan, "menunggu": menunggu},
    )
