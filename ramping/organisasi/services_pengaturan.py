"""The agency's rule settings for ABK and imports (`PengaturanInstansi`), edited by the analis.

Each value is one the regulations leave to the agency (its Perkada on ABK): the WKE of
PermenPAN-RB 1/2020, the rounding of K, the working days and weeks that turn per-period
volumes into yearly ones (Kepmenpan 75/2004) and the ceiling above which an import warns.
A change recomputes K of every version still in use (draft, proposal, in force) at once, so
no page shows K computed under the old settings; archived versions keep the K they were
published with.
"""

from decimal import Decimal

from django.db import transaction

from ramping import aturan
from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError
from ramping.jabatan.services import abk_hitung_ulang
from ramping.organisasi.models import PengaturanInstansi, Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi

FIELD_ATURAN = (
    "wke_jam",
    "mode_pembulatan",
    "minimal_satu",
    "dasar_hukum",
    "hari_kerja_tahun",
    "minggu_kerja_tahun",
    "batas_k_wajar",
)


class PengaturanTidakSah(RampingError):
    pesan = "Pengaturan tidak dapat disimpan."


@transaction.atomic
def pengaturan_aturan_ubah(
    *,
    akses: Akses,
    wke_jam: Decimal,
    mode_pembulatan: str,
    minimal_satu: bool,
    dasar_hukum: str = "",
    hari_kerja_tahun: int | None = None,
    minggu_kerja_tahun: int | None = None,
    batas_k_wajar: Decimal | None = None,
) -> dict[str, int]:
    """Save the settings, audit them, and recompute K of the versions in use.

    Returns {version name: positions recomputed}."""
    pastikan_analis(akses)
    nilai = {
        "wke_jam": wke_jam,
        "mode_pembulatan": mode_pembulatan,
        "minimal_satu": minimal_satu,
        "dasar_hukum": dasar_hukum.strip(),
        "hari_kerja_tahun": hari_kerja_tahun,
        "minggu_kerja_tahun": minggu_kerja_tahun,
        "batas_k_wajar": batas_k_wajar,
    }
    try:  # the rules engine's own checks decide what is valid (one place for the rule)
        aturan.PENGATURAN_BAWAAN.ganti(
            **{k: v for k, v in nilai.items() if k != "dasar_hukum" and v is not None}
        )
    except aturan.PengaturanTidakValid as e:
        # Shown beside the field: its label and the rule, not the engine's setting key.
        label = PengaturanInstansi._meta.get_field(e.nama).verbose_name
        raise PengaturanTidakSah(
            f"{str(label).capitalize()} tidak sah: {e.alasan}.", field=e.nama
        ) from e
    lama = pengaturan_instansi(instansi_id=akses.instansi_id)
    obj = (
        PengaturanInstansi.objects.select_for_update().filter(instansi_id=akses.instansi_id).first()
    )
    if obj is None:
        obj = PengaturanInstansi(instansi_id=akses.instansi_id)
    perubahan = perubahan_field(obj, nilai) if obj.pk else {k: (None, v) for k, v in nilai.items()}
    if not perubahan:
        return {}
    for k, v in nilai.items():
        setattr(obj, k, v)
    obj.full_clean()
    obj.save()
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="pengaturan_aturan_ubah",
        objek=obj,
        ringkasan="Pengaturan ABK dan impor diubah",
        perubahan=perubahan,
    )
    hasil = {}
    # Only a change of what K depends on (as in force before, defaults included) recomputes.
    if (lama.wke_jam, lama.mode_pembulatan, lama.minimal_satu) != (
        wke_jam,
        mode_pembulatan,
        minimal_satu,
    ):
        for s in Struktur.objects.filter(instansi_id=akses.instansi_id).exclude(
            status=Struktur.Status.ARSIP
        ):
            hasil[s.nama] = abk_hitung_ulang(akses=akses, struktur=s)
    return hasil
