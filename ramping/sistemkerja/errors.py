"""One exception per sistem-kerja rule, each with its Indonesian message (web, API, CLI)."""

from ramping.errors import RampingError


class TransisiTidakSah(RampingError):
    """An assignment cannot move from its state by this action (the state machine)."""

    def __init__(self, dari: str, aksi: str):
        super().__init__(f"Penugasan berstatus “{dari}” tidak dapat di{aksi}.")
        self.dari, self.aksi = dari, aksi


class StrukturBukanBerlaku(RampingError):
    pesan = "Tim kerja dan penugasan hanya dibuat pada versi struktur yang berlaku."


class KetuaTidakMemenuhi(RampingError):
    """R7-06 via the agency settings ketua_tim_jenis / ketua_tim_jenjang_minimal."""


class TimTanpaKetua(RampingError):
    pesan = "Tim ini ditetapkan tanpa Ketua Tim (keputusan Pejabat Level 2, R7-05)."


class KetuaSudahAda(RampingError):
    pesan = "Tim ini sudah memiliki Ketua Tim; satu tim hanya memiliki satu ketua."


class BatasTimTerlampaui(RampingError):
    """R7-07 via the agency setting maks_tim_per_orang."""


class SudahAnggota(RampingError):
    pesan = "Pegawai ini sudah menjadi anggota tim tersebut."


class TanpaPenempatan(RampingError):
    pesan = "Pegawai ini tidak memiliki jabatan aktif pada versi struktur tim."


class BukanPengajuan(RampingError):
    pesan = "Keanggotaan ini tidak sedang menunggu persetujuan."


class CatatanWajib(RampingError):
    pesan = "Tuliskan catatan: apa yang harus diperbaiki."


class UnitBedaVersi(RampingError):
    pesan = "Unit tidak berada pada versi struktur yang sama."


class RelasiSudahAda(RampingError):
    pesan = "Relasi koordinasi ini sudah tercatat."


class RelasiDiriSendiri(RampingError):
    pesan = "Unit tidak dapat berelasi dengan dirinya sendiri."


class TimSudahSelesai(RampingError):
    pesan = "Tim sudah selesai; anggota dan penugasan tidak dapat ditambah."
