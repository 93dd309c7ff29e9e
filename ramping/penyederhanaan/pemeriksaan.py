"""Read: the 25/2021 structure check of one version per kind of perangkat daerah
(ramping.aturan.tipologi), each finding with the unit or position to fix. Three queries."""

from collections import Counter
from dataclasses import dataclass

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi


@dataclass(frozen=True)
class BarisTemuan:
    temuan: aturan.Temuan
    unit: UnitKerja | None  # the unit to fix, or the unit of the position to fix
    jabatan: Jabatan | None
    opd: str

    @property
    def kode(self) -> str:
        return self.temuan.kode


def masukan_unit_kerja(u: UnitKerja) -> aturan.UnitInput:
    """A stored unit as the rules engine's 25/2021 input (ids as text, as the engine keys them)."""
    return aturan.UnitInput(
        id=str(u.pk),
        induk_id=str(u.induk_id) if u.induk_id else None,
        nama=u.nama,
        jenis=u.jenis,
        eselon=u.eselon or None,
        otoritas_legalisasi=u.otoritas_legalisasi,
        kewilayahan=u.kewilayahan,
        kepala_satker=u.kepala_satker,
        upt_pelayanan=u.upt_pelayanan,
    )


def masukan_versi(
    struktur: Struktur,
) -> tuple[dict[int, UnitKerja], dict[int, Jabatan], list, list, dict[str, str]]:
    """The rules engine's input for a version: two queries."""
    di = {"instansi_id": struktur.instansi_id, "struktur": struktur}
    units = {u.pk: u for u in UnitKerja.objects.filter(**di).order_by("path")}
    jabatan = {
        j.pk: j
        for j in Jabatan.objects.filter(**di).only(
            "id", "unit_id", "nama", "jenis", "jenjang", "kelas", "is_kepala"
        )
    }
    masukan_unit = [masukan_unit_kerja(u) for u in units.values()]
    masukan_jabatan = [
        aturan.JabatanInput(
            str(j.pk), str(j.unit_id), j.nama, j.jenis, j.jenjang, j.kelas, j.is_kepala
        )
        for j in jabatan.values()
    ]
    tipe = {str(u.pk): u.tipe for u in units.values() if u.tipe}
    return units, jabatan, masukan_unit, masukan_jabatan, tipe


def temuan_periksa(*, akses: Akses, struktur: Struktur) -> list[BarisTemuan]:
    """Every finding of the version, errors first, each with the object to fix."""
    akses.pastikan_instansi(struktur)
    units, jabatan, mu, mj, tipe = masukan_versi(struktur)
    p = pengaturan_instansi(instansi_id=struktur.instansi_id)
    nama_opd = {u.path: u.nama for u in units.values() if u.kedalaman == 0}
    hasil = []
    for t in aturan.periksa_struktur(mu, mj, tipe=tipe, pengaturan=p):
        j = jabatan.get(int(t.objek_id)) if t.objek == "jabatan" else None
        u = units.get(j.unit_id if j else int(t.objek_id))
        hasil.append(BarisTemuan(t, u, j, nama_opd.get(u.path_opd, "") if u else ""))
    return hasil


def hitung_temuan(baris: list[BarisTemuan]) -> list[tuple[str, int]]:
    """(rule code, count) in the order of the list."""
    return list(Counter(b.kode for b in baris).items())
