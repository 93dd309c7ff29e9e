"""The penyetaraan register: list with checks and income, one entry, exports, allowance table."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ramping.errors import TidakDitemukan
from ramping.laporan.renderers import MIME
from ramping.laporan.renderers import render as render_dokumen
from ramping.penyederhanaan import services
from ramping.penyederhanaan.ekspor import dokumen_register
from ramping.penyederhanaan.models import Penyetaraan
from ramping.penyederhanaan.selectors import (
    penyetaraan_ambil,
    periksa,
    register,
    ringkasan_penghasilan,
    tabel_tunjangan,
    tarif_daftar,
    tenggat_pendidikan,
)
from ramping.penyederhanaan.services.penyetaraan import tahap_berikut
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import TeksTercetak

USULAN = ("teridentifikasi", "dipetakan", "diusulkan")


class FormPenyetaraan(TeksTercetak, forms.ModelForm):
    class Meta:
        model = Penyetaraan
        fields = [
            "nama_jf",
            "jenjang",
            "kelas_baru",
            "relevan",
            "status_ukom",
            "jf_lain",
            "catatan",
        ]
        widgets = {"catatan": forms.Textarea(attrs={"rows": 3})}


class FormLanjut(TeksTercetak, forms.Form):
    tanggal = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    nomor_sk = forms.CharField(label=_("Nomor SK"), required=False, max_length=120)


def _baris(request):
    h = request.halaman
    return register(akses=h.akses, struktur=h.struktur, status=request.GET.get("tahap", ""))


@halaman_instansi
def daftar(request):
    baris = _baris(request)
    tabel, _t = tabel_tunjangan(akses=request.halaman.akses)
    return render(
        request,
        "penyederhanaan/register.html",
        {
            "aktif": "penyederhanaan",
            "baris": baris,
            "ringkas": ringkasan_penghasilan(baris),
            "tenggat": tenggat_pendidikan(baris),
            "tabel": tabel,
            "tahap": Penyetaraan.Status.choices,
            "tahap_dipilih": request.GET.get("tahap", ""),
        },
    )


@halaman_instansi
def detail(request, penyetaraan_id: int):
    h = request.halaman
    p = penyetaraan_ambil(akses=h.akses, penyetaraan_id=penyetaraan_id)
    form = FormPenyetaraan(instance=p)
    lanjut = FormLanjut(initial={"tanggal": date.today()})
    if request.method == "POST":
        # Every refusal, even of access, is a message above the register entry.
        with layanan(request, lolos=()):
            versi = int(request.POST.get("versi", "0"))
            if request.POST.get("aksi") == "lanjut":
                lanjut = FormLanjut(request.POST)
                if lanjut.is_valid():
                    services.penyetaraan_lanjut(
                        akses=h.akses, penyetaraan=p, versi=versi, **lanjut.cleaned_data
                    )
                    messages.success(request, gettext("Tahap penyetaraan dilanjutkan."))
                    return redirect(request.path)
            else:
                form = FormPenyetaraan(request.POST, instance=Penyetaraan.objects.get(pk=p.pk))
                if form.is_valid():
                    services.penyetaraan_ubah(
                        akses=h.akses,
                        penyetaraan=p,
                        versi=versi,
                        **{k: form.cleaned_data[k] for k in form.fields},
                    )
                    messages.success(request, gettext("Penyetaraan disimpan."))
                    return redirect(request.path)
    _tabel, tabel = tabel_tunjangan(akses=h.akses)
    berikut = tahap_berikut(p.status)
    return render(
        request,
        "penyederhanaan/penyetaraan.html",
        {
            "aktif": "penyederhanaan",
            "p": p,
            "cek": periksa(p, tabel),
            "form": form,
            "lanjut": lanjut,
            "berikut": Penyetaraan.Status(berikut).label if berikut else "",
            "perlu_sk": berikut == "sk_terbit",
            "boleh": h.akses.mengelola_seluruh_instansi,
        },
    )


@halaman_instansi
def unduh(request, jenis: str):
    if jenis not in ("register", "usulan"):
        raise Http404
    baris = _baris(request)
    if jenis == "usulan":
        baris = [b for b in baris if b.p.status in USULAN]
    dok = dokumen_register(baris, request.halaman.instansi.nama, usulan=jenis == "usulan")
    respons = HttpResponse(render_dokumen(dok, "xlsx"), content_type=MIME["xlsx"])
    respons["Content-Disposition"] = f'attachment; filename="penyetaraan-{jenis}.xlsx"'
    return respons


@halaman_instansi
def tunjangan(request):
    """Read the agency's table; POST `aksi=siapkan` creates it from the example amounts (GET
    never writes), any other POST saves edited amounts."""
    h = request.halaman
    kembali = redirect(reverse("penyederhanaan:tunjangan", args=[h.instansi.kode]))
    if request.method == "POST" and request.POST.get("aksi") == "siapkan":
        with layanan(request) as hasil:
            services.tabel_tunjangan_siapkan(instansi=h.instansi, akses=h.akses)
        if hasil.berhasil:
            messages.success(request, gettext("Tabel tunjangan disiapkan dari data contoh."))
        return kembali
    tabel, kelompok = tarif_daftar(akses=h.akses)
    if request.method == "POST":
        if tabel is None:
            raise TidakDitemukan("Tabel tunjangan belum disiapkan.")
        try:
            jumlah = {
                t.pk: Decimal(request.POST.get(f"tarif-{t.pk}", "").strip().replace(".", ""))
                for k in kelompok
                for t, _label in k.baris
            }
        except InvalidOperation:
            messages.error(request, gettext("Jumlah harus berupa angka rupiah tanpa desimal."))
        else:
            with layanan(request) as hasil:
                services.tarif_simpan(
                    akses=h.akses,
                    tabel=tabel,
                    jumlah=jumlah,
                    dasar_hukum=request.POST.get("dasar_hukum", ""),
                    verified=request.POST.get("verified") == "1",
                )
            if hasil.berhasil:
                messages.success(request, gettext("Tabel tunjangan disimpan."))
                return kembali
    return render(
        request,
        "penyederhanaan/tunjangan.html",
        {
            "aktif": "penyederhanaan",
            "bagian": "tunjangan",
            "tabel": tabel,
            "kelompok": kelompok,
            "boleh": h.akses.mengelola_seluruh_instansi,
        },
    )
