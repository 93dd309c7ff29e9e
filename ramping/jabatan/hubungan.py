"""Atasan langsung and korelasi jabatan, read from the structure (issue #17 item 7).

Basis:
- PermenPAN-RB 1/2020 (pedoman analisis jabatan dan analisis beban kerja), Lampiran, format
  Informasi Jabatan butir "Korelasi Jabatan": a table of Jabatan, Unit Kerja/Instansi and Dalam
  Hal — the positions the job deals with, vertically (atasan, bawahan), horizontally (fellow
  positions) or diagonally, inside or outside the agency (anjab-abk.md §3, item 12; Peraturan
  BKN 9/2022 Pasal 3 ayat (1) lists "korelasi jabatan" among the items).
- The direct superior is the head of the unit the position sits in; a unit's head answers to
  the head of the nearest unit above that has one (a Kelompok Jabatan Fungsional has no head of
  its own: its JF answer to the head of the unit it belongs to). The head of a top-level unit
  answers to the head of the agency: for a Pemda the kepala daerah, to whom a dinas or badan is
  responsible "melalui sekretaris daerah" (PP 18/2016 tentang Perangkat Daerah, the articles on
  dinas and badan), so the sekda is listed as a relation of every other OPD head; for a
  kementerian the Menteri. The head of the agency is the agency's setting "jabatan kepala
  daerah" (PengaturanInstansi), or its kind's title (`KEPALA_DAERAH`) before it is filled in.

One read for any number of positions (`sekitar_jabatan`, three queries) and one pure function
(`hubungan_jabatan`) that the ANJAB DOCX/PDF and the position page's ANJAB tab both call, so
the document and the page never disagree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from ramping.akun.akses import Akses
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.organisasi.pengaturan import KEPALA_DAERAH

PEMDA = (Instansi.Jenis.KOTA, Instansi.Jenis.KABUPATEN, Instansi.Jenis.PROVINSI)

# "Dalam hal" of each kind of relation, in the wording agencies' ANJAB use.
KE_ATASAN = "Menerima arahan dan melaporkan pelaksanaan tugas"
KE_BAWAHAN = "Memberikan arahan dan menerima laporan pelaksanaan tugas"
SEJAJAR = "Berkoordinasi dalam pelaksanaan tugas"
MELALUI_SEKDA = "Koordinasi dan pertanggungjawaban administratif melalui sekretaris daerah"


@dataclass(frozen=True, slots=True)
class UnitS:
    id: int
    induk_id: int | None
    path: str
    nama: str
    jenis: str


@dataclass(frozen=True, slots=True)
class PosisiS:
    id: int
    unit_id: int
    nama: str
    is_kepala: bool


@dataclass(frozen=True, slots=True)
class Sekitar:
    """The units and positions around a set of positions (their whole OPDs, and the Setda)."""

    units: dict[int, UnitS]
    posisi: dict[int, list[PosisiS]]  # by unit, the head first
    kepala_daerah: str  # "Wali Kota Cilegon"
    instansi: str  # "Pemerintah Kota Cilegon": the unit column of the kepala daerah's row
    pemda: bool
    semua: dict[int, PosisiS]
    atasan: dict[int, int | None]  # position → its superior's id (None: the kepala daerah)
    bawahan: dict[int, list[int]]  # superior → its positions, in the order of the structure


@dataclass(frozen=True, slots=True)
class Korelasi:
    jabatan: str
    unit: str
    dalam_hal: str
    dari_struktur: bool = True  # False: a row the user typed in the ANJAB form

    def sebagai_dict(self) -> dict[str, str]:
        return {"jabatan": self.jabatan, "unit": self.unit, "dalam_hal": self.dalam_hal}


@dataclass(frozen=True, slots=True)
class Hubungan:
    atasan: str  # position name, never a person
    unit_atasan: str
    korelasi: tuple[Korelasi, ...]


def sekitar_jabatan(*, akses: Akses, struktur: Struktur, unit_paths: set[str]) -> Sekitar:
    """Three queries whatever the number of positions: the units of the OPDs the positions sit
    in (and the top-level Sekretariat Daerah), their positions, the agency with its setting."""
    akses.pastikan_instansi(struktur)
    opd = {p[: UnitKerja.SEGMEN] for p in unit_paths}
    syarat = Q(kedalaman=0, jenis=UnitKerja.Jenis.SETDA)
    for p in opd:
        syarat |= Q(path__startswith=p)
    units = {
        u[0]: UnitS(*u)
        for u in UnitKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
        .filter(syarat)
        .values_list("id", "induk_id", "path", "nama", "jenis")
    }
    posisi: dict[int, list[PosisiS]] = defaultdict(list)
    for row in (
        Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur, unit_id__in=units)
        .order_by("unit__path", "-is_kepala", "urutan", "id")
        .values_list("id", "unit_id", "nama", "is_kepala")
    ):
        posisi[row[1]].append(PosisiS(*row))
    nama, jenis, setelan = Instansi.objects.filter(pk=akses.instansi_id).values_list(
        "nama", "jenis", "pengaturan__jabatan_kepala_daerah"
    )[0]
    wilayah = nama.split("(")[0].strip()
    kota = wilayah.removeprefix("Pemerintah").strip()
    for awalan in ("Kota", "Kabupaten", "Provinsi"):
        kota = kota.removeprefix(awalan).strip()
    gelar = KEPALA_DAERAH.get(jenis, ("Kepala Daerah", ""))[0]
    pemda = jenis in PEMDA
    semua = {p.id: p for daftar in posisi.values() for p in daftar}
    atasan = {p.id: _atasan(units, posisi, p) for p in semua.values()}
    bawahan: dict[int, list[int]] = defaultdict(list)
    for p_id, a in atasan.items():
        if a is not None:
            bawahan[a].append(p_id)
    return Sekitar(
        units=units,
        posisi=dict(posisi),
        kepala_daerah=setelan or (f"{gelar} {kota}".strip() if pemda else gelar),
        instansi=wilayah,
        pemda=pemda,
        semua=semua,
        atasan=atasan,
        bawahan=dict(bawahan),
    )


def _kepala(posisi: dict[int, list[PosisiS]], unit_id: int | None) -> PosisiS | None:
    daftar = posisi.get(unit_id, []) if unit_id is not None else []
    return daftar[0] if daftar and daftar[0].is_kepala else None


def _atasan(units: dict[int, UnitS], posisi: dict[int, list[PosisiS]], p: PosisiS) -> int | None:
    """The head of the own unit, or of the nearest unit above with one; None: the kepala
    daerah (or the Menteri) is the superior."""
    unit = units.get(p.unit_id)
    if unit is not None and p.is_kepala:
        unit = units.get(unit.induk_id)
    while unit is not None:
        k = _kepala(posisi, unit.id)
        if k is not None and k.id != p.id:
            return k.id
        unit = units.get(unit.induk_id)
    return None


def _sama(teks: str) -> str:
    return " ".join(teks.split()).casefold()


def hubungan_jabatan(s: Sekitar, jabatan_id: int, tambahan: list | None = None) -> Hubungan:
    """Atasan langsung and the korelasi rows of one position, from the structure first, then
    the rows the user typed (`tambahan`, the ANJAB form's item 12) that the structure does not
    already name — a relation outside the agency, say.

    Rows: the superior; for a top-level head of a Pemda other than the sekda, the sekretaris
    daerah; the subordinates (positions whose superior this position is), one row per unit;
    the fellow positions with the same superior and the same standing (heads with heads, staff
    with staff), in one row.
    """
    p = s.semua[jabatan_id]
    unit = s.units[p.unit_id]
    nama_unit = {u.id: u.nama for u in s.units.values()}
    atasan_id = s.atasan[p.id]
    atasan = s.semua[atasan_id] if atasan_id is not None else None
    baris: list[Korelasi] = []
    if atasan is not None:
        jabatan_atasan, unit_atasan = atasan.nama, nama_unit[atasan.unit_id]
    else:
        jabatan_atasan, unit_atasan = s.kepala_daerah, s.instansi
    baris.append(Korelasi(jabatan_atasan, unit_atasan, KE_ATASAN))
    puncak = atasan is None and p.is_kepala and unit.induk_id is None
    if puncak and s.pemda and unit.jenis != UnitKerja.Jenis.SETDA:
        setda = next(
            (u for u in s.units.values() if u.induk_id is None and u.jenis == "setda"), None
        )
        sekda = _kepala(s.posisi, setda.id) if setda is not None else None
        if sekda is not None:
            baris.append(Korelasi(sekda.nama, setda.nama, MELALUI_SEKDA))
    # Subordinates one row per unit (a head's own staff in one row, each sub-unit's head in
    # its own); fellow positions in one row under the superior's unit (one alone keeps its own
    # unit), so a 15-position unit is one line, not fifteen, on every ANJAB of the OPD.
    per_unit: dict[int, list[str]] = defaultdict(list)
    for q_id in s.bawahan.get(p.id, []):
        q = s.semua[q_id]
        per_unit[q.unit_id].append(q.nama)
    baris += [Korelasi(_gabung(n), nama_unit[u], KE_BAWAHAN) for u, n in per_unit.items()]
    sejajar = (
        [
            s.semua[q_id]
            for q_id in s.bawahan.get(atasan.id, [])
            if q_id != p.id and s.semua[q_id].is_kepala == p.is_kepala
        ]
        if atasan is not None
        else []
    )
    if len(sejajar) == 1:
        baris.append(Korelasi(sejajar[0].nama, nama_unit[sejajar[0].unit_id], SEJAJAR))
    elif sejajar:
        baris.append(Korelasi(_gabung([q.nama for q in sejajar]), unit_atasan, SEJAJAR))
    hasil: list[Korelasi] = []
    terlihat: set[tuple[str, str]] = set()
    for k in baris:
        if (kunci := (_sama(k.jabatan), _sama(k.unit))) not in terlihat:
            terlihat.add(kunci)
            hasil.append(k)
    # Every position named by a structure row, for the typed rows' duplicates.
    dinamai = [
        jabatan_atasan,
        *(s.semua[q_id].nama for q_id in s.bawahan.get(p.id, [])),
        *(q.nama for q in sejajar),
    ]
    nama_terlihat = {_sama(n) for n in dinamai} | {_sama(k.jabatan) for k in hasil}
    for t in tambahan or []:
        jabatan = str(t.get("jabatan") or "").strip()
        if (
            jabatan
            and _sama(jabatan) not in nama_terlihat
            and not _kepala_daerah(jabatan, s.kepala_daerah)
        ):
            nama_terlihat.add(_sama(jabatan))
            hasil.append(
                Korelasi(
                    jabatan,
                    str(t.get("unit") or "").strip() or "-",
                    str(t.get("dalam_hal") or "").strip() or "-",
                    dari_struktur=False,
                )
            )
    return Hubungan(jabatan_atasan, unit_atasan, tuple(hasil))


def _gabung(nama: list[str]) -> str:
    """Distinct names in the structure's order, joined as one cell."""
    return "; ".join(dict.fromkeys(nama))


def _kepala_daerah(jabatan: str, kepala_daerah: str) -> bool:
    """A typed row naming the kepala daerah by the bare title ("Wali Kota" for "Wali Kota
    Cilegon") is the structure's first row again, with the right unit: the demo's and many
    imported ANJAB put the OPD's name beside it ("Wali Kota — Dinas Kesehatan")."""
    return _sama(kepala_daerah).startswith(_sama(jabatan))
