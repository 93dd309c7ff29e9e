"""After login: the agency last worked in, the only agency, or a chooser."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from ramping.akun.akses import akses_pengguna
from ramping.akun.models import Peran
from ramping.errors import TidakDitemukan
from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.selectors import instansi_pengguna, struktur_berlaku
from ramping.penataan.selectors import kegiatan_berjalan_opd
from ramping.web.halaman import KUNCI_SESI_INSTANSI


def _tugas_operator(request, instansi) -> str | None:
    """An OPD operator with a running penataan round lands on their OPD's to-do page."""
    try:
        akses = akses_pengguna(request.user, instansi.pk)
    except TidakDitemukan:
        return None
    p = kegiatan_berjalan_opd(akses=akses)
    if p is None:
        return None
    return reverse("penataan:peserta", args=[instansi.kode, p.kegiatan_id, p.pk])


def _opd_operator(request, instansi) -> str | None:
    """An OPD operator otherwise starts in their own OPD (its peta jabatan in the version in
    force), not on the whole agency's dashboard; analysts and leaders keep the agency view."""
    try:
        akses = akses_pengguna(request.user, instansi.pk)
    except TidakDitemukan:
        return None
    if akses.peran != Peran.OPERATOR:
        return None
    berlaku = struktur_berlaku(instansi=instansi)
    opd = (
        UnitKerja.objects.filter(struktur=berlaku, kode=akses.opd_kode, induk__isnull=True)
        .values_list("pk", flat=True)
        .first()
        if berlaku
        else None
    )
    return reverse("web:peta_unit", args=[instansi.kode, opd]) if opd else None


def _ringkasan_pimpinan(request, instansi) -> str | None:
    """A leader (role `pimpinan`) lands on the one-page summary of the simplification."""
    try:
        akses = akses_pengguna(request.user, instansi.pk)
    except TidakDitemukan:
        return None
    if akses.peran != Peran.PIMPINAN:
        return None
    return reverse("penyederhanaan:pimpinan", args=[instansi.kode])


@login_required
def beranda(request):
    daftar = instansi_pengguna(pengguna=request.user)
    terakhir = request.session.get(KUNCI_SESI_INSTANSI)
    pilihan = [i for i in daftar if i.kode == terakhir] or (daftar if len(daftar) == 1 else [])
    if pilihan and "pilih" not in request.GET:
        instansi = pilihan[0]
        with lingkup_instansi(instansi.pk):
            tujuan = (
                _ringkasan_pimpinan(request, instansi)
                or _tugas_operator(request, instansi)
                or _opd_operator(request, instansi)
            )
        return redirect(tujuan or reverse("web:dasbor", args=[instansi.kode]))
    return render(request, "web/beranda.html", {"daftar_instansi": daftar})
