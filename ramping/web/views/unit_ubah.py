"""Editing a unit's name, tugas & fungsi and the PermenPAN-RB 25/2021 exception attributes
(those decide which units a simplification keeps). Only in a draft or proposed version."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ramping.errors import TidakBerhak
from ramping.organisasi.models import UnitKerja
from ramping.organisasi.selectors import unit_ambil, unit_leluhur
from ramping.organisasi.services import unit_ubah
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import TeksTercetak

FIELD = (
    "nama",
    "singkatan",
    "tipe",
    "tugas",
    "fungsi",
    "otoritas_legalisasi",
    "kewilayahan",
    "kepala_satker",
    "upt_pelayanan",
)


class FormUnit(TeksTercetak, forms.ModelForm):
    class Meta:
        model = UnitKerja
        fields = FIELD
        help_texts = {
            "otoritas_legalisasi": _("Tugasnya mengesahkan atau menyetujui dokumen (R25-03)."),
            "kewilayahan": _("Memiliki kewenangan kewilayahan, mis. kecamatan dan kelurahan."),
            "kepala_satker": _("Kepala satuan kerja yang mengelola anggaran atau pengadaan."),
            "upt_pelayanan": _("UPT/UPTD yang melayani masyarakat secara langsung."),
        }
        widgets = {
            "tugas": forms.Textarea(attrs={"rows": 4}),
            "fungsi": forms.Textarea(attrs={"rows": 6}),
        }


@halaman_instansi
def ubah(request, unit_id: int):
    h = request.halaman
    u = unit_ambil(akses=h.akses, unit_id=unit_id)
    leluhur = unit_leluhur(unit=u)
    if not h.akses.boleh_ubah_opd((leluhur[0] if leluhur else u).kode):
        raise TidakBerhak()  # readers see the unit page, not an edit form they cannot send
    form = FormUnit(request.POST or None, instance=u)
    if request.method == "POST" and form.is_valid():
        # Every refusal stays on the form (422), as the check above already answered 403.
        with layanan(form=form, lolos=()) as hasil:
            unit_ubah(
                akses=h.akses,
                unit=UnitKerja.objects.get(pk=u.pk),
                **{f: form.cleaned_data[f] for f in FIELD},
            )
        if hasil.berhasil:
            messages.success(request, gettext("Unit disimpan."))
            tujuan = reverse("web:unit", args=[h.instansi.kode, u.pk])
            return redirect(f"{tujuan}?versi={u.struktur_id}")
    return render(
        request,
        "web/unit_ubah.html",
        {
            "aktif": "pohon",
            "unit": u,
            "leluhur": unit_leluhur(unit=u),
            "form": form,
            "bisa_diubah": u.struktur.status in ("draft", "usulan"),
        },
        status=422 if request.method == "POST" else 200,
    )
