"""Bulk writes (imports of a whole OPD or agency): the same permission rule, set-based ABK
recompute and one audit entry per position, in a constant number of queries."""

from django.db import transaction

from ramping.akun.akses import Akses
from ramping.audit.services import Entri, audit_catat_banyak
from ramping.errors import TidakBerhak
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.abk import TUGAS_FIELD, hitung_ulang_jabatan_terpilih
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.organisasi.models import Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi


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
    Tugas.objects.bulk_create(
        [
            Tugas(instansi_id=akses.instansi_id, jabatan_id=jabatan_id, urutan=i, **t)
            for jabatan_id, daftar in ganti.items()
            for i, t in enumerate(daftar, 1)
        ],
        batch_size=2000,
    )
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
