"""Apply the 25/2021 criteria: a new draft in which the units to remove are removed."""

from django.db import transaction

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi
from ramping.penyederhanaan.jejak import Jejak
from ramping.penyederhanaan.langkah import catat_langkah
from ramping.penyederhanaan.services.lebur import JF_BAWAAN, HasilLebur, lebur_unit
from ramping.penyederhanaan.services.salin import struktur_salin


def keputusan_versi(struktur: Struktur) -> tuple[dict[int, UnitKerja], list]:
    """The rules engine's keep/remove decision for every structural unit of a version."""
    from ramping import aturan
    from ramping.penyederhanaan.pemeriksaan import masukan_unit_kerja

    units = {
        u.pk: u
        for u in UnitKerja.objects.filter(
            instansi_id=struktur.instansi_id, struktur=struktur
        ).order_by("path")
    }
    masukan = [masukan_unit_kerja(u) for u in units.values()]
    p = pengaturan_instansi(instansi_id=struktur.instansi_id)
    return units, aturan.keputusan_penyederhanaan(masukan, pengaturan=p)


def tujuan_penghapusan(units: dict[int, UnitKerja], hapus: set[int]) -> dict[int, int]:
    """Each removed unit's nearest remaining ancestor."""
    tujuan = {}
    for uid in hapus:
        induk = units[uid].induk_id
        while induk in hapus:
            induk = units[induk].induk_id
        if induk is not None:
            tujuan[uid] = induk
    return tujuan


@transaction.atomic
def terapkan_rekomendasi(
    *, akses: Akses, sumber: Struktur, nama: str, nama_jf: str = JF_BAWAAN
) -> tuple[Struktur, HasilLebur]:
    """Copy `sumber` into a new draft and remove there every unit the criteria remove.

    Their tasks and positions move to a kelompok JF of the remaining parent (created once per
    parent) and each official heading a removed unit gets a JF position and a penyetaraan entry.
    """
    baru = struktur_salin(akses=akses, sumber=sumber, nama=nama)
    pastikan_analis(akses)
    units, keputusan = keputusan_versi(baru)
    hapus = {int(k.unit_id) for k in keputusan if k.dihapus}
    jejak = Jejak()
    hasil = lebur_unit(
        struktur=baru,
        tujuan=tujuan_penghapusan(units, hapus),
        ke_kelompok_jf=True,
        nama_jf=nama_jf,
        jejak=jejak,
    )
    # The new draft's first step: undoing it gives back the plain copy of `sumber`.
    catat_langkah(
        akses=akses,
        struktur=baru,
        aksi="terapkan_rekomendasi",
        ringkasan=f"Rekomendasi 25/2021 diterapkan: {hasil.unit_dihapus} unit dihapus, "
        f"{len(hasil.penyetaraan)} pejabat disetarakan",
        jejak=jejak,
    )
    audit_catat(
        instansi_id=baru.instansi_id,
        pengguna=akses.pengguna,
        aksi="terapkan_rekomendasi",
        objek=baru,
        ringkasan=f"Rekomendasi 25/2021 diterapkan pada {baru.nama}",
        perubahan={
            "unit_dihapus": hasil.unit_dihapus,
            "kelompok_jf": hasil.kelompok_jf_dibuat,
            "disetarakan": hasil.jabatan_disetarakan,
            "penyetaraan": len(hasil.penyetaraan),
            "disatukan": hasil.jabatan_disatukan,
            "kelas_tidak_diketahui": sorted(set(hasil.kelas_tidak_diketahui)),
        },
    )
    return baru, hasil
