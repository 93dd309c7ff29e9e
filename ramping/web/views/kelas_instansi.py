"""The agency's own kelas per JF jenjang or pelaksana name (`/i/<kode>/kelas-instansi/`).

Published kelas differ between agencies (PermenPAN-RB 41/2018: each agency sets kelas by its own
evaluation, approved by KemenPAN-RB); an override stands on the agency's decision
(`dasar_hukum`, required). Analis and admin instansi list, add, change and delete; other members
get 403, outsiders 404. Every write goes through `jabatan.services.kelas_instansi` (audited,
optimistic lock). A name not in the catalogue but close to one is questioned ("maksud Anda …?")
until the user confirms it: an override under a misspelt name would never apply.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from ramping import aturan
from ramping.akun.akses import pastikan_analis
from ramping.jabatan.models import Jenjang, KelasInstansi
from ramping.jabatan.selectors_kelas import (
    kelas_instansi_ambil,
    kelas_instansi_daftar,
    maksud_nama,
)
from ramping.jabatan.services.kelas_instansi import kelas_instansi_hapus, kelas_instansi_simpan
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import TeksTercetak


class FormKelas(TeksTercetak, forms.Form):
    jenis = forms.ChoiceField(label=_("Jenis jabatan"), choices=KelasInstansi.Jenis.choices)
    nama = forms.CharField(
        label=_("Nama JF atau nama jabatan pelaksana"),
        max_length=250,
        help_text=_("Nama JF tanpa jenjang, mis. Analis Kebijakan; atau nama pelaksana."),
        widget=forms.TextInput(attrs={"list": "katalog-nama", "autocomplete": "off"}),
    )
    jenjang = forms.ChoiceField(
        label=_("Jenjang (khusus JF)"),
        choices=[("", "—"), *Jenjang.choices],
        required=False,
    )
    kelas = forms.IntegerField(label=_("Kelas jabatan"), min_value=1, max_value=17)
    dasar_hukum = forms.CharField(
        label=_("Dasar hukum"),
        max_length=250,
        help_text=_("Keputusan instansi yang menetapkan kelas ini."),
    )
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    tetap = forms.BooleanField(
        label=_("Nama ini memang tidak ada di katalog; simpan apa adanya"), required=False
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        d = super().clean()
        jenis, nama = d.get("jenis"), d.get("nama")
        if jenis and nama and not d.get("tetap"):
            maksud = maksud_nama(jenis, nama)
            if maksud and maksud.casefold() != nama.strip().casefold():
                self.add_error(
                    "nama",
                    gettext("“%(nama)s” tidak ada di katalog. Maksud Anda “%(maksud)s”?")
                    % {"nama": nama, "maksud": maksud},
                )
        return d


def _daftar_nama() -> list[str]:
    jf = sorted({j.nama_jf for j in aturan.katalog_jf()})
    return jf + sorted(aturan.katalog_nomenklatur())


def _simpan(request, form, objek=None) -> bool:
    h = request.halaman
    d = form.cleaned_data
    with layanan(form=form) as hasil:
        kelas_instansi_simpan(
            akses=h.akses,
            jenis=d["jenis"],
            nama=d["nama"],
            jenjang=d["jenjang"] or "",
            kelas=d["kelas"],
            dasar_hukum=d["dasar_hukum"],
            keterangan=d["keterangan"] or "",
            objek=objek,
            versi=d["versi"] if objek is not None else None,
        )
    if hasil.berhasil:
        messages.success(request, gettext("Kelas jabatan instansi disimpan."))
    return hasil.berhasil


@require_http_methods(["GET", "POST"])
@halaman_instansi
def daftar(request):
    h = request.halaman
    pastikan_analis(h.akses)
    form = FormKelas(request.POST or None)
    if request.method == "POST" and form.is_valid() and _simpan(request, form):
        return redirect(reverse("web:kelas_instansi_daftar", args=[h.instansi.kode]))
    return render(
        request,
        "web/kelas_instansi.html",
        {
            "aktif": "kelas_instansi",
            "form": form,
            "daftar": kelas_instansi_daftar(akses=h.akses),
            "nama_katalog": _daftar_nama(),
        },
        status=422 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "POST"])
@halaman_instansi
def ubah(request, kelas_id: int):
    h = request.halaman
    objek = kelas_instansi_ambil(akses=h.akses, kelas_id=kelas_id)
    awal = {
        f: getattr(objek, f)
        for f in ("jenis", "nama", "jenjang", "kelas", "dasar_hukum", "keterangan", "versi")
    }
    form = FormKelas(request.POST or None, initial=awal)
    if request.method == "POST" and form.is_valid() and _simpan(request, form, objek):
        return redirect(reverse("web:kelas_instansi_daftar", args=[h.instansi.kode]))
    return render(
        request,
        "web/kelas_instansi_ubah.html",
        {
            "aktif": "kelas_instansi",
            "form": form,
            "objek": objek,
            "nama_katalog": _daftar_nama(),
        },
        status=422 if request.method == "POST" else 200,
    )


@require_POST
@halaman_instansi
def hapus(request, kelas_id: int):
    h = request.halaman
    objek = kelas_instansi_ambil(akses=h.akses, kelas_id=kelas_id)
    versi = request.POST.get("versi", "")
    with layanan(request) as hasil:
        kelas_instansi_hapus(
            akses=h.akses, objek=objek, versi=int(versi) if versi.isdigit() else None
        )
    if hasil.berhasil:
        messages.success(request, gettext("Kelas instansi %(n)s dihapus.") % {"n": str(objek)})
    return redirect(reverse("web:kelas_instansi_daftar", args=[h.instansi.kode]))
