"""Assignment pages: list, plan, detail with the state buttons this user may press, activities."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.sistemkerja import selectors as sel
from ramping.sistemkerja import services as svc
from ramping.sistemkerja.akses import Level, boleh_bertindak_sebagai
from ramping.sistemkerja.alur import STATUS_KEGIATAN, TRANSISI, aksi_tersedia
from ramping.sistemkerja.forms import AksiForm, KegiatanForm, PenugasanForm, ProgresForm
from ramping.sistemkerja.models import Penugasan
from ramping.sistemkerja.views.dasar import selaras, struktur
from ramping.web.galat import jalankan, layanan
from ramping.web.halaman import halaman_instansi

PER_HALAMAN = 25


class SaringanPenugasan(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Semua status")), *Penugasan.Status.choices],
    )
    terlambat = forms.BooleanField(
        label=gettext_lazy("Hanya yang melewati tenggat"), required=False
    )


def _url(request, nama: str, *args) -> str:
    return reverse(f"sistemkerja:{nama}", args=[request.halaman.instansi.kode, *args])


@require_http_methods(["GET"])
@halaman_instansi
def daftar(request):
    h = request.halaman
    s = struktur(request)
    form = SaringanPenugasan(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    qs = sel.penugasan_daftar(
        akses=h.akses, struktur=s, status=d.get("status", ""), terlambat=d.get("terlambat", False)
    )
    hal = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("hal"))
    for p in hal:
        p.terlambat = sel.terlambat(p)
    return render(
        request,
        "sistemkerja/penugasan_daftar.html",
        {"aktif": "sistemkerja", "form": form, "hal": hal},
    )


@require_http_methods(["GET", "POST"])
@halaman_instansi
def baru(request):
    """Plan work for a team (?tim=) or for one person of a unit (?unit=)."""
    h = request.halaman
    s = struktur(request)
    tim = unit = None
    tim_id, unit_id = request.GET.get("tim", ""), request.GET.get("unit", "")
    if tim_id.isdigit():
        tim = sel.tim_ambil(akses=h.akses, tim_id=int(tim_id))
        unit = tim.unit
    elif unit_id.isdigit():
        unit = sel.unit_ambil(akses=h.akses, struktur=s, unit_id=int(unit_id))
    else:
        raise TidakDitemukan(_("Pilih tim atau unit yang menugaskan."))
    if not boleh_bertindak_sebagai(h.akses, Level.LEVEL_2, unit):
        raise TidakBerhak(_("Hanya Pejabat Level 2 unit ini yang merencanakan penugasan."))
    penempatan = None if tim else sel.pegawai_unit(akses=h.akses, struktur=s, unit=unit)
    form = PenugasanForm(request.POST or None, penempatan=penempatan)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        pegawai = None
        if penempatan is not None:
            pegawai = next((p.pegawai for p in penempatan if p.pegawai_id == d["pegawai"]), None)
        p = jalankan(
            form,
            svc.penugasan_rencanakan,
            akses=h.akses,
            judul=d["judul"],
            target_output=d["target_output"],
            volume=d["volume"],
            satuan=d["satuan"],
            tenggat=d["tenggat"],
            catatan_anggaran=d["catatan_anggaran"],
            tim=tim,
            pegawai=pegawai,
            unit=None if tim else unit,
        )
        if p is not None:
            messages.success(request, _("Penugasan direncanakan."))
            return redirect(_url(request, "penugasan", p.pk))
    return render(
        request,
        "sistemkerja/penugasan_form.html",
        {"aktif": "sistemkerja", "form": form, "tim": tim, "unit": unit},
    )


def _konteks(request, p, form_kegiatan=None, form_aksi=None):
    h = request.halaman
    anggota = boleh_bertindak_sebagai(h.akses, Level.ANGGOTA, p.unit)
    bisa_kegiatan = anggota and p.status in STATUS_KEGIATAN
    kegiatan = list(p.kegiatan_set.all())
    for k in kegiatan:
        k.form = (
            ProgresForm(
                initial={"progres": k.progres, "catatan": k.catatan, "versi": k.versi},
                prefix=f"k{k.pk}",
            )
            if bisa_kegiatan
            else None
        )
    return {
        "aktif": "sistemkerja",
        "p": p,
        "aksi": aksi_tersedia(h.akses, p),
        "form_aksi": form_aksi or AksiForm(initial={"versi": p.versi}),
        "kegiatan": kegiatan,
        "riwayat": list(p.riwayat_set.all()),
        "form_kegiatan": form_kegiatan or (KegiatanForm() if bisa_kegiatan else None),
        "terlambat": sel.terlambat(p),
        "progres": round(p.progres_rata) if p.progres_rata is not None else None,
    }


@require_http_methods(["GET"])
@halaman_instansi
def detail(request, penugasan_id: int):
    h = request.halaman
    p = sel.penugasan_ambil(akses=h.akses, penugasan_id=penugasan_id)
    if not selaras(request, p.struktur_id):
        return redirect(_url(request, "penugasan_daftar") + f"?versi={h.struktur.pk}")
    return render(request, "sistemkerja/penugasan.html", _konteks(request, p))


@require_POST
@halaman_instansi
def aksi(request, penugasan_id: int, aksi: str):
    h = request.halaman
    if aksi not in TRANSISI:
        raise TidakDitemukan()
    p = sel.penugasan_ambil(akses=h.akses, penugasan_id=penugasan_id)
    selaras(request, p.struktur_id)
    form = AksiForm(request.POST)
    form.is_valid()
    d = form.cleaned_data
    hasil = jalankan(
        form,
        svc.AKSI_PENUGASAN[aksi],
        akses=h.akses,
        penugasan=p,
        versi=d.get("versi"),
        catatan=d.get("catatan", ""),
    )
    if hasil is None:
        p = sel.penugasan_ambil(akses=h.akses, penugasan_id=penugasan_id)
        form.aksi_gagal = aksi
        return render(
            request, "sistemkerja/penugasan.html", _konteks(request, p, form_aksi=form), status=422
        )
    messages.success(
        request, _("Penugasan kini berstatus: %(s)s.") % {"s": hasil.get_status_display()}
    )
    return redirect(_url(request, "penugasan", p.pk))


@require_POST
@halaman_instansi
def kegiatan_tambah(request, penugasan_id: int):
    h = request.halaman
    p = sel.penugasan_ambil(akses=h.akses, penugasan_id=penugasan_id)
    selaras(request, p.struktur_id)
    form = KegiatanForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        k = jalankan(
            form,
            svc.kegiatan_tambah,
            akses=h.akses,
            penugasan=p,
            nama=d["nama"],
            pelaksana=d["pelaksana"],
            progres=d["progres"] or 0,
        )
        if k is not None:
            messages.success(request, _("Kegiatan ditambahkan."))
            return redirect(_url(request, "penugasan", p.pk) + "#kegiatan")
    return render(
        request, "sistemkerja/penugasan.html", _konteks(request, p, form_kegiatan=form), status=422
    )


@require_POST
@halaman_instansi
def kegiatan_perbarui(request, kegiatan_id: int):
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    form = ProgresForm(request.POST, prefix=f"k{k.pk}")
    kembali = _url(request, "penugasan", k.penugasan_id) + "#kegiatan"
    if not form.is_valid():
        for galat in form.errors.values():
            messages.error(request, f"{k.nama}: {galat[0]}")
        return redirect(kembali)
    d = form.cleaned_data
    with layanan() as hasil:
        svc.kegiatan_perbarui(
            akses=h.akses, kegiatan=k, versi=d["versi"], progres=d["progres"], catatan=d["catatan"]
        )
    if hasil.gagal:
        messages.error(request, f"{k.nama}: {hasil.pesan}")
    else:
        messages.success(request, _("Progres %(k)s: %(p)s%%.") % {"k": k.nama, "p": d["progres"]})
    return redirect(kembali)
