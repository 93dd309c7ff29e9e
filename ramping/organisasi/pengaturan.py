"""An agency's settings: rule choices as the rules engine's Pengaturan, and the letterhead and
officials every official document prints (`KopInstansi`, drawn by `ramping.laporan.kop`)."""

from dataclasses import dataclass
from types import SimpleNamespace

from ramping.aturan import PENGATURAN_BAWAAN, Pengaturan
from ramping.organisasi.models import Instansi, PengaturanInstansi

# Head of the region and the title of their regulation, by the kind of agency: the fallback
# until the agency fills its settings in.
KEPALA_DAERAH = {
    Instansi.Jenis.KOTA: ("Wali Kota", "Peraturan Wali Kota"),
    Instansi.Jenis.KABUPATEN: ("Bupati", "Peraturan Bupati"),
    Instansi.Jenis.PROVINSI: ("Gubernur", "Peraturan Gubernur"),
    Instansi.Jenis.KEMENTERIAN: ("Menteri", "Peraturan Menteri"),
    Instansi.Jenis.LEMBAGA: ("Kepala", "Peraturan Kepala"),
}


# The rule choices among the settings' columns (the letterhead's are not read for a rule).
_KOLOM_ATURAN = (
    "wke_jam",
    "mode_pembulatan",
    "minimal_satu",
    "hari_kerja_tahun",
    "minggu_kerja_tahun",
    "batas_k_wajar",
)


def pengaturan_instansi(*, instansi_id: int) -> Pengaturan:
    """The defaults of ramping.aturan, overridden by what the agency has chosen.

    Only the rule columns, as values (no model instance with the letterhead's text and logo):
    the ABK recompute reads this on every run (issue #15 item 1).
    """
    pilihan = (
        PengaturanInstansi.objects.filter(instansi_id=instansi_id).values(*_KOLOM_ATURAN).first()
    )
    return _pengaturan_dari(None if pilihan is None else SimpleNamespace(**pilihan))


def _pengaturan_dari(pilihan: PengaturanInstansi | SimpleNamespace | None) -> Pengaturan:
    if pilihan is None:
        return PENGATURAN_BAWAAN
    impor = {
        f: getattr(pilihan, f)
        for f in ("hari_kerja_tahun", "minggu_kerja_tahun", "batas_k_wajar")
        if getattr(pilihan, f) is not None
    }
    return PENGATURAN_BAWAAN.ganti(
        wke_jam=pilihan.wke_jam,
        mode_pembulatan=pilihan.mode_pembulatan,
        minimal_satu=pilihan.minimal_satu,
        **impor,
    )


@dataclass(frozen=True, slots=True)
class KopInstansi:
    """Letterhead and officials as plain values (the logo's bytes included), so a document can
    be rendered later, in a thread, without touching the database or the media storage."""

    nama: str  # the agency's name as registered: every document's author
    pemerintah: str  # "PEMERINTAH KOTA CILEGON"
    unit: str  # "SEKRETARIAT DAERAH"
    alamat: str
    kota: str  # "Cilegon": where documents are signed
    wilayah: str  # "Kota Cilegon": "di lingkungan Pemerintah Kota Cilegon"
    logo: bytes | None
    jenis_peraturan: str  # "Peraturan Wali Kota"
    jabatan_kepala_daerah: str  # "Wali Kota Cilegon"
    nama_kepala_daerah: str
    penandatangan_nama: str
    penandatangan_jabatan: str
    penandatangan_nip: str
    penandatangan_pangkat: str


def _wilayah(instansi: Instansi) -> str:
    """ "Pemerintah Kota Cilegon (demo)" → "Kota Cilegon"."""
    return instansi.nama.split("(")[0].strip().removeprefix("Pemerintah").strip()


def kop_instansi(*, instansi_id: int) -> KopInstansi:
    """Two queries (agency, settings) and one file read (the logo, if any).

    A blank setting falls back to what the agency's name and kind give, so a document is
    readable before the settings page is filled in; the officials' names stay blank (the
    documents then print a dotted line to fill in by hand).
    """
    instansi = Instansi.objects.only("nama", "jenis").get(pk=instansi_id)
    return _kop_dari(instansi, PengaturanInstansi.objects.filter(instansi_id=instansi_id).first())


def pengaturan_dan_kop(*, instansi_id: int) -> tuple[str, Pengaturan, KopInstansi]:
    """The agency's name, rule settings and letterhead from the same two queries (every
    report's title block, metadata and letterhead: `ramping.laporan.selectors.konteks_laporan`)."""
    instansi = Instansi.objects.only("nama", "jenis").get(pk=instansi_id)
    p = PengaturanInstansi.objects.filter(instansi_id=instansi_id).first()
    return instansi.nama, _pengaturan_dari(p), _kop_dari(instansi, p)


def _kop_dari(instansi: Instansi, p: PengaturanInstansi | None) -> KopInstansi:
    wilayah = _wilayah(instansi)
    kota = wilayah
    for awalan in ("Kota", "Kabupaten", "Provinsi"):
        kota = kota.removeprefix(awalan).strip()
    kepala, peraturan = KEPALA_DAERAH.get(instansi.jenis, ("Kepala Daerah", "Peraturan Kepala"))

    def isi(nama: str, bawaan: str = "") -> str:
        return (getattr(p, nama) if p is not None else "") or bawaan

    logo = None
    if p is not None and p.logo:
        try:
            with p.logo.open("rb") as berkas:
                logo = berkas.read()
        except OSError:
            logo = None  # a logo missing from the storage: the letterhead prints without it
    return KopInstansi(
        nama=instansi.nama,
        pemerintah=isi("kop_pemerintah", f"Pemerintah {wilayah}").upper(),
        unit=isi("kop_unit").upper(),
        alamat=isi("alamat"),
        kota=isi("kota", kota),
        wilayah=wilayah,
        logo=logo,
        jenis_peraturan=isi("jenis_peraturan", peraturan),
        jabatan_kepala_daerah=isi("jabatan_kepala_daerah", f"{kepala} {kota}".strip()),
        nama_kepala_daerah=isi("nama_kepala_daerah"),
        penandatangan_nama=isi("penandatangan_nama"),
        penandatangan_jabatan=isi("penandatangan_jabatan"),
        penandatangan_nip=isi("penandatangan_nip"),
        penandatangan_pangkat=isi("penandatangan_pangkat"),
    )


def pengaturan_baris(*, instansi_id: int) -> PengaturanInstansi | None:
    """The agency's settings row, or None before anything was set (the settings page form)."""
    return PengaturanInstansi.objects.filter(instansi_id=instansi_id).first()
