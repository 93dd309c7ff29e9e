"""Dashboard of one agency and Struktur version: counts, B/K/± and two SVG charts."""

from collections import Counter

from django.shortcuts import render
from django.urls import reverse

from ramping.jabatan.models import JenisJabatan
from ramping.jabatan.selectors import pohon_jabatan, rekap_total
from ramping.pegawai.selectors import pegawai_rekap
from ramping.penataan.selectors import kegiatan_berjalan_opd, ringkasan_dasbor
from ramping.web.grafik import grafik_bk, grafik_kolom
from ramping.web.halaman import halaman_instansi


@halaman_instansi
def dasbor(request):
    h = request.halaman
    konteks = {
        "aktif": "dasbor",
        # The running penataan round: its totals (analysts, leaders) or the operator's own OPD.
        "penataan": ringkasan_dasbor(akses=h.akses),
        "penataan_opd": kegiatan_berjalan_opd(akses=h.akses),
    }
    if h.struktur is None:
        return render(request, "web/dasbor.html", konteks)
    akar = pohon_jabatan(akses=h.akses, struktur=h.struktur)
    semua = [j for node in akar for n in node.telusuri() for j in n.jabatan]
    versi = f"versi={h.struktur.pk}"
    kode = h.instansi.kode
    peta = reverse("web:peta", args=[kode])
    per_jenis = Counter(j.jenis for j in semua)
    per_kelas = Counter(j.kelas for j in semua)
    kolom_kelas = [(str(k), per_kelas.get(k, 0), "") for k in range(1, 18)]
    if per_kelas.get(None):
        kolom_kelas.append(("–", per_kelas[None], ""))
    opd_bk = [
        (
            node.unit.singkatan or node.unit.nama,
            reverse("web:peta_unit", args=[kode, node.unit.pk]),
            node.rekap.b,
            node.rekap.k if node.rekap.k_diketahui else None,
        )
        for node in akar
    ]
    konteks.update(
        total=rekap_total(akar),
        jumlah_opd=len(akar),
        jumlah_unit=sum(1 for node in akar for _n in node.telusuri()),
        per_jenis=[
            (j.label, per_jenis.get(j.value, 0), f"{peta}?{versi}&jenis={j.value}")
            for j in JenisJabatan
        ],
        pegawai=pegawai_rekap(akses=h.akses, struktur=h.struktur),
        grafik_kelas=grafik_kolom(kolom_kelas),
        # Drawn at the width it is shown (the full page), so labels keep their size.
        grafik_opd=grafik_bk(opd_bk, lebar=1120),
        peta_url=f"{peta}?{versi}",
        pegawai_url=f"{reverse('web:pegawai_daftar', args=[kode])}?{versi}",
    )
    return render(request, "web/dasbor.html", konteks)
