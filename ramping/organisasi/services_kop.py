"""The letterhead and officials of an agency's documents (settings page `pengaturan/kop/`).

`PengaturanInstansi` is not `Berversi`: these settings change rarely and are edited by one or
two people, so the last save wins (no optimistic lock); every save is audited with its changes.
"""

import uuid
from io import BytesIO

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import LogoDitolak
from ramping.organisasi.models import Instansi, PengaturanInstansi
from ramping.organisasi.pengaturan import PENGATURAN_BAWAAN

FIELD_KOP = frozenset(
    {
        "kop_pemerintah",
        "kop_unit",
        "alamat",
        "kota",
        "jenis_peraturan",
        "jabatan_kepala_daerah",
        "nama_kepala_daerah",
        "penandatangan_nama",
        "penandatangan_jabatan",
        "penandatangan_nip",
        "penandatangan_pangkat",
    }
)
LOGO_MAKS = 1024 * 1024
FORMAT_LOGO = {"PNG": "png", "JPEG": "jpg"}


def logo_periksa(berkas) -> tuple[bytes, str]:
    """The upload's bytes and extension, or `LogoDitolak`: PNG/JPEG only, ≤ 1 MB, and Pillow
    must decode it whole (a renamed or truncated file would break every document later)."""
    if berkas.size is not None and berkas.size > LOGO_MAKS:
        raise LogoDitolak("Berkas logo terlalu besar: paling besar 1 MB.", field="logo")
    isi = berkas.read(LOGO_MAKS + 1)
    if len(isi) > LOGO_MAKS:
        raise LogoDitolak("Berkas logo terlalu besar: paling besar 1 MB.", field="logo")
    try:
        with Image.open(BytesIO(isi)) as gambar:
            format = gambar.format
            gambar.verify()
        with Image.open(BytesIO(isi)) as gambar:
            gambar.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise LogoDitolak(
            "Berkas logo tidak dapat dibaca sebagai gambar PNG atau JPEG.", field="logo"
        ) from None
    if format not in FORMAT_LOGO:
        raise LogoDitolak("Logo harus berupa gambar PNG atau JPEG.", field="logo")
    return isi, FORMAT_LOGO[format]


@transaction.atomic
def pengaturan_kop_ubah(
    *, akses: Akses, logo=None, hapus_logo: bool = False, **nilai: str
) -> PengaturanInstansi:
    """Change the letterhead lines, the officials and (optionally) the logo; audit one entry.

    Agency-wide roles only (admin instansi, analis organisasi: the Bagian Organisasi drafts
    the documents that print them). The logo is checked before anything is written.
    """
    pastikan_analis(akses)
    tak_dikenal = set(nilai) - FIELD_KOP
    if tak_dikenal:
        raise TypeError(f"pengaturan_kop_ubah tidak menerima {sorted(tak_dikenal)}")
    logo_baru = logo_periksa(logo) if logo is not None else None
    nilai = {k: v.strip() for k, v in nilai.items()}
    obj = (
        PengaturanInstansi.objects.select_for_update().filter(instansi_id=akses.instansi_id).first()
    )
    if obj is None:
        # The rule settings keep the rules engine's defaults until the agency sets its own.
        obj = PengaturanInstansi(
            instansi_id=akses.instansi_id,
            wke_jam=PENGATURAN_BAWAAN.wke_jam,
            mode_pembulatan=PENGATURAN_BAWAAN.mode_pembulatan,
            minimal_satu=PENGATURAN_BAWAAN.minimal_satu,
        )
    perubahan = perubahan_field(obj, nilai)
    for nama, (_lama, baru) in perubahan.items():
        setattr(obj, nama, baru)
    logo_lama = obj.logo.name if obj.logo else ""
    if logo_baru is not None:
        isi, akhiran = logo_baru
        kode = Instansi.objects.only("kode").get(pk=akses.instansi_id).kode
        # A new name each time: a cached old logo is never shown for the new one.
        obj.logo.save(f"{kode}-{uuid.uuid4().hex[:8]}.{akhiran}", ContentFile(isi), save=False)
        perubahan["logo"] = (logo_lama, obj.logo.name)
    elif hapus_logo and logo_lama:
        obj.logo = ""
        perubahan["logo"] = (logo_lama, "")
    obj.full_clean()
    obj.save()
    if "logo" in perubahan and logo_lama:
        penyimpanan = obj.logo.storage
        # The old file goes only once the new row is committed (a rollback keeps it in use).
        transaction.on_commit(lambda: penyimpanan.delete(logo_lama))
    if perubahan:
        audit_catat(
            instansi_id=akses.instansi_id,
            pengguna=akses.pengguna,
            aksi="pengaturan_kop_ubah",
            objek=obj,
            ringkasan="Kop dokumen dan pejabat penanda tangan diubah",
            perubahan=perubahan,
        )
    return obj
