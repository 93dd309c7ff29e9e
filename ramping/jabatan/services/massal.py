"""Bulk writes (imports of a whole OPD or agency): the same permission rule, set-based ABK
recompute and one audit entry per position, in a constant number of queries."""

from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.audit.services import Entri, audit_catat_banyak
from ramping.errors import TidakBerhak
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.abk import TUGAS_FIELD, hitung_ulang_jabatan_terpilih
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.organisasi.models import Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi


def _sisip_tugas(instansi_id: int, ganti: dict[int, list[dict]]) -> None:
    """INSERT of many tasks through the driver's executemany: `bulk_create` compiles every
    value through the ORM, which for 100,000 rows costs more than the insert itself (issue
    #15 item 6). Values are prepared as the ORM would: decimals by their field, the version 1
    and one timestamp for all rows; the caller has validated every task (rules engine)."""
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

    def nilai(jabatan_id: int, urutan: int, t: dict) -> list:
        baris = {**tetap, "jabatan_id": jabatan_id, "urutan": urutan, **t}
        for nama, f in desimal.items():
            v = baris[nama]
            # A finite Decimal is what the field's preparation would return unchanged (Django
            # 5.2: Decimal(v) after a finiteness check); anything else goes through the field.
            if type(v) is not Decimal or not v.is_finite():
                baris[nama] = f.get_db_prep_save(v, connection)
        return [baris[f.attname] for f in medan]

    semua = [
        nilai(jabatan_id, i, t)
        for jabatan_id, daftar in ganti.items()
        for i, t in enumerate(daftar, 1)
    ]
    with connection.cursor() as kursor:
        for awal in range(0, len(semua), 5000):
            kursor.executemany(sql, semua[awal : awal + 5000])


@transaction.atomic
def tugas_ganti_massal(
    *,
    akses: Akses,
    struktur: Struktur,
    ganti: dict[int, list[dict]],
    aksi: str = "impor_tugas",
    catatan: dict | None = None,
) -> int:
    """Replace the task lists of many positions of one version ({jabatan id: [task fields]})
    and recompute their K. Refuses the whole write if one position may not be changed.
    `catatan` (e.g. the import warnings the user acknowledged) goes into every audit entry."""
    jabatan = {
        j.pk: j
        for j in Jabatan.objects.filter(struktur=struktur, pk__in=list(ganti)).select_related(
            "unit"
        )
    }
    if len(jabatan) != len(ganti):
        raise TidakBerhak("Sebagian jabatan tidak ada pada versi struktur ini.")
    izin = penjaga_ubah_jabatan(akses, struktur)
    for j in jabatan.values():
        if (alasan := izin(j)) is not None:
            raise TidakBerhak(f"{j.nama}: {alasan}")
    for daftar in ganti.values():
        for t in daftar:
            if set(t) - set(TUGAS_FIELD):
                raise TypeError(
                    f"tugas_ganti_massal tidak menerima {sorted(set(t) - set(TUGAS_FIELD))}"
                )
    Tugas.objects.filter(jabatan_id__in=list(ganti)).delete()
    _sisip_tugas(akses.instansi_id, ganti)
    # K of every replaced position in one pass (not one recompute per position).
    hitung_ulang_jabatan_terpilih(
        jabatan=Jabatan.objects.filter(pk__in=list(ganti)),
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
                {"tugas": len(daftar), **(catatan or {})},
            )
            for jabatan_id, daftar in ganti.items()
        ],
    )
