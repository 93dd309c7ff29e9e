"""Forms of the penataan pages; they only parse input, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ramping.penataan.models import Bagian, Catatan, PesertaPenataan
from ramping.web.teks import TeksTercetak

TANGGAL = {
    "widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    "input_formats": ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
    "error_messages": {"invalid": _("Tanggal tidak valid; contoh 2026-11-30.")},
}


class KegiatanForm(TeksTercetak, forms.Form):
    nama = forms.CharField(label=_("Nama kegiatan"), max_length=200)
    dasar_hukum = forms.CharField(
        label=_("Dasar hukum"),
        max_length=400,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mis. PermenPAN-RB Nomor 1 Tahun 2020 tentang Pedoman Analisis Jabatan dan "
                    "Analisis Beban Kerja."),
    )  # fmt: skip
    diminta = forms.MultipleChoiceField(
        label=_("Yang diminta dari setiap OPD"),
        choices=Bagian.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Bagian.ANJAB, Bagian.ABK],
        error_messages={"required": _("Pilih sedikitnya satu hal yang diminta.")},
    )
    tenggat = forms.DateField(label=_("Batas waktu"), **TANGGAL)
    opd = forms.MultipleChoiceField(
        label=_("Perangkat daerah peserta"),
        widget=forms.SelectMultiple(attrs={"size": 10}),
        required=False,
        help_text=_("Kosongkan untuk mengikutsertakan semua perangkat daerah."),
    )
    nomor_surat = forms.CharField(label=_("Nomor surat edaran"), max_length=120, required=False)
    tanggal_surat = forms.DateField(label=_("Tanggal surat edaran"), required=False, **TANGGAL)
    perihal = forms.CharField(label=_("Perihal"), max_length=300, required=False)
    isi_surat = forms.CharField(
        label=_("Isi tambahan surat edaran"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, opd_pilihan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].choices = [(u.kode, u.nama) for u in opd_pilihan]


class AksiForm(TeksTercetak, forms.Form):
    versi = forms.IntegerField(widget=forms.HiddenInput)
    catatan = forms.CharField(label=_("Catatan"), required=False, widget=forms.Textarea)


class AturForm(forms.Form):
    versi = forms.IntegerField(widget=forms.HiddenInput)
    tenggat = forms.DateField(label=_("Batas waktu baru"), required=False, **TANGGAL)
    dikunci = forms.ChoiceField(
        label=_("Kunci"), required=False, choices=[("", "–"), ("1", _("Kunci")), ("0", _("Buka"))]
    )
    analis = forms.TypedChoiceField(
        label=_("Analis penanggung jawab"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, analis_pilihan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analis"].choices = [("", _("Semua analis"))] + [
            (p.pk, p.get_full_name() or p.username) for p in analis_pilihan
        ]


class AkuiForm(TeksTercetak, forms.Form):
    kode = forms.CharField(max_length=20, widget=forms.HiddenInput)
    objek = forms.CharField(max_length=40, required=False, widget=forms.HiddenInput)
    catatan = forms.CharField(label=_("Tanggapan"), widget=forms.Textarea(attrs={"rows": 2}))


class CatatanForm(TeksTercetak, forms.Form):
    jabatan = forms.IntegerField(widget=forms.HiddenInput)
    sasaran = forms.ChoiceField(label=_("Tentang"), choices=Catatan.Sasaran.choices)
    butir = forms.CharField(label=_("Butir ANJAB"), required=False, max_length=40)
    tugas = forms.IntegerField(label=_("Tugas"), required=False)
    isi = forms.CharField(label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 2}))


class SelesaikanForm(TeksTercetak, forms.Form):
    versi = forms.IntegerField(widget=forms.HiddenInput)
    tanggapan = forms.CharField(label=_("Tanggapan"), required=False, max_length=2000)


class SaringanPapan(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Semua status")), *PesertaPenataan.Status.choices],
    )
    terlambat = forms.BooleanField(label=_("Hanya yang terlambat"), required=False)
    analis = forms.TypedChoiceField(label=_("Analis"), required=False, coerce=int, empty_value=None)
    urut = forms.ChoiceField(
        label=_("Urutkan"),
        required=False,
        choices=[
            ("opd", _("Perangkat daerah")),
            ("status", _("Status")),
            ("tenggat", _("Batas waktu")),
            ("temuan", _("Temuan terbanyak")),
            ("kelengkapan", _("Kelengkapan terendah")),
            ("aktivitas", _("Aktivitas terakhir")),
        ],
    )

    def __init__(self, *args, analis_pilihan=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analis"].choices = [("", _("Semua analis"))] + [
            (p.pk, p.get_full_name() or p.username) for p in analis_pilihan
        ]
