"""One unit: its positions with holders, its sub-units, tugas & fungsi."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse

from ramping.jabatan.selectors import pohon_jabatan
from ramping.organisasi.selectors import unit_ambil, unit_kode_di_versi, unit_leluhur
from ramping.pegawai.selectors import pemangku_per_jabatan
from ramping.web.halaman import halaman_instansi, selaraskan_versi
from ramping.web.potongan import markah

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

    def konteks() -> dict:
        """The unit's chain, its positions with subtotals and this page's holders."""
        leluhur = unit_leluhur(unit=u)
        (node,) = pohon_jabatan(akses=h.akses, struktur=u.struktur, unit=u)
        jabatan = Paginator(node.jabatan, PER_HALAMAN).get_page(hal)
        pemangku = pemangku_per_jabatan(
            akses=h.akses, struktur=u.struktur, jabatan_ids=[j.id for j in jabatan]
        )
        opd = leluhur[0] if leluhur else u
        return {
            "unit": u,
            "node": node,
            "leluhur": leluhur,
            "jabatan_halaman": jabatan,
            "baris_jabatan": [(j, pemangku[j.id]) for j in jabatan],
            "boleh_ubah": h.akses.boleh_ubah_opd(opd.kode),
        }

    # The page's content, cached by the agency's change counter (ramping.web.potongan): never
    # stale. The reader's rights to edit and to place people follow from the role and OPD in
    # the key; the pager's links keep the query string, which is in the key too.
    isi = markah(request, "unit", (u.pk, sorted(request.GET.lists())), "web/unit_isi.html", konteks)
    return render(request, "web/unit.html", {"aktif": "pohon", "unit": u, "isi_html": isi})
