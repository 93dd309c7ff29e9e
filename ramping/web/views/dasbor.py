"""Dashboard of one agency and Struktur version: counts, B/K/± and two SVG charts."""

from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ramping.jabatan.models import JenisJabatan
from ramping.jabatan.rekap import rekap_versi
from ramping.pegawai.selectors import pegawai_rekap
from ramping.penataan.selectors import kegiatan_berjalan_opd, ringkasan_dasbor
from ramping.web.grafik import grafik_bk, grafik_kolom
from ramping.web.halaman import halaman_instansi
from ramping.web.peta_html import pola_url
from ramping.web.potongan import markah


def _svg(template: str, grafik, judul: str) -> str:
    """A chart's SVG (safe markup: the template escapes what it prints)."""
    return render_to_string(template, {"g": grafik, "judul": judul})


@halaman_instansi
def dasbor(request):
    h = request.halaman

    def konteks() -> dict:
        """The running penataan round (analysts and leaders: its totals; an operator: their own
        OPD), the version's totals and its charts."""
        isi = {
            "penataan": ringkasan_dasbor(akses=h.akses),
            "penataan_opd": kegiatan_berjalan_opd(akses=h.akses),
        }
        if h.struktur is not None:
            isi.update(_angka_versi(h))
        return isi

    # The page's content, cached by the agency's change counter (ramping.web.potongan): never
    # stale. The round's "late" count depends on the day, which is therefore in the key.
    isi_html = markah(request, "dasbor", (timezone.localdate(),), "web/dasbor_isi.html", konteks)
    return render(request, "web/dasbor.html", {"aktif": "dasbor", "isi_html": isi_html})


def _angka_versi(h) -> dict:
    """Totals and charts of the version shown."""
    # Totals only: no position tree (ramping.jabatan.rekap).
    rv = rekap_versi(akses=h.akses, struktur=h.struktur)
    versi = f"versi={h.struktur.pk}"
    kode = h.instansi.kode
    peta = reverse("web:peta", args=[kode])
    per_jenis, per_kelas = rv.per_jenis, rv.per_kelas
    kolom_kelas = [(str(k), per_kelas.get(k, 0), "") for k in range(1, 18)]
    if per_kelas.get(None):
        kolom_kelas.append(("–", per_kelas[None], ""))
    url_peta_unit = pola_url("web:peta_unit", kode)
    opd_bk = [
        (
            o.singkatan or o.nama,
            url_peta_unit(o.pk),
            o.rekap.b,
            o.rekap.k if o.rekap.k_diketahui else None,
        )
        for o in rv.opd
    ]
    return dict(
        total=rv.total,
        jumlah_opd=len(rv.opd),
        jumlah_unit=rv.jumlah_unit,
        per_jenis=[
            (j.label, per_jenis.get(j.value, 0), f"{peta}?{versi}&jenis={j.value}")
            for j in JenisJabatan
        ],
        pegawai=pegawai_rekap(akses=h.akses, struktur=h.struktur),
        svg_kelas=_svg(
            "web/grafik/kolom.svg.html",
            grafik_kolom(kolom_kelas),
            _("Jumlah jabatan per kelas jabatan"),
        ),
        # Drawn at the width it is shown (the full page), so labels keep their size.
        svg_opd=_svg(
            "web/grafik/bk.svg.html",
            grafik_bk(opd_bk, lebar=1120),
            _("B dan K per perangkat daerah"),
        ),
        peta_url=f"{peta}?{versi}",
        pegawai_url=f"{reverse('web:pegawai_daftar', args=[kode])}?{versi}",
    )
