"""Pages of the penataan cycle: rounds, the progress board, one OPD's page (to-do for its
operator, review for the verifier). Thin: forms parse, services decide (`ramping.web.galat`)."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from ramping.akun.akses import pastikan_analis
from ramping.akun.models import Peran
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Anjab, Jabatan, Tugas
from ramping.jabatan.services.anjab import FIELD_ANJAB
from ramping.laporan.kop import identitas_instansi
from ramping.organisasi.models import UnitKerja
from ramping.penataan import selectors as sel
from ramping.penataan import services as svc
from ramping.penataan.cuplikan import pohon_dari_cuplikan
from ramping.penataan.dokumen import dokumen_kegiatan
from ramping.penataan.forms import (
    AksiForm,
    AkuiForm,
    AturForm,
    CatatanForm,
    KegiatanForm,
    SaringanPapan,
    SelesaikanForm,
)
from ramping.penataan.models import Bagian, Catatan, KegiatanPenataan
from ramping.penataan.papan_xlsx import papan_xlsx
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi

LABEL_AKSI = {
    "mulai": gettext_lazy("Mulai mengerjakan"),
    "ajukan": gettext_lazy("Ajukan ke Bagian Organisasi"),
    "kembalikan": gettext_lazy("Kembalikan untuk revisi"),
    "setujui": gettext_lazy("Setujui"),
    "buka_kembali": gettext_lazy("Buka kembali untuk revisi"),
}


def _url(request, nama: str, *args) -> str:
    return reverse(f"penataan:{nama}", args=[request.halaman.instansi.kode, *args])


def _analis_pilihan(instansi_id: int):
    return (
        get_user_model()
        .objects.filter(
            keanggotaan_set__instansi_id=instansi_id,
            keanggotaan_set__peran__in=[Peran.ANALIS, Peran.ADMIN_INSTANSI],
        )
        .order_by("first_name", "username")
    )


@require_http_methods(["GET"])
@halaman_instansi
def daftar(request):
    h = request.halaman
    peserta = sel.kegiatan_berjalan_opd(akses=h.akses)
    return render(
        request,
        "penataan/daftar.html",
        {"aktif": "penataan", "daftar": sel.kegiatan_daftar(akses=h.akses), "peserta": peserta},
    )


@require_http_methods(["GET", "POST"])
@halaman_instansi
def baru(request):
    h = request.halaman
    pastikan_analis(h.akses)
    if h.struktur is None:
        raise TidakDitemukan("Instansi belum memiliki versi struktur.")
    opd = UnitKerja.objects.filter(struktur=h.struktur, kedalaman=0).order_by("path")
    form = KegiatanForm(request.POST or None, opd_pilihan=opd)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with layanan(form=form) as hasil:
            k = svc.kegiatan_buat(
                akses=h.akses,
                struktur=h.struktur,
                nama=d["nama"],
                dasar_hukum=d["dasar_hukum"],
                diminta=d["diminta"],
                tenggat=d["tenggat"],
                opd_kode=d["opd"] or None,
                nomor_surat=d["nomor_surat"],
                tanggal_surat=d["tanggal_surat"],
                perihal=d["perihal"],
                isi_surat=d["isi_surat"],
            )
        if hasil.berhasil:
            pesan = _("Kegiatan penataan dibuka untuk %(n)s perangkat daerah.")
            messages.success(request, pesan % {"n": k.peserta_set.count()})
            return redirect(_url(request, "kegiatan", k.pk))
    return render(
        request,
        "penataan/baru.html",
        {"aktif": "penataan", "form": form},
        status=422 if form.errors else 200,
    )


def _papan(request, k: KegiatanPenataan):
    form = SaringanPapan(request.GET or None, analis_pilihan=_analis_pilihan(k.instansi_id))
    d = form.cleaned_data if form.is_valid() else {}
    return form, sel.papan(
        akses=request.halaman.akses,
        kegiatan=k,
        status=d.get("status", ""),
        hanya_terlambat=d.get("terlambat", False),
        analis_id=d.get("analis"),
        urut=d.get("urut") or "opd",
    )


@require_http_methods(["GET"])
@halaman_instansi
def kegiatan(request, kegiatan_id: int):
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    if h.akses.peran == Peran.OPERATOR:
        # An operator works on their own OPD's page, not on the city-wide board.
        p = k.peserta_set.filter(opd__kode=h.akses.opd_kode).first()
        if p is None:
            raise TidakDitemukan("Perangkat daerah Anda tidak ikut kegiatan ini.")
        return redirect(_url(request, "peserta", k.pk, p.pk))
    form, p = _papan(request, k)
    return render(
        request,
        "penataan/kegiatan.html",
        {
            "aktif": "penataan",
            "k": k,
            "papan": p,
            "form": form,
            "kolom_bagian": [(b, Bagian(b).label) for b in k.diminta],
            "boleh_kelola": h.akses.mengelola_seluruh_instansi,
        },
    )


@require_http_methods(["GET"])
@halaman_instansi
def kegiatan_unduh(request, kegiatan_id: int):
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    if h.akses.peran == Peran.OPERATOR:
        raise TidakDitemukan()
    _form, p = _papan(request, k)
    hari_ini = timezone.localdate()
    isi = papan_xlsx(
        p,
        instansi=h.instansi.nama,
        hari_ini=hari_ini,
        identitas=identitas_instansi(
            instansi_id=h.akses.instansi_id,
            lingkup="Seluruh perangkat daerah",
            versi=f"{k.nama} ({k.struktur.nama})",
            tanggal_=hari_ini,
        ),
    )
    r = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    r["Content-Disposition"] = f'attachment; filename="kemajuan-penataan-{k.pk}.xlsx"'
    return r


@require_http_methods(["GET"])
@halaman_instansi
def kegiatan_dokumen(request, kegiatan_id: int, dokumen: str, format: str):
    """The round's Surat Edaran (every member) or its approved peta jabatan appendix."""
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    if dokumen != "surat-edaran" and h.akses.peran == Peran.OPERATOR:
        raise TidakDitemukan()
    berkas = dokumen_kegiatan(akses=h.akses, kegiatan=k, dokumen=dokumen, format=format)
    r = HttpResponse(berkas.isi, content_type=berkas.mime)
    r["Content-Disposition"] = f'attachment; filename="{berkas.nama}"'
    return r


