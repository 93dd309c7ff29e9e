"""Tugas & ABK tab: the task table edited in place (HTMX), each change through the ABK
services, which recompute K; the tab and the page header are then re-rendered.

Without JavaScript the same URLs work as plain links and forms (`?tab=tugas&ubah=<id>`).
"""

from uuid import uuid4

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ramping import aturan
from ramping.errors import TidakBerhak
from ramping.jabatan.models import SatuanWaktu
from ramping.jabatan.selectors import RingkasanJabatan, tugas_ambil, tugas_jabatan
from ramping.jabatan.services import tugas_buat, tugas_hapus, tugas_ubah
from ramping.web.angka import BukanAngka, tulis_angka, urai_angka
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.teks import TeksTercetak
from ramping.web.views.jabatan_bersama import (
    buka,
    dari_htmx,
    tampilkan,
    url_tab,
    versi_kiriman,
)


class AngkaField(forms.CharField):
    """A number typed the Indonesian way ("1.250,5") or the plain way ("1250.5")."""

    def to_python(self, value):
        teks = super().to_python(value)
        if teks in self.empty_values:
            return None
        try:
            return urai_angka(teks)
        except BukanAngka:
            raise ValidationError(
                gettext("Isi dengan angka, mis. 1.250,5."), code="invalid"
            ) from None

    def prepare_value(self, value):
        return value if isinstance(value, str) else tulis_angka(value)


