"""Team pages: list, create/edit, detail with members, approvals and assignments."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ramping.errors import TidakBerhak, TidakDitemukan
from ramping.sistemkerja import selectors as sel
from ramping.sistemkerja import services as svc
from ramping.sistemkerja.akses import Level, boleh_bertindak_sebagai
from ramping.sistemkerja.forms import AnggotaForm, AnggotaUbahForm, SaringanTim, TimForm
from ramping.sistemkerja.views.dasar import selaras, struktur
from ramping.web.galat import jalankan, layanan
from ramping.web.halaman import halaman_instansi

PER_HALAMAN = 25


def _url(request, nama: str, *args) -> str:
    return reverse(f"sistemkerja:{nama}", args=[request.halaman.instansi.kode, *args])


def _unit_level_2(request, s):
    """Units the user may act for as Level 2 (the team owners they may choose)."""
    h = request.halaman
    return [
        u
        for u in sel.unit_pilihan(akses=h.akses, struktur=s)
        if boleh_bertindak_sebagai(h.akses, Level.LEVEL_2, u)
    ]


@require_http_methods(["GET"])
@halaman_instansi
def daftar(request):
    h = request.halaman
    s = struktur(request)
    units = sel.unit_pilihan(akses=h.akses, struktur=s)
    form = SaringanTim(request.GET or None, units=units)
    d = form.cleaned_data if form.is_valid() else {}
    unit = next((u for u in units if u.pk == d.get("unit")), None)
    qs = sel.tim_daftar(
        akses=h.akses, struktur=s, unit=unit, status=d.get("status", ""), cari=d.get("cari", "")
    )
    hal = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("hal"))
    boleh_buat = any(boleh_bertindak_sebagai(h.akses, Level.LEVEL_2, u) for u in units)
    return render(
        request,
        "sistemkerja/tim_daftar.html",
        {"aktif": "sistemkerja", "form": form, "hal": hal, "boleh_buat": boleh_buat},
    )


@require_http_methods(["GET", "POST"])
@halaman_instansi
def baru(request):
    h = request.halaman
    s = struktur(request)
    units = _unit_level_2(request, s)
    if not units:
        raise TidakBerhak(_("Hanya Pejabat Level 2 (operator OPD atau analis) yang membentuk tim."))
    awal = {"perlu_ketua": True}
    if request.GET.get("unit", "").isdigit():
        awal["unit"] = int(request.GET["unit"])
    form = TimForm(request.POST or None, units=units, initial=awal)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        unit = next((u for u in units if u.pk == d["unit"]), None)
        if unit is None:
            form.add_error("unit", _("Pilih unit yang Anda kelola."))
        else:
            tim = jalankan(
                form,
                svc.tim_buat,
                akses=h.akses,
                unit=unit,
                nama=d["nama"],
                program=d["program"],
                periode_mulai=d["periode_mulai"],
                periode_selesai=d["periode_selesai"],
                perlu_ketua=d["perlu_ketua"],
                keterangan=d["keterangan"],
            )
            if tim is not None:
                messages.success(request, _("Tim kerja dibentuk. Tambahkan anggotanya."))
                return redirect(_url(request, "tim", tim.pk))
    return render(
        request, "sistemkerja/tim_form.html", {"aktif": "sistemkerja", "form": form, "tim": None}
    )


@require_http_methods(["GET", "POST"])
@halaman_instansi
def ubah(request, tim_id: int):
    h = request.halaman
    tim = sel.tim_ambil(akses=h.akses, tim_id=tim_id)
    if not selaras(request, tim.struktur_id):
        return redirect(_url(request, "tim_daftar") + f"?versi={h.struktur.pk}")
    if not boleh_bertindak_sebagai(h.akses, Level.LEVEL_2, tim.unit):
        raise TidakBerhak()
    awal = {
        "unit": tim.unit_id,
        "nama": tim.nama,
        "program": tim.program,
        "periode_mulai": tim.periode_mulai,
        "periode_selesai": tim.periode_selesai,
        "perlu_ketua": tim.perlu_ketua,
        "status": tim.status,
        "keterangan": tim.keterangan,
        "versi": tim.versi,
    }
    form = TimForm(request.POST or None, units=[tim.unit], ubah=True, initial=awal)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        hasil = jalankan(
            form,
            svc.tim_ubah,
            akses=h.akses,
            tim=tim,
            versi=d["versi"],
            nama=d["nama"],
            program=d["program"],
            periode_mulai=d["periode_mulai"],
            periode_selesai=d["periode_selesai"],
            perlu_ketua=d["perlu_ketua"],
            status=d["status"] or tim.status,
            keterangan=d["keterangan"],
        )
        if hasil is not None:
            messages.success(request, _("Tim kerja disimpan."))
            return redirect(_url(request, "tim", tim.pk))
    return render(
        request, "sistemkerja/tim_form.html", {"aktif": "sistemkerja", "form": form, "tim": tim}
    )


def _konteks_tim(request, tim, form_anggota=None):
    h = request.halaman
    anggota = sel.anggota_tim(tim=tim)
    level_2 = boleh_bertindak_sebagai(h.akses, Level.LEVEL_2, tim.unit)
    for a in anggota:
        a.boleh_putuskan = svc.boleh_memutuskan(h.akses, a)
    if form_anggota is None and level_2 and tim.status == "aktif":
        form_anggota = AnggotaForm(
            penempatan=sel.pegawai_unit(akses=h.akses, struktur=tim.struktur, unit=_opd(tim)),
            initial={"peran": "anggota"},
        )
    penugasan = list(sel.penugasan_daftar(akses=h.akses, struktur=tim.struktur, tim=tim))
    for p in penugasan:
        p.terlambat = sel.terlambat(p)
    jam = sum((a.jam_per_tahun for a in anggota if a.dihitung), start=0)
    return {
        "aktif": "sistemkerja",
        "tim": tim,
        "anggota": anggota,
        "level_2": level_2,
        "form_anggota": form_anggota,
        "penugasan": penugasan,
        "jam_total": jam,
        "ketua": next((a for a in anggota if a.peran == "ketua" and a.status != "ditolak"), None),
    }


def _opd(tim):
    """The team's perangkat daerah (the member picker offers its people)."""
    from ramping.organisasi.selectors import unit_opd

    return unit_opd(unit=tim.unit)


