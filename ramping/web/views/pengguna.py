"""The agency's people (`/i/<kode>/pengguna/`): admin instansi only (others 403, outsiders
404). Every write goes through `ramping.akun.services`, which checks the role again and audits."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from ramping.akun.models import Peran
from ramping.akun.services import (
    anggota_ambil,
    anggota_daftar,
    anggota_tambah,
    keanggotaan_atur,
    keanggotaan_keluarkan,
    pengguna_atur_aktif,
    sandi_atur_ulang,
)
from ramping.errors import TidakBerhak
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import GalatBernama


class FormPeran(GalatBernama, forms.Form):
    peran = forms.ChoiceField(label=_("Peran"), choices=Peran.choices)
    opd_kode = forms.CharField(label=_("Kode OPD (hanya operator)"), max_length=40, required=False)


class FormTambah(FormPeran):
    username = forms.CharField(label=_("Nama pengguna"), max_length=150)
    nama_depan = forms.CharField(label=_("Nama depan"), max_length=150, required=False)
    nama_belakang = forms.CharField(label=_("Nama belakang"), max_length=150, required=False)
    email = forms.EmailField(label=_("Surel"), required=False)

    field_order = ["username", "nama_depan", "nama_belakang", "email", "peran", "opd_kode"]


def _pastikan_admin(h) -> None:
    # The page itself; the services check again for every write.
    if h.akses.peran != Peran.ADMIN_INSTANSI:
        raise TidakBerhak(gettext("Pengguna instansi dikelola oleh admin instansi."))


def _ke_daftar(h):
    return redirect(reverse("web:pengguna_daftar", args=[h.instansi.kode]))


@require_http_methods(["GET", "POST"])
@halaman_instansi
def daftar(request):
    h = request.halaman
    _pastikan_admin(h)
    form = FormTambah(request.POST or None)
    sandi = None
    if request.method == "POST" and form.is_valid():
        with layanan(form=form) as hasil:
            _anggota, sandi = anggota_tambah(akses=h.akses, **form.cleaned_data)
        if hasil.berhasil:
            messages.success(
                request, gettext("%(u)s ditambahkan.") % {"u": form.cleaned_data["username"]}
            )
            if sandi is None:
                return _ke_daftar(h)
            form = FormTambah()
    return render(
        request,
        "web/pengguna/daftar.html",
        {
            "aktif": "pengguna",
            "form": form,
            "anggota": anggota_daftar(akses=h.akses),
            "sandi_baru": sandi,
            "sandi_untuk": request.POST.get("username", "") if sandi else "",
            "peran_pilihan": Peran.choices,
        },
    )


@require_POST
@halaman_instansi
def ubah(request, pengguna_id: int):
    """One action on one member: role, remove, (de)activate, reset password."""
    h = request.halaman
    _pastikan_admin(h)
    anggota = anggota_ambil(akses=h.akses, pengguna_id=pengguna_id)
    aksi = request.POST.get("aksi", "")
    nama = anggota.pengguna.username
    with layanan(request):
        if aksi == "peran":
            form = FormPeran(request.POST)
            if not form.is_valid():
                messages.error(request, gettext("Peran tidak valid."))
                return _ke_daftar(h)
            keanggotaan_atur(
                akses=h.akses,
                instansi=h.instansi,
                pengguna=anggota.pengguna,
                peran=form.cleaned_data["peran"],
                opd_kode=form.cleaned_data["opd_kode"].strip(),
            )
            messages.success(request, gettext("Peran %(u)s disimpan.") % {"u": nama})
        elif aksi == "keluarkan":
            keanggotaan_keluarkan(akses=h.akses, anggota=anggota)
            messages.success(request, gettext("%(u)s dikeluarkan dari instansi.") % {"u": nama})
        elif aksi in ("nonaktif", "aktif"):
            pengguna_atur_aktif(akses=h.akses, anggota=anggota, aktif=aksi == "aktif")
            messages.success(request, gettext("Status akun %(u)s disimpan.") % {"u": nama})
        elif aksi == "sandi":
            sandi = sandi_atur_ulang(akses=h.akses, anggota=anggota)
            # Shown once, on this answer only (not a flash message that could linger).
            return render(
                request,
                "web/pengguna/sandi_sementara.html",
                {"aktif": "pengguna", "sandi": sandi, "untuk": nama},
            )
        else:
            messages.error(request, gettext("Tindakan tidak dikenal."))
    # On a refusal `layanan` has flashed the service's message.
    return _ke_daftar(h)
