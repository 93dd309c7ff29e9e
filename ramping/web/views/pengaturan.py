"""The agency's letterhead and officials (`/i/<kode>/pengaturan/kop/`), printed by every
official document (Surat Edaran, Perwal appendices). Admin instansi and analis organisasi
edit; other members get 403 (nothing to read there they need); outsiders 404."""

import base64

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from ramping.errors import LogoDitolak, TidakBerhak
from ramping.organisasi.models import PengaturanInstansi
from ramping.organisasi.pengaturan import kop_instansi, pengaturan_baris, pengaturan_instansi
from ramping.organisasi.services_kop import FIELD_KOP, logo_periksa, pengaturan_kop_ubah
from ramping.organisasi.services_pengaturan import FIELD_ATURAN, pengaturan_aturan_ubah
from ramping.web.angka import format_angka
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import TeksTercetak

URUTAN = (
    "kop_pemerintah",
    "kop_unit",
    "alamat",
    "kota",
    "jenis_peraturan",
    "jabatan_kepala_daerah",
    "nama_kepala_daerah",
    "penandatangan_jabatan",
    "penandatangan_nama",
    "penandatangan_pangkat",
    "penandatangan_nip",
)
assert set(URUTAN) == FIELD_KOP


class FormKop(TeksTercetak, forms.ModelForm):
    # A plain file field: the service decides what a valid logo is (PNG/JPEG, ≤ 1 MB, readable).
    berkas_logo = forms.FileField(
        label=_("Logo (PNG atau JPEG, paling besar 1 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    hapus_logo = forms.BooleanField(label=_("Hapus logo"), required=False)

    class Meta:
        model = PengaturanInstansi
        fields = URUTAN

    def clean_berkas_logo(self):
        """The service's logo rule in the form's round: a bad logo is said together with a
        wrong text field (the service checks it again before writing)."""
        berkas = self.cleaned_data.get("berkas_logo")
        if berkas:
            try:
                logo_periksa(berkas)
            except LogoDitolak as exc:
                raise ValidationError(exc.pesan, code="logo") from None
            finally:
                berkas.seek(0)
        return berkas


@require_http_methods(["GET", "POST"])
@halaman_instansi
def kop(request):
    h = request.halaman
    if not h.akses.mengelola_seluruh_instansi:
        raise TidakBerhak(
            gettext("Kop dokumen dikelola oleh admin instansi dan analis organisasi.")
        )
    baris = pengaturan_baris(instansi_id=h.akses.instansi_id)
    form = FormKop(request.POST or None, request.FILES or None, instance=baris)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with layanan(form=form, peta={"logo": "berkas_logo"}, lolos=()) as hasil:
            pengaturan_kop_ubah(
                akses=h.akses,
                logo=d["berkas_logo"],
                hapus_logo=d["hapus_logo"],
                **{f: d[f] for f in URUTAN},
            )
        if hasil.berhasil:
            messages.success(request, gettext("Kop dokumen disimpan."))
            return redirect(reverse("web:pengaturan_kop", args=[h.instansi.kode]))
    kop_ = kop_instansi(instansi_id=h.akses.instansi_id)
    # Shown inline: uploads are not served by Django, and the logo is at most 1 MB.
    logo = base64.b64encode(kop_.logo).decode() if kop_.logo else ""
    return render(
        request,
        "web/pengaturan_kop.html",
        {"aktif": "pengaturan_kop", "form": form, "kop": kop_, "logo": logo},
        status=422 if request.method == "POST" else 200,
    )


class FormAturan(TeksTercetak, forms.ModelForm):
    """The agency's ABK and import settings; blank optional fields take the regulation's value."""

    class Meta:
        model = PengaturanInstansi
        fields = FIELD_ATURAN


@require_http_methods(["GET", "POST"])
@halaman_instansi
def aturan(request):
    """`/i/<kode>/pengaturan/aturan/`: WKE, rounding of K, working days and weeks, the import's
    ceiling of K (`pengaturan_aturan_ubah`); saving recomputes K of the versions in use."""
    h = request.halaman
    if not h.akses.mengelola_seluruh_instansi:
        raise TidakBerhak(
            gettext("Pengaturan ABK dikelola oleh admin instansi dan analis organisasi.")
        )
    baris = PengaturanInstansi.objects.filter(instansi_id=h.akses.instansi_id).first()
    bawaan = pengaturan_instansi(instansi_id=h.akses.instansi_id)
    awal = {
        "wke_jam": bawaan.wke_jam,
        "mode_pembulatan": bawaan.mode_pembulatan,
        "minimal_satu": bawaan.minimal_satu,
    }
    form = FormAturan(request.POST or None, instance=baris, initial=None if baris else awal)
    if request.method == "POST" and form.is_valid():
        with layanan(form=form, lolos=()) as hasil:
            dihitung = pengaturan_aturan_ubah(
                akses=h.akses, **{f: form.cleaned_data[f] for f in FIELD_ATURAN}
            )
        if hasil.berhasil:
            pesan = gettext("Pengaturan ABK disimpan.")
            if dihitung:
                pesan += " " + gettext("K dihitung ulang: %(daftar)s.") % {
                    "daftar": "; ".join(
                        gettext("%(versi)s (%(n)s jabatan)") % {"versi": n, "n": format_angka(j)}
                        for n, j in dihitung.items()
                    )
                }
            messages.success(request, pesan)
            return redirect(reverse("web:pengaturan_aturan", args=[h.instansi.kode]))
    return render(
        request,
        "web/pengaturan_aturan.html",
        {"aktif": "pengaturan_aturan", "form": form, "bawaan": bawaan},
        status=422 if request.method == "POST" else 200,
    )
