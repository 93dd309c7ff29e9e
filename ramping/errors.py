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


class GalatIsian(RampingError):
    """Several fields of one input are wrong: every one is said in one round.

    `galat` maps a field name to its Indonesian messages ({"volume": ["…"], "waktu": ["…"]});
    the web (`web.galat.layanan`) puts each beside its field, the API answers 422 with one
    entry per message. Build it with :class:`KumpulanGalat` rather than directly.
    """

    pesan = "Periksa kembali isian yang ditandai."

    def __init__(self, galat: dict[str, list[str]]):
        self.galat = {field: list(pesan) for field, pesan in galat.items() if pesan}
        semua = [p for daftar in self.galat.values() for p in daftar]
        super().__init__(" ".join(semua) or None, field=next(iter(self.galat), None))


class KumpulanGalat:
    """Collects the errors of every field of an input, then raises them together.

    kumpulan = KumpulanGalat()
    with kumpulan.medan("volume"):
        periksa_volume(volume)      # a RampingError here is kept, not raised
    kumpulan.tambah("waktu", "Waktu penyelesaian wajib diisi.")
    kumpulan.lempar()               # GalatIsian with both, or nothing when all is well
    """

    def __init__(self) -> None:
        self.galat: dict[str, list[str]] = {}

    def __bool__(self) -> bool:
        return bool(self.galat)

    def tambah(self, field: str, pesan: str) -> None:
        daftar = self.galat.setdefault(field, [])
        if pesan not in daftar:
            daftar.append(pesan)

    def medan(self, field: str) -> "_Medan":
        """A block whose RampingError (or rule error with `pesan`) is kept for `field` (or
        the field the error itself names)."""
        return _Medan(self, field)

    def lempar(self) -> None:
        if self.galat:
            raise GalatIsian(self.galat)


class _Medan:
    def __init__(self, kumpulan: KumpulanGalat, field: str) -> None:
        self.kumpulan, self.field = kumpulan, field

    def __enter__(self) -> None:
        return None

    def __exit__(self, tipe, exc, tb) -> bool:
        if exc is None or isinstance(exc, TidakBerhak | TidakDitemukan | KonflikPerubahan):
            return False
        if isinstance(exc, GalatIsian):
            for field, daftar in exc.galat.items():
                for pesan in daftar:
                    self.kumpulan.tambah(field, pesan)
            return True
        pesan = getattr(exc, "pesan", None)
        if isinstance(exc, RampingError) or (isinstance(exc, ValueError) and pesan):
            self.kumpulan.tambah(getattr(exc, "field", None) or self.field, pesan)
            return True
        return False
