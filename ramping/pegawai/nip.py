"""NIP (Nomor Induk Pegawai) structure, 18 digits.

PNS (Peraturan Kepala BKN 22/2007 and 43/2007): birth date YYYYMMDD, TMT CPNS YYYYMM,
gender digit (1 male, 2 female), sequence 001–999.
PPPK (NI PPPK, BKN practice; confidence B, secondary sources only): birth date YYYYMMDD,
year of first appointment YYYY, two digits about the work contract (commonly "21"), gender
digit, sequence. Those two digits are not validated because no verified rule fixes them.

Plain Python (no Django) so imports and forms can call it cheaply per row.
"""

from dataclasses import dataclass
from datetime import date

PPPK_TAHUN_PERTAMA = 2019  # first PPPK appointments (PP 49/2018)


class NipTidakValid(ValueError):
    """The NIP breaks its structure; `pesan` is the Indonesian message for the user."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


@dataclass(frozen=True, slots=True)
class IsiNip:
    tanggal_lahir: date
    tmt_tahun: int
    tmt_bulan: int | None  # None for PPPK: its NIP carries only the year
    jenis_kelamin: str  # "L" or "P"
    nomor_urut: int


def _tanggal(teks: str, bagian: str) -> date:
    try:
        return date(int(teks[:4]), int(teks[4:6]), int(teks[6:8]))
    except ValueError:
        raise NipTidakValid(f"{bagian} pada NIP ({teks}) bukan tanggal yang valid.") from None


def urai_nip(nip: str, *, status_asn: str = "PNS", hari_ini: date | None = None) -> IsiNip:
    """Split and check a NIP; raises NipTidakValid with the reason in Indonesian."""
    hari_ini = hari_ini or date.today()
    nip = nip.replace(" ", "")
    if len(nip) != 18 or not nip.isdigit():
        raise NipTidakValid("NIP harus terdiri dari 18 angka.")
    lahir = _tanggal(nip[:8], "Tanggal lahir")
    if lahir.year < 1940 or lahir > hari_ini:
        raise NipTidakValid(f"Tanggal lahir pada NIP ({nip[:8]}) tidak masuk akal.")
    tmt_tahun = int(nip[8:12])
    if status_asn == "PPPK":
        tmt_bulan = None
        if tmt_tahun < PPPK_TAHUN_PERTAMA or tmt_tahun > hari_ini.year:
            raise NipTidakValid(
                f"Tahun pengangkatan PPPK pada NIP ({tmt_tahun}) harus antara "
                f"{PPPK_TAHUN_PERTAMA} dan {hari_ini.year}."
            )
    else:
        tmt_bulan = int(nip[12:14])
        if not 1 <= tmt_bulan <= 12:
            raise NipTidakValid(f"Bulan TMT CPNS pada NIP ({nip[8:14]}) tidak valid.")
        if (tmt_tahun, tmt_bulan) > (hari_ini.year, hari_ini.month):
            raise NipTidakValid(f"TMT CPNS pada NIP ({nip[8:14]}) ada di masa depan.")
    # CPNS/PPPK applicants are at least 18 years old (PP 11/2017 Pasal 23; PP 49/2018).
    if tmt_tahun - lahir.year < 18:
        raise NipTidakValid("Menurut NIP, pegawai diangkat sebelum berusia 18 tahun.")
    kelamin = {"1": "L", "2": "P"}.get(nip[14])
    if kelamin is None:
        raise NipTidakValid("Digit ke-15 NIP (jenis kelamin) harus 1 atau 2.")
    urut = int(nip[15:])
    if urut == 0:
        raise NipTidakValid("Nomor urut NIP (3 digit terakhir) tidak boleh 000.")
    return IsiNip(lahir, tmt_tahun, tmt_bulan, kelamin, urut)
