"""The scenario's change log ("riwayat perubahan skenario"): every step on a draft, undoable.

A step's service records what it does to rows with a `Jejak` while it runs:

    jejak.sebelum_ubah(rows)   rows it is about to change (their state now)
    jejak.sebelum_hapus(qs)    rows it is about to delete, with every row the delete cascades to
                               or nulls (found by Django's own deletion `Collector`)
    jejak.dibuat(rows)         rows it created

and ends with `catat_langkah(..., jejak=jejak)`, which also stores the state *after* the step
of every changed or created row. Undoing (`langkah_batalkan`) then needs no per-action code:
if a row is no longer as the step left it (someone edited it since, outside the log), the undo
is refused as a conflict naming the row; otherwise deleted rows come back with their own
primary keys, changed rows get their old values, and created rows are deleted — refused too if
that delete would take anything else with it. A step that keeps its own undo data instead
passes `balik=` and registers a function with `@pembatal(aksi)`.

Undoing a step first undoes, newest first, every later step that touched one of its objects
(`kunci`: the rows of its trace plus any the service names, e.g. the unit a position moved to).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, router, transaction
from django.db.models import Max
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext

from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat
from ramping.errors import KonflikPerubahan, RampingError, TidakBerhak, TidakDitemukan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.draf import pastikan_draf
from ramping.penyederhanaan.jejak import Jejak, baca, label_baris, model_dari, per_model
from ramping.penyederhanaan.models import LangkahSkenario


class LangkahTidakBisaDibatalkan(RampingError):
    pesan = "Langkah ini tidak dapat dibatalkan."


_PEMBATAL: dict[str, Callable[[LangkahSkenario, Akses], None]] = {}


def pembatal(aksi: str):
    """Register the undo of a step kind that keeps its own `balik` data."""

    def daftar(fungsi):
        _PEMBATAL[aksi] = fungsi
        return fungsi

    return daftar


def catat_langkah(
    *,
    akses: Akses,
    struktur: Struktur,
    aksi: str,
    ringkasan: str,
    jejak: Jejak | None = None,
    balik: dict | None = None,
    kunci: Iterable[str] = (),
) -> LangkahSkenario:
    """Append a step to the version's log; call it inside the step's own transaction."""
    if (jejak is None) == (balik is None):
        raise ValueError("catat_langkah: give exactly one of jejak= or balik=")
    if balik is not None and aksi not in _PEMBATAL:
        raise ValueError(f"catat_langkah: no @pembatal registered for {aksi!r}")
    semua_kunci = set(kunci) | (jejak.tersentuh() if jejak else set())
    # One writer per version at a time: the row lock orders the steps (and their urutan).
    list(Struktur.objects.select_for_update().filter(pk=struktur.pk).values_list("pk"))
    akhir = LangkahSkenario.objects.filter(struktur=struktur).aggregate(m=Max("urutan"))["m"]
    return LangkahSkenario.objects.create(
        instansi_id=struktur.instansi_id,
        struktur=struktur,
        urutan=(akhir or 0) + 1,
        aksi=aksi,
        ringkasan=ringkasan[:500],
        balik=jejak.data() if jejak else json.loads(json.dumps(balik, cls=DjangoJSONEncoder)),
        kunci=sorted(semua_kunci),
        dibuat_oleh=akses.pengguna,
    )


def riwayat_langkah(*, akses: Akses, struktur: Struktur) -> list[LangkahSkenario]:
    akses.pastikan_instansi(struktur)
    return list(
        LangkahSkenario.objects.filter(struktur=struktur).select_related(
            "dibuat_oleh", "dibatalkan_oleh"
        )
    )


def langkah_bergantung(langkah: LangkahSkenario) -> list[LangkahSkenario]:
    """The later, still active steps that must be undone first (newest first): those sharing
    an object with this step, or with one of them."""
    kunci = set(langkah.kunci)
    hasil = []
    for lain in LangkahSkenario.objects.filter(
        struktur_id=langkah.struktur_id, urutan__gt=langkah.urutan, dibatalkan__isnull=True
    ).order_by("urutan"):
        if kunci & set(lain.kunci):
            hasil.append(lain)
            kunci |= set(lain.kunci)
    return list(reversed(hasil))


def _nama_baris(b: dict) -> str:
    f = b.get("fields", {})
    nama = f.get("nama") or f.get("nama_jabatan_lama") or f.get("uraian") or ""
    model = model_dari(b["model"])._meta.verbose_name
    return f"{model} “{nama}”" if nama else f"{model} #{b['pk']}"


def _pulihkan_jejak(data: dict) -> None:
    sesudah = data["sesudah"]
    # 1. Nothing the step left may have moved on since (no silent overwrite of later work).
    kini = baca(set(data["sebelum"]) | set(data["baru"]))
    for lp, keadaan in sesudah.items():
        if kini.get(lp) != keadaan:
            raise KonflikPerubahan(
                f"{_nama_baris(keadaan)} telah diubah setelah langkah ini, di luar riwayat "
                "skenario; langkah ini tidak dapat dibatalkan otomatis."
            )
    # 2. Deleted rows come back with their own keys, 3. changed rows get their old values.
    # Foreign keys are checked at commit (deferred) on SQLite and PostgreSQL alike, so the
    # order of the rows does not matter inside the transaction.
    for obj in serializers.deserialize("python", data["dihapus"] + list(data["sebelum"].values())):
        obj.save()
    # 4. Created rows go, but only if nothing else hangs on them any more.
    for label, pks in per_model(data["baru"]).items():
        qs = model_dari(label)._base_manager.filter(pk__in=pks)
        kolektor = Collector(using=router.db_for_write(qs.model), origin=qs)
        kolektor.collect(qs)
        ikut = {label_baris(o) for objs in kolektor.data.values() for o in objs}
        ikut |= {label_baris(o) for objs in kolektor.fast_deletes for o in objs}
        lain = ikut - set(data["baru"])
        if lain:
            raise KonflikPerubahan(
                "Data yang dibuat oleh langkah ini sudah dipakai oleh data lain "
                f"({len(lain)} baris); langkah ini tidak dapat dibatalkan otomatis."
            )
        qs.delete()


def _batalkan_satu(langkah: LangkahSkenario, akses: Akses) -> None:
    if "jejak" in langkah.balik:
        _pulihkan_jejak(langkah.balik["jejak"])
    else:
        _PEMBATAL[langkah.aksi](langkah, akses)
    langkah.dibatalkan = timezone.now()
    langkah.dibatalkan_oleh = akses.pengguna
    langkah.save(update_fields=["dibatalkan", "dibatalkan_oleh"])


@transaction.atomic
def langkah_batalkan(*, akses: Akses, langkah: LangkahSkenario) -> list[LangkahSkenario]:
    """Undo a step and, first, the later steps that depend on it; all or nothing.

    Allowed to whoever may edit the version's scenario (the analis; an operator only when every
    undone step is theirs). Returns the undone steps, in the order they were undone."""
    akses.pastikan_instansi(langkah)
    struktur = Struktur.objects.select_for_update().get(pk=langkah.struktur_id)
    pastikan_draf(struktur)
    langkah = LangkahSkenario.objects.get(pk=langkah.pk)
    if langkah.dibatalkan is not None:
        raise LangkahTidakBisaDibatalkan("Langkah ini sudah dibatalkan.")
    urutan = [*langkah_bergantung(langkah), langkah]
    if not akses.mengelola_seluruh_instansi and any(
        lk.dibuat_oleh_id != getattr(akses.pengguna, "pk", None) for lk in urutan
    ):
        raise TidakBerhak(
            "Langkah ini (atau langkah yang bergantung padanya) dibuat pengguna lain; "
            "mintalah analis Bagian Organisasi membatalkannya."
        )
    try:
        with transaction.atomic():
            for lk in urutan:
                _batalkan_satu(lk, akses)
            # Deferred foreign keys and unique rows are checked here, not at commit, so a row
            # that can no longer come back is a message, not a server error.
            connection.check_constraints()
    except IntegrityError as e:
        raise KonflikPerubahan(
            "Data versi ini telah berubah sehingga langkah ini tidak dapat dikembalikan "
            "otomatis (ada data yang bertabrakan dengan data yang akan dipulihkan)."
        ) from e
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="skenario_langkah_batal",
        objek=struktur,
        ringkasan=f"Dibatalkan: {langkah.ringkasan}"
        + (f" (dan {len(urutan) - 1} langkah sesudahnya)" if len(urutan) > 1 else ""),
        perubahan={"langkah": [lk.urutan for lk in urutan]},
    )
    return urutan


def langkah_ambil(*, akses: Akses, struktur: Struktur, langkah_id: int) -> LangkahSkenario:
    akses.pastikan_instansi(struktur)
    langkah = LangkahSkenario.objects.filter(pk=langkah_id, struktur=struktur).first()
    if langkah is None:
        raise TidakDitemukan()
    return langkah


class _Urungkan(Exception):
    """Raised inside a preview's transaction so that nothing it did is kept."""


