"""Pages: the nomenklatur workbench of a version, its checks, the decision document, the kamus.

The version is the one picked in the header (`?versi=`); decisions are possible on a draft only
(the services refuse otherwise), every other version is shown read-only.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from ramping.aturan import versi_nomenklatur
from ramping.aturan.nomenklatur import katalog_nomenklatur
from ramping.aturan.saran_nomenklatur import daftar_nomenklatur, normal
from ramping.errors import KumpulanGalat, TidakDitemukan
from ramping.jabatan.models import Jabatan
from ramping.nomenklatur import selectors as sel
from ramping.nomenklatur import services
from ramping.organisasi.models import Struktur
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi

KLASIFIKASI = ("Klerek", "Operator", "Teknisi")
SARINGAN = ("opd", "status", "klasifikasi", "cari")


def _struktur(request) -> Struktur:
    s = request.halaman.struktur
    if s is None:
        raise TidakDitemukan("Belum ada versi struktur.")
    return s


def _saringan(data) -> dict[str, str]:
    return {k: data.get(k, "").strip() for k in SARINGAN}


def _baris(request, s: Struktur, f: dict[str, str]) -> list[sel.BarisMeja]:
    return sel.baris_meja(
        akses=request.halaman.akses,
        struktur=s,
        opd_kode=f["opd"],
        status=f["status"],
        klasifikasi=f["klasifikasi"],
        cari=f["cari"],
    )


def _kembali(request, f: dict[str, str]):
    from urllib.parse import urlencode

    q = {k: v for k, v in f.items() if v}
    q["versi"] = request.halaman.struktur.pk
    return redirect(
        reverse("nomenklatur:meja", args=[request.halaman.instansi.kode]) + "?" + urlencode(q)
    )


@halaman_instansi
def meja(request):
    """The workbench: one row per pelaksana post with up to three ranked suggestions."""
    s = _struktur(request)
    f = _saringan(request.GET)
    semua = sel.baris_meja(akses=request.halaman.akses, struktur=s)
    hitung = {k: 0 for k in sel.LABEL_STATUS}
    for b in semua:
        hitung[b.status] += 1
    baris = [
        b
        for b in semua
        if (not f["opd"] or b.opd.kode == f["opd"])
        and (not f["status"] or b.status == f["status"])
        and (not f["klasifikasi"] or b.klasifikasi == f["klasifikasi"])
        and (
            not f["cari"]
            or normal(f["cari"]) in normal(f"{b.jabatan.nama} {b.nama_lama} {b.jalur}")
        )
    ]
    opd = sorted({b.opd.pk: b.opd for b in semua}.values(), key=lambda u: u.path)
    return render(
        request,
        "nomenklatur/meja.html",
        {
            "aktif": "nomenklatur",
            "s": s,
            "draf": s.status == Struktur.Status.DRAFT,
            "baris": baris,
            "status_kartu": [(k, label, hitung[k]) for k, label in sel.LABEL_STATUS.items()],
            "jumlah": len(semua),
            "perlu_tampil": sum(1 for b in baris if b.status == sel.PERLU and b.teratas),
            "f": f,
            "opd": opd,
            "status_pilihan": list(sel.LABEL_STATUS.items()),
            "klasifikasi": KLASIFIKASI,
            "katalog": sorted(katalog_nomenklatur()),
            "pemeriksaan": sel.periksa(semua),
        },
    )


def _jabatan(request, s: Struktur, ids: list[int]) -> list[Jabatan]:
    jab = list(Jabatan.objects.filter(struktur=s, pk__in=ids).select_related("unit", "struktur"))
    if len(jab) != len(set(ids)):
        raise TidakDitemukan("Jabatan tidak ditemukan pada versi ini.")
    return jab


def _ids(nilai: list[str]) -> list[int]:
    hasil = []
    for v in nilai:
        for bagian in v.split(","):
            b = bagian.strip()
            if b.isdigit() and len(b) <= 9:  # a database id, not an overflow
                hasil.append(int(b))
    return hasil


@require_POST
@halaman_instansi
def putuskan(request):
    """One POST for every decision of the workbench (`aksi`)."""
    s = _struktur(request)
    akses = request.halaman.akses
    f = _saringan(request.POST)
    aksi = request.POST.get("aksi", "")
    with layanan(request) as hasil:
        if aksi == "terima_semua":
            # Accept the top suggestion of every filtered row that still needs a decision.
            baris = [b for b in _baris(request, s, f) if b.status == sel.PERLU and b.teratas]
            if not baris:
                raise services.KeputusanTidakSah("Tidak ada baris yang perlu keputusan.")
            r = services.nomenklatur_terima_saran(
                akses=akses,
                jabatan_list=_jabatan(request, s, [b.jabatan.pk for b in baris]),
                pilihan={b.jabatan.pk: b.teratas.nama for b in baris},
            )
        elif aksi in ("putuskan", "pertahankan"):
            ids = _ids(request.POST.getlist("jabatan"))
            nama = request.POST.get("nama_lain", "").strip() or request.POST.get("nama", "")
            # Every missing choice in one round (the services check each again).
            kurang = KumpulanGalat()
            if not ids:
                kurang.tambah("jabatan", "Pilih sedikitnya satu jabatan pelaksana.")
            if aksi == "putuskan" and not nama.strip():
                kurang.tambah("nama", "Pilih nama baku atau tulis nama jabatan baru.")
            if aksi == "pertahankan" and not request.POST.get("alasan", "").strip():
                kurang.tambah("alasan", "Alasan mempertahankan nama wajib diisi.")
            kurang.lempar()
            jab = _jabatan(request, s, ids)
            if request.POST.get("sama_nama"):
                # Same decision for every post of the version with this old name that the user
                # may change (the service still checks each).
                semua = _baris(request, s, dict.fromkeys(SARINGAN, ""))
                kunci = {normal(b.nama_lama) for b in semua if b.jabatan.pk in ids}
                lain = [
                    b.jabatan.pk
                    for b in semua
                    if normal(b.nama_lama) in kunci and b.status != sel.BAKU
                ]
                jab = _jabatan(request, s, sorted(set(ids) | set(lain)))
            if aksi == "putuskan":
                r = services.nomenklatur_putuskan(akses=akses, jabatan_list=jab, nama_baru=nama)
            else:
                r = services.nomenklatur_pertahankan(
                    akses=akses, jabatan_list=jab, alasan=request.POST.get("alasan", "")
                )
        elif aksi == "gabung":
            r = services.nomenklatur_gabung(
                akses=akses,
                jabatan_list=_jabatan(request, s, _ids(request.POST.getlist("jabatan"))),
            )
        else:
            raise services.KeputusanTidakSah("Aksi tidak dikenal.")
    if hasil.berhasil:
        messages.success(
            request,
            gettext("%(r)s. Dapat dibatalkan dari riwayat perubahan skenario.")
            % {"r": r.ringkasan},
        )
    return _kembali(request, f)


@halaman_instansi
def pemeriksaan(request):
    s = _struktur(request)
    semua = sel.baris_meja(akses=request.halaman.akses, struktur=s)
    return render(
        request,
        "nomenklatur/periksa.html",
        {
            "aktif": "nomenklatur",
            "s": s,
            "draf": s.status == Struktur.Status.DRAFT,
            "p": sel.periksa(semua),
        },
    )


@halaman_instansi
def periksa_daftar(request):
    """The version's pelaksana posts whose names a loaded Kepmen list (``?daftar=``, newest by
    default) does not carry, with that list's successor or suggestions."""
    s = _struktur(request)
    dimuat = versi_nomenklatur.daftar_dimuat()
    if not dimuat:
        raise TidakDitemukan("Belum ada daftar nomenklatur yang dimuat.")
    kode = request.GET.get("daftar", "").strip() or dimuat[-1].kode
    try:
        p = sel.periksa_daftar(akses=request.halaman.akses, struktur=s, kode=kode)
    except versi_nomenklatur.DaftarTidakDimuat as e:
        raise TidakDitemukan("Daftar nomenklatur tidak dikenal atau belum dimuat.") from e
    return render(
        request,
        "nomenklatur/periksa_daftar.html",
        {
            "aktif": "nomenklatur",
            "s": s,
            "p": p,
            "dimuat": dimuat,
            "belum_dimuat": [
                d for d in versi_nomenklatur.daftar_nomenklatur() if not (d.dimuat and d.berkas)
            ],
        },
    )