@require_POST
@halaman_instansi
def kegiatan_tutup(request, kegiatan_id: int):
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    form = AksiForm(request.POST)
    form.is_valid()
    with layanan(request) as hasil:
        svc.kegiatan_tutup(akses=h.akses, kegiatan=k, versi=form.cleaned_data.get("versi"))
    if hasil.berhasil:
        messages.success(request, _("Kegiatan ditutup."))
    return redirect(_url(request, "kegiatan", k.pk))


def _konteks_peserta(request, p, **lain) -> dict:
    h = request.halaman
    hal = sel.halaman_peserta(akses=h.akses, peserta=p)
    k = p.kegiatan
    hari_ini = timezone.localdate()
    sisa = sel.sisa_hari(p, hari_ini)
    operator = svc.operator_opd(h.akses, p)
    aksi = [(a, LABEL_AKSI[a], svc.TRANSISI[a]) for a in svc.TRANSISI if svc.boleh(h.akses, p, a)]
    cuplikan = hal.disetujui or hal.cuplikan
    pohon = pohon_dari_cuplikan(cuplikan.data) if cuplikan and not operator else []
    catatan_per_jabatan: dict[int, list[Catatan]] = {}
    for c in hal.catatan:
        catatan_per_jabatan.setdefault(c.jabatan_id, []).append(c)
    tugas_cuplikan: dict[int, list[dict]] = {}
    if cuplikan and not operator:
        for t in cuplikan.data["tugas"]:
            angka = {"volume": Decimal(t["volume"]), "waktu": Decimal(t["waktu"])}
            tugas_cuplikan.setdefault(t["jabatan_id"], []).append(t | angka)
    return {
        "aktif": "penataan",
        "k": k,
        "p": p,
        "hal": hal,
        "galat": [t for t in hal.temuan if t.tingkat == "galat"],
        "peringatan": [t for t in hal.temuan if t.tingkat != "galat"],
        "sisa": sisa,
        "terlambat": sisa < 0 and p.status not in sel.SELESAI,
        "operator": operator,
        "bisa_diisi": operator and p.status not in sel.SELESAI and not p.dikunci,
        "aksi": aksi,
        "boleh_kelola": h.akses.mengelola_seluruh_instansi,
        "verifikasi": h.akses.mengelola_seluruh_instansi and p.status == "diajukan",
        "pohon": pohon,
        "cuplikan": cuplikan,
        "catatan_per_jabatan": catatan_per_jabatan,
        "tugas_cuplikan": tugas_cuplikan,
        "butir_anjab": [(b, Anjab._meta.get_field(b).verbose_name) for b in FIELD_ANJAB],
        # Acknowledged warnings by "kode|objek", the key the template builds for each finding.
        "diakui_teks": {f"{kd}|{ob}": a.catatan for (kd, ob), a in hal.diakui.items()},
        "atur": AturForm(
            initial={"versi": p.versi, "analis": p.analis_id},
            analis_pilihan=_analis_pilihan(p.instansi_id),
        ),
        **lain,
    }