@require_http_methods(["GET"])
@halaman_instansi
def detail(request, tim_id: int):
    h = request.halaman
    tim = sel.tim_ambil(akses=h.akses, tim_id=tim_id)
    if not selaras(request, tim.struktur_id):
        return redirect(_url(request, "tim_daftar") + f"?versi={h.struktur.pk}")
    return render(request, "sistemkerja/tim.html", _konteks_tim(request, tim))


@require_POST
@halaman_instansi
def anggota_tambah(request, tim_id: int):
    h = request.halaman
    tim = sel.tim_ambil(akses=h.akses, tim_id=tim_id)
    if not boleh_bertindak_sebagai(h.akses, Level.LEVEL_2, tim.unit):
        raise TidakBerhak()
    selaras(request, tim.struktur_id)
    form = AnggotaForm(
        request.POST,
        penempatan=sel.pegawai_unit(akses=h.akses, struktur=tim.struktur, unit=_opd(tim)),
    )
    if form.is_valid():
        d = form.cleaned_data
        pegawai = None
        if d["pegawai"]:
            pegawai = next(
                (
                    p.pegawai
                    for p in sel.pegawai_unit(akses=h.akses, struktur=tim.struktur, unit=_opd(tim))
                    if p.pegawai_id == d["pegawai"]
                ),
                None,
            )
            if pegawai is None:
                form.add_error("pegawai", _("Pegawai tidak ditemukan."))
        elif d["nip"]:
            pegawai = sel.pegawai_nip(akses=h.akses, nip=d["nip"])
            if pegawai is None:
                form.add_error("nip", _("Tidak ada pegawai dengan NIP ini di instansi ini."))
        if not form.errors:
            hasil = jalankan(
                form,
                svc.anggota_tambah,
                {"pegawai": "pegawai" if d["pegawai"] else "nip"},
                akses=h.akses,
                tim=tim,
                peran=d["peran"],
                jam_per_tahun=d["jam_per_tahun"],
                pegawai=pegawai,
                nama_eksternal=d["nama_eksternal"],
                instansi_eksternal=d["instansi_eksternal"],
            )
            if hasil is not None:
                a = hasil.anggota
                if a.status == "diajukan":
                    messages.info(
                        request,
                        _("%(n)s diajukan; menunggu persetujuan kepala unit asalnya.")
                        % {"n": a.nama},
                    )
                else:
                    messages.success(request, _("%(n)s ditambahkan ke tim.") % {"n": a.nama})
                for p in hasil.peringatan:
                    messages.warning(request, p)
                return redirect(_url(request, "tim", tim.pk) + "#anggota")
    return render(request, "sistemkerja/tim.html", _konteks_tim(request, tim, form), status=422)


@require_POST
@halaman_instansi
def anggota_aksi(request, anggota_id: int, aksi: str):
    h = request.halaman
    a = sel.anggota_ambil(akses=h.akses, anggota_id=anggota_id)
    kembali = _url(request, "tim", a.tim_id) + "#anggota"
    catatan = request.POST.get("catatan", "")
    with layanan(request):
        if aksi == "setujui":
            svc.anggota_setujui(akses=h.akses, anggota=a, catatan=catatan)
            messages.success(request, _("Keanggotaan %(n)s disetujui.") % {"n": a.nama})
        elif aksi == "tolak":
            svc.anggota_tolak(akses=h.akses, anggota=a, catatan=catatan)
            messages.success(request, _("Keanggotaan %(n)s ditolak.") % {"n": a.nama})
        elif aksi == "hapus":
            svc.anggota_hapus(akses=h.akses, anggota=a)
            messages.success(request, _("%(n)s dikeluarkan dari tim.") % {"n": a.nama})
        elif aksi == "ubah":
            form = AnggotaUbahForm(request.POST)
            if not form.is_valid():
                for galat in form.errors.values():
                    messages.error(request, galat[0])
                return redirect(kembali)
            d = form.cleaned_data
            hasil = svc.anggota_ubah(
                akses=h.akses,
                anggota=a,
                versi=d["versi"],
                peran=d["peran"],
                jam_per_tahun=d["jam_per_tahun"],
            )
            messages.success(request, _("Keanggotaan %(n)s disimpan.") % {"n": a.nama})
            for p in hasil.peringatan:
                messages.warning(request, p)
        else:
            raise TidakDitemukan()
    return redirect(kembali)
