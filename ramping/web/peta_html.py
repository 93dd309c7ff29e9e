"""The rows of the peta jabatan table, written in Python instead of a template loop.

A big OPD's peta has hundreds of rows of six cells; through the template engine each row cost
two `{% url %}` reversals, five filter calls and a dozen variable lookups (≈80 % of the page's
CPU). Here the URL of each kind of link is reversed once per page (`pola_url`) and numbers go
through the one fast formatter (`ramping.web.angka.format_angka`); every text is escaped.
The markup is the one the template wrote before (tests read it: classes, true minus, "–").
"""

from collections.abc import Callable, Iterable

from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from ramping.jabatan.selectors import Rekap, SimpulUnit
from ramping.web.angka import format_angka, pemformat_angka
from ramping.web.templatetags.ramping_web import TANDA_KOSONG, kelas_selisih

_PENANDA = 987654321


def pola_url(nama: str, kode: str) -> Callable[[int], str]:
    """`pk → URL` for a route `nama(kode, pk)`, reversed once: the URL of a marker id is split
    around the marker, so every row only joins three strings."""
    kiri, kanan = reverse(nama, args=[kode, _PENANDA]).split(str(_PENANDA))
    return lambda pk: f"{kiri}{pk}{kanan}"


def html_selisih(nilai, fmt=format_angka) -> str:
    """The ± cell's content as the `sel_selisih` tag writes it (true minus, colour class)."""
    # fmt writes the true minus of a negative (aturan.tampil)
    teks = TANDA_KOSONG if nilai is None else f"+{fmt(nilai)}" if nilai > 0 else fmt(nilai)
    return f'<span class="selisih {kelas_selisih(nilai)}">{teks}</span>'


class PenulisPeta:
    """Writes rows for one page: URLs and translated words looked up once."""

    def __init__(self, kode: str):
        self.url_unit = pola_url("web:unit", kode)
        self.url_jabatan = pola_url("web:jabatan", kode)
        self.url_peta_unit = pola_url("web:peta_unit", kode)
        self.judul_tanpa_k = escape(_("jabatan tanpa K"))
        self.kata_tanpa_k = escape(_("tanpa K"))
        self.fmt = pemformat_angka()

    def _sel_rekap(self, rekap: Rekap) -> str:
        """The K and ± cells of a subtotal: "–" while no position under it has a K."""
        if not rekap.k_diketahui:
            return f'<td class="angka">{TANDA_KOSONG}</td><td class="angka">{TANDA_KOSONG}</td>'
        return (
            f'<td class="angka">{self.fmt(rekap.k)}</td>'
            f'<td class="angka">{html_selisih(rekap.selisih, self.fmt)}</td>'
        )

    def _tanpa_k(self, rekap: Rekap) -> str:
        if not rekap.k_kosong:
            return ""
        return (
            f' <span class="kecil redup" title="{self.judul_tanpa_k}">'
            f"({self.fmt(rekap.k_kosong)} {self.kata_tanpa_k})</span>"
        )

    def baris_unit(self, node: SimpulUnit, kedalaman: int, indentasi: str, sisip: str = "") -> str:
        u = node.unit
        return (
            f'<tr class="baris-unit tingkat-{kedalaman}"><td>{sisip}</td>'
            f'<th scope="rowgroup" style="padding-left: {indentasi}">'
            f'<a href="{self.url_unit(u.pk)}">{escape(u.nama)}</a>{self._tanpa_k(node.rekap)}</th>'
            f'<td class="angka"></td><td class="angka">{self.fmt(node.rekap.b)}</td>'
            f"{self._sel_rekap(node.rekap)}</tr>"
        )

    def baris(self, daftar: Iterable[dict]) -> SafeString:
        """All rows of `baris_peta` (ramping.web.views.peta) as one HTML string."""
        keluar: list[str] = []
        tambah = keluar.append
        fmt = self.fmt
        for r in daftar:
            if "unit" in r:
                tambah(self.baris_unit(r["unit"], r["kedalaman"], r["indentasi"]))
                continue
            j = r["jabatan"]
            kelas, k = j.kelas, j.kebutuhan
            tambah(
                f'<tr><td class="no">{fmt(r["nomor"])}</td>'
                f'<td style="padding-left: {r["indentasi"]}">'
                f'<a href="{self.url_jabatan(j.id)}">{escape(j.nama)}</a></td>'
                f'<td class="angka">{TANDA_KOSONG if kelas is None else fmt(kelas)}</td>'
                f'<td class="angka">{fmt(j.b)}</td>'
                f'<td class="angka">{TANDA_KOSONG if k is None else fmt(k)}</td>'
                f'<td class="angka">{html_selisih(j.selisih, fmt)}</td></tr>'
            )
        return mark_safe("".join(keluar))  # every text above is escaped


class PenulisPohon:
    """The unit tree page's nested list (web/struktur/pohon.html), one <li> per unit, written
    like the peta rows: URLs reversed once, numbers through the fast formatter, text escaped.
    Same markup as the template loop it replaces (pohon.js reads `data-nama` and <details>)."""

    def __init__(self, kode: str):
        self.url_unit = pola_url("web:unit", kode)
        self.url_jabatan = pola_url("web:jabatan", kode)
        self.judul_bk = escape(_("B | K | ± seluruh subpohon"))
        self.fmt = pemformat_angka()

    def tulis(self, baris: Iterable, buka_semua: bool) -> SafeString:
        """`baris`: ramping.web.pohon.ratakan rows (node, punya_anak, tutup)."""
        keluar: list[str] = []
        tambah = keluar.append
        buka = " open" if buka_semua else ""
        fmt = self.fmt
        for r in baris:
            n, u = r.node, r.node.unit
            kepala = n.kepala
            jenis = escape(u.get_jenis_display()) + (f" · {escape(u.eselon)}" if u.eselon else "")
            tambah(
                f'<li data-nama="{escape(u.nama.lower())} '
                f'{escape(kepala.nama.lower()) if kepala else ""}">\n'
            )
            # The row's links stay outside the <summary> (a link inside a button is lost to
            # screen readers and keyboards, axe "nested-interactive"): the row comes first and
            # the <details> after it holds only the toggle (drawn beside the row) and the list.
            tambah(
                f'\n<span class="simpul{"" if r.punya_anak else " daun"}">\n'
                f'<span class="simpul-nama"><a href="{self.url_unit(u.pk)}">{escape(u.nama)}</a>\n'
                f'<span class="simpul-jenis">{jenis}</span>\n'
            )
            if kepala:
                tambah(
                    f'<span class="simpul-kepala"><a href="{self.url_jabatan(kepala.id)}">'
                    f"{escape(kepala.nama)}</a></span>"
                )
            rk = n.rekap
            if rk.k_diketahui:
                k, sel = fmt(rk.k), html_selisih(rk.selisih, fmt)
            else:
                k = sel = TANDA_KOSONG
            tambah(
                f'\n</span>\n<span class="bk-kolom" title="{self.judul_bk}"><span>'
                f"{fmt(rk.b)}</span><span>{k}</span><span>{sel}</span></span>\n</span>\n"
            )
            if r.punya_anak:
                sub = escape(_("Sub-unit %(nama)s") % {"nama": u.nama})
                tambah(f'<details{buka}><summary><span class="sr">{sub}</span></summary><ul>\n')
            else:
                tambah("</li>\n")
            tambah("</ul></details></li>" * len(r.tutup) + "\n")
        return mark_safe("".join(keluar))  # every text above is escaped