@dataclass
class Efek:
    """What a step does, in words a user checks before confirming (from its trace)."""

    dipindah: list[str] = field(default_factory=list)
    diubah: list[str] = field(default_factory=list)
    dihapus: list[str] = field(default_factory=list)
    dibuat: list[str] = field(default_factory=list)
    pegawai: list[str] = field(default_factory=list)

    @property
    def kosong(self) -> bool:
        return not (self.dipindah or self.diubah or self.dihapus or self.dibuat)


def _efek(langkah: LangkahSkenario) -> Efek:
    """Read while the step's rows are in the database (inside the preview's transaction)."""
    data = langkah.balik.get("jejak", {})
    sebelum, sesudah = data.get("sebelum", {}), data.get("sesudah", {})
    nama_unit = dict(
        UnitKerja.objects.filter(struktur_id=langkah.struktur_id).values_list("pk", "nama")
    )
    for b in data.get("dihapus", []):
        if b["model"] == "organisasi.unitkerja":
            nama_unit.setdefault(b["pk"], b["fields"]["nama"])
    efek = Efek()
    jabatan_ids = []
    for lp, lama in sebelum.items():
        baru = sesudah.get(lp)
        if baru is None or lama["model"] != "jabatan.jabatan":
            continue
        jabatan_ids.append(lama["pk"])
        fl, fb = lama["fields"], baru["fields"]
        if fl["unit"] != fb["unit"]:
            efek.dipindah.append(
                f"{fb['nama']}: {nama_unit.get(fl['unit'], '–')} → {nama_unit.get(fb['unit'], '–')}"
            )
        if (fl["nama"], fl["jenis"], fl["kelas"]) != (fb["nama"], fb["jenis"], fb["kelas"]):
            efek.diubah.append(
                f"{fl['nama']} → {fb['nama']} ({gettext('kelas')} {fb['kelas'] or '–'})"
            )
    for lp, lama in sebelum.items():
        baru = sesudah.get(lp)
        if baru is not None and lama["model"] == "pegawai.penempatan":
            jabatan_ids.append(baru["fields"]["jabatan"])
    for b in data.get("dihapus", []):
        if b["model"] in ("organisasi.unitkerja", "jabatan.jabatan"):
            jenis = capfirst(model_dari(b["model"])._meta.verbose_name)
            efek.dihapus.append(f"{jenis} {b['fields']['nama']}")
    for lp in data.get("baru", []):
        b = sesudah.get(lp)
        if b is None:
            continue
        f = b["fields"]
        if b["model"] == "penyederhanaan.penyetaraan":
            efek.dibuat.append(
                gettext("Penyetaraan: %(lama)s → %(jf)s")
                % {"lama": f["nama_jabatan_lama"], "jf": f["nama_jf"]}
            )
        elif "nama" in f:
            efek.dibuat.append(f"{capfirst(model_dari(b['model'])._meta.verbose_name)} {f['nama']}")
    efek.pegawai = sorted(
        {
            p.pegawai.nama_lengkap
            for p in Penempatan.objects.aktif()
            .filter(jabatan_id__in=jabatan_ids)
            .select_related("pegawai")
        }
    )
    return efek


def jalankan_dengan_efek(langkah_fungsi: Callable[[], object], *, coba: bool):
    """Run a step and describe its effect from its trace; `coba=True` rolls it all back, so a
    confirmation page shows exactly what the click will do, by the same code."""
    hasil: list = []
    try:
        with transaction.atomic():
            hasil.append(langkah_fungsi())
            hasil.append(_efek(LangkahSkenario.objects.latest("pk")))
            if coba:
                raise _Urungkan
    except _Urungkan:
        pass
    return hasil[0], hasil[1]


def pratinjau(langkah_fungsi: Callable[[], object]):
    return jalankan_dengan_efek(langkah_fungsi, coba=True)


def ringkas_efek(langkah: LangkahSkenario) -> dict[str, int]:
    """Counts for the change log page, from the stored trace alone (no query)."""
    data = langkah.balik.get("jejak", {})
    dihapus = data.get("dihapus", [])
    return {
        "diubah": len(data.get("sebelum", {})),
        "dihapus": len(dihapus),
        "dibuat": len(data.get("baru", [])),
    }
