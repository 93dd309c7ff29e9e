"""The lampiran keputusan penyesuaian nomenklatur jabatan pelaksana (XLSX, DOCX, PDF).

PermenPAN-RB 45/2022 has each agency's PPK set the new name of every pelaksana post by a decision
whose appendix lists old name → new name; this builds that appendix from a version's decisions:
No, OPD/unit, old name, new name, kelas old → new, incumbents (NIP, name), ordered as the
agency's structure (unit path), then the summary (renamed, kept, merged, undecided) and the
approval block of the head of region. Reads first (`muat`), then the neutral `Dokumen`
(`ramping.laporan.dokumen`) rendered by the shared renderers, like every exporter.

The XLSX carries the position id in its last column so that an OPD can edit the new names
offline and the file can be imported back (`ramping.nomenklatur.impor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.laporan.dokumen import (
    BULAT,
    KODE,
    Baris,
    Dokumen,
    Identitas,
    KepalaLampiran,
    Kolom,
    Tabel,
    Teks,
)
from ramping.laporan.format import slug
from ramping.laporan.kop import TITIK, identitas, pengesahan_kepala_daerah
from ramping.laporan.renderers import MIME, render
from ramping.nomenklatur import selectors as sel
from ramping.organisasi.models import Struktur
from ramping.organisasi.pengaturan import kop_instansi

FORMAT = ("xlsx", "docx", "pdf")
JUDUL = "Penyesuaian Nomenklatur Jabatan Pelaksana"
KOLOM = (
    Kolom("No", BULAT, 5),
    Kolom("Perangkat Daerah / Unit Kerja", lebar=34),
    Kolom("Nama Jabatan Lama", lebar=30),
    Kolom("Nama Jabatan Baru", lebar=30),
    # Wide enough that "Kelas", "Lama" and "Jabatan" are never broken inside a word in the PDF.
    Kolom("Kelas Lama", BULAT, 12),
    Kolom("Kelas Baru", BULAT, 12),
    Kolom("Pemangku (NIP, Nama)", lebar=34),
    Kolom("Keterangan", lebar=20),
    Kolom("ID Jabatan", KODE, 13),
)
KETERANGAN = {
    sel.BAKU: "sudah sesuai",
    sel.PERLU: "belum diputuskan",
    sel.DIPUTUSKAN: "disesuaikan",
    sel.DIPERTAHANKAN: "dipertahankan",
    sel.DIGABUNG: "digabung",
}


@dataclass(frozen=True)
class Berkas:
    isi: bytes
    nama: str
    mime: str


class LampiranNomenklatur:
    kode = "lampiran-nomenklatur"

    def __init__(
        self, *, akses: Akses, struktur: Struktur, opd_kode: str = "", tanggal: date | None = None
    ):
        self.akses, self.struktur, self.opd_kode = akses, struktur, opd_kode
        self.tanggal = tanggal
        self.baris: list[sel.BarisMeja] | None = None

    def muat(self) -> None:
        if self.baris is None:
            self.kop = kop_instansi(instansi_id=self.akses.instansi_id)
            self.baris = sel.baris_meja(
                akses=self.akses, struktur=self.struktur, opd_kode=self.opd_kode
            )

    def dokumen(self) -> Dokumen:
        assert self.baris is not None, "muat() first"
        kop = self.kop
        keputusan = f"KEPUTUSAN {kop.jabatan_kepala_daerah.upper()}"
        tabel = Tabel(KOLOM, nama_lembar="Lampiran")
        hitung = dict.fromkeys(KETERANGAN, 0)
        for no, b in enumerate(self.baris, start=1):
            hitung[b.status] += 1
            k = b.keputusan
            ket = KETERANGAN[b.status]
            if k is not None and k.alasan:
                ket = f"{ket}: {k.alasan}"
            unit = b.opd.nama + (f" › {b.jalur}" if b.jalur else "")
            pemangku = "; ".join(f"{p.nip} {p.nama}" for p in b.pemangku) or "-"
            tabel.baris.append(
                Baris(
                    (
                        no,
                        unit,
                        b.nama_lama,
                        b.jabatan.nama if b.status != sel.PERLU else "",
                        k.kelas_lama if k is not None else b.jabatan.kelas,
                        b.jabatan.kelas if b.status != sel.PERLU else None,
                        pemangku,
                        ket,
                        str(b.jabatan.pk),
                    )
                )
            )
        ringkasan = Tabel(
            (Kolom("Ringkasan", lebar=34), Kolom("Jumlah jabatan", BULAT, 14)),
            [
                Baris((label, n))
                for label, n in (
                    ("Jabatan pelaksana", len(self.baris)),
                    ("Disesuaikan ke nama baku", hitung[sel.DIPUTUSKAN]),
                    ("Sudah sesuai", hitung[sel.BAKU]),
                    ("Dipertahankan dengan alasan", hitung[sel.DIPERTAHANKAN]),
                    ("Digabung", hitung[sel.DIGABUNG]),
                    ("Belum diputuskan", hitung[sel.PERLU]),
                )
            ],
            kolom_nama=0,
            nama_lembar="Ringkasan",
        )
        blok = [
            KepalaLampiran(
                baris=("LAMPIRAN", keputusan),
                pasangan=(
                    ("NOMOR", f"{TITIK} TAHUN {TITIK[:8]}"),
                    ("TANGGAL", TITIK),
                    ("TENTANG", JUDUL.upper()),
                ),
            ),
            Teks(f"DAFTAR {JUDUL.upper()}", "tengah", tebal=True),
            Teks(
                f"BERDASARKAN PERATURAN MENTERI PANRB NOMOR 45 TAHUN 2022 — {self.struktur.nama}",
                "tengah",
            ),
            tabel,
            ringkasan,
            pengesahan_kepala_daerah(kop, self.tanggal),
        ]
        return Dokumen(
            judul=f"Lampiran {JUDUL}",
            kop=(kop.pemerintah.title(), self.struktur.nama),
            identitas=identitas(
                kop,
                lingkup=self.baris[0].opd.nama
                if self.opd_kode and self.baris
                else "Seluruh perangkat daerah",
                versi=self.struktur.nama,
                dasar_hukum=self.struktur.dasar_hukum_nomor,
                tanggal_=self.tanggal or timezone.localdate(),
            ),
            blok=blok,
            mendatar=True,
            kaki="Lampiran keputusan penyesuaian nomenklatur (PermenPAN-RB 45/2022)",
            kepala_halaman=False,
        )

    def nama_berkas(self, format: str) -> str:
        lingkup = self.opd_kode or "seluruh-instansi"
        tgl = (self.tanggal or timezone.localdate()).isoformat()
        return f"{self.kode}-{slug(lingkup)}-{tgl}.{format}"


def lampiran_berkas(*, akses: Akses, struktur: Struktur, format: str, opd_kode: str = "") -> Berkas:
    if format not in FORMAT:
        raise ValueError(f"format {format} tidak tersedia")
    e = LampiranNomenklatur(akses=akses, struktur=struktur, opd_kode=opd_kode)
    e.muat()
    return Berkas(render(e.dokumen(), format), e.nama_berkas(format), MIME[format])


KOLOM_SARAN = (
    Kolom("ID Jabatan", KODE, 9),
    Kolom("Perangkat Daerah / Unit Kerja", lebar=34),
    Kolom("Nama Jabatan", lebar=30),
    Kolom("Kelas", BULAT, 7),
    Kolom("Pemangku (pendidikan)", lebar=30),
    Kolom("Status", lebar=16),
    Kolom("Saran 1", lebar=30),
    Kolom("Skor 1", BULAT, 7),
    Kolom("Saran 2", lebar=30),
    Kolom("Skor 2", BULAT, 7),
    Kolom("Saran 3", lebar=30),
    Kolom("Skor 3", BULAT, 7),
    Kolom("Alasan saran 1", lebar=60),
    Kolom("Mirip JF", lebar=20),
)


def saran_dokumen(
    baris: list[sel.BarisMeja],
    *,
    struktur: Struktur,
    instansi: str,
    identitas: Identitas | None = None,
) -> Dokumen:
    """The suggestions of a version as one table (CLI `ramping nomenklatur sarankan`)."""
    tabel = Tabel(KOLOM_SARAN, nama_lembar="Saran nomenklatur", kolom_nama=2)
    for b in baris:
        saran = list(b.saran) + [None] * (3 - len(b.saran))
        sel_saran: list = []
        for x in saran[:3]:
            sel_saran += [x.nama, round(x.skor)] if x else ["", None]
        alasan = "; ".join(a.keterangan for a in b.saran[0].alasan) if b.saran else ""
        tabel.baris.append(
            Baris(
                (
                    str(b.jabatan.pk),
                    b.opd.nama + (f" › {b.jalur}" if b.jalur else ""),
                    b.jabatan.nama,
                    b.jabatan.kelas,
                    "; ".join(f"{p.nama} ({p.pendidikan})" for p in b.pemangku) or "-",
                    str(b.label_status),
                    *sel_saran,
                    alasan,
                    b.mirip_jf or "",
                )
            )
        )
    return Dokumen(
        judul="Saran nomenklatur jabatan pelaksana",
        kop=(instansi, struktur.nama, "PermenPAN-RB 45/2022; KepmenPAN-RB 11/2024"),
        blok=[tabel],
        mendatar=True,
        identitas=identitas,
    )
