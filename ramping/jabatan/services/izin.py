"""Who may change a position: one rule, for one position and for a whole file of them.

An archived version is frozen (`pastikan_bukan_arsip`); otherwise the user must be allowed to
edit the position's OPD (`Akses.boleh_ubah_opd`: analysts and admins everywhere, an operator
in their own OPD only), and that OPD must not be locked by a penataan round
(`ramping.penataan.kunci`: under review, approved, or locked by an analyst).
"""

from collections.abc import Callable

from ramping.akun.akses import Akses
from ramping.errors import RampingError, TidakBerhak
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.selectors import unit_opd
from ramping.organisasi.services import pastikan_bukan_arsip
from ramping.penataan.kunci import opd_terkunci, pastikan_opd_terbuka


def pastikan_boleh_ubah_jabatan(akses: Akses, jabatan: Jabatan) -> None:
    """The user may edit this position's OPD, its version is not archived, and the OPD is not
    locked by a penataan round."""
    opd_kode = unit_opd(unit=jabatan.unit).kode
    akses.pastikan_boleh_ubah(jabatan, opd_kode)
    pastikan_bukan_arsip(jabatan.struktur)
    pastikan_opd_terbuka(akses=akses, struktur_id=jabatan.struktur_id, opd_kode=opd_kode)


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
    terkunci = opd_terkunci(akses=akses, struktur_id=struktur.pk)

    def periksa(jabatan: Jabatan) -> str | None:
        kode = opd.get(jabatan.unit.path_opd, "")
        if not akses.boleh_ubah_opd(kode):
            return TidakBerhak().pesan
        return terkunci.get(kode)

    return periksa