class TugasForm(TeksTercetak, forms.Form):
    uraian = forms.CharField(
        label=_("Uraian tugas"),
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Uraian tugas wajib diisi.")},
    )
    hasil_kerja = forms.CharField(
        label=_("Hasil kerja"),
        max_length=200,
        error_messages={"required": _("Hasil kerja wajib diisi.")},
    )
    satuan_hasil = forms.CharField(
        label=_("Satuan hasil"),
        max_length=60,
        error_messages={"required": _("Satuan hasil wajib diisi.")},
    )
    volume = AngkaField(
        label=_("Jumlah hasil per tahun"),
        error_messages={"required": _("Jumlah hasil wajib diisi.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 8}),
    )
    waktu = AngkaField(
        label=_("Waktu penyelesaian"),
        error_messages={"required": _("Waktu penyelesaian wajib diisi.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6}),
    )
    satuan_waktu = forms.ChoiceField(
        label=_("Satuan waktu"), choices=SatuanWaktu.choices, initial=SatuanWaktu.JAM
    )

    def __init__(self, *args, kunci: str, **kwargs):
        # Inputs sit in table cells and join their <form> through the `form` attribute.
        self.kunci = kunci
        super().__init__(*args, auto_id=f"tugas-{kunci}-%s", **kwargs)
        for field in self.fields.values():
            field.widget.attrs["form"] = f"form-tugas-{kunci}"
        self.fields["uraian"].widget.attrs["autofocus"] = True

    def clean(self):
        """The ABK rule on every number that could be read, in the same round as the form's
        own errors (a negative volume is said together with an unreadable time)."""
        data = super().clean()
        terbaca = {f: data.get(f) for f in ("volume", "waktu") if f not in self.errors}
        for field, pesan in aturan.galat_tugas(**terbaca).items():
            self.add_error(field, pesan)
        return data


def _form_tugas(tugas=None, data=None) -> TugasForm:
    if tugas is None:
        # A new row keeps its key across an invalid submit, so its ids stay unique.
        kunci = (data or {}).get("kunci", "")
        if not (kunci.startswith("baru-") and kunci[5:].isalnum() and len(kunci) <= 12):
            kunci = f"baru-{uuid4().hex[:6]}"
        return TugasForm(data, kunci=kunci)
    awal = {f: getattr(tugas, f) for f in TugasForm.base_fields}
    return TugasForm(data, initial=awal, kunci=str(tugas.pk))


def konteks(
    request, r: RingkasanJabatan, *, ubah=None, form=None, pesan: str = "", galat: str = ""
) -> dict:
    """The task table; `ubah` is the task (or "baru") shown as an edit row."""
    if ubah is None and r.boleh_ubah:
        diminta = request.GET.get("ubah", "")
        if diminta == "baru" or request.GET.get("tambah"):
            ubah, form = "baru", _form_tugas()
        elif diminta.isdigit():
            t = tugas_ambil(akses=request.halaman.akses, jabatan=r.jabatan, tugas_id=int(diminta))
            ubah, form = t.pk, _form_tugas(t)
    return {
        "daftar_tugas": tugas_jabatan(jabatan=r.jabatan, pengaturan=r.pengaturan),
        "ubah": ubah,
        "form": form,
        "pesan_tugas": pesan,
        "galat_tugas": galat,
        "wke": r.pengaturan.wke_jam,
    }


def _baris_form(request, r, form, tugas=None, *, pesan="", gagal=False):
    """The edit row; after a failed save (`gagal`) it also empties the tab's banner, so a
    "Tugas ditambahkan." of the previous save does not stand beside the errors."""
    isi = {"jabatan": r.jabatan, "form": form, "tugas": tugas, "pesan_baris": pesan}
    return render(request, "web/jabatan/_tugas_form.html", isi | {"gagal": gagal})


def _pastikan_boleh(r: RingkasanJabatan) -> None:
    """Edit rows are offered only to who may edit; the services check again on save."""
    if not r.boleh_ubah:
        raise TidakBerhak()


def _sesudah_perubahan(request, r_lama: RingkasanJabatan, jabatan_id: int, pesan: str):
    if not dari_htmx(request):
        messages.success(request, pesan)
        return redirect(url_tab(request, jabatan_id, "tugas"))
    r = buka(request, jabatan_id)  # the service changed B/K/EJ: read the header again
    response = tampilkan(request, r, "tugas", konteks(request, r, pesan=pesan), ringkasan_oob=True)
    response["HX-Retarget"] = "#tab-isi"
    response["HX-Reswap"] = "innerHTML"
    return response


def _gagal(request, r, form, tugas, pesan: str):
    if dari_htmx(request):
        return _baris_form(request, r, form, tugas, pesan=pesan, gagal=True)
    ubah = tugas.pk if tugas is not None else "baru"
    return tampilkan(request, r, "tugas", konteks(request, r, ubah=ubah, form=form, galat=pesan))


def _simpan(request, r: RingkasanJabatan, tugas=None):
    """Create (`tugas` None) or change a task from the posted row."""
    form = _form_tugas(tugas, request.POST)
    if not form.is_valid():
        return _gagal(request, r, form, tugas, "")
    akses = request.halaman.akses
    # A field's error sits in its cell; a general one (a conflict) under the row.
    with layanan(form=form, umum=None) as hasil:
        if tugas is None:
            tugas_buat(akses=akses, jabatan=r.jabatan, **form.cleaned_data)
        else:
            tugas_ubah(
                akses=akses,
                tugas=tugas,
                versi=versi_kiriman(request),
                **form.cleaned_data,
            )
    if hasil.gagal:
        return _gagal(request, r, form, tugas, hasil.pesan)
    pesan = gettext("Tugas ditambahkan.") if tugas is None else gettext("Tugas disimpan.")
    return _sesudah_perubahan(request, r, r.jabatan.pk, pesan)


@halaman_instansi
def baru(request, jabatan_id: int):
    """GET: an empty edit row (HTMX appends it); POST: create the task."""
    r = buka(request, jabatan_id)
    if request.method == "POST":
        return _simpan(request, r)
    _pastikan_boleh(r)
    if not dari_htmx(request):
        return redirect(url_tab(request, jabatan_id, "tugas") + "&ubah=baru")
    return _baris_form(request, r, _form_tugas())


@halaman_instansi
def ubah(request, jabatan_id: int, tugas_id: int):
    """GET: the task as an edit row; POST: save it."""
    r = buka(request, jabatan_id)
    tugas = tugas_ambil(akses=request.halaman.akses, jabatan=r.jabatan, tugas_id=tugas_id)
    if request.method == "POST":
        return _simpan(request, r, tugas)
    _pastikan_boleh(r)
    if not dari_htmx(request):
        return redirect(url_tab(request, jabatan_id, "tugas") + f"&ubah={tugas.pk}")
    return _baris_form(request, r, _form_tugas(tugas), tugas)


@require_POST
@halaman_instansi
def hapus(request, jabatan_id: int, tugas_id: int):
    r = buka(request, jabatan_id)
    tugas = tugas_ambil(akses=request.halaman.akses, jabatan=r.jabatan, tugas_id=tugas_id)
    with layanan() as hasil:
        tugas_hapus(
            akses=request.halaman.akses,
            tugas=tugas,
            versi=versi_kiriman(request),
        )
    if hasil.gagal:
        if not dari_htmx(request):
            messages.error(request, hasil.pesan)
            return redirect(url_tab(request, jabatan_id, "tugas"))
        response = tampilkan(request, r, "tugas", konteks(request, r, galat=hasil.pesan))
        response["HX-Retarget"] = "#tab-isi"
        response["HX-Reswap"] = "innerHTML"
        return response
    return _sesudah_perubahan(request, r, jabatan_id, gettext("Tugas dihapus."))
