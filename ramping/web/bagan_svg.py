"""The org chart's SVG, written in Python from the layout of `ramping.web.bagan`.

One box is a group of few elements (≈10 instead of ≈17 through the template): the body, the
colour band, the unit's name (one <text>, a <tspan> per extra line) linked to the unit, the
head's position linked to it, and one line "B n · K n · ± n" where only ± is a <tspan> (its
colour). A <title> (tooltip) is added only when a name is cut short: the visible text is the
whole name otherwise. Every box and line sits in one group, `#bagan-isi`, which the page's
script moves and scales as a whole (static/web/bagan.js). Same picture on screen and in the
A3 print page; every text is escaped.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ramping.web.angka import pemformat_angka
from ramping.web.bagan import Bagan, Kotak
from ramping.web.peta_html import html_selisih
from ramping.web.templatetags.ramping_web import TANDA_KOSONG


def _kotak(k: Kotak, bagan: Bagan, akar: bool, fmt) -> str:
    s = k.simpul
    kelas = "kotak" + (" jf" if s.kelompok_jf else "") + (" akar" if akar else "")
    lw, tg = bagan.lebar_kotak, bagan.tinggi_kotak
    judul = "".join(
        escape(b) if i == 0 else f'<tspan x="10" dy="15">{escape(b)}</tspan>'
        for i, b in enumerate(k.baris_judul)
    )
    terpotong = " ".join(k.baris_judul) != " ".join(s.judul.split())
    tip = f"<title>{escape(s.judul)}</title>" if terpotong else ""
    bagian = [
        f'<g class="{kelas}" transform="translate({k.x} {k.y})">'
        f'<rect width="{lw}" height="{tg}" rx="6" class="badan"/>'
        f'<rect width="{lw}" height="4" rx="2" class="pita"/>'
        f'<a href="{escape(s.href)}">{tip}<text x="10" y="22" class="nama">{judul}</text></a>'
    ]
    if s.kepala:
        kepala = Truncator(s.kepala).chars(37)
        tip = f"<title>{escape(s.kepala)}</title>" if kepala != s.kepala else ""
        bagian.append(
            f'<a href="{escape(s.kepala_href)}">{tip}'
            f'<text x="10" y="58" class="kepala">{escape(kepala)}</text></a>'
        )
    r = s.rekap
    if r.k_diketahui:
        k_teks = fmt(r.k)
        sel = html_selisih(r.selisih, fmt).replace("<span", "<tspan").replace("</span>", "</tspan>")
    else:
        k_teks, sel = TANDA_KOSONG, TANDA_KOSONG
    bagian.append(f'<text x="10" y="80" class="bk">B {fmt(r.b)} · K {k_teks} · ± {sel}</text>')
    if s.tersembunyi:
        lagi = ngettext("+%(n)s sub-unit", "+%(n)s sub-unit", s.tersembunyi) % {"n": s.tersembunyi}
        bagian.append(
            f'<text x="{lw - 10}" y="80" text-anchor="end" class="lagi">{escape(lagi)}</text>'
        )
    bagian.append("</g>")
    return "".join(bagian)


def svg_bagan(bagan: Bagan) -> SafeString:
    """The whole chart as one <svg> element (natural size, viewBox in the same units)."""
    garis = "".join(f'<path d="{d}"/>' for d in bagan.garis)
    fmt = pemformat_angka()
    kotak = "".join(_kotak(k, bagan, i == 0, fmt) for i, k in enumerate(bagan.kotak))
    w, h = bagan.lebar, bagan.tinggi
    return mark_safe(  # every text above is escaped
        f'<svg class="bagan-svg" id="bagan-svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="group" '
        f'aria-label="{escape(_("Bagan organisasi"))}" data-lebar="{w}" data-tinggi="{h}">'
        f'<g id="bagan-isi"><g class="garis">{garis}</g>{kotak}</g></svg>'
    )
