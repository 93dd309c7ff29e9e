"""Bulk writes (imports of a whole OPD or agency): the same permission rule, set-based ABK
recompute and one audit entry per position, in a constant number of queries."""

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from django.db import connection, models, transaction
from django.db.models.deletion import get_candidate_relations_to_delete
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.audit.services import Entri, audit_catat_banyak
from ramping.errors import RampingError, TidakBerhak
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.abk import TUGAS_FIELD, hitung_ulang_jabatan_terpilih
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.organisasi.models import Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi

POTONGAN = 2000  # tasks sent to the database per executemany


def _sisip_tugas(instansi_id: int, tugas: Iterable[tuple[int, dict]]) -> Counter:
    """INSERT of many tasks through the driver's executemany, `POTONGAN` rows at a time from
    a stream of (position id, task fields): neither the tasks nor their rows are held whole
    (issue #15 item 6). `bulk_create` compiles every value through the ORM, which for 100,000
    rows costs more than the insert itself. Values are prepared as the ORM would: decimals by
    their field, the version 1 and one timestamp for all rows; the caller has validated every
    task (rules engine). Each position's tasks are numbered (`urutan`) in the stream's order.
    Returns the number of tasks written per position."""
    meta = Tugas._meta
    medan = [f for f in meta.concrete_fields if not f.primary_key]
    sekarang = connection.ops.adapt_datetimefield_value(timezone.now())
    desimal = {f.attname: f for f in medan if f.get_internal_type() == "DecimalField"}
    # Every other column takes its field's default, as the ORM would (versi 1, no editor).
    tetap = {f.attname: f.get_default() for f in medan}
    tetap |= {"instansi_id": instansi_id, "diubah": sekarang}
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        connection.ops.quote_name(meta.db_table),
        ", ".join(connection.ops.quote_name(f.column) for f in medan),
        ", ".join(["%s"] * len(medan)),
    )
    sah = set(TUGAS_FIELD)

    def nilai(jabatan_id: int, urutan: int, t: dict) -> list:
        if not sah.issuperset(t):
            raise TypeError(f"tugas_ganti_massal tidak menerima {sorted(set(t) - sah)}")
        baris = {**tetap, "jabatan_id": jabatan_id, "urutan": urutan, **t}
        for nama, f in desimal.items():
            v = baris[nama]
            # A finite Decimal is what the field's preparation would return unchanged (Django
            # 5.2: Decimal(v) after a finiteness check); anything else goes through the field.
            if type(v) is not Decimal or not v.is_finite():
                baris[nama] = f.get_db_prep_save(v, connection)
        return [baris[f.attname] for f in medan]

    jumlah: Counter = Counter()
    potongan: list[list] = []
    with connection.cursor() as kursor:
        for jabatan_id, t in tugas:
            jumlah[jabatan_id] += 1
            potongan.append(nilai(jabatan_id, jumlah[jabatan_id], t))
            if len(potongan) >= POTONGAN:
                kursor.executemany(sql, potongan)
                potongan = []
        if potongan:
            kursor.executemany(sql, potongan)
    return jumlah


def _hapus_tugas(jabatan_id: list[int]) -> None:
    """Delete the positions' tasks as the ORM's delete would (a reference with SET_NULL — a
    review note pointing at a task — loses it), in one statement per relation: the ORM's
    Collector would first load every task as a model instance, 100,000 of them on a
    re-import (issue #15 item 6). Any other kind of reference takes the ORM's way."""
    lama = Tugas.objects.filter(jabatan_id__in=jabatan_id)
    relasi = list(get_candidate_relations_to_delete(Tugas._meta))  # as the Collector sees
    if any(r.on_delete is not models.SET_NULL for r in relasi):
        lama.delete()
        return
    for r in relasi:
        r.related_model.objects.filter(**{f"{r.field.name}__in": lama}).update(
            **{r.field.name: None}
        )
    lama._raw_delete(lama.db)


@transaction.atomic
def tugas_ganti_massal(
    *,
    akses: Akses,
    struktur: Struktur,
    ganti: dict[int, list[dict]] | None = None,
    jumlah: dict[int, int] | None = None,
    tugas: Iterable[tuple[int, dict]] = (),
    aksi: str = "impor_tugas",
    catatan: dict | None = None,
) -> int:
    """Replace the task lists of many positions of one version and recompute their K: either
    `ganti` ({jabatan id: [task fields]}), or — for a file too large to hold — `jumlah`
    ({jabatan id: number of tasks}) with `tugas`, a stream of (jabatan id, task fields) in
    order, written as it comes. Refuses the whole write if one position may not be changed,
    or if the stream does not hold exactly `jumlah` tasks of those positions (the file changed
    between check and write). `catatan` (e.g. the import warnings the user acknowledged) goes
    into every audit entry."""
    if ganti is not None:
        jumlah = {j: len(daftar) for j, daftar in ganti.items()}
        tugas = ((j, t) for j, daftar in ganti.items() for t in daftar)
    jumlah = jumlah or {}
    jabatan = {
        j.pk: j
        for j in Jabatan.objects.filter(struktur=struktur, pk__in=list(jumlah)).select_related(
            "unit"
        )
    }
    if len(jabatan) != len(jumlah):
        raise TidakBerhak("Sebagian jabatan tidak ada pada versi struktur ini.")
    izin = penjaga_ubah_jabatan(akses, struktur)
    for j in jabatan.values():
        if (alasan := izin(j)) is not None:
            raise TidakBerhak(f"{j.nama}: {alasan}")
    _hapus_tugas(list(jumlah))
    ditulis = _sisip_tugas(akses.instansi_id, tugas)
    if any(ditulis[j] != n for j, n in jumlah.items()) or set(ditulis) - set(jumlah):
        raise RampingError(
            "Tugas yang akan ditulis tidak sama dengan hasil pemeriksaan; tidak ada yang "
            "disimpan. Ulangi impor."
        )
    # K of every replaced position in one pass (not one recompute per position).
    hitung_ulang_jabatan_terpilih(
        jabatan=Jabatan.objects.filter(pk__in=list(jumlah)),
        pengaturan=pengaturan_instansi(instansi_id=akses.instansi_id),
    )
    return audit_catat_banyak(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi=aksi,
        entri=[
            Entri(
                jabatan[jabatan_id],
                f"Tugas {jabatan[jabatan_id].nama} diganti dari impor",
                {"tugas": n, **(catatan or {})},
            )
            for jabatan_id, n in jumlah.items()
        ],
    )
