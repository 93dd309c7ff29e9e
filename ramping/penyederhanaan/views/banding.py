"""Compare two versions: page with SVG charts, XLSX and PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext

from ramping.laporan.kop import identitas_instansi
from ramping.laporan.renderers import MIME
from ramping.laporan.renderers import render as render_dokumen
from ramping.organisasi.selectors import struktur_ambil
from ramping.penyederhanaan.ekspor import dokumen_perbandingan
from ramping.penyederhanaan.grafik import grafik_pasangan
from ramping.penyederhanaan.perbandingan import pasangan_bawaan
from ramping.penyederhanaan.ringkasan import metrik_kelompok, per_opd, sorotan
from ramping.penyederhanaan.selectors import bandingkan_versi
from ramping.web.halaman import halaman_instansi

TAMPIL_MAKS = 60  # changed positions listed per OPD on the page; the exports are complete


def pasangan_dipilih(request):
    """The two versions in `?lama=&baru=`, else the default pair (before the simplification
    against the version in force); None with fewer than two versions. Used by the comparison
    and the leader's page."""
    h = request.halaman
    versi = h.daftar_versi
    if len(versi) < 2:
        return None
    a, b = request.GET.get("lama", ""), request.GET.get("baru", "")
    if a.isdigit() and b.isdigit():
        return (
            struktur_ambil(akses=h.akses, struktur_id=int(a)),
            struktur_ambil(akses=h.akses, struktur_id=int(b)),
        )
    return pasangan_bawaan(h.instansi.pk, versi)


def _pilihan(request):
    pasangan = pasangan_dipilih(request)
    if pasangan is None:
        return None
    lama, baru = pasangan
    return bandingkan_versi(akses=request.halaman.akses, lama=lama, baru=baru)


def _grafik(b) -> list[tuple[str, object, str]]:
    ml, mb = b.metrik_lama, b.metrik_baru

    def pasangan(lama: dict, baru: dict, label=str):
        kunci = sorted(set(lama) | set(baru))
        return grafik_pasangan([(label(k), lama.get(k, 0), baru.get(k, 0)) for k in kunci])

    return [
        (
            gettext("Jabatan struktural per eselon"),
            pasangan(ml.struktural, mb.struktural),
            gettext("Jumlah kepala unit menurut eselon."),
        ),
        (
            gettext("Jabatan per kelas jabatan"),
            pasangan(ml.kelas, mb.kelas),
            gettext("Semua jabatan (struktural, fungsional, pelaksana) menurut kelasnya."),
        ),
        (
            gettext("Rentang kendali"),
            pasangan(ml.rentang_hist, mb.rentang_hist),
            gettext("Banyaknya unit menurut jumlah unit struktural bawahannya."),
        ),
        (
            gettext("Unit struktural per lapisan"),
            pasangan(
                ml.per_level,
                mb.per_level,
                lambda n: gettext("Level %(n)s") % {"n": n},
            ),
            gettext(
                "Banyaknya unit berkepala pejabat struktural pada setiap lapisan pohon versi "
                "itu: level 1 = kepala perangkat daerah."
            ),
        ),
    ]


@halaman_instansi
def bandingkan(request):
    b = _pilihan(request)
    konteks = {"aktif": "penyederhanaan", "bagian": "bandingkan", "b": b, "maks": TAMPIL_MAKS}
    if b is not None:
        opd = per_opd(b)
        konteks.update(
            sorotan=sorotan(b),
            metrik=metrik_kelompok(b),
            grafik=_grafik(b),
            opd=opd,
            opd_berubah=[o for o in opd if o.ada_perubahan],
            hitung_unit=b.hitung_unit(),
            hitung_jabatan=b.hitung("jabatan"),
        )
    return render(request, "penyederhanaan/bandingkan.html", konteks)


@halaman_instansi
def unduh(request, format: str):
    if format not in ("xlsx", "pdf"):
        raise Http404
    b = _pilihan(request)
    if b is None:
        raise Http404
    # The PDF is read on paper: the position-by-position list stays in the XLSX.
    dok = dokumen_perbandingan(b, request.halaman.instansi.nama, rinci_jabatan=format == "xlsx")
    dok.identitas = identitas_instansi(
        instansi_id=request.halaman.akses.instansi_id,
        lingkup="Seluruh perangkat daerah",
        versi=f"{b.lama.nama} → {b.baru.nama}",
        tanggal_=timezone.localdate(),
    )
    isi = render_dokumen(dok, format)
    respons = HttpResponse(isi, content_type=MIME[format])
    respons["Content-Disposition"] = f'attachment; filename="perbandingan-versi.{format}"'
    return respons
