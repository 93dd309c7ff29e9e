"""Evaluasi jabatan tab (PermenPAN-RB 34/2011): a level per factor with its justification.

The struktural (7 items) or fungsional (9 factors) family comes from `kelompok_faktor`. The
running total in the browser is a convenience (static/web/jabatan.js); the nilai and kelas
that count are the ones `evaluasi_simpan` computes. Only analysts and admins edit.
"""

import json
from datetime import date

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from ramping import aturan
from ramping.errors import TidakDitemukan
from ramping.jabatan.kewajaran import kewajaran_jabatan
from ramping.jabatan.selectors import RingkasanJabatan, evaluasi_ambil
from ramping.jabatan.services import (
    evaluasi_buka_kembali,
    evaluasi_catat_alasan_kelas,
    evaluasi_simpan,
    evaluasi_simpan_tetapkan,
)
from ramping.jabatan.services.evaluasi import kelompok_faktor, periksa_tingkat
from ramping.web.galat import layanan
from ramping.web.halaman import halaman_instansi
from ramping.web.views.jabatan_bersama import buka, tampilkan, url_tab, versi_kiriman


def _isian_tersimpan(evaluasi) -> dict:
    if evaluasi is None:
        return {"tingkat": {}, "alasan": {}, "tim_evaluator": "", "tanggal": "", "versi": 0}
    return {
        "tingkat": evaluasi.tingkat,
        "alasan": evaluasi.alasan,
        "tim_evaluator": evaluasi.tim_evaluator,
        "tanggal": evaluasi.tanggal.isoformat() if evaluasi.tanggal else "",
        "versi": evaluasi.versi,
    }


def konteks(
    r: RingkasanJabatan,
    *,
    isian: dict | None = None,
    galat: dict | None = None,
    alasan_kelas: str | None = None,
):
    jabatan = r.jabatan
    evaluasi = evaluasi_ambil(jabatan=jabatan)
    jenis = kelompok_faktor(jabatan)
    isian = isian or _isian_tersimpan(evaluasi)
    galat = galat or {}
    faktor = []
    for f in aturan.faktor_evaluasi(jenis):
        pilih = isian["tingkat"].get(f.kode, "")
        dipilih = f.cari(pilih)
        faktor.append(
            {
                "f": f,
                "pilih": pilih,
                "nilai": dipilih.nilai if dipilih else None,
                "alasan": isian["alasan"].get(f.kode, ""),
                "galat": galat.get(f.kode, ""),
            }
        )
    ditetapkan = evaluasi is not None and evaluasi.status == evaluasi.Status.DITETAPKAN
    # The reference kelas and the superior/subordinate check, with the reason recorded
    # (ramping.jabatan.kewajaran): two queries.
    kewajaran = kewajaran_jabatan(jabatan)
    return {
        "evaluasi": evaluasi,
        "jenis_evaluasi": jenis,
        "faktor": faktor,
        "isian_evaluasi": isian,
        "galat_evaluasi": galat,
        "ditetapkan": ditetapkan,
        "boleh_isi": r.boleh_evaluasi and not ditetapkan,
        "kelas_bawahan": kewajaran.kelas_bawahan,
        "kewajaran": kewajaran,
        "boleh_alasan_kelas": r.boleh_evaluasi and evaluasi is not None,
        "isian_alasan_kelas": kewajaran.alasan if alasan_kelas is None else alasan_kelas,
        # Lower bounds of kelas 1–17 (Lampiran 3.3) for the running total in the browser.
        "batas_kelas": json.dumps([b.batas_bawah for b in aturan.tabel_kelas()]),
    }


def _baca(post, jenis: str) -> dict:
    kode = [f.kode for f in aturan.faktor_evaluasi(jenis)]
    return {
        "tingkat": {k: post.get(f"tingkat.{k}", "") for k in kode if post.get(f"tingkat.{k}")},
        "alasan": {k: post.get(f"alasan.{k}", "") for k in kode},
        "tim_evaluator": post.get("tim_evaluator", ""),
        "tanggal": post.get("tanggal", ""),
        "versi": post.get("versi", ""),
    }


