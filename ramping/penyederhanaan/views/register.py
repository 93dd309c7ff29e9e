"""The penyetaraan register: list with checks and income, one entry, exports, allowance table."""

from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ramping.akun.akses import pastikan_analis
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jenjang
from ramping.laporan.kop import identitas_instansi
from ramping.laporan.renderers import MIME
from ramping.laporan.renderers import render as render_dokumen
from ramping.pegawai.models import Pegawai, Penempatan
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
from ramping.penyederhanaan.services.lebur import JF_BAWAAN
from ramping.penyederhanaan.services.penyetaraan import BISA_DITARIK, tahap_berikut
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


PILIHAN_PEGAWAI = 50  # officials offered by one search; a narrower search finds the rest


class FormPenyetaraanBaru(TeksTercetak, forms.Form):
    """Enter an official by hand: who (one of the version's officials), the target JF."""

    pegawai = forms.TypedChoiceField(
        label=pgettext_lazy("perorangan", "Pegawai"),
        coerce=int,
        error_messages={
            "required": _("Pilih pegawai."),
            "invalid_choice": _("Pegawai ini tidak menduduki jabatan pada versi ini."),
        },
    )
    nama_jf = forms.CharField(
        label=_("JF tujuan"),
        max_length=200,
        initial=JF_BAWAAN,
        error_messages={"required": _("JF tujuan wajib diisi.")},
    )
    jenjang = forms.ChoiceField(
        label=_("Jenjang"),
        required=False,
        choices=[("", _("sesuai tabel 17/2021 (R17-01)")), *Jenjang.choices],
    )
    kelas_baru = forms.IntegerField(
        label=_("Kelas JF"),
        required=False,
        min_value=1,
        max_value=17,
        help_text=_("Kosongkan untuk kelas dari katalog JF."),
    )
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, pilihan: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pegawai"].choices = [("", gettext("— pilih pegawai —")), *pilihan]


def _pejabat(struktur, cari: str = "", pegawai_id: int | None = None) -> list[tuple[int, str]]:
    """Officials placed in the version, searched by NIP prefix or name (as the employee list
    searches), or the one posted; each as (id, "name — NIP — position")."""
    qs = (
        Penempatan.objects.aktif()
        .filter(instansi_id=struktur.instansi_id, struktur=struktur)
        .select_related("pegawai", "jabatan")
        .order_by("pegawai__nama", "id")
    )
    if pegawai_id is not None:
        qs = qs.filter(pegawai_id=pegawai_id)
    elif cari.strip():
        nip = cari.replace(" ", "")
        qs = qs.filter(Q(pegawai__nip__startswith=nip) | Q(pegawai__nama__icontains=cari.strip()))
    hasil: dict[int, str] = {}
    for p in qs[:PILIHAN_PEGAWAI]:
        hasil.setdefault(
            p.pegawai_id, f"{p.pegawai.nama_lengkap} — {p.pegawai.nip} — {p.jabatan.nama}"
        )
    return list(hasil.items())


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
def tambah(request):
    """ "Tambah penyetaraan": search an official of the version shown, then the target JF."""
    h = request.halaman
    pastikan_analis(h.akses)
    if h.struktur is None:
        raise TidakDitemukan("Belum ada versi struktur.")
    cari = request.GET.get("cari", "")
    if request.method == "POST":
        dipilih = request.POST.get("pegawai", "")
        pilihan = _pejabat(h.struktur, pegawai_id=int(dipilih)) if dipilih.isdigit() else []
        form = FormPenyetaraanBaru(request.POST, pilihan=pilihan)
        if form.is_valid():
            d = form.cleaned_data
            pegawai = Pegawai.objects.get(instansi_id=h.akses.instansi_id, pk=d.pop("pegawai"))
            with layanan(form=form) as hasil:
                p = services.penyetaraan_buat(
                    akses=h.akses, struktur=h.struktur, pegawai=pegawai, **d
                )
            if hasil.berhasil:
                messages.success(
                    request,
                    gettext("%(nama)s dicatat di register penyetaraan.")
                    % {"nama": pegawai.nama_lengkap},
                )
                return redirect(reverse("penyederhanaan:penyetaraan", args=[h.instansi.kode, p.pk]))
    else:
        pilihan = _pejabat(h.struktur, cari) if cari.strip() else []
        form = FormPenyetaraanBaru(pilihan=pilihan)
    return render(
        request,
        "penyederhanaan/penyetaraan_tambah.html",
        {
            "aktif": "penyederhanaan",
            "form": form,
            "cari": cari,
            "ditemukan": len(form.fields["pegawai"].choices) - 1,
            "batas": PILIHAN_PEGAWAI,
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
            if request.POST.get("aksi") == "tarik":
                services.penyetaraan_tarik(akses=h.akses, penyetaraan=p, versi=versi)
                messages.success(
                    request,
                    gettext("Penyetaraan %(nama)s ditarik dari register.")
                    % {"nama": p.pegawai.nama_lengkap},
                )
                url = reverse("penyederhanaan:register", args=[h.instansi.kode])
                return redirect(f"{url}?versi={p.struktur_id}")
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
            "bisa_ditarik": p.status in BISA_DITARIK,
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
    dok.identitas = identitas_instansi(
        instansi_id=request.halaman.akses.instansi_id,
        lingkup="Seluruh perangkat daerah",
        versi=request.halaman.struktur.nama if request.halaman.struktur else "",
        tanggal_=timezone.localdate(),
    )
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
