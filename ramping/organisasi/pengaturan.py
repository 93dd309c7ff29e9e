"""An agency's rule settings as the rules engine's Pengaturan."""

from ramping.aturan import PENGATURAN_BAWAAN, Pengaturan
from ramping.organisasi.models import PengaturanInstansi


def pengaturan_instansi(*, instansi_id: int) -> Pengaturan:
    """The defaults of ramping.aturan, overridden by what the agency has chosen."""
    pilihan = PengaturanInstansi.objects.filter(instansi_id=instansi_id).first()
    if pilihan is None:
        return PENGATURAN_BAWAAN
    return PENGATURAN_BAWAAN.ganti(
        wke_jam=pilihan.wke_jam,
        mode_pembulatan=pilihan.mode_pembulatan,
        minimal_satu=pilihan.minimal_satu,
    )
