"""One unit: its positions with holders, its sub-units, tugas & fungsi."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

from ramping.jabatan.selectors import pohon_jabatan
from ramping.organisasi.selectors import unit_ambil, unit_kode_di_versi, unit_leluhur
from ramping.pegawai.selectors import pemangku_per_jabatan
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.potongan import potongan

PER_HALAMAN = 50


def ke_versi_lain(request, unit, nama_url: str):
    """The same unit (by kode) in the version the user picked, or that version's tree."""
    h = request.halaman
    kode = h.instansi.kode
    lain = unit_kode_di_versi(akses=h.akses, kode=unit.kode, struktur=h.struktur)
    versi = f"?versi={h.struktur.pk}"
    if lain is None:
        return redirect(reverse("web:pohon", args=[kode]) + versi)
    return redirect(reverse(nama_url, args=[kode, lain.pk]) + versi)


@halaman_instansi
def unit(request, unit_id: int):
    h = request.halaman
    u = unit_ambil(akses=h.akses, unit_id=unit_id)
    if not selaraskan_versi(request, u.struktur_id):
        return ke_versi_lain(request, u, "web:unit")
    hal = request.GET.get("hal")

    def isi():
        """The unit's chain, its positions with subtotals and this page's holders."""
        leluhur = unit_leluhur(unit=u)
        (node,) = pohon_jabatan(akses=h.akses, struktur=u.struktur, unit=u)
        jabatan = Paginator(node.jabatan, PER_HALAMAN).get_page(hal)
        # The paginator's lazy messages as text of this request's language (the fragment's key
        # holds it): unpickling three lazy strings cost ≈ 1.4 ms of every cached visit.
        p = jabatan.paginator
        p.error_messages = {k: str(v) for k, v in p.error_messages.items()}
        pemangku = pemangku_per_jabatan(
            akses=h.akses, struktur=u.struktur, jabatan_ids=[j.id for j in jabatan]
        )
        return leluhur, node, jabatan, [(j, pemangku[j.id]) for j in jabatan]

    # Cached by the agency's change counter (ramping.web.potongan): never stale. The user's
    # right to edit is decided below, per request.
    leluhur, node, jabatan, baris = potongan(request, "unit", (u.pk, hal), isi)
    opd = leluhur[0] if leluhur else u
    boleh_ubah = h.akses.boleh_ubah_opd(opd.kode)
    konteks = {
        "aktif": "pohon",
        "unit": u,
        "node": node,
        "leluhur": leluhur,
        "jabatan_halaman": jabatan,
        "baris_jabatan": baris,
        "boleh_ubah": boleh_ubah,
    }
    # The two tables drawn once per key: besides the data they show the user's right to place
    # people (decided above, per request, and part of the key) and links that keep the
    # request's parameters (`{% param %}` of the pager).
    parameter = (u.pk, boleh_ubah, h.boleh_menempatkan, sorted(request.GET.lists()))
    konteks["tabel_html"] = potongan(
        request,
        "unit_tabel",
        parameter,
        lambda: render_to_string("web/unit_tabel.html", konteks, request),
    )
    return render(request, "web/unit.html", konteks)
