"""The "Laporan" page, downloads and the background document jobs. Thin: parse, call, answer.

Reading is open to every member of the agency (analis, admin, pimpinan, operator); building an
OPD's ZIP is heavier work started on the server, so an operator may start it only for their own
OPD. The ZIP and the OPD-wide ANJAB/evaluasi documents are jobs run by `ramping worker`
(`ramping.pekerjaan`): the page polls the job's status and offers its file to its owner alone.
Another agency's data does not exist (404), as everywhere under /i/<kode>/.
"""

from django.contrib import messages
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from ramping.errors import RampingError, TidakBerhak, TidakDitemukan
from ramping.laporan.exporters import LAPORAN
from ramping.laporan.latar import DOKUMEN, LAPORAN_LATAR, PAKET, boleh_zip
from ramping.laporan.renderers import MIME
from ramping.laporan.unduhan import buat_laporan
from ramping.organisasi.selectors import opd_daftar
from ramping.pekerjaan.services import (
    BatasPekerjaan,
    pekerjaan_berkas,
    pekerjaan_daftar,
    pekerjaan_mulai,
    pekerjaan_status,
)
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi

AKSES_LAPORAN = (TidakBerhak, TidakDitemukan)
LABEL_FORMAT = {"xlsx": "Excel (XLSX)", "pdf": "PDF", "docx": "Word (DOCX)"}


@require_GET
@halaman_instansi
def indeks(request):
    return _indeks(request)


def _indeks(request, galat: dict[str, str] | None = None, status: int = 200):
    """The page; `galat` puts a message beside one form's OPD field ({report kode or "zip":
    message}) when a download or a job was asked without a valid choice."""
    h = request.halaman
    opd = opd_daftar(akses=h.akses, struktur=h.struktur) if h.struktur else []
    # Plain values: a template would call the exporter class (templates call callables).
    laporan = [
        {
            "kode": e.kode,
            "judul": e.judul,
            "perlu_opd": e.perlu_opd,
            "format": [(f, LABEL_FORMAT[f]) for f in e.format],
            "latar": e.kode in LAPORAN_LATAR,
        }
        for e in LAPORAN.values()
    ]
    opd_zip = [o for o in opd if boleh_zip(h.akses, o.kode)]
    return render(
        request,
        "laporan/indeks.html",
        {
            "aktif": "laporan",
            "laporan": laporan,
            "opd": opd,
            "opd_zip": opd_zip,
            "pekerjaan_saya": pekerjaan_daftar(akses=h.akses),
            "galat_opd": galat or {},
        },
        status=status,
    )


@require_GET
@halaman_instansi
def unduh(request, laporan: str):
    h = request.halaman
    jabatan = request.GET.get("jabatan", "")
    with layanan(lolos=AKSES_LAPORAN) as hasil:
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
    if hasil.gagal:
        return _indeks(request, {laporan: hasil.pesan}, status=400)
    response = HttpResponse(berkas.isi, content_type=berkas.mime)
    response["Content-Disposition"] = f'attachment; filename="{berkas.nama}"'
    return response


def _mulai(request, jenis: str, **parameter):
    """Queue the job; answer with its status (HTMX fragment) or redirect to its page."""
    h = request.halaman
    if h.struktur is None:
        raise TidakDitemukan("Instansi belum memiliki versi struktur.")
    try:
        p = pekerjaan_mulai(akses=h.akses, jenis=jenis, struktur_id=h.struktur.pk, **parameter)
    except AKSES_LAPORAN:
        raise
    except BatasPekerjaan as exc:
        if request.headers.get("HX-Request"):
            # 200: htmx swaps no error response, and the message belongs where the status goes.
            return render(request, "laporan/_pekerjaan.html", {"galat": exc.pesan})
        messages.error(request, exc.pesan)
        return redirect(reverse("laporan:indeks", args=[h.instansi.kode]))
    except RampingError as exc:
        if exc.field != "opd":
            raise
        if request.headers.get("HX-Request"):
            return render(request, "laporan/_pekerjaan.html", {"galat": exc.pesan})
        # A missing choice: the page again, the message beside that form's OPD field.
        return _indeks(request, {parameter.get("kode", "zip"): exc.pesan}, status=400)
    if not request.headers.get("HX-Request"):
        return redirect(reverse("laporan:pekerjaan", args=[h.instansi.kode, p.token]))
    return render(request, "laporan/_pekerjaan.html", {"p": p}, status=202)


@require_POST
@halaman_instansi
def zip_mulai(request):
    return _mulai(request, PAKET, opd_kode=request.POST.get("opd", ""))


@require_POST
@halaman_instansi
def dokumen_mulai(request, laporan: str):
    """An OPD-wide ANJAB or evaluasi document, built by the worker (it covers every position)."""
    return _mulai(
        request,
        DOKUMEN,
        kode=laporan,
        format=request.POST.get("format", ""),
        opd_kode=request.POST.get("opd", ""),
    )


@require_GET
@halaman_instansi
def pekerjaan(request, token: str):
    """The progress fragment (polled by HTMX), or a whole page without JavaScript."""
    p = pekerjaan_status(akses=request.halaman.akses, token=token)
    templat = "_pekerjaan.html" if request.headers.get("HX-Request") else "pekerjaan.html"
    return render(request, f"laporan/{templat}", {"aktif": "laporan", "p": p})


@require_GET
@halaman_instansi
def pekerjaan_unduh(request, token: str):
    path, p = pekerjaan_berkas(akses=request.halaman.akses, token=token)
    mime = MIME.get(p.nama_berkas.rsplit(".", 1)[-1], "application/octet-stream")
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=p.nama_berkas, content_type=mime
    )
