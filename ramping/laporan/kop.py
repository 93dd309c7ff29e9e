"""The one letterhead / appendix header / approval block every official document uses.

Fed by the agency's settings (`ramping.organisasi.pengaturan.kop_instansi`, edited on
`/i/<kode>/pengaturan/kop/`); returns neutral `Dokumen` blocks that the PDF and DOCX renderers
draw. A Surat Edaran starts with `kop_surat` and ends with `pengesahan_penandatangan`; a
regulation's appendix starts with `kepala_lampiran` and ends with `pengesahan_kepala_daerah`.
"""

import re
from datetime import date

from ramping.laporan.dokumen import Identitas, KepalaLampiran, KopSurat, Pengesahan
from ramping.laporan.format import nip, tanggal
from ramping.organisasi.pengaturan import KopInstansi

TITIK = "...................."
ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def kop_surat(kop: KopInstansi) -> KopSurat:
    baris = tuple(b for b in (kop.pemerintah, kop.unit) if b)
    return KopSurat(baris=baris, alamat=kop.alamat, logo=kop.logo)


def identitas(
    kop: KopInstansi,
    *,
    lingkup: str = "",
    versi: str = "",
    dasar_hukum: str = "",
    tanggal_: date | None = None,
) -> Identitas:
    """A document's issuer from the agency's settings: the author is the agency's name, the
    letterhead its "Kop" settings (`Exporter.identitas`, `identitas_instansi`)."""
    return Identitas(
        instansi=kop.nama,
        lingkup=lingkup,
        versi=versi,
        dasar_hukum=dasar_hukum,
        tanggal=tanggal_,
        kop_surat=kop_surat(kop),
    )


def identitas_instansi(*, instansi_id: int, **isi) -> Identitas:
    """`identitas` (same keywords) read from the agency's settings (two queries and the logo):
    for the downloads outside `laporan/exporters`, which read no report context of their own."""
    from ramping.organisasi.pengaturan import kop_instansi

    return identitas(kop_instansi(instansi_id=instansi_id), **isi)


KEPALA_DAERAH = re.compile(r"(?i)perwal|perbup|pergub|peraturan (wali|bupati|gubernur|menteri)")
NOMOR = re.compile(r"(?i)\bnomor\s+(\S+\s+tahun\s+\d{4})")


def nomor_peraturan(teks: str) -> str:
    """ "Peraturan Wali Kota Cilegon Nomor 6 Tahun 2023" → "6 TAHUN 2023"; other text as is.

    A version's legal basis may name several ("Perda … Nomor 1 Tahun 2022; Perwal Nomor 9
    Tahun 2023 tentang …"): the head of region's regulation wins, else the last one named.
    """
    bagian = [b for b in teks.split(";") if NOMOR.search(b)]
    if not bagian:
        return teks.strip().upper()
    pilihan = next((b for b in bagian if KEPALA_DAERAH.search(b)), bagian[-1])
    return NOMOR.search(pilihan).group(1).upper()


def peraturan(kop: KopInstansi) -> str:
    """ "PERATURAN WALI KOTA CILEGON": the regulation's title with the region's name."""
    nama = kop.jabatan_kepala_daerah.upper()
    jenis = kop.jenis_peraturan.upper()
    # "Peraturan Wali Kota" + "Wali Kota Cilegon" → "PERATURAN WALI KOTA CILEGON".
    inti = jenis.removeprefix("PERATURAN").strip()
    if inti and nama.startswith(inti):
        return f"PERATURAN {nama}"
    return f"{jenis} {kop.kota.upper()}".strip()


def kepala_lampiran(
    kop: KopInstansi, *, ke: int, nomor: str, tanggal_: date | None, tentang: str
) -> KepalaLampiran:
    """ "LAMPIRAN I / PERATURAN WALI KOTA CILEGON / NOMOR : … / TANGGAL : … / TENTANG : …".

    Before the regulation is signed its number and date are unknown: dotted lines to fill in.
    """
    romawi = ROMAWI[ke - 1] if 0 < ke <= len(ROMAWI) else str(ke)
    return KepalaLampiran(
        baris=(f"LAMPIRAN {romawi}", peraturan(kop)),
        pasangan=(
            ("NOMOR", nomor_peraturan(nomor) if nomor else f"{TITIK} TAHUN {TITIK[:8]}"),
            ("TANGGAL", tanggal(tanggal_).upper() if tanggal_ else TITIK),
            ("TENTANG", tentang.upper()),
        ),
    )


def _ditetapkan(kop: KopInstansi, tanggal_: date | None) -> tuple[str, str]:
    return (
        f"Ditetapkan di {kop.kota}",
        f"pada tanggal {tanggal(tanggal_) if tanggal_ else TITIK}",
    )


def pengesahan_kepala_daerah(kop: KopInstansi, tanggal_: date | None) -> Pengesahan:
    """The head of region's approval block closing a regulation's appendix."""
    return Pengesahan(
        atas=_ditetapkan(kop, tanggal_),
        jabatan=f"{kop.jabatan_kepala_daerah.upper()},",
        nama=kop.nama_kepala_daerah.upper(),
    )


def pengesahan_penandatangan(kop: KopInstansi, tanggal_: date | None) -> Pengesahan:
    """The signatory of a circular letter (the agency's settings), with rank and NIP."""
    bawah = []
    if kop.penandatangan_pangkat:
        bawah.append(kop.penandatangan_pangkat)
    bawah.append(f"NIP. {nip(kop.penandatangan_nip)}" if kop.penandatangan_nip else f"NIP. {TITIK}")
    jabatan = kop.penandatangan_jabatan or f"Sekretaris Daerah {kop.wilayah}"
    if kop.wilayah.lower() not in jabatan.lower():
        jabatan = f"{jabatan} {kop.wilayah}"
    return Pengesahan(
        atas=_ditetapkan(kop, tanggal_),
        jabatan=f"{jabatan.upper()},",
        nama=kop.penandatangan_nama.upper(),
        bawah=tuple(bawah),
    )
