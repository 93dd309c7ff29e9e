"""Copy a whole structure version into a new draft, set-based (a few queries per table)."""

from datetime import date

from django.db import models, transaction

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat
from ramping.errors import RampingError
from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.nomenklatur.models import KeputusanNomenklatur
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.pegawai.models import Penempatan

UKURAN_BATCH = 2000


def _salin_baris(
    model: type[models.Model], sumber: models.QuerySet, ganti: dict[str, dict[int, int]], **tetap
) -> dict[int, int]:
    """Copy rows of `sumber` with `.values()` (every concrete field, FKs as ids), remapping the
    FK columns named in `ganti` ({column: {old id: new id}}); returns {old id: new id}."""
    lama = list(sumber.order_by("pk").values())
    punya_asal = any(f.name == "asal" for f in model._meta.fields)
    baru = []
    for row in lama:
        data = {k: v for k, v in row.items() if k != "id"}
        for kolom, peta in ganti.items():
            if data.get(kolom) is not None:
                data[kolom] = peta[data[kolom]]
        if punya_asal:
            data["asal_id"] = row["id"]
        data.update(tetap)
        baru.append(model(**data))
    dibuat = model.objects.bulk_create(baru, batch_size=UKURAN_BATCH)
    return {row["id"]: obj.pk for row, obj in zip(lama, dibuat, strict=True)}


def _salin_unit(sumber: Struktur, baru: Struktur) -> dict[int, int]:
    """Units level by level (a child needs its parent's new id); paths are kept as they are."""
    rows = list(
        UnitKerja.objects.filter(instansi_id=sumber.instansi_id, struktur=sumber)
        .order_by("kedalaman", "path")
        .values()
    )
    peta: dict[int, int] = {}
    per_kedalaman: dict[int, list[dict]] = {}
    for row in rows:
        per_kedalaman.setdefault(row["kedalaman"], []).append(row)
    for kedalaman in sorted(per_kedalaman):
        level = per_kedalaman[kedalaman]
        objek = []
        for row in level:
            data = {k: v for k, v in row.items() if k != "id"}
            data["struktur_id"] = baru.pk
            data["asal_id"] = row["id"]
            if row["induk_id"] is not None:
                data["induk_id"] = peta[row["induk_id"]]
            objek.append(UnitKerja(**data))
        dibuat = UnitKerja.objects.bulk_create(objek, batch_size=UKURAN_BATCH)
        peta.update({row["id"]: obj.pk for row, obj in zip(level, dibuat, strict=True)})
    return peta


def salin_isi(sumber: Struktur, baru: Struktur) -> dict[str, dict[int, int]]:
    """Copy units, positions, tasks, ANJAB, evaluations and placements of `sumber` into `baru`."""
    iid = sumber.instansi_id
    unit = _salin_unit(sumber, baru)
    jabatan = _salin_baris(
        Jabatan,
        Jabatan.objects.filter(instansi_id=iid, struktur=sumber),
        {"unit_id": unit},
        struktur_id=baru.pk,
    )
    for model in (Tugas, Anjab, EvaluasiJabatan):
        _salin_baris(
            model,
            model.objects.filter(instansi_id=iid, jabatan__struktur=sumber),
            {"jabatan_id": jabatan},
        )
    penempatan = _salin_baris(
        Penempatan,
        Penempatan.objects.filter(instansi_id=iid, struktur=sumber),
        {"jabatan_id": jabatan},
        struktur_id=baru.pk,
    )
    # A copy of a draft whose pelaksana posts were renamed keeps those decisions, so its
    # workbench and lampiran still say which names were decided (PermenPAN-RB 45/2022).
    _salin_baris(
        KeputusanNomenklatur,
        KeputusanNomenklatur.objects.filter(instansi_id=iid, struktur=sumber),
        {"jabatan_id": jabatan, "digabung_ke_id": jabatan},
        struktur_id=baru.pk,
    )
    return {"unit": unit, "jabatan": jabatan, "penempatan": penempatan}


@transaction.atomic
def struktur_salin(
    *,
    akses: Akses,
    sumber: Struktur,
    nama: str,
    keterangan: str = "",
    dasar_hukum_nomor: str = "",
    dasar_hukum_tanggal: date | None = None,
) -> Struktur:
    """A new draft version that is a full copy of `sumber`; every copied row names its origin.

    Any version may be copied (also the one in force or an archive): the copy is a scenario.
    Its name and legal basis are the ones typed (they are printed on every report of the
    copy); the source's legal basis is not carried over, it is not the scenario's.
    """
    akses.pastikan_instansi(sumber)
    pastikan_analis(akses)
    nama = (nama or "").strip()
    if not nama:
        raise RampingError("Nama skenario wajib diisi.", field="nama")
    baru = Struktur(
        instansi_id=sumber.instansi_id,
        nama=nama,
        keterangan=(keterangan or "").strip(),
        dasar_hukum_nomor=(dasar_hukum_nomor or "").strip(),
        dasar_hukum_tanggal=dasar_hukum_tanggal,
        status=Struktur.Status.DRAFT,
        turunan_dari=sumber,
    )
    baru.full_clean()
    baru.save()
    peta = salin_isi(sumber, baru)
    audit_catat(
        instansi_id=sumber.instansi_id,
        pengguna=akses.pengguna,
        aksi="struktur_salin",
        objek=baru,
        ringkasan=f"Skenario {baru.nama} disalin dari {sumber.nama}",
        perubahan={"sumber": sumber.pk, **{k: len(v) for k, v in peta.items()}},
    )
    return baru
