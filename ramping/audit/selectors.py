"""The history of one position or one unit, read from the audit trail.

A position's history is every entry about the position itself (its edits, imports that
replaced its tasks, a scenario move) and every entry whose `induk` is the position (its tasks,
ANJAB, evaluation, placements). A unit's history is its own edits and what names it as
`induk` (positions and sub-units added to it, positions moved into it). One page costs a
count, the page's rows with their users, and at most one query per kind of referenced object
(tasks still present, people, positions, units named in the values): constant in the number of
entries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Q

from ramping.akun.akses import Akses
from ramping.audit.models import JejakAudit
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.abk import TUGAS_FIELD
from ramping.jabatan.services.anjab import FIELD_ANJAB
from ramping.jabatan.services.jabatan import JABATAN_FIELD_UBAH
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.services import UNIT_FIELD_UBAH

PER_HALAMAN = 25

LABEL_JABATAN = Jabatan._meta.label
LABEL_UNIT = UnitKerja._meta.label
LABEL_TUGAS = Tugas._meta.label

# The action in words (the summary, kept as written, tells which task or person).
AKSI = {
    "jabatan_buat": "Jabatan ditambahkan",
    "jabatan_ubah": "Jabatan diubah",
    "tugas_buat": "Tugas ditambahkan",
    "tugas_ubah": "Tugas diubah",
    "tugas_hapus": "Tugas dihapus",
    "impor_tugas": "Tugas diganti dari impor",
    "anjab_ubah": "ANJAB diubah",
    "evaluasi_simpan": "Evaluasi jabatan disimpan",
    "evaluasi_tetapkan": "Evaluasi jabatan ditetapkan",
    "evaluasi_buka_kembali": "Evaluasi jabatan dibuka kembali",
    "evaluasi_alasan_kelas": "Alasan perbedaan kelas dicatat",
    "penempatan_buat": "Pegawai ditempatkan",
    "penempatan_akhiri": "Penempatan diakhiri",
    "unit_buat": "Unit ditambahkan",
    "unit_ubah": "Unit diubah",
    "skenario_unit_hapus": "Sub-unit dihapus (skenario)",
    "skenario_unit_gabung": "Unit digabungkan ke sini (skenario)",
    "skenario_jabatan_pindah": "Jabatan dipindahkan (skenario)",
    "skenario_jabatan_ubah": "Jabatan diubah (skenario)",
    "skenario_pegawai_pindah": "Pegawai dipindahkan (skenario)",
}

# What a restore may set back, per action: the fields the owning service accepts.
BISA_DIKEMBALIKAN = {
    "jabatan_ubah": JABATAN_FIELD_UBAH,
    "unit_ubah": UNIT_FIELD_UBAH,
    "tugas_ubah": set(TUGAS_FIELD),
    "anjab_ubah": set(FIELD_ANJAB),
    # nilai, kelas and jenis follow from the levels: the service recomputes them.
    "evaluasi_simpan": {"tingkat", "alasan", "tim_evaluator", "tanggal"},
}
BISA_DIKEMBALIKAN["tugas_hapus"] = BISA_DIKEMBALIKAN["tugas_ubah"]
# Positions and units change shape only in a draft or proposal (`pastikan_bisa_diubah`).
HANYA_DRAF = {"jabatan_ubah", "unit_ubah"}

ALASAN = {
    "buat": "Penambahan data tidak dibatalkan dari riwayat.",
    "penempatan": "Penempatan diatur dari tab Pemangku, bukan dari riwayat.",
    "impor": "Hasil impor tidak dikembalikan per entri; impor ulang berkas yang benar.",
    "evaluasi": "Penetapan diatur dengan tombol Tetapkan/Buka kembali pada tab Evaluasi.",
    "skenario": "Langkah skenario tidak dikembalikan dari riwayat.",
    "lain": "Entri ini tidak menyimpan nilai yang dapat dikembalikan.",
    "hapus_lama": "Entri lama ini tidak menyimpan isi tugas yang dihapus.",
    "draf": "Jabatan dan unit hanya diubah pada versi draf atau usulan.",
    "arsip": "Versi struktur yang diarsipkan tidak dapat diubah.",
}


def alasan_tidak_bisa(entri: JejakAudit, status_struktur: str) -> str | None:
    """Why this entry offers no "Kembalikan" (None: it may be restored, subject to the
    service's own checks when it runs)."""
    aksi = entri.aksi
    if aksi not in BISA_DIKEMBALIKAN:
        if aksi.endswith("_buat"):
            return ALASAN["buat"]
        if aksi.startswith("penempatan_"):
            return ALASAN["penempatan"]
        if aksi.startswith("impor"):
            return ALASAN["impor"]
        if aksi.startswith("evaluasi_"):
            return ALASAN["evaluasi"]
        if aksi.startswith("skenario_"):
            return ALASAN["skenario"]
        return ALASAN["lain"]
    if status_struktur == Struktur.Status.ARSIP:
        return ALASAN["arsip"]
    if aksi in HANYA_DRAF and status_struktur not in (
        Struktur.Status.DRAFT,
        Struktur.Status.USULAN,
    ):
        return ALASAN["draf"]
    boleh = BISA_DIKEMBALIKAN[aksi]
    if aksi == "tugas_hapus":
        return None if set(boleh) <= set(entri.perubahan) else ALASAN["hapus_lama"]
    if not any(isinstance(v, list) and len(v) == 2 and k in boleh for k, v in _pasangan(entri)):
        return ALASAN["lain"]
    return None


def _pasangan(entri: JejakAudit):
    return (entri.perubahan or {}).items() if isinstance(entri.perubahan, dict) else ()


def model_objek(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def field_model(model: type[models.Model] | None, nama: str) -> models.Field | None:
    if model is None:
        return None
    try:
        return model._meta.get_field(nama)
    except FieldDoesNotExist:
        return None


@dataclass
class Medan:
    """One field of an entry: its label and the value before and/or after."""

    nama: str
    label: str
    field: models.Field | None
    lama: Any = None
    baru: Any = None
    ada_lama: bool = False
    ada_baru: bool = False
    # For a reference (a person, position or unit id): the names found for the ids.
    nama_rujukan: dict[int, str] = field(default_factory=dict)


@dataclass
class BarisRiwayat:
    entri: JejakAudit
    aksi: str
    medan: list[Medan]
    alasan: str | None  # why it cannot be restored; None when it can
    tugas_hilang: bool = False  # a task edit whose task no longer exists


def _medan(entri: JejakAudit) -> list[Medan]:
    model = model_objek(entri.objek_tipe)
    hasil = []
    for nama, nilai in _pasangan(entri):
        f = field_model(model, nama)
        label = str(f.verbose_name) if f is not None else nama.replace("_", " ")
        m = Medan(nama=nama, label=label[:1].upper() + label[1:], field=f)
        if entri.aksi == "tugas_hapus":  # the values the deleted task had
            m.lama, m.ada_lama = nilai, True
        elif isinstance(nilai, list) and len(nilai) == 2 and not entri.aksi.endswith("_buat"):
            m.lama, m.baru, m.ada_lama, m.ada_baru = nilai[0], nilai[1], True, True
        else:  # a creation, or a count of a bulk action
            m.baru, m.ada_baru = nilai, True
        hasil.append(m)
    return hasil


def _rujukan(baris: list[BarisRiwayat]) -> None:
    """Names of the people, positions and units the values point to: one query per kind."""
    perlu: dict[type[models.Model], set[int]] = defaultdict(set)
    for b in baris:
        for m in b.medan:
            if isinstance(m.field, models.ForeignKey):
                for v in (m.lama, m.baru):
                    if isinstance(v, int):
                        perlu[m.field.related_model].add(v)
    nama: dict[type[models.Model], dict[int, str]] = {}
    for model, ids in perlu.items():
        nama[model] = {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=ids)}
    for b in baris:
        for m in b.medan:
            if isinstance(m.field, models.ForeignKey):
                m.nama_rujukan = nama.get(m.field.related_model, {})


def _halaman(qs, *, status_struktur: str, hal: Any, per_halaman: int) -> Page:
    halaman = Paginator(qs.select_related("pengguna"), per_halaman).get_page(hal)
    baris = [
        BarisRiwayat(
            entri=e,
            aksi=AKSI.get(e.aksi, e.aksi.replace("_", " ").capitalize()),
            medan=_medan(e),
            alasan=alasan_tidak_bisa(e, status_struktur),
        )
        for e in halaman.object_list
    ]
    tugas_ids = {
        b.entri.objek_id
        for b in baris
        if b.entri.aksi == "tugas_ubah" and b.entri.objek_tipe == LABEL_TUGAS
    }
    if tugas_ids:
        ada = set(Tugas.objects.filter(pk__in=tugas_ids).values_list("pk", flat=True))
        for b in baris:
            if b.entri.aksi == "tugas_ubah" and b.entri.objek_id not in ada:
                b.tugas_hilang = True
                b.alasan = b.alasan or "Tugas ini sudah dihapus; kembalikan dulu penghapusannya."
    _rujukan(baris)
    halaman.object_list = baris
    return halaman


def q_riwayat(label: str, objek_id: int) -> Q:
    """Entries about the object itself or naming it as their parent."""
    return Q(objek_tipe=label, objek_id=objek_id) | Q(induk_tipe=label, induk_id=objek_id)


def riwayat_jabatan(
    *, akses: Akses, jabatan: Jabatan, hal: Any = 1, per_halaman: int = PER_HALAMAN
) -> Page:
    """Every change concerning the position, newest first, one page of `BarisRiwayat`."""
    akses.pastikan_instansi(jabatan)
    qs = JejakAudit.objects.filter(
        q_riwayat(LABEL_JABATAN, jabatan.pk), instansi_id=akses.instansi_id
    )
    return _halaman(qs, status_struktur=jabatan.struktur.status, hal=hal, per_halaman=per_halaman)


def riwayat_unit(
    *, akses: Akses, unit: UnitKerja, hal: Any = 1, per_halaman: int = PER_HALAMAN
) -> Page:
    """Every change concerning the unit, newest first, one page of `BarisRiwayat`."""
    akses.pastikan_instansi(unit)
    qs = JejakAudit.objects.filter(q_riwayat(LABEL_UNIT, unit.pk), instansi_id=akses.instansi_id)
    return _halaman(qs, status_struktur=unit.struktur.status, hal=hal, per_halaman=per_halaman)
