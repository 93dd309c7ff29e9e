"""The coordination map: SVG diagram, table, edit form (analysts) and XLSX."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ramping.errors import TidakBerhak
from ramping.laporan.kop import identitas_instansi
from ramping.laporan.renderers import MIME
from ramping.sistemkerja import selectors as sel
from ramping.sistemkerja import services as svc
from ramping.sistemkerja.akses import boleh_ubah_koordinasi
from ramping.sistemkerja.diagram import diagram
from ramping.sistemkerja.ekspor import koordinasi_xlsx
from ramping.sistemkerja.forms import RelasiForm
from ramping.sistemkerja.models import RelasiKoordinasi
from ramping.sistemkerja.views.dasar import struktur
from ramping.web.galat import jalankan
from ramping.web.halaman import halaman_instansi


def _url(request) -> str:
    versi = request.GET.get("versi", "")
    akhiran = f"?versi={versi}" if versi.isdigit() else ""
    return reverse("sistemkerja:koordinasi", args=[request.halaman.instansi.kode]) + akhiran


@require_http_methods(["GET", "POST"])
@halaman_instansi
def peta(request):
    h = request.halaman
    s = struktur(request)
    boleh = boleh_ubah_koordinasi(h.akses)
    if request.method == "POST" and not boleh:
        raise TidakBerhak(_("Pola koordinasi dikelola oleh analis organisasi."))
    units = sel.unit_pilihan(akses=h.akses, struktur=s) if boleh else []
    form = RelasiForm(request.POST or None, units=units) if boleh else None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            per_id = {u.pk: u for u in units}
            r = jalankan(
                form,
                svc.relasi_buat,
                akses=h.akses,
                unit_dari=per_id[d["unit_dari"]],
                unit_ke=per_id[d["unit_ke"]],
                jenis=d["jenis"],
                dasar_hukum=d["dasar_hukum"],
                keterangan=d["keterangan"],
            )
            if r is not None:
                messages.success(request, _("Relasi koordinasi ditambahkan."))
                return redirect(_url(request))
        status = 422
    relasi = sel.relasi_daftar(akses=h.akses, struktur=s)
    return render(
        request,
        "sistemkerja/koordinasi.html",
        {
            "aktif": "sistemkerja",
            "relasi": relasi,
            "diagram": diagram(relasi),
            "form": form,
            "boleh_ubah": boleh,
            "jenis": RelasiKoordinasi.Jenis.choices,
        },
        status=status,
    )


@require_POST
@halaman_instansi
def hapus(request, relasi_id: int):
    h = request.halaman
    r = sel.relasi_ambil(akses=h.akses, relasi_id=relasi_id)
    svc.relasi_hapus(akses=h.akses, relasi=r)
    messages.success(request, _("Relasi koordinasi dihapus."))
    return redirect(_url(request))


@require_GET
@halaman_instansi
def unduh(request):
    h = request.halaman
    s = struktur(request)
    relasi = sel.relasi_daftar(akses=h.akses, struktur=s)
    isi = koordinasi_xlsx(
        relasi,
        instansi=h.instansi.nama,
        struktur=s.nama,
        identitas=identitas_instansi(
            instansi_id=h.akses.instansi_id,
            lingkup="Seluruh perangkat daerah",
            versi=s.nama,
            dasar_hukum=s.dasar_hukum_nomor,
            tanggal_=timezone.localdate(),
        ),
    )
    respons = HttpResponse(isi, content_type=MIME["xlsx"])
    respons["Content-Disposition"] = 'attachment; filename="pola-koordinasi.xlsx"'
    return respons
