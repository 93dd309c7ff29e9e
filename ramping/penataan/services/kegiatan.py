"""Opening, changing and closing a penataan round."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError
from ramping.inti.kunci import simpan_jika_tetap
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.services import pastikan_bukan_arsip
from ramping.penataan import errors
from ramping.penataan.models import (
    Bagian,
    KegiatanPenataan,
    PesertaPenataan,
)

FIELD_KEGIATAN = {"nama", "dasar_hukum", "tenggat", "nomor_surat", "tanggal_surat", "perihal",
                  "isi_surat"}  # fmt: skip


# --- rounds ------------------------------------------------------------------------------------


def _diminta(diminta: Iterable[str]) -> list[str]:
    dipilih = [b for b in Bagian.values if b in set(diminta)]
    if not dipilih:
        raise RampingError("Pilih sedikitnya satu hal yang diminta.", field="diminta")
    if set(diminta) - set(Bagian.values):
        raise RampingError("Hal yang diminta tidak dikenal.", field="diminta")
    return dipilih


@transaction.atomic
def kegiatan_buat(
    *,
    akses: Akses,
    struktur: Struktur,
    nama: str,
    tenggat: date,
    diminta: Iterable[str],
    dasar_hukum: str = "",
    opd_kode: Iterable[str] | None = None,
    tenggat_opd: dict[str, date] | None = None,
    nomor_surat: str = "",
    tanggal_surat: date | None = None,
    perihal: str = "",
    isi_surat: str = "",
) -> KegiatanPenataan:
    """Open a round on a version for the chosen OPDs (None: every OPD of the version)."""
    akses.pastikan_instansi(struktur)
    pastikan_analis(akses)
    pastikan_bukan_arsip(struktur)
    if not nama.strip():
        raise RampingError("Nama kegiatan wajib diisi.", field="nama")
    semua = {u.kode: u for u in UnitKerja.objects.filter(struktur=struktur, kedalaman=0)}
    pilihan = list(semua) if opd_kode is None else list(dict.fromkeys(opd_kode))
    if not pilihan:
        raise RampingError("Pilih sedikitnya satu perangkat daerah.", field="opd")
    if asing := [k for k in pilihan if k not in semua]:
        raise RampingError(f"Perangkat daerah tidak dikenal: {', '.join(asing)}.", field="opd")
    khusus = tenggat_opd or {}
    if asing := [k for k in khusus if k not in pilihan]:
        raise RampingError(f"Batas waktu untuk OPD yang tidak ikut: {', '.join(asing)}.")
    kegiatan = KegiatanPenataan(
        instansi_id=struktur.instansi_id,
        struktur=struktur,
        nama=nama.strip(),
        dasar_hukum=dasar_hukum.strip(),
        diminta=_diminta(diminta),
        tenggat=tenggat,
        nomor_surat=nomor_surat.strip(),
        tanggal_surat=tanggal_surat,
        perihal=perihal.strip() or nama.strip(),
        isi_surat=isi_surat.strip(),
        dibuat_oleh=akses.pengguna,
        diubah_oleh=akses.pengguna,
    )
    kegiatan.full_clean()
    kegiatan.save()
    PesertaPenataan.objects.bulk_create(
        [
            PesertaPenataan(
                instansi_id=struktur.instansi_id,
                kegiatan=kegiatan,
                opd=semua[kode],
                tenggat=khusus.get(kode),
            )
            for kode in pilihan
        ]
    )
    audit_catat(
        instansi_id=struktur.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_buat",
        objek=kegiatan,
        ringkasan=f"Kegiatan penataan {kegiatan.nama} dibuka untuk {len(pilihan)} OPD",
        perubahan={"diminta": kegiatan.diminta, "tenggat": tenggat, "opd": pilihan},
    )
    return kegiatan


@transaction.atomic
def kegiatan_ubah(
    *, akses: Akses, kegiatan: KegiatanPenataan, versi: int, **nilai: Any
) -> KegiatanPenataan:
    """Change the round's name, legal basis, deadline or its Surat Edaran's details."""
    if tak_dikenal := set(nilai) - FIELD_KEGIATAN:
        raise TypeError(f"kegiatan_ubah tidak menerima {sorted(tak_dikenal)}")
    akses.pastikan_instansi(kegiatan)
    pastikan_analis(akses)
    nilai = {k: v.strip() if isinstance(v, str) else v for k, v in nilai.items()}
    if "nama" in nilai and not nilai["nama"]:
        raise RampingError("Nama kegiatan wajib diisi.", field="nama")
    perubahan = perubahan_field(kegiatan, nilai)
    simpan_jika_tetap(kegiatan, versi=versi, oleh=akses.pengguna, **nilai)
    audit_catat(
        instansi_id=kegiatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_ubah",
        objek=kegiatan,
        ringkasan=f"Kegiatan penataan {kegiatan.nama} diubah",
        perubahan=perubahan,
    )
    return kegiatan


@transaction.atomic
def kegiatan_tutup(*, akses: Akses, kegiatan: KegiatanPenataan, versi: int) -> KegiatanPenataan:
    """Close a round: its locks end; its history, notes and snapshots stay."""
    akses.pastikan_instansi(kegiatan)
    pastikan_analis(akses)
    simpan_jika_tetap(
        kegiatan,
        versi=versi,
        oleh=akses.pengguna,
        syarat={"status": KegiatanPenataan.Status.BERJALAN},
        galat=errors.KegiatanDitutup,
        status=KegiatanPenataan.Status.DITUTUP,
    )
    audit_catat(
        instansi_id=kegiatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_tutup",
        objek=kegiatan,
        ringkasan=f"Kegiatan penataan {kegiatan.nama} ditutup",
    )
    return kegiatan
