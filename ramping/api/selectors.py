"""API-shaped reads, built on the apps' selectors (which own the tenant filter)."""

from django.db.models import Q, QuerySet

from ramping.akun.akses import Akses
from ramping.errors import TidakDitemukan
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.selectors import struktur_versi, unit_ambil
from ramping.pegawai.models import Pegawai, b_jabatan


def versi_dipilih(*, akses: Akses, struktur_id: int | None) -> Struktur:
    _daftar, struktur = struktur_versi(akses=akses, struktur_id=struktur_id)
    if struktur is None:
        raise TidakDitemukan("Instansi ini belum memiliki versi struktur.")
    return struktur


def unit_daftar(*, akses: Akses, struktur: Struktur) -> QuerySet[UnitKerja]:
    return UnitKerja.objects.filter(instansi_id=akses.instansi_id, struktur=struktur).order_by(
        "path"
    )


def jabatan_daftar(
    *, akses: Akses, struktur: Struktur, unit_id: int | None = None, jenis: str = ""
) -> QuerySet[Jabatan]:
    """Positions of a version with B annotated (one query per page, whatever the size)."""
    qs = Jabatan.objects.filter(instansi_id=akses.instansi_id, struktur=struktur)
    if unit_id is not None:
        unit = unit_ambil(akses=akses, unit_id=unit_id)
        qs = qs.filter(unit__path__startswith=unit.path, unit__struktur=unit.struktur_id)
    if jenis:
        qs = qs.filter(jenis=jenis)
    return qs.annotate(b=b_jabatan()).order_by("unit__path", "-is_kepala", "urutan", "id")


def pegawai_cari(*, akses: Akses, q: str = "") -> QuerySet[Pegawai]:
    qs = Pegawai.objects.filter(instansi_id=akses.instansi_id)
    if q:
        qs = qs.filter(Q(nip__startswith=q.replace(" ", "")) | Q(nama__icontains=q))
    return qs.order_by("nama", "id")
