"""Placing a person in a position: a form over `penempatan_buat`, errors next to the field."""

from itertools import groupby

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.jabatan.selectors import jabatan_boleh_diubah, jabatan_versi
from ramping.pegawai.selectors import pegawai_nip
from ramping.pegawai.services import penempatan_buat
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import TeksTercetak

# Service error fields → form fields.
FIELD_FORM = {"pegawai": "nip", "jabatan": "jabatan", "tmt_mulai": "tmt_mulai"}


class PenempatanForm(TeksTercetak, forms.Form):
    nip = forms.CharField(
        label=_("NIP pegawai"),
        max_length=24,
        help_text=_("18 angka; spasi boleh."),
        error_messages={"required": _("NIP pegawai wajib diisi.")},
    )
    jabatan = forms.ModelChoiceField(
        label=_("Jabatan"),
        queryset=None,
        error_messages={
            "required": _("Pilih jabatan tujuan."),
            "invalid_choice": _("Jabatan itu tidak ada di versi struktur ini."),
        },
    )
    tmt_mulai = forms.DateField(
        label=_("TMT mulai"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={
            "required": _("TMT mulai wajib diisi."),
            "invalid": _("Tanggal tidak valid; contoh 2026-11-30."),
        },
    )
    nomor_sk = forms.CharField(label=_("Nomor SK"), required=False, max_length=100)

    def __init__(self, *args, akses, semua, boleh, **kwargs):
        super().__init__(*args, **kwargs)
        self.akses = akses
        # Any position of the version validates, so a position outside the user's OPD reaches
        # the service, which refuses it (403); the list offers only what the user may edit.
        self.fields["jabatan"].queryset = semua
        self.fields["jabatan"].widget.choices = [("", gettext("— pilih jabatan —"))] + [
            (unit.nama, [(j.pk, j.nama) for j in isi])
            for unit, isi in groupby(boleh, key=lambda j: j.unit)
        ]

    def clean_nip(self):
        nip = self.cleaned_data["nip"].replace(" ", "")
        if len(nip) != 18 or not nip.isdigit():
            raise ValidationError(gettext("NIP harus terdiri dari 18 angka."))
        pegawai = pegawai_nip(akses=self.akses, nip=nip)
        if pegawai is None:
            raise ValidationError(gettext("Tidak ada pegawai dengan NIP ini di instansi ini."))
        self.pegawai = pegawai
        return nip


def _simpan(request, form) -> bool:
    d = form.cleaned_data
    with layanan(form=form, peta=FIELD_FORM) as hasil:
        p = penempatan_buat(
            akses=request.halaman.akses,
            pegawai=form.pegawai,
            jabatan=d["jabatan"],
            tmt_mulai=d["tmt_mulai"],
            nomor_sk=d["nomor_sk"],
        )
    if hasil.gagal:
        return False
    messages.success(
        request,
        gettext("%(nama)s ditempatkan sebagai %(jabatan)s.")
        % {"nama": p.pegawai.nama_lengkap, "jabatan": p.jabatan.nama},
    )
    return True


@halaman_instansi
def baru(request):
    h = request.halaman
    if not h.boleh_menempatkan:
        raise TidakBerhak()
    if h.struktur is None:
        raise TidakDitemukan("Belum ada versi struktur.")
    semua = jabatan_versi(akses=h.akses, struktur=h.struktur)
    boleh = jabatan_boleh_diubah(akses=h.akses, struktur=h.struktur)
    awal = {"nip": request.GET.get("nip", ""), "jabatan": request.GET.get("jabatan") or None}
    form = PenempatanForm(
        request.POST or None, initial=awal, akses=h.akses, semua=semua, boleh=boleh
    )
    if request.method == "POST" and form.is_valid() and _simpan(request, form):
        return redirect("web:pegawai", instansi_kode=h.instansi.kode, pegawai_id=form.pegawai.pk)
    return render(request, "web/pegawai/penempatan.html", {"aktif": "penempatan", "form": form})
