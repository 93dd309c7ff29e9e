"""Recap of evaluasi jabatan (`/i/<kode>/evaluasi/`): every evaluated position of the version
with its status, nilai, kelas, reference kelas and the sanity warnings of
`ramping.jabatan.kewajaran` ("dicatat: <alasan>" once a reason is recorded). Read by every
member of the agency; the reason itself is recorded on the position's evaluasi tab."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ramping.jabatan.kewajaran import rekap_evaluasi
from ramping.organisasi.selectors import opd_daftar
from ramping.web.halaman import halaman_instansi


@require_GET
@halaman_instansi
def rekap(request):
    h = request.halaman
    opd = opd_daftar(akses=h.akses, struktur=h.struktur) if h.struktur else []
    dipilih = next((o for o in opd if o.kode == request.GET.get("opd", "")), None)
    hanya = request.GET.get("peringatan") == "1"
    baris = []
    if h.struktur is not None:
        baris = rekap_evaluasi(
            instansi_id=h.akses.instansi_id,
            struktur_id=h.struktur.pk,
            path=dipilih.path if dipilih else "",
            hanya_peringatan=hanya,
        )
    return render(
        request,
        "web/evaluasi_rekap.html",
        {
            "aktif": "peta",
            "opd": opd,
            "opd_dipilih": dipilih,
            "hanya_peringatan": hanya,
            "baris": baris,
            "perlu_tindakan": sum(1 for b in baris if b.kewajaran.perlu_tindakan),
            "dicatat": sum(1 for b in baris if b.kewajaran.dicatat),
        },
    )
