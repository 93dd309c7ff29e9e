"""After login: the agency last worked in, the only agency, or a chooser."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from ramping.organisasi.selectors import instansi_pengguna
from ramping.web.halaman import KUNCI_SESI_INSTANSI


@login_required
def beranda(request):
    daftar = instansi_pengguna(pengguna=request.user)
    terakhir = request.session.get(KUNCI_SESI_INSTANSI)
    pilihan = [i for i in daftar if i.kode == terakhir] or (daftar if len(daftar) == 1 else [])
    if pilihan and "pilih" not in request.GET:
        return redirect("web:dasbor", instansi_kode=pilihan[0].kode)
    return render(request, "web/beranda.html", {"daftar_instansi": daftar})
