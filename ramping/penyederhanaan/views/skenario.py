"""Scenario pages: versions with copy/criteria/publish actions, and editing a draft."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ramping.errors import RampingError, TidakBerhak, TidakDitemukan
from ramping.jabatan.models import Jabatan, JenisJabatan, Jenjang
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.selectors import struktur_ambil
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan import services
from ramping.penyederhanaan.selectors import kriteria_periksa
from ramping.web.halaman import halaman_instansi


class FormTerbitkan(forms.Form):
    dasar_hukum_nomor = forms.CharField(label="Nomor Perwal/Perkada", max_length=200)
    dasar_hukum_tanggal = forms.DateField(
        label="Tanggal penetapan", widget=forms.DateInput(attrs={"type": "date"})
    )
    berlaku_mulai = forms.DateField(
        label="Berlaku mulai",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Kosongkan bila sama dengan tanggal penetapan.",
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


@require_POST
@halaman_instansi
def salin(request, struktur_id: int):
    sumber = _versi(request, struktur_id)
    nama = request.POST.get("nama", "").strip() or f"Skenario dari {sumber.nama}"
    aksi = request.POST.get("aksi", "salin")
    try:
        if aksi == "rekomendasi":
            baru, hasil = services.terapkan_rekomendasi(
                akses=request.halaman.akses, sumber=sumber, nama=nama
            )
            messages.success(
                request,
                f"Rekomendasi diterapkan: {hasil.unit_dihapus} unit dihapus, "
                f"{len(hasil.penyetaraan)} pejabat masuk register penyetaraan.",
            )
        else:
            baru = services.struktur_salin(akses=request.halaman.akses, sumber=sumber, nama=nama)
            messages.success(request, f"Skenario {baru.nama} dibuat.")
    except RampingError as exc:
        messages.error(request, exc.pesan)
        return _ke(request, "beranda")
    return _ke(request, "skenario", baru.pk)


@halaman_instansi
def kriteria(request, struktur_id: int):
    struktur = _versi(request, struktur_id)
    baris = kriteria_periksa(akses=request.halaman.akses, struktur=struktur)
    return render(
        request,
        "penyederhanaan/kriteria.html",
        {
            "aktif": "penyederhanaan",
            "s": struktur,
            "baris": baris,
            "dihapus": sum(1 for b in baris if b.dihapus),
            "boleh": request.halaman.akses.mengelola_seluruh_instansi,
        },
    )


@halaman_instansi
def terbitkan(request, struktur_id: int):
    struktur = _versi(request, struktur_id)
    form = FormTerbitkan(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.struktur_terbitkan(
                akses=request.halaman.akses, struktur=struktur, **form.cleaned_data
            )
        except (TidakBerhak, TidakDitemukan):
            raise
        except RampingError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.pesan)
        else:
            messages.success(request, f"{struktur.nama} kini berlaku; versi sebelumnya diarsipkan.")
            return _ke(request, "beranda")
    return render(
        request,
        "penyederhanaan/terbitkan.html",
        {
            "aktif": "penyederhanaan",
            "s": struktur,
            "form": form,
            "boleh": request.halaman.akses.mengelola_seluruh_instansi,
        },
    )


@halaman_instansi
def skenario(request, struktur_id: int):
    struktur = _versi(request, struktur_id)
    iid = struktur.instansi_id
    units = list(UnitKerja.objects.filter(instansi_id=iid, struktur=struktur).order_by("path"))
    jabatan = list(
        Jabatan.objects.filter(instansi_id=iid, struktur=struktur).order_by(
            "unit__path", "-is_kepala", "urutan", "id"
        )
    )
    pemangku = {}
    for p in Penempatan.objects.filter(
        instansi_id=iid, struktur=struktur, tmt_selesai__isnull=True
    ).select_related("pegawai"):
        pemangku.setdefault(p.jabatan_id, []).append(p)
    per_unit = {}
    for j in jabatan:
        j.pemangku = pemangku.get(j.pk, [])
        per_unit.setdefault(j.unit_id, []).append(j)
    for u in units:
        u.jabatan = per_unit.get(u.pk, [])
    return render(
        request,
        "penyederhanaan/skenario.html",
        {
            "aktif": "penyederhanaan",
            "s": struktur,
            "units": units,
            "jabatan": jabatan,
            "bisa_ubah": struktur.status == "draft",
            "jenis_pilihan": JenisJabatan.choices,
            "jenjang_pilihan": Jenjang.choices,
        },
    )


def _ambil(model, request, struktur: Struktur, nama: str):
    nilai = request.POST.get(nama, "")
    obj = model.objects.filter(
        instansi_id=request.halaman.akses.instansi_id,
        struktur=struktur,
        pk=int(nilai) if nilai.isdigit() else 0,
    ).first()
    if obj is None:
        raise TidakDitemukan("Data tidak ditemukan pada skenario ini.")
    return obj


@require_POST
@halaman_instansi
def ubah(request, struktur_id: int):
    """One scenario edit (field `aksi`), then back to the scenario page."""
    s = _versi(request, struktur_id)
    akses, aksi, post = request.halaman.akses, request.POST.get("aksi"), request.POST
    try:
        if aksi == "unit_hapus":
            services.unit_hapus(
                akses=akses,
                unit=_ambil(UnitKerja, request, s, "unit"),
                ke_kelompok_jf=post.get("kelompok_jf") == "1",
            )
        elif aksi == "unit_gabung":
            services.unit_gabung(
                akses=akses,
                unit=_ambil(UnitKerja, request, s, "unit"),
                ke=_ambil(UnitKerja, request, s, "ke"),
            )
        elif aksi == "jabatan_pindah":
            services.jabatan_pindah(
                akses=akses,
                jabatan=_ambil(Jabatan, request, s, "jabatan"),
                unit=_ambil(UnitKerja, request, s, "ke"),
            )
        elif aksi == "jabatan_ubah":
            kelas = post.get("kelas", "")
            services.jabatan_ubah_jenis(
                akses=akses,
                jabatan=_ambil(Jabatan, request, s, "jabatan"),
                jenis=post.get("jenis", ""),
                kelas=int(kelas) if kelas.isdigit() else None,
                nama_jf=post.get("nama_jf", ""),
                jenjang=post.get("jenjang", ""),
                nama=post.get("nama", ""),
            )
        elif aksi == "pegawai_pindah":
            services.pegawai_pindah(
                akses=akses,
                penempatan=_ambil(Penempatan, request, s, "penempatan"),
                jabatan=_ambil(Jabatan, request, s, "ke"),
            )
        else:
            raise TidakDitemukan("Aksi tidak dikenal.")
        messages.success(request, "Perubahan skenario disimpan.")
    except RampingError as exc:
        messages.error(request, exc.pesan)
    except Exception as exc:  # a model constraint (full_clean) names the broken field
        from django.core.exceptions import ValidationError

        if not isinstance(exc, ValidationError):
            raise
        messages.error(request, "; ".join(exc.messages))
    return _ke(request, "skenario", s.pk)
