"""The org chart's SVG written in Python (ramping.web.bagan_svg): few elements per box, every
text escaped, a tooltip only where a name is cut, B/K/± with a true minus and its colour."""

import re

import pytest
from django.utils import translation

from ramping.jabatan.selectors import Rekap
from ramping.web.bagan import Simpul, susun
from ramping.web.bagan_svg import svg_bagan


def _rekap(b, k, jumlah=1, k_kosong=0):
    return Rekap(jumlah=jumlah, b=b, k=k, k_kosong=k_kosong, selisih=b - k)


def _bagan(anak):
    akar = Simpul(judul="Pemerintah Kota Uji", href="/i/uji/pohon/", rekap=_rekap(0, 0), anak=anak)
    with translation.override("id"):
        return str(svg_bagan(susun(akar)))


def _kotak(svg: str) -> list[str]:
    return re.findall(r'<g class="kotak[^"]*".*?</g>', svg)


@pytest.mark.parametrize(
    "rekap, harapan",
    [
        (_rekap(1250, 1300), 'B 1.250 · K 1.300 · ± <tspan class="selisih kurang">−50</tspan>'),
        (_rekap(7, 5), 'B 7 · K 5 · ± <tspan class="selisih lebih">+2</tspan>'),
        (_rekap(3, 3), 'B 3 · K 3 · ± <tspan class="selisih pas">0</tspan>'),
        (_rekap(4, 0, k_kosong=1), "B 4 · K – · ± –"),
    ],
)
def test_baris_b_k_selisih(rekap, harapan):
    svg = _bagan([Simpul(judul="Dinas A", href="/u/1/", rekap=rekap)])
    assert f'<text x="10" y="80" class="bk">{harapan}</text>' in svg


def test_teks_di_escape_dan_tooltip_hanya_bila_terpotong():
    pendek = Simpul(judul="Dinas <A> & B", href="/u/1/?a=1&b=2", rekap=_rekap(1, 1))
    panjang = Simpul(
        judul="Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
        "Keluarga Berencana",
        href="/u/2/",
        rekap=_rekap(1, 1),
        kepala="Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak",
        kepala_href="/j/9/",
    )
    svg = _bagan([pendek, panjang])
    assert "Dinas &lt;A&gt; &amp; B" in svg and "<A>" not in svg
    assert 'href="/u/1/?a=1&amp;b=2"' in svg
    kotak = _kotak(svg)
    assert "<title>" not in kotak[1]  # the whole name is shown
    assert kotak[2].count("<title>") == 2  # name and head both cut: full text as tooltip
    assert "<title>Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak</title>" in kotak[2]


def test_elemen_per_kotak_sedikit_dan_satu_kelompok_untuk_transform():
    anak = [
        Simpul(
            judul=f"Bidang {i}",
            href=f"/u/{i}/",
            rekap=_rekap(i, i + 1),
            kepala=f"Kepala Bidang {i}",
            kepala_href=f"/j/{i}/",
        )
        for i in range(40)
    ]
    svg = _bagan(anak)
    kotak = _kotak(svg)
    assert len(kotak) == 41
    elemen = [len(re.findall(r"<(?!/)[a-z]", k)) for k in kotak[1:]]
    # g, 2 rect, a + text (name), a + text (head), text + tspan (B/K/±) = 9.
    assert max(elemen) == 9
    assert svg.count('<g id="bagan-isi">') == 1
