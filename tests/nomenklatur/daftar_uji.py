"""A small newer list for tests, written to a temporary file and registered beside the real
ones (never added to ``ramping/aturan/data``)."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

from ramping.aturan import versi_nomenklatur
from ramping.aturan.saran_nomenklatur import daftar_nomenklatur

KODE = "uji-daftar-baru"
KOLOM = [
    "nama",
    "klasifikasi",
    "pendidikan_minimal",
    "pendidikan_minimal_kode",
    "kelas_indikatif",
    "instansi_teknis",
    "kedudukan",
    "pns",
    "pppk",
    "bidang_spesifik",
    "kualifikasi_pendidikan",
    "ikhtisar",
    "dasar_hukum",
    "versi_daftar",
    "tanggal_dasar_hukum",
    "berlaku_mulai",
    "berlaku_sampai",
    "sumber",
    "keyakinan",
    "verified",
    "catatan",
    "nama_lama",
]
# name, classification, earlier names it replaces
NAMA = (
    ("Pengolah Data dan Informasi", "Klerek", ""),
    ("Pengatur Layanan Kendaraan", "Operator", "Pengemudi; Sopir"),
    ("Pengadministrasi Layanan Umum", "Klerek", ""),
    ("Penata Kepegawaian", "Klerek", ""),
)
DASAR = "Keputusan Uji 1/2099"


def pasang(monkeypatch, folder: Path, *, verified: bool = False) -> str:
    """Write the list CSV into ``folder`` and register it (monkeypatched); returns its code."""
    berkas = folder / "daftar_uji.csv"
    with berkas.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, KOLOM)
        w.writeheader()
        for nama, kl, lama in NAMA:
            w.writerow(
                {k: "" for k in KOLOM}
                | {
                    "nama": nama,
                    "klasifikasi": kl,
                    "pendidikan_minimal": "SLTA",
                    "pendidikan_minimal_kode": "SLTA",
                    "dasar_hukum": DASAR,
                    "versi_daftar": DASAR,
                    "keyakinan": "C",
                    "verified": "false",
                    "nama_lama": lama,
                }
            )
    nyata = daftar_nomenklatur()
    baru = dataclasses.replace(
        nyata[0],
        kode=KODE,
        judul="Daftar uji",
        dasar_hukum=DASAR,
        berlaku_mulai="2099-01-01",
        berlaku_sampai="",
        berkas=str(berkas),
        dimuat=True,
        verified=verified,
        catatan="",
    )
    monkeypatch.setattr(versi_nomenklatur, "daftar_nomenklatur", lambda: (*nyata, baru))
    return KODE
