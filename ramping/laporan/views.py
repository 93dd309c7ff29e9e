"""The "Laporan" page, downloads and the ZIP builder. Thin: parse, call the exporter, answer.

Reading is open to every member of the agency (analis, admin, pimpinan, operator); building an
OPD's ZIP is heavier work started on the server, so an operator may start it only for their own
OPD. Another agency's data does not exist (404), as everywhere under /i/<kode>/.
"""

from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from ramping.akun.models import Peran
from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.laporan import paket
from ramping.laporan.exporters import LAPORAN
from ramping.laporan.renderers import MIME
from ramping.laporan.selectors import opd_ambil
from ramping.laporan.unduhan import buat_laporan
from ramping.organisasi.selectors import opd_daftar
from ramping.web.halaman import halaman_instansi

LABEL_FORMAT = {"xlsx": "Excel (XLSX)", "pdf": "PDF", "docx": "Word (DOCX)"}


def boleh_zip(akses, opd_kode: str) -> bool:
    """Agency-wide roles and leaders for any OPD; an operator for their own OPD only."""
    return akses.peran != Peran.OPERATOR or akses.opd_kode == opd_kode


@require_GET
@halaman_instansi
def indeks(request):
    h = request.halaman
    opd = opd_daftar(akses=h.akses, struktur=h.struktur) if h.struktur else []
    # Plain values: a template would call the exporter class (templates call callables).
    laporan = [
        {
            "kode": e.kode,
            "judul": e.judul,
            "perlu_opd": e.perlu_opd,
            "format": [(f, LABEL_FORMAT[f]) for f in e.format],
        }
        for e in LAPORAN.values()
    ]
    opd_zip = [o for o in opd if boleh_zip(h.akses, o.kode)]
    return render(
        request,
        "laporan/indeks.html",
        {"aktif": "laporan", "laporan": laporan, "opd": opd, "opd_zip": opd_zip},
    )


@require_GET
@halaman_instansi
def unduh(request, laporan: str):
    h = request.halaman
    jabatan = request.GET.get("jabatan", "")
    berkas = buat_laporan(
        akses=h.akses,
        kode=laporan,
        format=request.GET.get("format", ""),
        struktur=h.struktur,
        opd_kode=request.GET.get("opd", ""),
        jabatan_id=int(jabatan) if jabatan.isdigit() else None,
        versi_dipilih="versi" in request.GET,
        opsi={k: request.GET.get(k, "")[:200] for k in ("nomor", "tentang")},
    )
    response = HttpResponse(berkas.isi, content_type=berkas.mime)
    response["Content-Disposition"] = f'attachment; filename="{berkas.nama}"'
    return response


@require_POST
@halaman_instansi
def zip_mulai(request):
    h = request.halaman
    if h.struktur is None:
        raise TidakDitemukan("Instansi belum memiliki versi struktur.")
    opd = opd_ambil(akses=h.akses, struktur=h.struktur, kode=request.POST.get("opd", ""))
    if not boleh_zip(h.akses, opd.kode):
        raise TidakBerhak("Operator hanya dapat membuat paket dokumen OPD-nya sendiri.")
    status = paket.mulai(akses=h.akses, struktur=h.struktur, opd=opd)
    if not request.headers.get("HX-Request"):
        url = reverse("laporan:zip_status", args=[h.instansi.kode, status.token])
        return redirect(url)
    return render(request, "laporan/_zip_status.html", {"status": status}, status=202)


@require_GET
@halaman_instansi
def zip_status(request, token: str):
    """The progress fragment (polled by HTMX), or a whole page without JavaScript."""
    status = paket.baca_status(akses=request.halaman.akses, token=token)
    templat = "_zip_status.html" if request.headers.get("HX-Request") else "zip.html"
    return render(request, f"laporan/{templat}", {"aktif": "laporan", "status": status})


@require_GET
@halaman_instansi
def zip_unduh(request, token: str):
    path, status = paket.berkas_zip(akses=request.halaman.akses, token=token)
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=status.nama_berkas, content_type=MIME["zip"]
    )
