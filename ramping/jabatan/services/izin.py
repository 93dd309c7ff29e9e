"""Who may change a position: one rule, for one position and for a whole file of them.

An archived version is frozen (`pastikan_bukan_arsip`); otherwise the user must be allowed to
edit the position's OPD (`Akses.boleh_ubah_opd`: analysts and admins everywhere, an operator
in their own OPD only).
"""

from collections.abc import Callable

from ramping.akun.akses import Akses
from ramping.errors import RampingError, TidakBerhak
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.selectors import unit_opd
from ramping.organisasi.services import pastikan_bukan_arsip


def pastikan_boleh_ubah_jabatan(akses: Akses, jabatan: Jabatan) -> None:
    """The user may edit this position's OPD, and its version is not archived."""
    akses.pastikan_boleh_ubah(jabatan, unit_opd(unit=jabatan.unit).kode)
    pastikan_bukan_arsip(jabatan.struktur)


def penjaga_ubah_jabatan(akses: Akses, struktur: Struktur) -> Callable[[Jabatan], str | None]:
    """The same rule for many positions of one version without a query per position: returns
    a check giving the Indonesian reason a position may not be changed, or None. Importers
    use it to name the row; bulk services use it to refuse the whole write."""
    try:
        pastikan_bukan_arsip(struktur)
    except RampingError as exc:
        pesan = exc.pesan
        return lambda _jabatan: pesan
    opd = dict(UnitKerja.objects.filter(struktur=struktur, kedalaman=0).values_list("path", "kode"))

    def periksa(jabatan: Jabatan) -> str | None:
        if akses.boleh_ubah_opd(opd.get(jabatan.unit.path_opd, "")):
            return None
        return TidakBerhak().pesan

    return periksa
