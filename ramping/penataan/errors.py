"""Business-rule errors of the penataan cycle (Indonesian messages shown by web, API and CLI)."""

from ramping.errors import RampingError


class TransisiTidakSah(RampingError):
    def __init__(self, status: str, kata_kerja: str):
        super().__init__(f"Pengajuan berstatus {status} tidak dapat {kata_kerja}.")


class BelumSiapDiajukan(RampingError):
    pesan = "Pengajuan belum dapat dikirim."


class KegiatanDitutup(RampingError):
    pesan = "Kegiatan penataan ini sudah ditutup."


class CatatanWajib(RampingError):
    pesan = "Tuliskan catatan: perangkat daerah perlu tahu alasannya."
