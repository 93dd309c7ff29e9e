"""Business-rule errors shared by web, API and CLI.

Each rule has its own class; `pesan` is the Indonesian message shown to the user and
`field` names the form/import field it belongs to, when there is one.
"""


class RampingError(Exception):
    pesan = "Terjadi kesalahan."

    def __init__(self, pesan: str | None = None, *, field: str | None = None):
        self.pesan = pesan or self.pesan
        self.field = field
        super().__init__(self.pesan)


class TidakDitemukan(RampingError):
    """The object does not exist for this user (also used for other agencies' data: no leak)."""

    pesan = "Data tidak ditemukan."


class TidakBerhak(RampingError):
    pesan = "Anda tidak berhak melakukan tindakan ini."


class PenempatanSudahAktif(RampingError):
    pesan = "Pegawai masih memiliki penempatan aktif pada versi struktur ini."


class StrukturTidakBisaDiubah(RampingError):
    pesan = "Versi struktur yang berlaku atau diarsipkan tidak dapat diubah langsung."


class KonflikPerubahan(RampingError):
    """Someone else saved the same record since this user opened it (optimistic locking)."""

    pesan = (
        "Data ini sudah diubah oleh pengguna lain sejak Anda membukanya. "
        "Muat ulang halaman untuk melihat perubahan terbaru, lalu ulangi perubahan Anda."
    )


class LogoDitolak(RampingError):
    pesan = "Logo harus berupa gambar PNG atau JPEG paling besar 1 MB."
