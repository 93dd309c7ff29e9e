"""Forms of the work-system pages: Indonesian labels and messages next to each field."""

from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ramping.sistemkerja.models import AnggotaTim, RelasiKoordinasi, TimKerja
from ramping.web.teks import TeksTercetak
from ramping.web.views.jabatan_tugas import AngkaField

TANGGAL = {
    "widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    "input_formats": ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
}


def _tanggal(label, wajib_pesan):
    return forms.DateField(
        label=label,
        error_messages={
            "required": wajib_pesan,
            "invalid": _("Tanggal tidak valid; contoh 2026-11-30."),
        },
        **TANGGAL,
    )


def _wajib(label, max_length=250, **lain):
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages={"required": format_lazy(_("{} wajib diisi."), label)},
        **lain,
    )


def _unit_choices(units) -> list:
    return [("", gettext("— pilih unit —"))] + [
        (u.pk, ("— " * u.kedalaman) + u.nama) for u in units
    ]


class TimForm(TeksTercetak, forms.Form):
    unit = forms.TypedChoiceField(
        label=_("Unit pemilik"),
        coerce=int,
        error_messages={"required": _("Pilih unit pemilik tim.")},
    )
    nama = _wajib(_("Nama tim"), 200)
    program = _wajib(_("Program/kegiatan"))
    periode_mulai = _tanggal(_("Periode mulai"), _("Periode mulai wajib diisi."))
    periode_selesai = _tanggal(_("Periode selesai"), _("Periode selesai wajib diisi."))
    perlu_ketua = forms.BooleanField(
        label=_("Tim dipimpin Ketua Tim"),
        required=False,
        initial=True,
        help_text=_("Diputuskan Pejabat Level 2 saat perencanaan (PermenPAN-RB 7/2022)."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=TimKerja.Status.choices, required=False)
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, units, ubah: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _unit_choices(units)
        if ubah:
            self.fields["unit"].disabled = True
            self.fields["unit"].required = False
        else:
            del self.fields["status"]

    def clean(self):
        d = super().clean()
        mulai, selesai = d.get("periode_mulai"), d.get("periode_selesai")
        if mulai and selesai and selesai < mulai:
            self.add_error(
                "periode_selesai", gettext("Periode selesai tidak boleh sebelum periode mulai.")
            )
        return d


class AnggotaForm(TeksTercetak, forms.Form):
    pegawai = forms.TypedChoiceField(
        label=_("Pegawai perangkat daerah ini"), coerce=int, required=False, empty_value=None
    )
    nip = forms.CharField(
        label=_("atau NIP pegawai unit/OPD lain"),
        required=False,
        max_length=24,
        help_text=_("Keanggotaan lintas unit menunggu persetujuan kepala unit asalnya."),
    )
    nama_eksternal = forms.CharField(
        label=_("atau nama anggota dari instansi lain"), required=False, max_length=200
    )
    instansi_eksternal = forms.CharField(label=_("Instansi asal"), required=False, max_length=200)
    peran = forms.ChoiceField(
        label=_("Peran"), choices=AnggotaTim.Peran.choices, initial=AnggotaTim.Peran.ANGGOTA
    )
    jam_per_tahun = AngkaField(
        label=_("Alokasi jam per tahun"),
        error_messages={"required": _("Alokasi jam wajib diisi.")},
        help_text=_("Jam kerja per tahun untuk tim ini; waktu kerja efektif 1.250 jam."),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, penempatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].choices = [("", gettext("— pilih pegawai —"))] + [
            (
                unit.nama,
                [(p.pegawai_id, f"{p.pegawai.nama_lengkap} — {p.jabatan.nama}") for p in isi],
            )
            for unit, isi in groupby(penempatan, key=lambda p: p.jabatan.unit)
        ]

    def clean_nip(self):
        nip = self.cleaned_data["nip"].replace(" ", "")
        if nip and (len(nip) != 18 or not nip.isdigit()):
            raise ValidationError(gettext("NIP harus terdiri dari 18 angka."))
        return nip

    def clean(self):
        d = super().clean()
        sumber = [bool(d.get("pegawai")), bool(d.get("nip")), bool(d.get("nama_eksternal"))]
        if sum(sumber) == 0:
            self.add_error(
                "pegawai",
                gettext("Pilih pegawai, isi NIP, atau isi nama anggota dari instansi lain."),
            )
        elif sum(sumber) > 1:
            self.add_error(
                "pegawai", gettext("Isi salah satu saja: pegawai, NIP, atau anggota instansi lain.")
            )
        if d.get("nama_eksternal") and not d.get("instansi_eksternal"):
            self.add_error(
                "instansi_eksternal",
                gettext("Instansi asal wajib diisi untuk anggota dari instansi lain."),
            )
        return d


class AnggotaUbahForm(TeksTercetak, forms.Form):
    peran = forms.ChoiceField(label=_("Peran"), choices=AnggotaTim.Peran.choices)
    jam_per_tahun = AngkaField(
        label=_("Alokasi jam per tahun"), error_messages={"required": _("Alokasi jam wajib diisi.")}
    )
    versi = forms.IntegerField(widget=forms.HiddenInput)


class PenugasanForm(TeksTercetak, forms.Form):
    pegawai = forms.TypedChoiceField(
        label=_("Ditugaskan kepada"), coerce=int, required=False, empty_value=None
    )
    judul = _wajib(_("Judul penugasan"))
    target_output = _wajib(_("Target output"))
    volume = AngkaField(
        label=_("Volume"),
        error_messages={"required": _("Volume wajib diisi.")},
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    satuan = _wajib(_("Satuan"), 60)
    tenggat = _tanggal(_("Tenggat"), _("Tenggat wajib diisi."))
    catatan_anggaran = forms.CharField(label=_("Catatan anggaran"), required=False, max_length=300)

    def __init__(self, *args, penempatan=None, **kwargs):
        super().__init__(*args, **kwargs)
        if penempatan is None:
            del self.fields["pegawai"]
        else:
            self.fields["pegawai"].required = True
            self.fields["pegawai"].error_messages["required"] = gettext("Pilih pegawai.")
            self.fields["pegawai"].choices = [("", gettext("— pilih pegawai —"))] + [
                (p.pegawai_id, f"{p.pegawai.nama_lengkap} — {p.jabatan.nama}") for p in penempatan
            ]

    def clean_volume(self):
        v = self.cleaned_data["volume"]
        if v is not None and v < 0:
            raise ValidationError(gettext("Volume tidak boleh negatif."))
        return v


class AksiForm(TeksTercetak, forms.Form):
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False)


class KegiatanForm(TeksTercetak, forms.Form):
    nama = _wajib(_("Kegiatan"))
    pelaksana = forms.CharField(label=_("Pelaksana"), required=False, max_length=200)
    progres = forms.IntegerField(
        label=_("Progres (%)"),
        min_value=0,
        max_value=100,
        initial=0,
        error_messages={
            "min_value": _("Progres paling kecil 0."),
            "max_value": _("Progres paling besar 100."),
            "invalid": _("Isi bilangan bulat 0–100."),
        },
    )


class ProgresForm(TeksTercetak, forms.Form):
    progres = forms.IntegerField(
        label=_("Progres (%)"),
        min_value=0,
        max_value=100,
        error_messages={
            "required": _("Progres wajib diisi."),
            "min_value": _("Progres paling kecil 0."),
            "max_value": _("Progres paling besar 100."),
            "invalid": _("Isi bilangan bulat 0–100."),
        },
    )
    catatan = forms.CharField(label=_("Catatan"), required=False, max_length=300)
    versi = forms.IntegerField(widget=forms.HiddenInput)


class RelasiForm(TeksTercetak, forms.Form):
    unit_dari = forms.TypedChoiceField(
        label=pgettext_lazy("medan", "Unit"),
        coerce=int,
        error_messages={"required": _("Pilih unit.")},
    )
    jenis = forms.ChoiceField(label=_("Relasi"), choices=RelasiKoordinasi.Jenis.choices)
    unit_ke = forms.TypedChoiceField(
        label=_("Unit mitra"), coerce=int, error_messages={"required": _("Pilih unit mitra.")}
    )
    dasar_hukum = forms.CharField(label=_("Dasar hukum"), required=False, max_length=250)
    keterangan = forms.CharField(label=_("Keterangan"), required=False, max_length=300)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_dari"].choices = _unit_choices(units)
        self.fields["unit_ke"].choices = _unit_choices(units)

    def clean(self):
        d = super().clean()
        if d.get("unit_dari") and d.get("unit_dari") == d.get("unit_ke"):
            self.add_error("unit_ke", gettext("Unit tidak dapat berelasi dengan dirinya sendiri."))
        return d


class SaringanBeban(forms.Form):
    unit = forms.TypedChoiceField(
        label=pgettext_lazy("medan", "Unit"), coerce=int, required=False, empty_value=None
    )
    cari = forms.CharField(label=_("Cari nama atau NIP"), required=False, max_length=100)
    tanda = forms.ChoiceField(
        label=_("Tampilkan"),
        required=False,
        choices=[
            ("", _("Semua pegawai")),
            ("lebih", _("Melebihi WKE")),
            ("menganggur", _("Kapasitas menganggur")),
        ],
    )
    bertim = forms.BooleanField(label=_("Hanya yang tergabung dalam tim"), required=False)
    ambang = forms.IntegerField(
        label=_("Menganggur bila di bawah (% WKE)"),
        required=False,
        widget=forms.NumberInput(attrs={"placeholder": "50"}),
        min_value=0,
        max_value=100,
        error_messages={
            "min_value": _("Paling kecil 0."),
            "max_value": _("Paling besar 100."),
            "invalid": _("Isi bilangan bulat 0–100."),
        },
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = _unit_choices(units)


class SaringanTim(forms.Form):
    cari = forms.CharField(label=_("Cari nama tim atau program"), required=False, max_length=100)
    unit = forms.TypedChoiceField(
        label=pgettext_lazy("medan", "Unit"), coerce=int, required=False, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua")), *TimKerja.Status.choices]
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", gettext("Semua unit")), *_unit_choices(units)[1:]]
