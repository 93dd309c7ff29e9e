"""XLSX downloads of the workload matrix and the coordination map.

Both describe a `ramping.laporan` Dokumen and use its shared XLSX renderer, so numbers are
typed, and text starting with = + - @ is written as text, never as a formula.
"""

from ramping.laporan.dokumen import (
    BULAT,
    DESIMAL,
    KODE,
    TOTAL,
    Baris,
    Dokumen,
    Identitas,
    Kolom,
    Tabel,
)
from ramping.laporan.format import angka
from ramping.laporan.renderers.xlsx import render_xlsx
from ramping.sistemkerja.models import RelasiKoordinasi
from ramping.sistemkerja.selectors import Matriks

TANDA = {"lebih": "Melebihi WKE", "menganggur": "Kapasitas menganggur", "": ""}


def _kop(instansi: str, struktur: str, *lain: str) -> tuple[str, ...]:
    return (instansi, f"Versi struktur: {struktur}", *lain)


def matriks_xlsx(m: Matriks, *, instansi: str, identitas: Identitas | None = None) -> bytes:
    kolom = (
        Kolom("NIP", KODE, 21),
        Kolom("Nama", lebar=30),
        Kolom("Jabatan", lebar=32),
        Kolom("Unit", lebar=28),
        Kolom("Beban ABK (jam)", DESIMAL, 12, 2),
        *(Kolom(t.nama, DESIMAL, 14, 2, grup="Alokasi jam per tim") for t in m.tim),
        Kolom("Jam tim", DESIMAL, 12, 2),
        Kolom("Total (jam)", DESIMAL, 12, 2),
        Kolom("% WKE", BULAT, 8),
        Kolom("Keterangan", lebar=22),
    )
    tabel = Tabel(kolom=kolom, nama_lembar="Beban kerja")
    for b in m.baris:
        sel = [b.sel(t.pk) for t in m.tim]
        tabel.baris.append(
            Baris(
                (
                    b.pegawai.nip,
                    b.pegawai.nama_lengkap,
                    b.jabatan.nama,
                    b.jabatan.unit.nama,
                    b.abk,
                    *(j if j is not None and not tunggu else None for j, tunggu in sel),
                    b.jam_tim,
                    b.total,
                    int(b.persen),
                    TANDA[b.tanda],
                )
            )
        )
    tabel.baris.append(
        Baris(
            (
                "",
                "Jumlah",
                f"{len(m.baris)} pegawai",
                "",
                m.total_abk,
                *m.kolom_total,
                m.total_jam_tim,
                m.total,
                None,
                "",
            ),
            gaya=TOTAL,
        )
    )
    dokumen = Dokumen(
        judul=f"Beban kerja per pegawai — {m.unit.nama}",
        kop=_kop(
            instansi,
            m.unit.struktur.nama,
            f"Waktu kerja efektif: {angka(m.wke)} jam per tahun",
            "Beban ABK = beban kerja jabatan ÷ jumlah pemangku (B). Alokasi tim hanya yang "
            "sudah disetujui.",
        ),
        blok=[tabel],
        mendatar=True,
        kaki="PermenPAN-RB 7/2022; PermenPAN-RB 1/2020",
        identitas=identitas,
    )
    return render_xlsx(dokumen)


def koordinasi_xlsx(
    relasi: list[RelasiKoordinasi],
    *,
    instansi: str,
    struktur: str,
    identitas: Identitas | None = None,
) -> bytes:
    tabel = Tabel(
        kolom=(
            Kolom("No", BULAT, 5),
            Kolom("Unit", lebar=40),
            Kolom("Relasi", lebar=22),
            Kolom("Unit mitra", lebar=40),
            Kolom("Dasar hukum", lebar=36),
            Kolom("Keterangan", lebar=36),
        ),
        nama_lembar="Pola koordinasi",
    )
    for i, r in enumerate(relasi, 1):
        tabel.baris.append(
            Baris(
                (
                    i,
                    r.unit_dari.nama,
                    r.get_jenis_display(),
                    r.unit_ke.nama,
                    r.dasar_hukum,
                    r.keterangan,
                )
            )
        )
    dokumen = Dokumen(
        judul="Pola koordinasi antarunit",
        kop=_kop(instansi, struktur),
        blok=[tabel],
        mendatar=True,
        kaki="PermenPAN-RB 7/2022 (mekanisme kerja)",
        identitas=identitas,
    )
    return render_xlsx(dokumen)
