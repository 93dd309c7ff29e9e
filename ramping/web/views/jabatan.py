"""A position, read only: identity, unit, kelas, B, K and current holders.

This is the seed of the tabbed position page (ANJAB / Tugas & ABK / Evaluasi / Pemangku),
which is built in this module; pages elsewhere link here through `web:jabatan`.
"""

from django.shortcuts import redirect, render
from django.urls import reverse

from ramping.jabatan.selectors import jabatan_ambil
from ramping.organisasi.selectors import unit_leluhur
from ramping.pegawai.selectors import pemangku_per_jabatan
from ramping.web.halaman import halaman_instansi, selaraskan_versi


@halaman_instansi
def jabatan(request, jabatan_id: int):
    h = request.halaman
    j = jabatan_ambil(akses=h.akses, jabatan_id=jabatan_id)
    if not selaraskan_versi(request, j.struktur_id):
        # Positions have no stable key across versions; the other version's map is the
        # closest useful place.
        return redirect(reverse("web:peta", args=[h.instansi.kode]) + f"?versi={h.struktur.pk}")
    leluhur = unit_leluhur(unit=j.unit)
    opd = leluhur[0] if leluhur else j.unit
    pemangku = pemangku_per_jabatan(akses=h.akses, struktur=j.struktur, jabatan_ids=[j.pk])
    return render(
        request,
        "web/jabatan/jabatan.html",
        {
            "aktif": "peta",
            "jabatan": j,
            "selisih": None if j.kebutuhan is None else j.b - j.kebutuhan,
            "leluhur": leluhur,
            "pemangku": pemangku[j.pk],
            "boleh_ubah": h.akses.boleh_ubah_opd(opd.kode),
        },
    )
