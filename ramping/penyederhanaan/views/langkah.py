"""Confirm a destructive scenario step, and the scenario's change log with undo (#12 item 2).

Removing or merging a unit is never one click: the buttons lead here, where the step is run for
real inside a transaction that is rolled back (`langkah.pratinjau`), so the page lists exactly
what the confirmation will do (positions moved, people affected, penyetaraan entries created).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from ramping.errors import RampingError, TidakDitemukan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.selectors import struktur_ambil, unit_di_versi, unit_jalur
from ramping.penyederhanaan import services
from ramping.penyederhanaan.langkah import (
    langkah_ambil,
    langkah_batalkan,
    langkah_bergantung,
    pratinjau,
    ringkas_efek,
    riwayat_langkah,
)
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi, selaraskan_versi

AKSI_BERBAHAYA = ("unit_hapus", "unit_gabung")


def _angka(nilai: str | None) -> int | None:
    """An id from a form or query string; anything but digits is no id (never a 500)."""
    return int(nilai) if nilai and nilai.isdigit() else None


def _unit(struktur: Struktur, nilai: str | None) -> UnitKerja:
    return unit_di_versi(struktur=struktur, unit_id=_angka(nilai))


def _skenario(request, s: Struktur, opd: int | None):
    url = reverse("penyederhanaan:skenario", args=[request.halaman.instansi.kode, s.pk])
    return redirect(f"{url}?opd={opd}" if opd else url)


def jalankan_langkah(akses, s: Struktur, data) -> tuple:
    """The one dispatch of a destructive step from form data: the preview and the confirmed
    click call the same service with the same arguments."""
    aksi = data.get("aksi")
    unit = _unit(s, data.get("unit"))
    if aksi == "unit_hapus":
        kjf = data.get("kelompok_jf") == "1"
        return unit, None, lambda: services.unit_hapus(akses=akses, unit=unit, ke_kelompok_jf=kjf)
    if aksi == "unit_gabung":
        if not _angka(data.get("ke")):
            # A choice left empty: a message on the page, not a 404.
            raise RampingError(gettext("Pilih unit tujuan penggabungan."), field="ke")
        ke = _unit(s, data.get("ke"))
        return unit, ke, lambda: services.unit_gabung(akses=akses, unit=unit, ke=ke)
    raise TidakDitemukan("Aksi tidak dikenal.")


@halaman_instansi
def konfirmasi(request, struktur_id: int):
    s = struktur_ambil(akses=request.halaman.akses, struktur_id=struktur_id)
    selaraskan_versi(request, s.pk)
    opd = _angka(request.GET.get("opd"))
    with layanan(request, lolos=()) as hasil:
        unit, ke, fungsi = jalankan_langkah(request.halaman.akses, s, request.GET)
        hasil_lebur, efek = pratinjau(fungsi)
    if hasil.gagal:
        return _skenario(request, s, opd)
    return render(
        request,
        "penyederhanaan/konfirmasi.html",
        {
            "aktif": "penyederhanaan",
            "bagian": "beranda",
            "s": s,
            "aksi": request.GET.get("aksi"),
            "unit": unit,
            "jalur": unit_jalur(unit=unit),
            "ke": ke,
            "jalur_ke": unit_jalur(unit=ke) if ke else "",
            "kelompok_jf": request.GET.get("kelompok_jf") == "1",
            "opd": opd,
            "hasil": hasil_lebur,
            "efek": efek,
        },
    )


@halaman_instansi
def riwayat(request, struktur_id: int):
    s = struktur_ambil(akses=request.halaman.akses, struktur_id=struktur_id)
    selaraskan_versi(request, s.pk)
    langkah = riwayat_langkah(akses=request.halaman.akses, struktur=s)
    for lk in langkah:
        lk.efek = ringkas_efek(lk)
    return render(
        request,
        "penyederhanaan/riwayat.html",
        {
            "aktif": "penyederhanaan",
            "bagian": "beranda",
            "s": s,
            "langkah": list(reversed(langkah)),
            "bisa_ubah": s.status == Struktur.Status.DRAFT,
        },
    )


@halaman_instansi
def batal(request, struktur_id: int, langkah_id: int):
    """GET: what the undo will also undo; POST: undo it (`langkah_batalkan`)."""
    akses = request.halaman.akses
    s = struktur_ambil(akses=akses, struktur_id=struktur_id)
    selaraskan_versi(request, s.pk)
    langkah = langkah_ambil(akses=akses, struktur=s, langkah_id=langkah_id)
    kembali = reverse("penyederhanaan:riwayat", args=[request.halaman.instansi.kode, s.pk])
    if request.method == "POST":
        with layanan(request, lolos=()) as hasil:
            urutan = langkah_batalkan(akses=akses, langkah=langkah)
        if hasil.berhasil:
            messages.success(
                request,
                gettext("Dibatalkan: %(langkah)s.") % {"langkah": langkah.ringkasan}
                + (
                    " "
                    + gettext("Juga dibatalkan %(n)s langkah sesudahnya yang bergantung padanya.")
                    % {"n": len(urutan) - 1}
                    if len(urutan) > 1
                    else ""
                ),
            )
        return redirect(kembali)
    if langkah.dibatalkan is not None:
        messages.info(request, gettext("Langkah ini sudah dibatalkan."))
        return redirect(kembali)
    return render(
        request,
        "penyederhanaan/batal.html",
        {
            "aktif": "penyederhanaan",
            "bagian": "beranda",
            "s": s,
            "langkah": langkah,
            "efek": ringkas_efek(langkah),
            "bergantung": langkah_bergantung(langkah),
            "bisa_ubah": s.status == Struktur.Status.DRAFT,
        },
    )
