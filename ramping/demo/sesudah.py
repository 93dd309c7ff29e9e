"""Derive the demo's 2023 structure from the 2021 one, as Kota Cilegon did.

PermenPAN-RB 25/2021 (R25-01..04): only two structural levels remain, so every pengawas
(eselon IV) and eselon V unit without an exception attribute is removed, its positions move
to the nearest remaining ancestor and its head is converted into a JF by PermenPAN-RB
17/2021 (pengawas → Ahli Muda, eselon V → Ahli Pertama, administrator → Ahli Madya).
Pelaksana are renamed to the PermenPAN-RB 45/2022 nomenclature (suggested pairs, C).
"""

from dataclasses import dataclass, field, replace

from ramping import aturan
from ramping.demo import katalog as k
from ramping.demo.rencana import JabatanR, Rencana, UnitR, label_jenjang

# Names that changed after 2021 (penyederhanaan.md §5.2–5.3, confidence A).
NAMA_BARU = {
    "BKPP": (
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        "BKPSDM",
    ),
    "DISDUKCAPIL": ("Dinas Administrasi Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
}


@dataclass
class Hasil:
    rencana: Rencana
    # 2021 position index → 2023 position index, for everyone who keeps or changes seat.
    pindah: dict[int, int] = field(default_factory=dict)
    # 2021 head positions whose holder was converted into a JF (penyetaraan).
    disetarakan: set[int] = field(default_factory=set)


def unit_dihapus(units: list[UnitR]) -> set[str]:
    """Units the simplification removes: the rules engine's 25/2021 decision, plus units the
    agency chose to convert (DPMPTSP's bidang in Cilegon, a decision rather than a rule)."""
    masukan = [
        aturan.UnitInput(
            id=u.kode,
            induk_id=u.induk,
            nama=u.nama,
            jenis=u.jenis,
            eselon=u.eselon or None,
            otoritas_legalisasi=u.otoritas_legalisasi,
            kewilayahan=u.kewilayahan,
            kepala_satker=u.kepala_satker,
            upt_pelayanan=u.upt_pelayanan,
        )
        for u in units
    ]
    hasil = {k.unit_id for k in aturan.unit_dihapus(masukan)}
    return hasil | {u.kode for u in units if u.dialihkan}


def turunkan_2023(sebelum: Rencana) -> Hasil:
    units = {u.kode: u for u in sebelum.units}
    dihapus = unit_dihapus(sebelum.units)
    tetap: dict[str, UnitR] = {}
    for u in sebelum.units:  # parents come before children
        if u.kode in dihapus or (u.induk and u.induk not in tetap):
            continue
        nama, singkatan = NAMA_BARU.get(u.kode, (u.nama, u.singkatan))
        tetap[u.kode] = replace(u, nama=nama, singkatan=singkatan)

    def tujuan(kode: str) -> str:
        while kode not in tetap:
            kode = units[kode].induk  # type: ignore[assignment]
        return kode

    sesudah = Rencana(units=list(tetap.values()), rng=sebelum.rng)
    hasil = Hasil(rencana=sesudah)
    gabung: dict[tuple[str, str, str], int] = {}

    def tambah(idx_lama: int, jabatan: JabatanR, kunci: tuple[str, str, str] | None) -> None:
        if kunci is not None and kunci in gabung:
            target = sesudah.jabatan[gabung[kunci]]
            target.pemangku += jabatan.pemangku
            target.pppk += jabatan.pppk
            hasil.pindah[idx_lama] = gabung[kunci]
            return
        jabatan.asal = idx_lama
        sesudah.jabatan.append(jabatan)
        hasil.pindah[idx_lama] = len(sesudah.jabatan) - 1
        if kunci is not None:
            gabung[kunci] = len(sesudah.jabatan) - 1

    for idx, j in enumerate(sebelum.jabatan):
        unit = units[j.unit]
        kode_baru = tujuan(j.unit)
        if j.is_kepala and j.unit not in tetap:
            if j.pemangku == 0:
                continue  # a vacant post simply disappears
            hasil.disetarakan.add(idx)
            jenjang = aturan.jenjang_penyetaraan(j.jenis, unit.eselon)  # 17/2021
            nama_jf = unit.jf_penyetaraan or "Analis Kebijakan"
            kelas = k.KELAS_JF_KHUSUS.get((nama_jf, jenjang), k.KELAS_JF[jenjang])
            baru = JabatanR(
                unit=kode_baru,
                nama=f"{nama_jf} {label_jenjang(jenjang)}",
                jenis="fungsional",
                kelas=kelas,
                pemangku=1,
                pendidikan=j.pendidikan,
                nama_jf=nama_jf,
                jenjang=jenjang,
            )
            tambah(idx, baru, (kode_baru, baru.nama, "jf"))
        elif j.jenis == "pelaksana":
            nama, kelas = k.PELAKSANA_BARU.get(j.nama, (j.nama, j.kelas))
            tambah(idx, replace(j, unit=kode_baru, nama=nama, kelas=kelas), (kode_baru, nama, "p"))
        elif j.jenis == "fungsional":
            tambah(idx, replace(j, unit=kode_baru), (kode_baru, j.nama, "jf"))
        else:
            tambah(idx, replace(j, unit=kode_baru), None)
    return hasil
