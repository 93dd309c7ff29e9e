"""The exporter interface: read once (`muat`), describe the document (`dokumen`), render.

Like pretix's `ListExporter`, one class per report serves the web download, the CLI and (later)
the API. `muat()` does every database read through `ramping.laporan.selectors`; `dokumen()`
builds the neutral `Dokumen` from what was loaded and never queries, so the ZIP builder can
call it from a background thread.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from datetime import date
from typing import ClassVar

from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.laporan.dokumen import Dokumen, Identitas
from ramping.laporan.format import slug, tanggal
from ramping.laporan.kop import identitas
from ramping.laporan.selectors import Konteks, konteks_laporan, opd_jabatan
from ramping.organisasi.models import Struktur, UnitKerja


class Exporter(ABC):
    kode: ClassVar[str]  # "peta-jabatan": URL, CLI sub-command and file-name stem
    judul: ClassVar[str]
    format: ClassVar[tuple[str, ...]]
    perlu_opd: ClassVar[bool] = False  # whole-agency output would be unreadable or huge
    per_jabatan: ClassVar[bool] = False  # accepts a single position (`jabatan_id`)
    # Further keyword options of the constructor (text), offered by the CLI as `--<name>` and
    # passed through by the download and the API (a regulation appendix's `nomor`, `tentang`).
    opsi: ClassVar[tuple[str, ...]] = ()

    def __init__(
        self,
        *,
        akses: Akses,
        struktur: Struktur,
        opd: UnitKerja | None = None,
        jabatan_id: int | None = None,
        tanggal: date | None = None,
    ):
        self.akses = akses
        self.struktur = struktur
        self.opd = opd
        self.jabatan_id = jabatan_id if self.per_jabatan else None
        self.tanggal = tanggal or timezone.localdate()
        self.konteks: Konteks | None = None

    def muat(self) -> None:
        """All database reads; a fixed number of queries whatever the number of positions."""
        if self.konteks is None:
            if self.opd is None and self.jabatan_id:
                self.opd = opd_jabatan(
                    akses=self.akses, struktur=self.struktur, jabatan_id=self.jabatan_id
                )
            self.konteks = konteks_laporan(akses=self.akses, struktur=self.struktur, opd=self.opd)
            self.muat_data()

    @abstractmethod
    def muat_data(self) -> None:
        """The report's own reads, after the shared context is loaded."""

    @abstractmethod
    def dokumen(self) -> Dokumen:
        """The whole report as one document."""

    def bagian(self) -> Iterator[tuple[str, Dokumen]]:
        """The report as separate documents (name stem, document), e.g. one ANJAB per position."""
        yield self.nama_dasar(), self.dokumen()

    def kop(self, *tambahan: str) -> tuple[str, ...]:
        k = self.konteks
        assert k is not None, "muat() first"
        baris = [k.instansi, f"Perangkat daerah: {k.lingkup}", f"Versi struktur: {k.struktur}"]
        if k.dasar_hukum:
            baris.append(f"Dasar hukum: {k.dasar_hukum}")
        return (*baris, *tambahan)

    def identitas(self) -> Identitas:
        """The issuer and scope every renderer turns into metadata and the letterhead."""
        k = self.konteks
        assert k is not None, "muat() first"
        return identitas(
            k.kop,
            lingkup=k.lingkup,
            versi=k.struktur,
            dasar_hukum=k.dasar_hukum,
            tanggal_=self.tanggal,
        )

    def tempat_tanggal(self, tanggal_: date | None = None) -> str:
        """ "Cilegon, 30 November 2026": where and when a document is signed."""
        nama = self.konteks.instansi.split("(")[0].strip()
        for awalan in ("Pemerintah Kota", "Pemerintah Kabupaten", "Pemerintah Provinsi"):
            nama = nama.removeprefix(awalan).strip()
        return f"{nama}, {tanggal(tanggal_ or self.tanggal)}"

    def nama_dasar(self) -> str:
        lingkup = self.opd.kode if self.opd is not None else "seluruh-instansi"
        tambahan = f"-jabatan-{self.jabatan_id}" if self.jabatan_id else ""
        return f"{self.kode}-{slug(lingkup)}{tambahan}"

    def nama_berkas(self, format: str) -> str:
        return f"{self.nama_dasar()}.{format}"

    def ekspor(self, format: str) -> bytes:
        """Read, describe and render in one call (web download and CLI)."""
        from ramping.laporan.renderers import render

        if format not in self.format:
            raise ValueError(f"format {format} tidak tersedia untuk {self.kode}")
        self.muat()
        return render(self.dokumen(), format, tata_letak=self.tata_letak(format))

    def tata_letak(self, format: str) -> str:
        """A renderer variant (the peta jabatan PDF is drawn as org-chart cards)."""
        return ""
