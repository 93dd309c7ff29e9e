"""The penyetaraan register: list with checks and income, one entry, exports, allowance table."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from ramping.errors import RampingError
from ramping.laporan.renderers import MIME
from ramping.laporan.renderers import render as render_dokumen
from ramping.penyederhanaan import services
from ramping.penyederhanaan.ekspor import dokumen_register
from ramping.penyederhanaan.models import Penyetaraan, TarifTunjangan
from ramping.penyederhanaan.selectors import (
    penyetaraan_ambil,
    periksa,
    register,
    ringkasan_penghasilan,
    tabel_tunjangan,
    tenggat_pendidikan,
)
from ramping.penyederhanaan.services.penyetaraan import tahap_berikut
from ramping.web.halaman import halaman_instansi

USULAN = ("teridentifikasi", "dipetakan", "diusulkan")


class FormPenyetaraan(forms.ModelForm):
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


class FormLanjut(forms.Form):
    tanggal = forms.DateField(label="Tanggal", widget=forms.DateInput(attrs={"type": "date"}))
    nomor_sk = forms.CharField(label="Nomor SK", required=False, max_length=120)


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
        try:
            versi = int(request.POST.get("versi", "0"))
            if request.POST.get("aksi") == "lanjut":
                lanjut = FormLanjut(request.POST)
                if lanjut.is_valid():
                    services.penyetaraan_lanjut(
                        akses=h.akses, penyetaraan=p, versi=versi, **lanjut.cleaned_data
                    )
                    messages.success(request, "Tahap penyetaraan dilanjutkan.")
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
                    messages.success(request, "Penyetaraan disimpan.")
                    return redirect(request.path)
        except RampingError as exc:
            messages.error(request, exc.pesan)
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
    h = request.halaman
    tabel = services.tabel_tunjangan_siapkan(instansi=h.instansi)
    tarif = list(TarifTunjangan.objects.filter(instansi_id=h.akses.instansi_id, tabel=tabel))
    if request.method == "POST":
        try:
            jumlah = {
                t.pk: Decimal(request.POST.get(f"tarif-{t.pk}", "").replace(".", "")) for t in tarif
            }
            services.tarif_simpan(
                akses=h.akses,
                tabel=tabel,
                jumlah=jumlah,
                dasar_hukum=request.POST.get("dasar_hukum", ""),
                verified=request.POST.get("verified") == "1",
            )
        except InvalidOperation:
            messages.error(request, "Jumlah harus berupa angka rupiah tanpa desimal.")
        except RampingError as exc:
            messages.error(request, exc.pesan)
        else:
            messages.success(request, "Tabel tunjangan disimpan.")
            return redirect(reverse("penyederhanaan:tunjangan", args=[h.instansi.kode]))
    return render(
        request,
        "penyederhanaan/tunjangan.html",
        {
            "aktif": "penyederhanaan",
            "tabel": tabel,
            "tarif": tarif,
            "boleh": h.akses.mengelola_seluruh_instansi,
        },
    )
