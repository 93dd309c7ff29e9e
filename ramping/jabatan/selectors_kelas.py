"""Reads of the agency's kelas overrides (`KelasInstansi`) for the page and the API: each row
beside the catalogue's kelas it departs from, in one query."""

from dataclasses import dataclass

from ramping import aturan
from ramping.akun.akses import Akses, pastikan_analis
from ramping.aturan.nomenklatur import cari_nama_pelaksana
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import KelasInstansi


@dataclass(frozen=True)
class BarisKelas:
    objek: KelasInstansi
    kelas_katalog: int | None  # what the catalogue says without the override
    sumber_katalog: str  # its legal basis, "" when the catalogue states none


def kelas_katalog(jenis: str, nama: str, jenjang: str) -> tuple[int | None, str]:
    """The catalogue's kelas of a JF jenjang (`kelas_jabatan`) or pelaksana name
    (`kelas_indikatif`), with its legal basis; (None, "") when not stated."""
    if jenis == KelasInstansi.Jenis.FUNGSIONAL:
        jf = aturan.cari_jf(nama, jenjang)
        if jf is not None and jf.kelas_jabatan is not None:
            return jf.kelas_jabatan, jf.sumber.dasar_hukum
        return None, ""
    baku = cari_nama_pelaksana(nama)
    if baku is not None and baku.kelas_indikatif is not None:
        return baku.kelas_indikatif, baku.sumber.dasar_hukum
    return None, ""


def kelas_instansi_daftar(*, akses: Akses) -> list[BarisKelas]:
    """Every override of the agency, JF first then pelaksana, by name and jenjang."""
    pastikan_analis(akses)
    baris = KelasInstansi.objects.filter(instansi_id=akses.instansi_id).order_by(
        "jenis", "nama", "jenjang"
    )
    return [BarisKelas(k, *kelas_katalog(k.jenis, k.nama, k.jenjang)) for k in baris]


def kelas_instansi_ambil(*, akses: Akses, kelas_id: int) -> KelasInstansi:
    pastikan_analis(akses)
    objek = KelasInstansi.objects.filter(instansi_id=akses.instansi_id, pk=kelas_id).first()
    if objek is None:
        raise TidakDitemukan("Kelas jabatan instansi tidak ditemukan.")
    return objek


def maksud_nama(jenis: str, nama: str) -> str | None:
    """The catalogue name the user most likely meant when ``nama`` is not one (an override
    keyed by a misspelt name would never apply), else None. Fuzzy, so only ever a question."""
    if jenis == KelasInstansi.Jenis.FUNGSIONAL:
        return aturan.maksud_jf(nama)
    if cari_nama_pelaksana(nama) is not None:
        return None
    calon = aturan.cari_pelaksana_kandidat(nama, 1, skor_minimal=aturan.SKOR_MAKSUD)
    return calon[0].nama if calon else None
