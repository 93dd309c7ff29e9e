"""Recomputing K (the ABK results) of an agency's versions: `ramping hitung_ulang` and the job
kind `hitung_ulang` that its `--antrikan` queues (`ramping.pekerjaan`), one per agency.

Every version goes through `abk_hitung_ulang` (one transaction and one audit entry per version)
inside the agency's scope, which the command or the worker's task has opened. Archived versions
are frozen and left alone. Registered by `JabatanConfig`.
"""

from collections.abc import Callable
from typing import BinaryIO

from ramping.akun.akses import Akses, pastikan_analis
from ramping.errors import TidakDitemukan
from ramping.jabatan.services.abk import abk_hitung_ulang
from ramping.organisasi.models import Struktur
from ramping.organisasi.selectors import struktur_daftar, struktur_versi
from ramping.organisasi.services import pastikan_bukan_arsip
from ramping.pekerjaan.jenis import Kemajuan, Rencana, daftarkan

HITUNG_ULANG = "hitung_ulang"
PESAN_TANPA_VERSI = "Instansi belum memiliki versi struktur yang dapat dihitung ulang."


def versi_dihitung(*, akses: Akses, struktur_id: int | None) -> list[Struktur]:
    """The version asked for, else every version not archived, oldest first."""
    pastikan_analis(akses)
    if struktur_id is not None:
        _, struktur = struktur_versi(akses=akses, struktur_id=struktur_id)
        pastikan_bukan_arsip(struktur)
        return [struktur]
    semua = struktur_daftar(akses=akses).exclude(status=Struktur.Status.ARSIP)
    return list(semua.order_by("id"))


def hitung_ulang_versi(
    *, akses: Akses, struktur: list[Struktur], kemajuan: Callable[[int, int, str], None]
) -> list[tuple[Struktur, int]]:
    """Recompute each version in turn; (version, positions recomputed) for each."""
    hasil = []
    for i, s in enumerate(struktur):
        kemajuan(i, len(struktur), s.nama)
        hasil.append((s, abk_hitung_ulang(akses=akses, struktur=s)))
    kemajuan(len(struktur), len(struktur), "")
    return hasil


def hitung_ulang_periksa(*, akses: Akses, struktur_id: int | None = None) -> Rencana:
    struktur = versi_dihitung(akses=akses, struktur_id=struktur_id)
    if not struktur:
        raise TidakDitemukan(PESAN_TANPA_VERSI)
    return Rencana(
        judul=f"Hitung ulang ABK: {len(struktur)} versi",
        nama_berkas="hitung-ulang-abk.txt",
        parameter={"struktur_id": struktur_id},
    )


def hitung_ulang_jalankan(*, akses: Akses, parameter: dict, berkas: BinaryIO, kemajuan: Kemajuan):
    # The versions as they are now (one may have been archived since it was queued).
    struktur = versi_dihitung(akses=akses, struktur_id=parameter.get("struktur_id"))
    hasil = hitung_ulang_versi(akses=akses, struktur=struktur, kemajuan=kemajuan)
    baris = [f"Hitung ulang ABK: {len(hasil)} versi"]
    baris += [f"- {s.nama} (id {s.pk}): {n} jabatan dihitung ulang" for s, n in hasil]
    berkas.write(("\n".join(baris) + "\n").encode("utf-8"))


def daftarkan_semua() -> None:
    daftarkan(HITUNG_ULANG, periksa=hitung_ulang_periksa, jalankan=hitung_ulang_jalankan)
