"""What a document says about itself, derived once from the neutral `Dokumen` for every format.

- metadata: title (the document's title with its OPD), author (the agency), subject (what it
  is, the structure version and its legal basis), keywords, and "ramping" as the creating
  application — PDF Info (/Title /Author /Subject /Creator), OOXML docProps/core.xml
  (dc:title, dc:creator, dc:subject, cp:keywords, cp:lastModifiedBy) and docProps/app.xml;
- the letterhead (`KopSurat`, the agency's settings page "Kop") on top of the first page of a
  PDF/DOCX, unless the document opens with its own official header (a circular letter's
  letterhead, a regulation's appendix header — an appendix carries no letterhead);
- the title rows on top of each XLSX sheet (agency, title, OPD, version, legal basis, date).

Every renderer asks here, so no exporter sets metadata itself (issue #17 item 7).
"""

from __future__ import annotations

from dataclasses import dataclass

from ramping.laporan.dokumen import Dokumen, KepalaLampiran, KopSurat, Teks
from ramping.laporan.format import tanggal

PEMBUAT = "ramping"
PEMISAH = " — "
# OOXML core properties are limited to 255 characters each (python-docx refuses more; Excel
# and Word cut them): longer values end with "…".
PANJANG_MAKS = 255


def _pangkas(teks: str) -> str:
    return teks if len(teks) <= PANJANG_MAKS else teks[: PANJANG_MAKS - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Metadata:
    judul: str
    penulis: str
    subjek: str
    kata_kunci: str
    jenis: str  # the kind of document, without its scope (category)
    pembuat: str = PEMBUAT


def _judul_rapi(judul: str) -> str:
    """ "INFORMASI JABATAN" → "Informasi Jabatan"; mixed case is kept ("Rekap ABK")."""
    return judul.title() if judul.isupper() else judul


def metadata(dokumen: Dokumen) -> Metadata:
    i = dokumen.identitas
    judul = jenis = _judul_rapi(dokumen.judul)
    if i is not None and i.perihal:
        judul = f"{judul}: {i.perihal}"
    if i is None:
        # A document described without its issuer: the title block's first line is the agency.
        penulis = dokumen.kop[0] if dokumen.kop else ""
        subjek = " · ".join(dokumen.kop[1:]) or judul
        return Metadata(*(_pangkas(t) for t in (judul, penulis, subjek, judul, judul)))
    if i.lingkup and i.lingkup.lower() not in jenis.lower():
        judul = f"{judul}{PEMISAH}{i.lingkup}"
    subjek = [jenis]
    if i.versi:
        subjek.append(f"versi {i.versi}")
    if i.dasar_hukum:
        subjek.append(f"dasar hukum {i.dasar_hukum}")
    if dokumen.kaki:
        subjek.append(f"format {dokumen.kaki}")
    kata = [jenis, i.lingkup, i.instansi, PEMBUAT]
    return Metadata(
        judul=_pangkas(judul),
        penulis=_pangkas(i.instansi),
        subjek=_pangkas("; ".join(subjek)),
        kata_kunci=_pangkas(", ".join(k for k in kata if k)),
        jenis=_pangkas(jenis),
    )


def kop_pembuka(dokumen: Dokumen) -> KopSurat | None:
    """The letterhead to draw on top of page 1, or None when the document has its own."""
    i = dokumen.identitas
    if i is None or i.kop_surat is None:
        return None
    if any(isinstance(b, (KopSurat, KepalaLampiran)) for b in dokumen.blok[:2]):
        return None
    return i.kop_surat


def pembuka(dokumen: Dokumen) -> list[KopSurat | Teks]:
    """The blocks opening page 1 of a PDF/DOCX: the letterhead, and below it the document's
    title (scope and version in the second line) when the body does not open with its own
    centred bold title (the comparison of versions opens with a section heading)."""
    kop = kop_pembuka(dokumen)
    if kop is None:
        return []
    awal = dokumen.blok[0] if dokumen.blok else None
    if isinstance(awal, Teks) and awal.tebal and awal.rata == "tengah":
        return [kop]
    i = dokumen.identitas
    bawah = " · ".join(t for t in (i.lingkup, i.versi) if t)
    return [
        kop,
        Teks(dokumen.judul.upper(), "tengah", tebal=True),
        *([Teks(bawah, "tengah")] if bawah else []),
    ]


def baris_judul(dokumen: Dokumen) -> tuple[tuple[str, bool], ...]:
    """The title rows on top of an XLSX sheet: (text, is the title) pairs."""
    i = dokumen.identitas
    if i is None:
        return ((dokumen.judul, True), *((k, False) for k in dokumen.kop))
    instansi = i.instansi
    if i.kop_surat is not None and i.kop_surat.baris:
        instansi = PEMISAH.join(i.kop_surat.baris)
    baris = [(instansi, False), (dokumen.judul, True)]
    lain = [k for k in dokumen.kop if k != i.instansi]
    if i.lingkup and not any(i.lingkup in k for k in lain):
        lain.insert(0, f"Perangkat daerah: {i.lingkup}")
    if i.versi and not any(i.versi in k for k in lain):
        lain.append(f"Versi: {i.versi}")
    if i.tanggal is not None:
        lain.append(f"Tanggal: {tanggal(i.tanggal)}")
    return (*baris, *((k, False) for k in lain))
