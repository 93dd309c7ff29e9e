"""Scenario pages: versions with copy/criteria/publish actions, and editing a draft."""

from datetime import date
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ramping.akun.akses import pastikan_analis
from ramping.errors import RampingError, TidakDitemukan
from ramping.jabatan.models import Jabatan, JenisJabatan, Jenjang
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.selectors import struktur_ambil
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan import services
from ramping.penyederhanaan.bawa import rencana_terbit
from ramping.penyederhanaan.pemeriksaan import hitung_temuan, temuan_periksa
from ramping.penyederhanaan.selectors import kriteria_periksa, pindah_pilihan, skenario_opd
from ramping.penyederhanaan.views.langkah import AKSI_BERBAHAYA, _angka, jalankan_langkah
from ramping.web.galat import AKSES, layanan
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.teks import TeksTercetak


class FormTerbitkan(TeksTercetak, forms.Form):
    dasar_hukum_nomor = forms.CharField(label=_("Nomor Perwal/Perkada"), max_length=200)
    dasar_hukum_tanggal = forms.DateField(
        label=_("Tanggal penetapan"), widget=forms.DateInput(attrs={"type": "date"})
    )
    berlaku_mulai = forms.DateField(
        label=_("Berlaku mulai"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Kosongkan bila sama dengan tanggal penetapan."),
    )


def _versi(request, struktur_id: int) -> Struktur:
    return struktur_ambil(akses=request.halaman.akses, struktur_id=struktur_id)


def _ke(request, nama: str, *args):
    return redirect(reverse(f"penyederhanaan:{nama}", args=[request.halaman.instansi.kode, *args]))


@halaman_instansi
def beranda(request):
    h = request.halaman
    versi = h.daftar_versi
    berlaku = next((s for s in versi if s.status == "berlaku"), None)
    return render(
        request,
        "penyederhanaan/beranda.html",
        {
            "aktif": "penyederhanaan",
            "versi": versi,
            "berlaku": berlaku,
            "boleh": h.akses.mengelola_seluruh_instansi,
        },
    )


class FormIdentitas(TeksTercetak, forms.Form):
    """A version's name, description and legal basis: what its reports print."""

    nama = forms.CharField(
        label=_("Nama skenario"),
        max_length=200,
        error_messages={"required": _("Nama skenario wajib diisi.")},
        help_text=_("Dicetak pada kop setiap laporan dan dokumen dari versi ini."),
    )
    keterangan = forms.CharField(
        label=_("Keterangan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Untuk apa skenario ini; hanya tampil di aplikasi."),
    )
    dasar_hukum_nomor = forms.CharField(
        label=_("Nomor dasar hukum"),
        required=False,
        max_length=200,
        help_text=_("Boleh dikosongkan sampai Perwal/Perkada ditetapkan."),
    )
    dasar_hukum_tanggal = forms.DateField(
        label=_("Tanggal dasar hukum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, beku: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if beku:  # in force or archived: what the signed regulation says stays as it is
            for nama in ("nama", "dasar_hukum_nomor", "dasar_hukum_tanggal"):
                self.fields[nama].disabled = True


def saran_nama(sumber: Struktur) -> str:
    """The prefilled name of a copy: a draft of next year's SOTK, not "copy of …" (the name
    is printed on every document drawn from the scenario)."""
    return gettext("Rancangan SOTK %(tahun)s") % {"tahun": date.today().year + 1}


@halaman_instansi
def salin(request, struktur_id: int):
    """GET: the copy form (name required, prefilled); POST `aksi=salin` copies, POST
    `aksi=rekomendasi` (from the criteria page) copies and applies the criteria."""
    sumber = _versi(request, struktur_id)
    akses = request.halaman.akses
    if request.method == "POST" and request.POST.get("aksi") == "rekomendasi":
        # Any refusal, even of access, is a message on the list of versions.
        with layanan(request, lolos=()) as hasil:
            baru, lebur = services.terapkan_rekomendasi(
                akses=akses, sumber=sumber, nama=request.POST.get("nama", "")
            )
            messages.success(
                request,
                gettext(
                    "Rekomendasi diterapkan: %(unit)s unit dihapus, "
                    "%(pejabat)s pejabat masuk register penyetaraan."
                )
                % {"unit": lebur.unit_dihapus, "pejabat": len(lebur.penyetaraan)},
            )
            if lebur.jabatan_disatukan:
                messages.info(
                    request,
                    gettext("%(n)s jabatan yang sama dalam satu unit disatukan.")
                    % {"n": lebur.jabatan_disatukan},
                )
            if lebur.kelas_tidak_diketahui:
                messages.warning(
                    request,
                    gettext(
                        "%(n)s jabatan fungsional hasil penyetaraan belum berkelas (katalog dan "
                        "kelas instansi tidak memuatnya): lihat temuan JB-02 di Periksa kriteria."
                    )
                    % {"n": len(set(lebur.kelas_tidak_diketahui))},
                )
        if hasil.gagal:
            return _ke(request, "beranda")
        return _ke(request, "skenario", baru.pk)
    pastikan_analis(akses)
    form = FormIdentitas(request.POST or None, initial={"nama": saran_nama(sumber)})
    if request.method == "POST" and form.is_valid():
        with layanan(form=form) as hasil:
            baru = services.struktur_salin(akses=akses, sumber=sumber, **form.cleaned_data)
        if hasil.berhasil:
            messages.success(
                request, gettext("%(nama)s dibuat sebagai draf.") % {"nama": baru.nama}
            )
            return _ke(request, "skenario", baru.pk)
    return render(
        request,
        "penyederhanaan/salin.html",
        {"aktif": "penyederhanaan", "s": sumber, "form": form, "salin": True},
    )


@halaman_instansi
def identitas(request, struktur_id: int):
    """Rename a version and edit its description and legal basis (`struktur_ubah`)."""
    s = _versi(request, struktur_id)
    akses = request.halaman.akses
    pastikan_analis(akses)
    beku = s.status not in (Struktur.Status.DRAFT, Struktur.Status.USULAN)
    awal = {k: getattr(s, k) for k in FormIdentitas.base_fields}
    form = FormIdentitas(request.POST or None, initial=awal, beku=beku)
    if request.method == "POST" and form.is_valid():
        with layanan(form=form) as hasil:
            services.struktur_ubah(akses=akses, struktur=s, **form.cleaned_data)
        if hasil.berhasil:
            messages.success(request, gettext("Versi %(nama)s disimpan.") % {"nama": s.nama})
            return _ke(request, "skenario", s.pk)
    return render(
        request,
        "penyederhanaan/salin.html",
        {"aktif": "penyederhanaan", "s": s, "form": form, "beku": beku},
    )


@halaman_instansi
def kriteria(request, struktur_id: int):
    struktur = _versi(request, struktur_id)
    if not selaraskan_versi(request, struktur.pk):  # another version picked in the header
        return _ke(request, "kriteria", request.halaman.struktur.pk)
    baris = kriteria_periksa(akses=request.halaman.akses, struktur=struktur)
    temuan = temuan_periksa(akses=request.halaman.akses, struktur=struktur)
    kode_temuan = request.GET.get("temuan", "")
    pilih = request.GET.get("keputusan", "")
    tampil = [b for b in baris if pilih == "" or b.dihapus == (pilih == "dihapus")]
    return render(
        request,
        "penyederhanaan/kriteria.html",
        {
            "aktif": "penyederhanaan",
            "s": struktur,
            "baris": tampil,
            "keputusan": pilih,
            "dihapus": sum(1 for b in baris if b.dihapus),
            "dipertahankan": sum(1 for b in baris if not b.dihapus),
            "boleh": request.halaman.akses.mengelola_seluruh_instansi,
            "temuan": [t for t in temuan if kode_temuan in ("", t.kode)],
            "jumlah_temuan": len(temuan),
            "hitung_temuan": hitung_temuan(temuan),
            "kode_temuan": kode_temuan,
        },
    )


@halaman_instansi
def terbitkan(request, struktur_id: int):
    struktur = _versi(request, struktur_id)
    selaraskan_versi(request, struktur.pk)
    form = FormTerbitkan(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with layanan(form=form) as hasil:
            services.struktur_terbitkan(
                akses=request.halaman.akses, struktur=struktur, **form.cleaned_data
            )
        if hasil.berhasil:
            messages.success(
                request,
                gettext("%(nama)s kini berlaku; versi sebelumnya diarsipkan.")
                % {"nama": struktur.nama},
            )
            return _ke(request, "beranda")
    berlaku = next(
        (v for v in request.halaman.daftar_versi if v.status == Struktur.Status.BERLAKU), None
    )
    bisa = request.halaman.akses.mengelola_seluruh_instansi and struktur.status in (
        Struktur.Status.DRAFT,
        Struktur.Status.USULAN,
    )
    return render(
        request,
        "penyederhanaan/terbitkan.html",
        {
            "aktif": "penyederhanaan",
            "s": struktur,
            "berlaku": berlaku,
            # The same plan the service applies, so the list is what the click will do.
            "rencana": rencana_terbit(struktur, berlaku) if bisa else None,
            "form": form,
            "boleh": request.halaman.akses.mengelola_seluruh_instansi,
        },
    )


class FormPindahPegawai(forms.Form):
    """Move one holder of a draft position to another position of the same draft."""

    penempatan = forms.ModelChoiceField(
        queryset=Penempatan.objects.none(),
        label=pgettext_lazy("perorangan", "Pegawai"),
        error_messages={
            "required": _("Pilih pegawai yang dipindahkan."),
            "invalid_choice": _("Pegawai ini bukan pemangku aktif jabatan tersebut."),
        },
    )
    ke = forms.ModelChoiceField(
        queryset=Jabatan.objects.none(),
        label=_("Jabatan tujuan"),
        error_messages={
            "required": _("Pilih jabatan tujuan."),
            "invalid_choice": _("Jabatan tujuan tidak ada pada skenario ini."),
        },
    )

    def __init__(self, *args, struktur: Struktur, jabatan: Jabatan, **kwargs):
        super().__init__(*args, **kwargs)
        di = {"instansi_id": struktur.instansi_id, "struktur": struktur}
        self.fields["penempatan"].queryset = Penempatan.objects.filter(
            jabatan=jabatan, tmt_selesai=None, **di
        ).select_related("pegawai", "jabatan__unit")
        self.fields["ke"].queryset = Jabatan.objects.filter(**di).select_related("unit")

    def clean(self):
        data = super().clean()
        p, ke = data.get("penempatan"), data.get("ke")
        if p and ke and p.jabatan_id == ke.pk:
            self.add_error(
                "ke", gettext("Pegawai sudah menduduki jabatan ini; pilih jabatan lain.")
            )
        return data


class FormJabatan(TeksTercetak, forms.Form):
    """Change the kind, JF, jenjang and kelas of a draft position."""

    jenis = forms.ChoiceField(label=_("Jenis jabatan"), choices=JenisJabatan.choices)
    nama_jf = forms.CharField(label=_("Nama JF"), required=False, max_length=200)
    jenjang = forms.ChoiceField(
        label=_("Jenjang"), required=False, choices=[("", "–"), *Jenjang.choices]
    )
    kelas = forms.IntegerField(
        label=_("Kelas jabatan"),
        required=False,
        min_value=1,
        max_value=17,
        error_messages={
            "invalid": _("Kelas jabatan berupa angka 1–17."),
            "min_value": _("Kelas jabatan berupa angka 1–17."),
            "max_value": _("Kelas jabatan berupa angka 1–17."),
        },
    )

    def clean(self):
        data = super().clean()
        if data.get("jenis") == "fungsional":
            if not (data.get("nama_jf") or "").strip():
                self.add_error("nama_jf", gettext("Jabatan fungsional memerlukan nama JF."))
            if not data.get("jenjang"):
                self.add_error("jenjang", gettext("Jabatan fungsional memerlukan jenjang."))
        return data


def _kembali(request, s: Struktur, **lain) -> str:
    """The scenario page at the OPD and page the user came from (ints only: no open redirect)."""
    q = {"opd": _angka(request.POST.get("opd")), "hal": _angka(request.POST.get("hal")), **lain}
    url = reverse("penyederhanaan:skenario", args=[request.halaman.instansi.kode, s.pk])
    q = "&".join(f"{k}={v}" for k, v in q.items() if v)
    return f"{url}?{q}" if q else url


def _halaman_skenario(request, struktur: Struktur, *, form_pindah=None, form_jabatan=None):
    """Render the scenario page; forms given are bound forms coming back with errors."""
    h, get = request.halaman, request.POST if request.method == "POST" else request.GET
    data = skenario_opd(
        akses=h.akses,
        struktur=struktur,
        opd_id=_angka(get.get("opd")),
        nomor_halaman=get.get("hal") or 1,
    )
    bisa_ubah = struktur.status == Struktur.Status.DRAFT
    konteks = {
        "aktif": "penyederhanaan",
        "bagian": "beranda",
        "s": struktur,
        "d": data,
        "bisa_ubah": bisa_ubah,
        "boleh_opd": bool(data.opd) and h.akses.boleh_ubah_opd(data.opd.kode),
        "boleh": h.akses.mengelola_seluruh_instansi,
    }
    pindah_id = _angka(get.get("pindah"))
    if bisa_ubah and pindah_id:
        pilihan = pindah_pilihan(
            akses=h.akses,
            struktur=struktur,
            jabatan_id=pindah_id,
            opd_tujuan_id=_angka(get.get("opd_tujuan")),
        )
        if form_pindah is None:
            form_pindah = FormPindahPegawai(
                struktur=struktur,
                jabatan=pilihan.jabatan,
                initial={"penempatan": _angka(get.get("penempatan"))},
            )
        konteks.update(pilihan=pilihan, form_pindah=form_pindah)
    ubah_id = _angka(get.get("ubah"))
    if bisa_ubah and ubah_id:
        j = next((j for j in data.hal.object_list if j.pk == ubah_id), None) if data.hal else None
        if j is None:
            raise TidakDitemukan("Jabatan tidak ditemukan pada halaman skenario ini.")
        if form_jabatan is None:
            form_jabatan = FormJabatan(
                initial={k: getattr(j, k) for k in ("jenis", "nama_jf", "jenjang", "kelas")}
            )
        konteks.update(jabatan_ubah=j, form_jabatan=form_jabatan)
    return render(request, "penyederhanaan/skenario.html", konteks)


@halaman_instansi
def skenario(request, struktur_id: int):
    struktur = _versi(request, struktur_id)
    if not selaraskan_versi(request, struktur.pk):  # another version picked in the header
        return _ke(request, "skenario", request.halaman.struktur.pk)
    return _halaman_skenario(request, struktur)


# A choice left empty on a scenario form: a message on the page, not a bare 404.
PILIH = {"ke": "Pilih unit tujuan.", "jabatan": "Pilih jabatan.", "pindah": "Pilih jabatan."}


def _ambil(model, request, struktur: Struktur, nama: str):
    if not request.POST.get(nama, "").strip():
        raise RampingError(PILIH.get(nama, "Pilihan wajib diisi."), field=nama)
    obj = model.objects.filter(
        instansi_id=request.halaman.akses.instansi_id,
        struktur=struktur,
        pk=_angka(request.POST.get(nama, "")) or 0,
    ).first()
    if obj is None:
        raise TidakDitemukan("Data tidak ditemukan pada skenario ini.")
    return obj


def _pesan_lebur(unit: UnitKerja, hasil) -> str:
    if hasil.jabatan_disetarakan:
        return gettext(
            "%(unit)s dihapus dari skenario: %(pindah)s jabatan dipindahkan, "
            "%(setara)s jabatan struktural disetarakan ke JF."
        ) % {
            "unit": unit.nama,
            "pindah": hasil.jabatan_dipindah,
            "setara": hasil.jabatan_disetarakan,
        }
    return gettext("%(unit)s dihapus dari skenario: %(pindah)s jabatan dipindahkan.") % {
        "unit": unit.nama,
        "pindah": hasil.jabatan_dipindah,
    }


@require_POST
@halaman_instansi
def ubah(request, struktur_id: int):
    """One scenario edit (field `aksi`), then back to the scenario page at the same OPD; the
    position and person forms come back with their errors next to the fields."""
    s = _versi(request, struktur_id)
    akses, aksi, post = request.halaman.akses, request.POST.get("aksi"), request.POST
    # A refusal of access is a message too; only an unknown object is a 404.
    with layanan(request, lolos=(TidakDitemukan,)):
        if aksi in AKSI_BERBAHAYA:
            if post.get("yakin") != "1":  # never one click: the effect is shown first
                q = urlencode(
                    {k: post.get(k, "") for k in ("aksi", "unit", "ke", "kelompok_jf", "opd")}
                )
                url = reverse(
                    "penyederhanaan:konfirmasi", args=[request.halaman.instansi.kode, s.pk]
                )
                return redirect(f"{url}?{q}")
            unit, ke, fungsi = jalankan_langkah(akses, s, post)
            hasil = fungsi()
            if ke is None:
                messages.success(request, _pesan_lebur(unit, hasil))
            else:
                messages.success(
                    request, gettext("%(a)s digabungkan ke %(b)s.") % {"a": unit.nama, "b": ke.nama}
                )
            riwayat = reverse("penyederhanaan:riwayat", args=[request.halaman.instansi.kode, s.pk])
            messages.info(
                request,
                format_html(
                    '{} <a href="{}">{}</a>',
                    gettext("Langkah ini tercatat di riwayat perubahan skenario."),
                    riwayat,
                    gettext("Batalkan dari riwayat"),
                ),
            )
        elif aksi == "jabatan_pindah":
            jabatan = _ambil(Jabatan, request, s, "jabatan")
            unit = _ambil(UnitKerja, request, s, "ke")
            services.jabatan_pindah(akses=akses, jabatan=jabatan, unit=unit)
            messages.success(
                request,
                gettext("%(a)s dipindahkan ke %(b)s.") % {"a": jabatan.nama, "b": unit.nama},
            )
        elif aksi == "jabatan_ubah":
            jabatan = _ambil(Jabatan, request, s, "jabatan")
            form = FormJabatan(post)
            if form.is_valid():
                with layanan(form=form):  # the model's full_clean() names its fields too
                    services.jabatan_ubah_jenis(akses=akses, jabatan=jabatan, **form.cleaned_data)
            if form.errors:
                return _halaman_skenario(request, s, form_jabatan=form)
            messages.success(
                request, gettext("Jabatan %(nama)s disimpan.") % {"nama": jabatan.nama}
            )
            return redirect(_kembali(request, s) + f"#jabatan-{jabatan.pk}")
        elif aksi == "pegawai_pindah":
            jabatan = _ambil(Jabatan, request, s, "pindah")
            form = FormPindahPegawai(post, struktur=s, jabatan=jabatan)
            if form.is_valid():
                # A rule broken by the move is about the target; a model error is a message.
                with layanan(form=form, medan="ke", lolos=(*AKSES, ValidationError)):
                    services.pegawai_pindah(
                        akses=akses,
                        penempatan=form.cleaned_data["penempatan"],
                        jabatan=form.cleaned_data["ke"],
                    )
            if form.errors:
                return _halaman_skenario(request, s, form_pindah=form)
            p, ke = form.cleaned_data["penempatan"], form.cleaned_data["ke"]
            messages.success(
                request,
                gettext("%(a)s dipindahkan ke %(b)s.")
                % {"a": p.pegawai.nama_lengkap, "b": ke.nama},
            )
            return redirect(_kembali(request, s) + f"#jabatan-{jabatan.pk}")
        else:
            raise TidakDitemukan("Aksi tidak dikenal.")
    return redirect(_kembali(request, s))