@require_http_methods(["GET"])
@halaman_instansi
def peserta(request, kegiatan_id: int, peserta_id: int):
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    p = sel.peserta_ambil(akses=h.akses, kegiatan=k, peserta_id=peserta_id)
    return render(request, "penataan/peserta.html", _konteks_peserta(request, p))


def _kembali(request, p):
    return redirect(_url(request, "peserta", p.kegiatan_id, p.pk))


def _tampil_ulang(request, p, **galat):
    return render(
        request, "penataan/peserta.html", _konteks_peserta(request, p, **galat), status=422
    )


@require_POST
@halaman_instansi
def peserta_aksi(request, kegiatan_id: int, peserta_id: int, aksi: str):
    h = request.halaman
    if aksi not in svc.AKSI_PESERTA:
        raise TidakDitemukan()
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    p = sel.peserta_ambil(akses=h.akses, kegiatan=k, peserta_id=peserta_id)
    form = AksiForm(request.POST)
    form.is_valid()
    d = form.cleaned_data
    argumen = {"catatan": d.get("catatan", "")} if aksi != "mulai" else {}
    with layanan(form=form) as hasil:
        # The service refreshes `p` after its conditional write: the message shows the new state.
        svc.AKSI_PESERTA[aksi](akses=h.akses, peserta=p, versi=d.get("versi"), **argumen)
    if hasil.gagal:
        p = sel.peserta_ambil(akses=h.akses, kegiatan=k, peserta_id=peserta_id)
        return _tampil_ulang(request, p, form_aksi=form, aksi_gagal=aksi)
    pesan = _("%(opd)s: %(status)s.") % {"opd": p.opd.nama, "status": p.get_status_display()}
    messages.success(request, pesan)
    return _kembali(request, p)