@halaman_instansi
def lampiran(request, format: str):
    """The lampiran keputusan penyesuaian nomenklatur (XLSX, DOCX, PDF)."""
    from ramping.nomenklatur.ekspor import FORMAT, lampiran_berkas

    if format not in FORMAT:
        raise TidakDitemukan("Format tidak tersedia.")
    s = _struktur(request)
    opd = request.GET.get("opd", "")
    b = lampiran_berkas(akses=request.halaman.akses, struktur=s, format=format, opd_kode=opd)
    resp = HttpResponse(b.isi, content_type=b.mime)
    resp["Content-Disposition"] = f'attachment; filename="{b.nama}"'
    return resp


@halaman_instansi
def kamus(request):
    h = request.halaman
    cari = request.GET.get("cari", "").strip()
    kl = request.GET.get("klasifikasi", "")
    return render(
        request,
        "nomenklatur/kamus.html",
        {
            "aktif": "nomenklatur",
            "s": h.struktur,
            "entri": sel.kamus_pelaksana(
                akses=h.akses, struktur=h.struktur, cari=cari, klasifikasi=kl
            ),
            "cari": cari,
            "kl": kl,
            "klasifikasi": KLASIFIKASI,
            "daftar": daftar_nomenklatur(),
        },
    )


@halaman_instansi
def kamus_jf(request):
    h = request.halaman
    cari = request.GET.get("cari", "").strip()
    return render(
        request,
        "nomenklatur/kamus_jf.html",
        {
            "aktif": "nomenklatur",
            "s": h.struktur,
            "entri": sel.kamus_jf(akses=h.akses, struktur=h.struktur, cari=cari),
            "cari": cari,
        },
    )
