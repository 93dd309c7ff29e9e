"""Pegawai: searchable, filterable list and one person's page."""

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ramping.jabatan.models import JenisJabatan
from ramping.organisasi.selectors import opd_daftar
from ramping.pegawai.golongan import GOLONGAN_PNS, GOLONGAN_PPPK
from ramping.pegawai.models import Pegawai, Pendidikan
from ramping.pegawai.nip import NipTidakValid, urai_nip
from ramping.pegawai.selectors import (
    SaringanPegawai,
    bup_pegawai,
    pegawai_ambil,
    pegawai_daftar,
    penempatan_riwayat,
)
from ramping.web.halaman import halaman_instansi
from ramping.web.potongan import markah

PER_HALAMAN = 50


def _pilihan(kosong, choices):
    return [("", kosong), *choices]


class SaringanForm(forms.Form):
    cari = forms.CharField(label=_("Cari NIP atau nama"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status ASN"), required=False, choices=_pilihan(_("Semua"), Pegawai.Status.choices)
    )
    opd = forms.ChoiceField(label=_("Perangkat daerah"), required=False)
    jenis = forms.ChoiceField(
        label=_("Jenis jabatan"),
        required=False,
        choices=_pilihan(_("Semua jenis"), JenisJabatan.choices),
    )
    golongan = forms.ChoiceField(
        label=_("Golongan"),
        required=False,
        choices=_pilihan(_("Semua"), [(g, g) for g in GOLONGAN_PNS + GOLONGAN_PPPK]),
    )
    pendidikan = forms.ChoiceField(
        label=_("Pendidikan"), required=False, choices=_pilihan(_("Semua"), Pendidikan.choices)
    )
    bup = forms.IntegerField(
        label=_("Mencapai BUP dalam (tahun)"),
        required=False,
        min_value=0,
        max_value=40,
        error_messages={
            "invalid": _("Isi dengan bilangan bulat, mis. 5."),
            "min_value": _("Tidak boleh kurang dari 0 tahun."),
            "max_value": _("Paling banyak 40 tahun."),
        },
    )

    def __init__(self, *args, opd: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].choices = _pilihan(
            _("Semua perangkat daerah"), [(u.kode, u.nama) for u in opd]
        )


def format_nip(nip: str) -> str:
    """19800101 200501 1 001: the groups people read a NIP in."""
    if len(nip) != 18:
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


@halaman_instansi
def daftar(request):
    h = request.halaman

    def konteks() -> dict:
        """The filter form, one page of people with their active position and pension age."""
        opd = opd_daftar(akses=h.akses, struktur=h.struktur) if h.struktur else []
        form = SaringanForm(request.GET or None, opd=opd)
        halaman_pegawai = None
        baris = []
        if h.struktur is not None and (not form.is_bound or form.is_valid()):
            d = form.cleaned_data if form.is_bound else {}
            path_opd = {u.kode: u.path for u in opd}
            saring = SaringanPegawai(
                cari=d.get("cari", ""),
                status_asn=d.get("status", ""),
                opd_path=path_opd.get(d.get("opd", ""), ""),
                jenis=d.get("jenis", ""),
                golongan=d.get("golongan", ""),
                pendidikan=d.get("pendidikan", ""),
                bup_dalam_tahun=d.get("bup"),
            )
            qs = pegawai_daftar(akses=h.akses, struktur=h.struktur, saring=saring)
            halaman_pegawai = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("hal"))
            nama_opd = {u.path: u for u in opd}
            for p in halaman_pegawai:
                aktif = p.penempatan_aktif[0] if p.penempatan_aktif else None
                jabatan = aktif.jabatan if aktif else None
                bup, pensiun = bup_pegawai(p, jabatan)
                baris.append(
                    {
                        "pegawai": p,
                        "nip": format_nip(p.nip),
                        "jabatan": jabatan,
                        "opd": nama_opd.get(jabatan.unit.path_opd) if jabatan else None,
                        "bup": bup,
                        "pensiun": pensiun,
                    }
                )
        return {"form": form, "halaman_pegawai": halaman_pegawai, "baris": baris}

    # The page's content, cached by the agency's change counter (ramping.web.potongan): the
    # filter form prints the query string (the key's parameter); "reaches BUP within n years"
    # counts from today (the day is in the key). A name or NIP search is drawn per request.
    isi_html = markah(
        request,
        "pegawai_daftar",
        (timezone.localdate(), sorted(request.GET.lists())),
        "web/pegawai/daftar_isi.html",
        konteks,
        simpan=not request.GET.get("cari", "").strip(),
    )
    return render(request, "web/pegawai/daftar.html", {"aktif": "pegawai", "isi_html": isi_html})


@halaman_instansi
def pegawai(request, pegawai_id: int):
    h = request.halaman
    p = pegawai_ambil(akses=h.akses, pegawai_id=pegawai_id)
    riwayat = penempatan_riwayat(akses=h.akses, pegawai=p)
    kini = next(
        (r for r in riwayat if h.struktur and r.struktur_id == h.struktur.pk and not r.tmt_selesai),
        None,
    )
    try:
        isi_nip = urai_nip(p.nip, status_asn=p.status_asn)
    except NipTidakValid:
        isi_nip = None
    bup, pensiun = bup_pegawai(p, kini.jabatan if kini else None)
    return render(
        request,
        "web/pegawai/pegawai.html",
        {
            "aktif": "pegawai",
            "pegawai": p,
            "nip": format_nip(p.nip),
            "isi_nip": isi_nip,
            "riwayat": riwayat,
            "kini": kini,
            "bup": bup,
            "pensiun": pensiun,
        },
    )
