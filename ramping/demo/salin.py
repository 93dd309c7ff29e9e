"""Bulk copies of generated agencies for the national scale dataset (issue #15, item 7).

Loading one demo-shaped agency through the ORM costs ≈30 s on PostgreSQL (tens of thousands of
model instances and parameterised INSERTs); 800 agencies that way would take ≈7 hours. Here a few
*template* agencies are generated normally (distinct seeds, so the data are not all alike), then
every other agency is a server-side copy of one template: for each agency-owned table one
``INSERT … SELECT`` per chunk of agencies, with new ids computed by arithmetic (the rows never
travel to Python — the database's own bulk path, the equivalent of ``COPY`` without the round trip).
The same SQL runs on SQLite and PostgreSQL.

Id arithmetic: for table *t* and a template, ``min`` and ``span`` are the smallest id and the width
of the template's id range, ``base`` the table's next free id; copy *n* (0, 1, …) of a chunk gets
``id − min + base + n × span``. A foreign key to another copied table is moved with that table's
numbers, so every reference stays inside its own copy; references to shared rows (users) are kept.
Audit entries are not copied: every copy gets one entry of its own (``demo_salin``). Values
inside JSON columns (a penataan snapshot's frozen content) are copied verbatim: the national
generator's templates have no penataan round, so none arise there.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction

from ramping.akun.models import Keanggotaan, TokenApi
from ramping.audit.models import JejakAudit
from ramping.audit.services import _baris
from ramping.organisasi.models import Instansi
from ramping.pekerjaan.models import Pekerjaan


class SalinanTidakLengkap(Exception):
    """A table refers to agency data but cannot be copied (no agency column)."""


@dataclass(frozen=True)
class _Rentang:
    awal: int  # smallest id of the template's rows
    lebar: int  # max − min + 1


# Not copied: memberships and API tokens are people's logins (the installation's users; a token
# is a secret), background jobs and audit entries describe what happened to the template, not to
# the copy (each copy gets its own audit entry).
_TIDAK_DISALIN = (Keanggotaan, TokenApi, Pekerjaan, JejakAudit)


def model_milik_instansi() -> list[type[models.Model]]:
    """Agency-owned models in an order where every foreign key points backwards."""
    milik = [
        m
        for m in apps.get_models()
        if m not in _TIDAK_DISALIN
        and any(
            f.is_relation and (f.many_to_one or f.one_to_one) and f.related_model is Instansi
            for f in m._meta.concrete_fields
        )
    ]
    urut: list[type[models.Model]] = []
    sisa = list(milik)
    while sisa:
        for m in sisa:
            tergantung = {
                f.related_model
                for f in m._meta.concrete_fields
                if f.is_relation and f.related_model in milik and f.related_model is not m
            }
            if tergantung <= set(urut):
                urut.append(m)
                sisa.remove(m)
                break
        else:  # pragma: no cover - a foreign-key cycle between two tables
            raise SalinanTidakLengkap(f"Urutan salin tidak dapat ditentukan: {sisa}")
    return urut


def _periksa_lengkap(milik: list[type[models.Model]]) -> None:
    """Every model that points at agency data must itself be copied (fail closed)."""
    for m in apps.get_models(include_auto_created=True):
        if m in milik or m in _TIDAK_DISALIN:
            continue
        for f in m._meta.concrete_fields:
            if f.is_relation and f.related_model in milik and m.objects.exists():
                raise SalinanTidakLengkap(
                    f"Tabel {m._meta.db_table} merujuk {f.related_model._meta.db_table} tanpa "
                    "kolom instansi: salinan tidak akan lengkap."
                )


def _rentang(cur, tabel: str, templat_id: int) -> _Rentang | None:
    cur.execute(f"SELECT MIN(id), MAX(id) FROM {tabel} WHERE instansi_id = %s", [templat_id])
    kecil, besar = cur.fetchone()
    return None if kecil is None else _Rentang(kecil, besar - kecil + 1)


def _salin_potongan(
    templat: Instansi,
    baru: list[Instansi],
    milik: list[type[models.Model]],
    rentang: dict[type[models.Model], _Rentang | None],
) -> int:
    """Copy the template's rows once per new agency of the chunk: one INSERT … SELECT per
    table. Returns the number of rows written."""
    q = connection.ops.quote_name
    # The chunk as a tiny table: copy number → new agency id (VALUES, portable).
    nomor = ", ".join(f"({n}, {int(i.pk)})" for n, i in enumerate(baru))
    dasar: dict[type[models.Model], int] = {}
    ditulis = 0
    with connection.cursor() as cur:
        for m in milik:
            r = rentang[m]
            if r is None:
                continue
            tabel = q(m._meta.db_table)
            cur.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {tabel}")
            dasar[m] = cur.fetchone()[0]
            kolom, nilai = [], []
            for f in m._meta.concrete_fields:
                kolom.append(q(f.column))
                if f.primary_key:
                    nilai.append(f"t.{q(f.column)} - {r.awal} + {dasar[m]} + g.n * {r.lebar}")
                elif f.is_relation and f.related_model is Instansi:
                    nilai.append("g.inst")
                elif f.is_relation and f.related_model in dasar:
                    rr = rentang[f.related_model]
                    nilai.append(
                        f"t.{q(f.column)} - {rr.awal} + {dasar[f.related_model]} + g.n * {rr.lebar}"
                    )
                elif f.is_relation and f.related_model in _TIDAK_DISALIN:
                    raise SalinanTidakLengkap(
                        f"{m._meta.db_table}.{f.column} merujuk data yang tidak disalin"
                    )
                else:
                    # Plain values, shared rows (users) and references to an agency table the
                    # template has no rows in (then NULL) are copied as they are.
                    nilai.append(f"t.{q(f.column)}")
            cur.execute(
                # INSERT first (the driver reports the row count of a statement that starts so).
                f"INSERT INTO {tabel} ({', '.join(kolom)}) "
                f"WITH g(n, inst) AS (VALUES {nomor}) "
                f"SELECT {', '.join(nilai)} FROM {tabel} t CROSS JOIN g "
                f"WHERE t.instansi_id = %s",
                [templat.pk],
            )
            ditulis += cur.rowcount
    return ditulis


def _setel_urutan(milik: list[type[models.Model]]) -> None:
    """PostgreSQL: move each identity sequence past the ids written by hand."""
    if connection.vendor != "postgresql":
        return
    q = connection.ops.quote_name
    with connection.cursor() as cur:
        for m in [*milik, Instansi]:
            tabel = m._meta.db_table
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {q(tabel)}))",
                [tabel],
            )


def salin_instansi(
    *,
    templat: list[Instansi],
    jumlah: int,
    nama: Callable[[int], str],
    kode: Callable[[int], str],
    jenis: str = "kota",
    potongan: int = 25,
    kemajuan: Callable[[int, int], None] | None = None,
) -> tuple[list[Instansi], int]:
    """Create ``jumlah`` agencies, the i-th a copy of ``templat[i % len(templat)]``, named
    ``nama(i)`` / ``kode(i)`` (i from 0). One transaction per chunk of ``potongan`` agencies per
    template, so an interrupted run keeps whole agencies only. Returns the agencies and the
    number of rows written."""
    milik = model_milik_instansi()
    _periksa_lengkap(milik)
    rentang = {}
    with connection.cursor() as cur:
        for t in templat:
            rentang[t.pk] = {
                m: _rentang(cur, connection.ops.quote_name(m._meta.db_table), t.pk) for m in milik
            }
    semua: list[Instansi] = []
    baris = 0
    per_templat = {
        t.pk: [i for i in range(jumlah) if i % len(templat) == k] for k, t in enumerate(templat)
    }
    selesai = 0
    for t in templat:
        nomor = per_templat[t.pk]
        for awal in range(0, len(nomor), potongan):
            bagian = nomor[awal : awal + potongan]
            with transaction.atomic():
                baru = Instansi.objects.bulk_create(
                    [Instansi(nama=nama(i), kode=kode(i), jenis=jenis) for i in bagian]
                )
                baris += _salin_potongan(t, baru, milik, rentang[t.pk])
                JejakAudit.objects.bulk_create(
                    [
                        _baris(
                            i.pk,
                            None,
                            "demo_salin",
                            i,
                            f"Data contoh {i.nama} dimuat (salinan {t.kode})",
                            {"templat": t.kode},
                            None,
                        )
                        for i in baru
                    ]
                )
                _setel_urutan(milik)
            semua += baru
            selesai += len(bagian)
            if kemajuan:
                kemajuan(selesai, jumlah)
    _analisis(milik)
    return semua, baris


def _analisis(milik: list[type[models.Model]]) -> None:
    """PostgreSQL: refresh the planner's statistics after a bulk load (autovacuum would do it
    later; until then a query can get a plan made for the empty tables)."""
    if connection.vendor != "postgresql":
        return
    q = connection.ops.quote_name
    with connection.cursor() as cur:
        for m in [*milik, Instansi, JejakAudit]:
            cur.execute(f"ANALYZE {q(m._meta.db_table)}")