@require_POST
@halaman_instansi
def peserta_atur(request, kegiatan_id: int, peserta_id: int):
    """Analyst's settings of one OPD: deadline, lock, assigned analyst (one form, one change)."""
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    p = sel.peserta_ambil(akses=h.akses, kegiatan=k, peserta_id=peserta_id)
    pastikan_analis(h.akses)
    form = AturForm(request.POST, analis_pilihan=_analis_pilihan(p.instansi_id))
    if not form.is_valid():
        return _tampil_ulang(request, p, atur=form)
    d = form.cleaned_data
    with layanan(form=form) as hasil:
        if d["tenggat"]:
            svc.peserta_perpanjang(akses=h.akses, peserta=p, versi=d["versi"], tenggat=d["tenggat"])
        elif d["dikunci"] in ("0", "1"):
            svc.peserta_kunci(
                akses=h.akses, peserta=p, versi=d["versi"], dikunci=d["dikunci"] == "1"
            )
        else:
            analis = _analis_pilihan(p.instansi_id).filter(pk=d["analis"]).first()
            svc.peserta_tetapkan_analis(akses=h.akses, peserta=p, versi=d["versi"], analis=analis)
    if hasil.gagal:
        return _tampil_ulang(request, p, atur=form)
    messages.success(request, _("Pengaturan perangkat daerah disimpan."))
    return _kembali(request, p)


@require_POST
@halaman_instansi
def temuan_akui(request, kegiatan_id: int, peserta_id: int):
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    p = sel.peserta_ambil(akses=h.akses, kegiatan=k, peserta_id=peserta_id)
    form = AkuiForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        with layanan(form=form) as hasil:
            svc.temuan_akui(
                akses=h.akses, peserta=p, kode=d["kode"], objek=d["objek"], catatan=d["catatan"]
            )
        if hasil.berhasil:
            messages.success(request, _("Tanggapan atas peringatan disimpan."))
            return _kembali(request, p)
    kunci = (request.POST.get("kode"), request.POST.get("objek", ""))
    return _tampil_ulang(request, p, form_akui=form, akui_kunci=kunci)


@require_POST
@halaman_instansi
def catatan_buat(request, kegiatan_id: int, peserta_id: int):
    h = request.halaman
    k = sel.kegiatan_ambil(akses=h.akses, kegiatan_id=kegiatan_id)
    p = sel.peserta_ambil(akses=h.akses, kegiatan=k, peserta_id=peserta_id)
    pastikan_analis(h.akses)
    form = CatatanForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        jabatan = (
            Jabatan.objects.filter(pk=d["jabatan"], struktur=k.struktur)
            .select_related("unit")
            .first()
        )
        tugas = Tugas.objects.filter(pk=d["tugas"]).first() if d["tugas"] else None
        if jabatan is None:
            raise TidakDitemukan("Jabatan tidak ditemukan.")
        with layanan(form=form) as hasil:
            svc.catatan_buat(
                akses=h.akses,
                peserta=p,
                jabatan=jabatan,
                sasaran=d["sasaran"],
                isi=d["isi"],
                butir=d["butir"],
                tugas=tugas,
            )
        if hasil.berhasil:
            messages.success(request, _("Catatan disimpan."))
            return redirect(_url(request, "peserta", k.pk, p.pk) + f"#jabatan-{jabatan.pk}")
    return _tampil_ulang(request, p, form_catatan=form)


@require_POST
@halaman_instansi
def catatan_selesaikan(request, catatan_id: int):
    h = request.halaman
    c = sel.catatan_ambil(akses=h.akses, catatan_id=catatan_id)
    form = SelesaikanForm(request.POST)
    form.is_valid()
    d = form.cleaned_data
    with layanan(request) as hasil:
        svc.catatan_selesaikan(
            akses=h.akses, catatan=c, versi=d.get("versi"), tanggapan=d.get("tanggapan", "")
        )
    if hasil.berhasil:
        messages.success(request, _("Catatan ditandai selesai."))
    return _kembali(request, c.peserta)


@require_POST
@halaman_instansi
def catatan_hapus(request, catatan_id: int):
    h = request.halaman
    c = sel.catatan_ambil(akses=h.akses, catatan_id=catatan_id)
    form = SelesaikanForm(request.POST)
    form.is_valid()
    with layanan(request) as hasil:
        svc.catatan_hapus(akses=h.akses, catatan=c, versi=form.cleaned_data.get("versi"))
    if hasil.berhasil:
        messages.success(request, _("Catatan ditarik."))
    return _kembali(request, c.peserta)
