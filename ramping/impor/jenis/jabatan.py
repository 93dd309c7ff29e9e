"""Import of units and positions of a draft structure version (typically one OPD's sheet).

Units are matched by name or kode within the version and created (under the named parent)
when missing; positions are matched by name within their unit, created when missing and
updated when their jenis, JF, jenjang, kelas, kode or head flag differ. Nothing is deleted:
removing units and positions is a scenario edit, not an import. Only draft or proposed
versions accept it (the version in force changes through a new version).
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from ramping import aturan
from ramping.errors import RampingError
from ramping.impor import nilai as n
from ramping.impor.alias import JENIS_JABATAN_ALIAS, eselon_alias
from ramping.impor.berkas import Kolom, Lembar, normal
from ramping.impor.dasar import GalatBaris, Pengimpor, Pratinjau
from ramping.jabatan.models import Jabatan, JenisJabatan, Jenjang
from ramping.jabatan.services import jabatan_buat, jabatan_ubah
from ramping.organisasi.models import Eselon, Struktur, UnitKerja
from ramping.organisasi.services import pastikan_bisa_diubah, unit_buat

JENIS_UNIT = {label: kode for kode, label in UnitKerja.Jenis.choices} | {
    kode: kode for kode in UnitKerja.Jenis.values
}
JENIS_JABATAN = (
    {label: kode for kode, label in JenisJabatan.choices}
    | {kode: kode for kode in JenisJabatan.values}
    | JENIS_JABATAN_ALIAS
)
ESELON = eselon_alias(list(Eselon.values))
JENJANG = {label: kode for kode, label in Jenjang.choices} | {k: k for k in Jenjang.values}
YA = {"ya": True, "y": True, "1": True, "kepala": True, "tidak": False, "t": False, "0": False}
# Compared on re-import; the head flag is set only when a position is created.
FIELD_JABATAN = ("jenis", "nama_jf", "jenjang", "kelas", "kode")


@dataclass
class UnitBaru:
    nama: str
    induk: str  # normalised name of the parent (existing or new); "" for a new top unit
    jenis: str
    eselon: str
    baris: int


@dataclass
class RencanaJabatan:
    unit_baru: list[UnitBaru] = field(default_factory=list)
    jabatan_baru: list[tuple[str, dict]] = field(default_factory=list)  # (unit key, fields)
    jabatan_ubah: list[tuple[Jabatan, dict]] = field(default_factory=list)


class ImporJabatan(Pengimpor):
    jenis = "jabatan"
    judul = gettext_lazy("Unit kerja dan jabatan")
    KOLOM = (
        Kolom("unit", "Unit Kerja", ("Unit", "Unor", "Nama Unit"), wajib=True, panjang=250),
        Kolom("induk", "Unit Induk", ("Induk", "Unit Atasan"), panjang=250),
        Kolom("jenis_unit", "Jenis Unit", ()),
        Kolom("eselon", "Eselon", ("Eselon Kepala Unit",)),
        Kolom("jabatan", "Nama Jabatan", ("Jabatan",), wajib=True, panjang=250),
        Kolom("jenis_jabatan", "Jenis Jabatan", ("Jenis",), wajib=True),
        Kolom("nama_jf", "Nama JF", ("Jabatan Fungsional",), panjang=200),
        Kolom("jenjang", "Jenjang", ("Jenjang JF",)),
        Kolom("kelas", "Kelas", ("Kelas Jabatan",)),
        Kolom("kode", "Kode Jabatan", (), panjang=40),
        Kolom("kepala", "Kepala Unit", ("Kepala",)),
    )

    ALIAS_NILAI = {"Jenis Jabatan": JENIS_JABATAN, "Eselon": ESELON}

    def __init__(self, *, akses, struktur: Struktur):
        super().__init__(akses=akses)
        akses.pastikan_instansi(struktur)
        pastikan_bisa_diubah(struktur)
        if not (akses.mengelola_seluruh_instansi or akses.opd_kode):
            raise RampingError(
                "Hanya analis, admin, dan operator OPD yang dapat mengimpor jabatan."
            )
        self.struktur = struktur

    def periksa(self, lembar: Lembar) -> Pratinjau:
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        rencana = pr.rencana = RencanaJabatan()
        units = list(UnitKerja.objects.filter(struktur=self.struktur))
        # Name or kode → unit; the OPD of each unit (for the operator's scope).
        kenal: dict[str, UnitKerja | UnitBaru] = {}
        for u in units:
            kenal.setdefault(normal(u.nama), u)
            kenal[normal(u.kode)] = u
        opd = {u.path: u.kode for u in units if u.kedalaman == 0}
        semua = list(Jabatan.objects.filter(struktur=self.struktur))
        jabatan = {(j.unit_id, normal(j.nama)): j for j in semua}
        kepala = {j.unit_id for j in semua if j.is_kepala}  # units (id or new name) with a head
        dilihat: dict[tuple[str, str], int] = {}
        for nomor, cells in lembar.baris:
            galat: list[GalatBaris] = []

            def ambil(nama, f, _c=cells, _n=nomor, _g=galat):
                return self.ambil(lembar, _c, nama, f, _g, _n)

            def salah(kolom, pesan, _n=nomor, _g=galat):
                _g.append(GalatBaris(lembar.nama, _n, kolom, pesan))

            nama_unit = n.teks(lembar.sel(cells, "unit"))
            unit = kenal.get(normal(nama_unit))
            if unit is None:
                unit = self._unit_baru(lembar, cells, nomor, nama_unit, kenal, salah, ambil)
                if unit is not None:
                    rencana.unit_baru.append(unit)
                    kenal[normal(nama_unit)] = unit
                    pr.dibuat.append(f"Unit {nama_unit}")
            if unit is not None and not self._dalam_opd(unit, kenal, opd):
                salah("Unit Kerja", "di luar OPD Anda")
            data = {
                "jenis": ambil(
                    "jenis_jabatan", lambda v: n.pilihan(v, JENIS_JABATAN, "jenis jabatan")
                ),
                "nama_jf": n.teks(lembar.sel(cells, "nama_jf")),
                "jenjang": ambil(
                    "jenjang", lambda v: n.pilihan(v, JENJANG, "jenjang") if n.teks(v) else ""
                ),
                "kelas": ambil("kelas", _kelas),
                "kode": n.teks(lembar.sel(cells, "kode")),
                "is_kepala": ambil(
                    "kepala", lambda v: YA.get(n.teks(v).lower()) if n.teks(v) else False
                ),
            }
            nama_jabatan = n.teks(lembar.sel(cells, "jabatan"))
            if not nama_jabatan:
                salah("Nama Jabatan", "wajib diisi")
            if data["is_kepala"] is None:
                salah("Kepala Unit", "isi ya atau tidak")
            kunci = (normal(nama_unit), normal(nama_jabatan))
            if kunci in dilihat:
                salah("Nama Jabatan", f"jabatan yang sama sudah ada di baris {dilihat[kunci]}")
            dilihat[kunci] = nomor
            if data["jenis"] == "fungsional" and (maksud := aturan.maksud_jf(data["nama_jf"])):
                # Never replaced silently: the file is corrected to the catalogue spelling.
                salah(
                    "Nama JF", f"“{data['nama_jf']}” tidak ada di katalog; maksud Anda “{maksud}”?"
                )
            if not galat:
                galat += self._validasi_model(lembar.nama, nomor, nama_jabatan, data)
            if galat or unit is None:
                pr.galat += galat
                continue
            self._rencanakan_jabatan(pr, rencana, unit, nama_jabatan, data, jabatan, kepala, nomor)
        return pr

    def _unit_baru(self, lembar, cells, nomor, nama, kenal, salah, ambil) -> UnitBaru | None:
        induk = n.teks(lembar.sel(cells, "induk"))
        # No parent: a new top unit (an OPD, or an eselon I unit of a ministry), which only the
        # agency-wide roles may add (unit_buat checks again) — how an empty agency is filled.
        puncak = not induk and self.akses.mengelola_seluruh_instansi
        if not puncak and (not induk or normal(induk) not in kenal):
            salah("Unit Induk", f"unit '{nama}' belum ada; isi unit induk yang sudah ada")
            return None
        jenis = ambil("jenis_unit", lambda v: n.pilihan(v, JENIS_UNIT, "jenis unit"))
        eselon = ambil(
            "eselon",
            lambda v: n.pilihan(v, ESELON, "eselon") if n.teks(v) else "",
        )
        if jenis is None or eselon is None:
            return None
        try:
            aturan.periksa_eselon_unit(jenis, eselon)
        except aturan.EselonUnitTidakSesuai as e:
            salah("Eselon", e.pesan)
            return None
        return UnitBaru(
            nama=nama, induk=normal(induk) if induk else "", jenis=jenis, eselon=eselon, baris=nomor
        )

    def _dalam_opd(self, unit, kenal, opd) -> bool:
        if self.akses.mengelola_seluruh_instansi:
            return True
        while isinstance(unit, UnitBaru):
            unit = kenal[unit.induk]
        return opd.get(unit.path[: UnitKerja.SEGMEN]) == self.akses.opd_kode

    def _validasi_model(self, lembar: str, nomor: int, nama: str, data: dict) -> list[GalatBaris]:
        """The model's own rules (a JF has a JF name and jenjang, kelas 1–17, heads are
        structural), checked before anything is written."""
        try:
            Jabatan(nama=nama, **data).full_clean(
                exclude=["instansi", "struktur", "unit"], validate_unique=False
            )
        except ValidationError as exc:
            return [GalatBaris(lembar, nomor, "Jenis Jabatan", m) for m in exc.messages]
        return []

    def _rencanakan_jabatan(self, pr, rencana, unit, nama, data, jabatan, kepala, nomor) -> None:
        lama = jabatan.get((unit.pk, normal(nama))) if isinstance(unit, UnitKerja) else None
        kunci_unit = unit.pk if isinstance(unit, UnitKerja) else normal(unit.nama)
        if lama is None and data["is_kepala"]:
            if kunci_unit in kepala:
                pr.galat.append(
                    GalatBaris(
                        pr.lembar, nomor, "Kepala Unit", f"unit {unit.nama} sudah memiliki kepala"
                    )
                )
                return
            kepala.add(kunci_unit)
        if lama is None:
            rencana.jabatan_baru.append((normal(unit.nama), {"nama": nama, **data}))
            pr.dibuat.append(f"Jabatan {nama} ({unit.nama})")
        elif beda := {f: data[f] for f in FIELD_JABATAN if getattr(lama, f) != data[f]}:
            rencana.jabatan_ubah.append((lama, beda))
            pr.diubah.append(f"Jabatan {nama} ({unit.nama}): {', '.join(beda)}")
        else:
            pr.tetap += 1

    def terapkan(self, pratinjau: Pratinjau) -> None:
        """Through the services, so each unit and position is validated and audited."""
        r: RencanaJabatan = pratinjau.rencana
        unit = {normal(u.nama): u for u in UnitKerja.objects.filter(struktur=self.struktur)}
        for baru in r.unit_baru:  # file order: a parent comes before its children
            induk = unit[baru.induk] if baru.induk else None
            unit[normal(baru.nama)] = unit_buat(
                akses=self.akses,
                struktur=self.struktur,
                induk=induk,
                kode=f"{induk.kode}.{baru.baris}" if induk else f"U{baru.baris}",
                nama=baru.nama,
                jenis=baru.jenis,
                eselon=baru.eselon,
            )
        for kunci, data in r.jabatan_baru:
            jabatan_buat(akses=self.akses, unit=unit[kunci], **data)
        for lama, beda in r.jabatan_ubah:
            jabatan_ubah(
                akses=self.akses,
                jabatan=lama,
                **{k: v for k, v in beda.items() if k != "is_kepala"},
            )


def _kelas(v) -> int | None:
    if not n.teks(v):
        return None
    x = n.angka(v)
    if x != int(x) or not 1 <= x <= 17:
        raise n.NilaiTidakValid("kelas harus bilangan bulat 1–17")
    return int(x)
