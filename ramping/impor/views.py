"""Import pages: choose a kind, download its template, upload, preview, confirm."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ramping.impor import simpanan
from ramping.impor.berkas import UKURAN_MAKS, BerkasDitolak
from ramping.impor.daftar import JENIS_IMPOR
from ramping.impor.dasar import PILIHAN_DUPLIKAT, impor_pratinjau, impor_terapkan
from ramping.impor.docx.arsip import ArsipDitolak, pasangan_dari
from ramping.impor.jenis.anjab_docx import ImporAnjabDocx
from ramping.impor.latar import IMPOR, di_latar
from ramping.impor.templat import templat_xlsx
from ramping.pekerjaan.services import pekerjaan_mulai
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi

TAMPIL_MAKS = 200  # rows of each list shown in the preview; the counts are always complete


class FormUnggah(forms.Form):
    berkas = forms.FileField(label=_("Berkas Excel (.xlsx)"))
    # Word ANJAB import only: pairs the user confirmed from the preview's "Maksud Anda".
    pasangan = forms.CharField(
        label=_("Pasangan dokumen dan jabatan (opsional)"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Satu per baris: nama_berkas.docx=ID jabatan, dari saran “Maksud Anda” di pratinjau."
        ),
    )

    def clean_pasangan(self):
        teks = self.cleaned_data["pasangan"]
        try:
            pasangan_dari(teks.split())
        except ArsipDitolak as e:
            raise forms.ValidationError(e.pesan) from None
        return teks

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > UKURAN_MAKS:
            raise forms.ValidationError(_("Berkas lebih besar dari 20 MB."))
        return berkas


def _kelas(jenis: str):
    if jenis not in JENIS_IMPOR:
        raise Http404
    return JENIS_IMPOR[jenis]


def _pengimpor(request, jenis: str):
    h = request.halaman
    if h.struktur is None:
        raise Http404
    if jenis == ImporAnjabDocx.jenis and request.method == "POST":
        try:
            pasangan = pasangan_dari(request.POST.get("pasangan", "").split())
        except ArsipDitolak:
            pasangan = {}  # refused by the form before anything is read
        return ImporAnjabDocx(akses=h.akses, struktur=h.struktur, pasangan=pasangan)
    return _kelas(jenis)(akses=h.akses, struktur=h.struktur)


@halaman_instansi
def daftar(request):
    return render(
        request, "impor/daftar.html", {"jenis": JENIS_IMPOR.values(), "form": FormUnggah()}
    )


@halaman_instansi
def templat(request, jenis: str):
    kelas = _kelas(jenis)
    respons = HttpResponse(
        templat_xlsx(kelas),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    respons["Content-Disposition"] = f'attachment; filename="templat-impor-{jenis}.xlsx"'
    return respons


@halaman_instansi
def unggah(request, jenis: str):
    form = FormUnggah(request.POST or None, request.FILES or None)
    if jenis == ImporAnjabDocx.jenis:
        form.fields["berkas"].label = _("Dokumen Word (.docx) atau ZIP berisi .docx")
    konteks = {"kelas": _kelas(jenis), "form": form, "aktif": "impor"}
    with layanan() as dibuka:
        pengimpor = _pengimpor(request, jenis)  # refuses (403) a role that may not import this
    if dibuka.gagal:  # e.g. the version in force does not change shape by import
        return render(
            request, "impor/unggah.html", {**konteks, "form": None, "tertutup": dibuka.pesan}
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["berkas"].read()
        with layanan(form=form, medan="berkas", juga=(BerkasDitolak,)) as dibaca:
            pratinjau = impor_pratinjau(pengimpor, data)
        if dibaca.berhasil:
            token = (
                simpanan.simpan(data, pemilik=request.user.pk) if pratinjau.bisa_diterapkan else ""
            )
            return render(
                request,
                "impor/pratinjau.html",
                {
                    **konteks,
                    "pratinjau": pratinjau,
                    "token": token,
                    "maks": TAMPIL_MAKS,
                    "nama_berkas": form.cleaned_data["berkas"].name,
                    "di_latar": di_latar(pratinjau.baris),
                    "pasangan": form.cleaned_data.get("pasangan", ""),
                },
            )
    return render(request, "impor/unggah.html", konteks)


@require_POST
@halaman_instansi
def terapkan(request, jenis: str):
    pengimpor = _pengimpor(request, jenis)
    token = request.POST.get("token", "")
    kembali = reverse("impor:unggah", args=[request.halaman.instansi.kode, jenis])
    try:
        data = simpanan.baca(token, pemilik=request.user.pk)
    except simpanan.BukanPemilik:
        messages.error(request, _("Pratinjau ini milik pengguna lain; unggah berkas Anda sendiri."))
        return redirect(kembali)
    # The user's answers on the preview: duplicates merged or kept, warnings read.
    duplikat = request.POST.get("duplikat") or None
    pengimpor.duplikat = duplikat if duplikat in PILIHAN_DUPLIKAT else None
    pengimpor.setuju_peringatan = request.POST.get("setuju_peringatan") == "1"
    if data is None:
        messages.error(request, _("Berkas pratinjau sudah kedaluwarsa; unggah lagi."))
        return redirect(kembali)
    with layanan(request, lolos=(), juga=(BerkasDitolak,)) as dibaca:
        baris = len(pengimpor.baca(data).baris)
    if dibaca.gagal:
        return redirect(kembali)
    if di_latar(baris):
        return _terapkan_di_latar(request, jenis, token, baris, kembali, pengimpor)
    # Any refusal (ImporGagal, a rule, even of access) or an unreadable file is a message.
    with layanan(request, lolos=(), juga=(BerkasDitolak,)) as diterapkan:
        hasil = impor_terapkan(pengimpor, data)
    if diterapkan.gagal:
        return redirect(kembali)
    simpanan.hapus(token)
    messages.success(
        request,
        _("Impor selesai: %(b)d baru, %(u)d diubah, %(t)d tidak berubah.")
        % {"b": len(hasil.dibuat), "u": len(hasil.diubah), "t": hasil.tetap},
    )
    return redirect(reverse("impor:daftar", args=[request.halaman.instansi.kode]))


def _terapkan_di_latar(request, jenis: str, token: str, baris: int, kembali: str, pengimpor):
    """A large file: the worker applies it; the user follows the job's status page."""
    h = request.halaman
    with layanan(request, lolos=()) as dimulai:  # e.g. the per-user job limit, as a message
        p = pekerjaan_mulai(
            akses=h.akses,
            jenis=IMPOR,
            struktur_id=h.struktur.pk,
            jenis_impor=jenis,
            token=token,
            nama_berkas=request.POST.get("nama_berkas", "")[:100],
            baris=baris,
            duplikat=pengimpor.duplikat,
            setuju_peringatan=pengimpor.setuju_peringatan,
        )
    if dimulai.gagal:
        return redirect(kembali)
    return redirect(reverse("laporan:pekerjaan", args=[h.instansi.kode, p.token]))
