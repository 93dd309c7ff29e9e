"""Formatting for the workbench: Indonesian numbers, dates, ± and query strings."""

from datetime import date, datetime

from django import template
from django.utils import timezone, translation
from django.utils.html import format_html

from ramping.aturan import tampil
from ramping.web.angka import format_angka, format_tanggal

register = template.Library()

TANDA_KOSONG = tampil.KOSONG  # an unknown value (e.g. K before the ABK is computed)


@register.filter
def angka(nilai) -> str:
    """1250 → "1.250" (Indonesian grouping); None → "–"."""
    if nilai is None or nilai == "":
        return TANDA_KOSONG
    return format_angka(nilai)


@register.filter
def selisih(nilai) -> str:
    """± with an explicit sign and a true minus: +2, −3, 0; None → "–"."""
    if nilai is None:
        return TANDA_KOSONG
    return tampil.selisih(nilai, bahasa=translation.get_language() or "id")


@register.filter
def kelas_selisih(nilai) -> str:
    """CSS class of a ± cell: red for a shortage, amber for an excess."""
    if nilai is None:
        return "kosong"
    if nilai < 0:
        return "kurang"
    if nilai > 0:
        return "lebih"
    return "pas"


@register.simple_tag
def sel_selisih(nilai, label: str = ""):
    """A ± value with its colour class and, for a screen reader, the words behind the colour."""
    return format_html(
        '<span class="selisih {}"{}>{}</span>',
        kelas_selisih(nilai),
        format_html(' title="{}"', label) if label else "",
        selisih(nilai),
    )


@register.filter(expects_localtime=True)
def tanggal(nilai) -> str:
    """30 November 2026 (month name in the active language; ``aturan.tampil.tanggal``)."""
    if not nilai:
        return TANDA_KOSONG
    if not isinstance(nilai, date):
        return str(nilai)
    return format_tanggal(nilai)


@register.simple_tag
def hari_ini() -> str:
    """Today's date in the local time zone, 6 Desember 2026 (instead of Django's ``now``)."""
    return format_tanggal(timezone.localdate())


# Every date and time on a page goes through `tanggal`, `tanggal_waktu`, `jam` and `waktu_iso`
# (never Django's `date`/`time` filters; tests/web/test_tanggal.py greps the templates). Django
# hands them aware datetimes already converted to the local time zone (settings.TIME_ZONE, or
# the one activated for the request): `expects_localtime`.


@register.filter(expects_localtime=True)
def tanggal_waktu(nilai) -> str:
    """11 November 2026 pukul 09.00 (id), 11 November 2026 at 09:00 (en); None → "–"."""
    if not nilai:
        return TANDA_KOSONG
    if not isinstance(nilai, date):
        return str(nilai)
    return tampil.tanggal_waktu(nilai, bahasa=translation.get_language() or "id")


@register.filter(expects_localtime=True)
def jam(nilai) -> str:
    """09.00 (id), 09:00 (en): the time of a moment in the local time zone; None → "–"."""
    if not nilai:
        return TANDA_KOSONG
    if not hasattr(nilai, "hour"):
        return str(nilai)
    return tampil.jam(nilai, bahasa=translation.get_language() or "id")


@register.filter(expects_localtime=True)
def waktu_iso(nilai) -> str:
    """The machine-readable moment of ``<time datetime="…">``: ISO 8601 with its offset in the
    local time zone, 2026-11-11T09:00:00+07:00; a date is 2026-11-11; None → ""."""
    if not isinstance(nilai, date):
        return ""
    if isinstance(nilai, datetime):
        return nilai.replace(microsecond=0).isoformat()
    return nilai.isoformat()


@register.simple_tag(takes_context=True)
def param(context, **ubah) -> str:
    """The current query string with some keys replaced (pagination keeps the filters)."""
    query = context["request"].GET.copy()
    for kunci, nilai in ubah.items():
        if nilai in (None, ""):
            query.pop(kunci, None)
        else:
            query[kunci] = nilai
    teks = query.urlencode()
    return f"?{teks}" if teks else "?"


@register.filter
def persen(bagian, total) -> str:
    """Share as a CSS percentage for bar widths (unlocalised: it goes into a style)."""
    if not total:
        return "0%"
    return f"{100 * bagian / total:.1f}%"


@register.filter
def peran_label(peran: str) -> str:
    from django.utils.translation import gettext as _

    return {
        "admin_instansi": _("Admin instansi"),
        "analis": _("Analis organisasi"),
        "operator": _("Operator OPD"),
        "pimpinan": _("Pimpinan"),
    }.get(peran, peran)


@register.filter
def get_item(kamus: dict, kunci):
    return (kamus or {}).get(kunci) or {}


@register.filter
def angka_ringkas(nilai) -> str:
    """A number for reading without trailing zeros, in the active language: 1250.50 →
    "1.250,5" (id), "1,250.5" (en)."""
    return tampil.angka(nilai, ringkas=True, bahasa=translation.get_language() or "id")


@register.filter
def angka_isian(nilai) -> str:
    """The value of an input field: Indonesian notation whatever the interface language, as
    the parser reads it without doubt (web.angka.urai_angka): 1250.50 → "1.250,5"."""
    from ramping.web.angka import tulis_angka

    return "" if nilai is None or nilai == "" else tulis_angka(nilai)


@register.filter
def huruf(nomor: int) -> str:
    """1 → "a", 2 → "b": the lettered sub-items of the ANJAB form."""
    return "abcdefghijklmnopqrstuvwxyz"[int(nomor) - 1]


@register.filter
def nip(nilai: str) -> str:
    """19800101 200501 1 001: the groups people read a NIP in."""
    if not nilai or len(nilai) != 18:
        return nilai
    return f"{nilai[:8]} {nilai[8:14]} {nilai[14]} {nilai[15:]}"


@register.simple_tag
def nilai_riwayat(medan, sisi: str):
    """One side ("lama"/"baru") of a field of a history entry, readable (see riwayat_nilai)."""
    from ramping.web.riwayat_nilai import tampilkan_nilai

    return tampilkan_nilai(medan, sisi)


@register.filter
def nama_orang(pengguna, kosong: str = "") -> str:
    """A person's full name, else their login; `kosong` when there is none (a deleted user,
    a system job): one safe filter instead of a lookup chain that fails on None."""
    if pengguna is None:
        return kosong
    return pengguna.get_full_name() or pengguna.username


@register.simple_tag
def singkatan(kode: str, teks: str = ""):
    """An abbreviation explained from the one glossary (``aturan/data/glosarium.csv``): hover
    shows the title, a tap or keyboard focus shows the same text in a bubble (web.css
    ``.singkatan``). ``{% singkatan "EJ" %}`` → ``<abbr title="Efektivitas Jabatan — …">EJ``."""
    from ramping.aturan.glosarium import istilah

    judul = istilah(kode).judul(translation.get_language() or "id")
    return format_html(
        '<abbr class="singkatan" title="{}" data-arti="{}" tabindex="0">{}</abbr>',
        judul,
        judul,
        teks or kode,
    )
