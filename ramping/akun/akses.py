"""Who may see and change what, decided in one place for services and selectors."""

from dataclasses import dataclass
from typing import Any

from ramping.akun.models import Keanggotaan, Peran
from ramping.errors import TidakBerhak, TidakDitemukan


@dataclass(frozen=True, slots=True)
class Akses:
    """A user's standing in one agency. `pengguna` is None for system jobs (demo, CLI)."""

    instansi_id: int
    peran: str
    opd_kode: str = ""
    pengguna: Any = None

    @classmethod
    def sistem(cls, instansi: Any) -> "Akses":
        return cls(instansi_id=instansi.pk, peran=Peran.ADMIN_INSTANSI)

    @property
    def mengelola_seluruh_instansi(self) -> bool:
        return self.peran in (Peran.ADMIN_INSTANSI, Peran.ANALIS)

    def pastikan_instansi(self, obj: Any) -> None:
        """Another agency's object does not exist for this user (404, never 403: no leak)."""
        from ramping.organisasi.models import Instansi

        instansi_id = obj.pk if isinstance(obj, Instansi) else obj.instansi_id
        if instansi_id != self.instansi_id:
            raise TidakDitemukan()

    def boleh_ubah_opd(self, opd_kode: str) -> bool:
        if self.mengelola_seluruh_instansi:
            return True
        return self.peran == Peran.OPERATOR and opd_kode == self.opd_kode

    def pastikan_boleh_ubah(self, obj: Any, opd_kode: str | None) -> None:
        """`opd_kode` is the kode of the OPD that `obj` belongs to (None: agency-wide object)."""
        self.pastikan_instansi(obj)
        if opd_kode is None:
            allowed = self.mengelola_seluruh_instansi
        else:
            allowed = self.boleh_ubah_opd(opd_kode)
        if not allowed:
            raise TidakBerhak()


def akses_pengguna(pengguna: Any, instansi_id: int) -> Akses:
    """The user's Akses in that agency; an agency they do not belong to does not exist."""
    if not pengguna.is_authenticated:
        raise TidakDitemukan()
    anggota = (
        Keanggotaan.objects.filter(pengguna=pengguna, instansi_id=instansi_id)
        .only("peran", "opd_kode")
        .first()
    )
    if anggota is None:
        raise TidakDitemukan()
    return Akses(
        instansi_id=instansi_id,
        peran=anggota.peran,
        opd_kode=anggota.opd_kode,
        pengguna=pengguna,
    )


def pastikan_analis(akses: Akses) -> None:
    if not akses.mengelola_seluruh_instansi:
        raise TidakBerhak()
