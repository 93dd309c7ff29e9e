"""What every importer shares: the preview, row errors, and the check-then-apply flow.

An import is checked completely before anything is written. Applying re-runs the check
inside the transaction (the preview shown to the user is never trusted as state), and
writes nothing when a single row is in error, so a file is applied whole or not at all.
Applying the same file twice changes nothing the second time.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from ramping.akun.akses import Akses
from ramping.errors import RampingError
from ramping.impor.berkas import Kolom, Lembar, baca_lembar, normal
from ramping.impor.nilai import NilaiTidakValid, angka, teks, tercetak
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Struktur


@dataclass(frozen=True)
class GalatBaris:
    lembar: str
    baris: int
    kolom: str
    pesan: str

    def __str__(self) -> str:
        tempat = f"Lembar '{self.lembar}', baris {self.baris}"
        return (
            f"{tempat}, kolom {self.kolom}: {self.pesan}"
            if self.kolom
            else f"{tempat}: {self.pesan}"
        )


@dataclass(frozen=True)
class Peringatan:
    """A plausible-but-suspicious value: shown in the preview, applied only when the user
    acknowledges the warnings (the acknowledgement is recorded in the audit)."""

    lembar: str
    baris: int
    kolom: str
    pesan: str

    def __str__(self) -> str:
        return str(GalatBaris(self.lembar, self.baris, self.kolom, self.pesan))


@dataclass(frozen=True)
class Duplikat:
    """Rows of one position that state the same task twice."""

    lembar: str
    baris: tuple[int, ...]
    jabatan: str
    uraian: str


@dataclass
class Perubahan:
    """What a tasks import does to one position: counts and K before → after."""

    jabatan: str
    ditambah: int = 0
    diubah: int = 0
    dihapus: int = 0
    tetap: int = 0
    k_lama: Any = None  # Decimal (4 places) or None when the position had no K
    k_baru: Any = None
    konversi: list[str] = field(default_factory=list)  # per-period volumes converted


@dataclass
class Pratinjau:
    jenis: str
    lembar: str = ""
    dibuat: list[str] = field(default_factory=list)
    diubah: list[str] = field(default_factory=list)
    tetap: int = 0
    galat: list[GalatBaris] = field(default_factory=list)
    baris: int = 0  # data rows read from the file (decides whether applying is a job)
    rencana: Any = None  # what `terapkan` will write; the importer's own shape
    peringatan: list[Peringatan] = field(default_factory=list)
    duplikat: list[Duplikat] = field(default_factory=list)
    dilewati: list[tuple[str, int, str]] = field(default_factory=list)  # total rows skipped
    lembar_lain: list[str] = field(default_factory=list)  # sheets without the table
    rincian: list[Perubahan] = field(default_factory=list)
    lokal: dict[str, str | None] = field(default_factory=dict)  # number column → locale

    @property
    def bisa_diterapkan(self) -> bool:
        return not self.galat and bool(self.dibuat or self.diubah)


PILIHAN_DUPLIKAT = ("gabung", "simpan")


class ImporGagal(RampingError):
    """Raised by `impor_terapkan` when the file has errors; nothing was written."""

    def __init__(self, pratinjau: Pratinjau):
        super().__init__(f"Impor dibatalkan: {len(pratinjau.galat)} baris bermasalah.")
        self.pratinjau = pratinjau


class Pengimpor(ABC):
    """Base of one kind of import. Subclasses define KOLOM, periksa and terapkan."""

    jenis = ""
    judul = ""
    KOLOM: tuple[Kolom, ...] = ()
    BANYAK_LEMBAR = False  # every sheet holding the table is read (one sheet per position)
    JUDUL_ATAS: dict[str, tuple[str, ...]] = {}  # field → labels of title rows giving it
    TEKS_DI_PERIKSA = False  # `periksa` checks each row's text itself (`PemeriksaTeks`)
    do_not_call_in_templates = True  # templates read the class's attributes

    def __init__(self, *, akses: Akses, **konteks: Any):
        self.akses = akses
        self.konteks = konteks
        # The user's answers on the preview page: what to do with duplicate rows, and
        # whether the warnings were read (`impor_terapkan` refuses without them).
        self.duplikat: str | None = None
        self.setuju_peringatan = False

    def baca(self, data: bytes) -> Lembar:
        return baca_lembar(data, self.KOLOM, banyak=self.BANYAK_LEMBAR, judul_atas=self.JUDUL_ATAS)

    def ambil(self, lembar: Lembar, cells: list, nama: str, pengurai, galat: list, nomor: int):
        """Parse one cell; on error record it (with the header as written) and return None."""
        try:
            return pengurai(lembar.sel(cells, nama))
        except NilaiTidakValid as exc:
            galat.append(self.galat_kolom(lembar, nomor, nama, exc.pesan))
            return None

    def ambil_angka(self, lembar: Lembar, cells: list, nama: str, galat: list, nomor: int):
        """A number cell read with its column's locale; an error names the cell (D7)."""
        try:
            return angka(lembar.sel(cells, nama), lembar.lokal.get(nama))
        except NilaiTidakValid as exc:
            pesan = f"sel {lembar.alamat(nomor, nama)}: {exc.pesan}"
            galat.append(self.galat_kolom(lembar, nomor, nama, pesan))
            return None

    def galat_kolom(self, lembar: Lembar, nomor: int, nama: str, pesan: str) -> GalatBaris:
        """An error on one cell, under the column's header as written in the file."""
        judul = lembar.judul_kolom.get(nama) or next(k.judul for k in self.KOLOM if k.nama == nama)
        return GalatBaris(lembar.tempat(nomor), int(nomor), judul, pesan)

    @abstractmethod
    def periksa(self, lembar: Lembar) -> Pratinjau:
        """Every row checked against the database; the plan to write, or the errors."""

    @abstractmethod
    def terapkan(self, pratinjau: Pratinjau) -> None:
        """Write the plan (called inside the import's transaction)."""