def _simpan(request, jabatan_id: int, *, tetapkan: bool):
    r = buka(request, jabatan_id)
    akses = request.halaman.akses
    isian = _baca(request.POST, kelompok_faktor(r.jabatan))
    versi = versi_kiriman(request)
    try:
        tanggal = date.fromisoformat(isian["tanggal"]) if isian["tanggal"] else None
    except ValueError:
        # Said together with any wrong factor level (one round for every error).
        galat = {"tanggal": gettext("Tanggal tidak valid; contoh 2026-11-30.")}
        with layanan() as hasil:
            periksa_tingkat(kelompok_faktor(r.jabatan), isian["tingkat"])
        galat |= hasil.per_medan(umum=(None, "tingkat"))
        return tampilkan(request, r, "evaluasi", konteks(r, isian=isian, galat=galat))
    simpan = evaluasi_simpan_tetapkan if tetapkan else evaluasi_simpan
    with layanan() as hasil:
        evaluasi = simpan(
            akses=akses,
            jabatan=r.jabatan,
            versi=versi,
            tingkat=isian["tingkat"],
            alasan=isian["alasan"],
            tim_evaluator=isian["tim_evaluator"],
            tanggal=tanggal,
        )
    if hasil.berhasil:
        if tetapkan:
            pesan = gettext("Evaluasi jabatan ditetapkan: kelas %(kelas)s.") % {
                "kelas": evaluasi.kelas
            }
        else:
            pesan = gettext("Evaluasi jabatan disimpan sebagai draf.")
        messages.success(request, pesan)
        return redirect(url_tab(request, jabatan_id, "evaluasi"))
    return tampilkan(
        request,
        r,
        "evaluasi",
        konteks(r, isian=isian, galat=hasil.per_medan(umum=(None, "tingkat"))),
    )


@require_POST
@halaman_instansi
def simpan(request, jabatan_id: int):
    return _simpan(request, jabatan_id, tetapkan=False)


@require_POST
@halaman_instansi
def tetapkan(request, jabatan_id: int):
    """Save what is on screen and fix it, in one transaction (nothing is kept on error)."""
    return _simpan(request, jabatan_id, tetapkan=True)


def _evaluasi_tersimpan(r):
    """The position's saved evaluation, which reopening and the kelas reason act on."""
    evaluasi = evaluasi_ambil(jabatan=r.jabatan)
    if evaluasi is None:
        raise TidakDitemukan("Evaluasi jabatan tidak ditemukan.")
    return evaluasi


@require_POST
@halaman_instansi
def buka_kembali(request, jabatan_id: int):
    r = buka(request, jabatan_id)
    evaluasi = _evaluasi_tersimpan(r)
    with layanan() as hasil:
        evaluasi_buka_kembali(
            akses=request.halaman.akses,
            evaluasi=evaluasi,
            versi=versi_kiriman(request),
        )
    if hasil.gagal:
        return tampilkan(request, r, "evaluasi", konteks(r, galat={"_": hasil.pesan}))
    messages.success(request, gettext("Evaluasi jabatan dibuka kembali sebagai draf."))
    return redirect(url_tab(request, jabatan_id, "evaluasi"))


@require_POST
@halaman_instansi
def alasan_kelas(request, jabatan_id: int):
    """Record why the evaluated kelas differs from its reference or its superior."""
    r = buka(request, jabatan_id)
    evaluasi = _evaluasi_tersimpan(r)
    alasan = request.POST.get("alasan_kelas", "")
    with layanan() as hasil:
        evaluasi_catat_alasan_kelas(
            akses=request.halaman.akses,
            evaluasi=evaluasi,
            versi=versi_kiriman(request),
            alasan=alasan,
        )
    if hasil.gagal:
        isi = konteks(r, galat=hasil.per_medan(), alasan_kelas=alasan)
        # Only the reason failed, not the evaluation: the banner says so (issue #17 item 3).
        isi["gagal_alasan_kelas"] = True
        return tampilkan(request, r, "evaluasi", isi)
    messages.success(request, gettext("Alasan perbedaan kelas dicatat."))
    return redirect(url_tab(request, jabatan_id, "evaluasi"))
