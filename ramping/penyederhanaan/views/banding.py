"""Compare two versions: page with SVG charts, XLSX and PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from ramping.laporan.renderers import MIME
from ramping.laporan.renderers import render as render_dokumen
from ramping.organisasi.selectors import struktur_ambil
from ramping.penyederhanaan.ekspor import dokumen_perbandingan, metrik_baris
from ramping.penyederhanaan.selectors import bandingkan_versi
from ramping.web.grafik import grafik_kolom
from ramping.web.halaman import halaman_instansi

TAMPIL_MAKS = 300  # rows per list on the page; the exports are complete


def _pilihan(request):
    h = request.halaman
    versi = h.daftar_versi
    if len(versi) < 2:
        return None
    a, b = request.GET.get("lama", ""), request.GET.get("baru", "")
    if a.isdigit() and b.isdigit():
        lama = struktur_ambil(akses=h.akses, struktur_id=int(a))
        baru = struktur_ambil(akses=h.akses, struktur_id=int(b))
    else:  # default: the version in force against the one it was derived from
        baru = next((s for s in versi if s.status == "berlaku"), versi[0])
        lama = baru.turunan_dari or next(s for s in versi if s.pk != baru.pk)
    return bandingkan_versi(akses=h.akses, lama=lama, baru=baru)


def _dua(data_lama: dict, data_baru: dict, kunci: list) -> tuple:
    return (
        grafik_kolom([(str(k), data_lama.get(k, 0), "") for k in kunci], lebar=420, tinggi=200),
        grafik_kolom([(str(k), data_baru.get(k, 0), "") for k in kunci], lebar=420, tinggi=200),
    )


@halaman_instansi
def bandingkan(request):
    b = _pilihan(request)
    grafik = []
    if b is not None:
        ml, mb = b.metrik_lama, b.metrik_baru
        eselon = sorted(set(ml.struktural) | set(mb.struktural))
        rentang = sorted(set(ml.rentang_hist) | set(mb.rentang_hist))
        kelas = sorted(set(ml.kelas) | set(mb.kelas))
        lapisan = sorted(set(ml.lapisan) | set(mb.lapisan))
        grafik = [
            ("Jabatan struktural per eselon", *_dua(ml.struktural, mb.struktural, eselon)),
            ("Lapisan di bawah kepala OPD (jumlah OPD)", *_dua(ml.lapisan, mb.lapisan, lapisan)),
            (
                "Rentang kendali (jumlah unit per banyaknya bawahan)",
                *_dua(ml.rentang_hist, mb.rentang_hist, rentang),
            ),
            ("Jabatan per kelas", *_dua(ml.kelas, mb.kelas, kelas)),
        ]
    return render(
        request,
        "penyederhanaan/bandingkan.html",
        {
            "aktif": "penyederhanaan",
            "b": b,
            "grafik": grafik,
            "maks": TAMPIL_MAKS,
            "metrik": metrik_baris(b) if b else [],
            "hitung_unit": b.hitung("unit") if b else {},
            "hitung_jabatan": b.hitung("jabatan") if b else {},
            "unit_beda": [p for p in b.unit if p.status != "tetap"] if b else [],
            "jabatan_beda": [p for p in b.jabatan if p.status != "tetap"][:TAMPIL_MAKS]
            if b
            else [],
        },
    )


@halaman_instansi
def unduh(request, format: str):
    if format not in ("xlsx", "pdf"):
        raise Http404
    b = _pilihan(request)
    if b is None:
        raise Http404
    isi = render_dokumen(dokumen_perbandingan(b, request.halaman.instansi.nama), format)
    respons = HttpResponse(isi, content_type=MIME[format])
    respons["Content-Disposition"] = f'attachment; filename="perbandingan-versi.{format}"'
    return respons