def jabatan_per_unit(struktur: Struktur) -> dict[tuple[str, str], Jabatan | None]:
    """(unit name or kode, position name), normalised → position; None where the pair is
    ambiguous (two positions of that name in units of that name), so a row can say so."""
    peta: dict[tuple[str, str], Jabatan | None] = {}
    for j in Jabatan.objects.filter(struktur=struktur).select_related("unit", "struktur"):
        for unit in {normal(j.unit.nama), normal(j.unit.kode)}:
            kunci = (unit, normal(j.nama))
            peta[kunci] = None if kunci in peta else j
    return peta


class PemeriksaTeks:
    """Every cell the import reads, checked for unprintable text and its field's length: one
    row at a time (`periksa(nomor, cells)`), so a streaming importer checks as it reads."""

    def __init__(self, pengimpor: Pengimpor, lembar: Lembar):
        self.pengimpor, self.lembar = pengimpor, lembar
        panjang = {k.nama: k.panjang for k in pengimpor.KOLOM if k.panjang}
        self.kolom = [(nama, i, panjang.get(nama)) for nama, i in lembar.kolom.items()]

    def periksa(self, nomor: int, cells: list, galat: list[GalatBaris]) -> None:
        # The row's texts at once: if their concatenation is printable, so is each of them
        # (a forbidden character or escape in a cell is in the concatenation too).
        lebar = len(cells)
        semua = [v for _, i, _ in self.kolom if i < lebar and isinstance(v := cells[i], str)]
        try:
            tercetak("".join(semua))
            cetak = True
        except NilaiTidakValid:
            cetak = False
        for nama, i, maks in self.kolom:
            nilai = cells[i] if i < lebar else None  # Lembar.sel, inlined for 100k rows
            if not cetak:
                try:
                    tercetak(nilai)
                except NilaiTidakValid as exc:
                    pesan = exc.pesan
                    galat.append(self.pengimpor.galat_kolom(self.lembar, nomor, nama, pesan))
            # teks() only removes spaces: a text already within the limit needs no cleaning.
            pendek = nilai is None or (isinstance(nilai, str) and len(nilai) <= (maks or 0))
            if maks and not pendek and len(isi := teks(nilai)) > maks:
                galat.append(
                    self.pengimpor.galat_kolom(
                        self.lembar,
                        nomor,
                        nama,
                        f"{len(isi)} karakter; paling banyak {maks} "
                        "(teks tidak dipotong: singkatkan di berkas)",
                    )
                )


def galat_teks(pengimpor: Pengimpor, lembar: Lembar) -> list[GalatBaris]:
    """Every cell the import reads, checked once for unprintable text (any importer)."""
    galat: list[GalatBaris] = []
    pemeriksa = PemeriksaTeks(pengimpor, lembar)
    for nomor, cells in lembar.baris:
        pemeriksa.periksa(nomor, cells, galat)
    return galat


def urut_galat(teks: list[GalatBaris], galat: list[GalatBaris]) -> list[GalatBaris]:
    """One list in row order, text errors first within a row; unchanged without text errors."""
    return sorted(teks + galat, key=lambda g: g.baris) if teks else galat


def impor_pratinjau(pengimpor: Pengimpor, data: bytes) -> Pratinjau:
    """Read and check the whole file; nothing is written."""
    lembar = pengimpor.baca(data)
    # A streaming importer checks the text of each row in its own pass (`PemeriksaTeks`).
    teks = [] if pengimpor.TEKS_DI_PERIKSA else galat_teks(pengimpor, lembar)
    pratinjau = pengimpor.periksa(lembar)
    pratinjau.baris = len(lembar.baris)
    pratinjau.dilewati = lembar.dilewati
    pratinjau.lembar_lain = lembar.lembar_lain
    pratinjau.lokal = {
        lembar.judul_kolom.get(f) or f: lk for f, lk in lembar.lokal.items() if f in lembar.kolom
    }
    # One list in row order; a row with a control character cannot be applied.
    pratinjau.galat = urut_galat(teks, pratinjau.galat)
    return pratinjau


@transaction.atomic
def impor_terapkan(pengimpor: Pengimpor, data: bytes) -> Pratinjau:
    """Check again and apply in one transaction; raise ImporGagal if any row is in error."""
    pratinjau = impor_pratinjau(pengimpor, data)
    if pratinjau.galat:
        raise ImporGagal(pratinjau)
    if pratinjau.duplikat and pengimpor.duplikat not in PILIHAN_DUPLIKAT:
        raise RampingError(
            f"Berkas memuat {len(pratinjau.duplikat)} tugas ganda; pilih digabung atau "
            "disimpan semua pada pratinjau."
        )
    if pratinjau.peringatan and not pengimpor.setuju_peringatan:
        raise RampingError(
            f"Pratinjau memuat {len(pratinjau.peringatan)} peringatan; centang bahwa "
            "peringatan sudah diperiksa sebelum menerapkan."
        )
    if pratinjau.dibuat or pratinjau.diubah:
        pengimpor.terapkan(pratinjau)
    return pratinjau
