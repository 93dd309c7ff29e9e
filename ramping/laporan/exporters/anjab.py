"""Informasi jabatan (ANJAB) in the 17-item layout of PermenPAN-RB 1/2020.

Items per Peraturan BKN 9/2022 Pasal 3 ayat (1) with identitas split into nama, kode and unit
kerja, numbered 1–17 as the printed form (anjab-abk.md §3). Item 3 closes with the atasan
langsung and item 12 (korelasi jabatan) lists the superior, subordinates and fellow positions,
both read from the structure by `ramping.jabatan.hubungan` (PermenPAN-RB 1/2020 Lampiran,
butir Korelasi Jabatan), then the rows the user typed that the structure does not name.
Item 6 carries the ABK columns of the same regulation: uraian tugas, hasil kerja, jumlah hasil,
waktu penyelesaian (jam), waktu efektif and kebutuhan pegawai, with the total and the rounded
need.
"""

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from ramping import aturan
from ramping.jabatan.hubungan import hubungan_jabatan, sekitar_jabatan
from ramping.laporan.dokumen import (
    BULAT,
    DESIMAL,
    TOTAL,
    Baris,
    Daftar,
    Dokumen,
    GantiHalaman,
    Isian,
    Judul,
    Kolom,
    Penanda,
    Tabel,
    TandaTangan,
    Teks,
)
from ramping.laporan.exporters.dasar import Exporter
from ramping.laporan.format import KOSONG, nip, slug
from ramping.laporan.selectors import PegawaiL, Rincian, UnitL, rincian_jabatan

JUDUL_BUTIR = (
    "1. NAMA JABATAN", "2. KODE JABATAN", "3. UNIT KERJA", "4. IKHTISAR JABATAN",
    "5. KUALIFIKASI JABATAN", "6. TUGAS POKOK", "7. HASIL KERJA", "8. BAHAN KERJA",
    "9. PERANGKAT KERJA", "10. TANGGUNG JAWAB", "11. WEWENANG", "12. KORELASI JABATAN",
    "13. KONDISI LINGKUNGAN KERJA", "14. RISIKO BAHAYA", "15. SYARAT JABATAN",
    "16. PRESTASI KERJA YANG DIHARAPKAN", "17. KELAS JABATAN",
)  # fmt: skip
# Item 3: the chain from the highest unit down, one slot per level (anjab-abk.md §3).
RANTAI = (
    ("jpt_utama", "a. JPT Utama"), ("jpt_madya", "b. JPT Madya"),
    ("jpt_pratama", "c. JPT Pratama"), ("administrator", "d. Administrator"),
    ("pengawas", "e. Pengawas"), ("pelaksana", "f. Pelaksana"),
    ("fungsional", "g. Jabatan Fungsional"),
)  # fmt: skip
# A unit without a head position (e.g. a Kelompok JF) is placed by its head's eselon.
ESELON_JENIS = {"I": "jpt_madya", "II": "jpt_pratama", "III": "administrator", "IV": "pengawas"}
SYARAT = (
    ("keterampilan", "a. Keterampilan Kerja"), ("bakat", "b. Bakat Kerja"),
    ("temperamen", "c. Temperamen Kerja"), ("minat", "d. Minat Kerja"),
    ("upaya_fisik", "e. Upaya Fisik"),
)  # fmt: skip
KONDISI_FISIK = (
    ("jenis_kelamin", "1) Jenis Kelamin"), ("umur", "2) Umur"), ("tinggi_badan", "3) Tinggi Badan"),
    ("berat_badan", "4) Berat Badan"), ("postur_badan", "5) Postur Badan"),
    ("penampilan", "6) Penampilan"), ("keadaan_fisik", "7) Keadaan Fisik"),
)  # fmt: skip
KOLOM_TUGAS = (
    Kolom("No", BULAT, 4),
    Kolom("Uraian Tugas", lebar=32),
    Kolom("Hasil Kerja", lebar=15),
    Kolom("Jumlah Hasil", DESIMAL, 10, 2),
    Kolom("Waktu Penyelesaian (jam)", DESIMAL, 13, 2),
    Kolom("Waktu Efektif", BULAT, 9),
    Kolom("Kebutuhan Pegawai", DESIMAL, 12, aturan.DESIMAL_KEBUTUHAN, tetap=True),
)


def gabung(nilai) -> str:
    """A list of short texts on one line; "-" when empty (the form never leaves a blank)."""
    if isinstance(nilai, list | tuple):
        return "; ".join(str(n) for n in nilai if n) or "-"
    return str(nilai or "-")


def unit_kerja(r: Rincian) -> tuple[tuple[str, str], ...]:
    slot: dict[str, str] = {}
    for unit in r.rantai:
        slot.setdefault(_jenis_unit(unit, r), unit.nama)
    if r.jabatan.jenis in ("pelaksana", "fungsional") and not r.jabatan.is_kepala:
        slot[r.jabatan.jenis] = r.jabatan.nama
    return tuple((label, slot.get(jenis, "-")) for jenis, label in RANTAI)


def _jenis_unit(unit: UnitL, r: Rincian) -> str:
    if r.jabatan.is_kepala and unit.id == r.jabatan.unit_id:
        return r.jabatan.jenis
    if r.atasan is not None and unit.id == r.atasan.unit_id:
        return r.atasan.jenis
    return ESELON_JENIS.get(unit.eselon.split(".")[0], "") if unit.eselon else ""


def penanda(jabatan: str, orang: list[PegawaiL]) -> Penanda:
    if not orang:
        return Penanda(jabatan)
    return Penanda(jabatan, orang[0].nama, f"NIP. {nip(orang[0].nip)}")


class InformasiJabatan(Exporter):
    kode = "anjab"
    judul = "Informasi jabatan (ANJAB)"
    format = ("docx", "pdf")
    perlu_opd = True
    per_jabatan = True

    def muat_data(self) -> None:
        self.rincian = rincian_jabatan(
            akses=self.akses, struktur=self.struktur, opd=self.opd, jabatan_id=self.jabatan_id
        )
        # Atasan langsung and korelasi from the structure: one read for the whole OPD.
        self.sekitar = sekitar_jabatan(
            akses=self.akses,
            struktur=self.struktur,
            unit_paths={r.rantai[-1].path for r in self.rincian if r.rantai},
        )

    def bagian(self) -> Iterator[tuple[str, Dokumen]]:
        for nomor, r in enumerate(self.rincian, 1):
            kode = slug(r.jabatan.kode or str(r.jabatan.id), 30)
            yield f"{nomor:03d}-{kode}-{slug(r.jabatan.nama, 50)}", self._dokumen([r])

    def dokumen(self) -> Dokumen:
        return self._dokumen(self.rincian)

    def _dokumen(self, daftar: list[Rincian]) -> Dokumen:
        blok: list = []
        for i, r in enumerate(daftar):
            if i:
                blok.append(GantiHalaman())
            blok += self.blok_jabatan(r)
        return Dokumen(
            judul="INFORMASI JABATAN",
            kop=self.kop(),
            # One position's ANJAB (the ZIP bundle's DOCX) names it in the file's title.
            identitas=replace(self.identitas(), perihal=daftar[0].jabatan.nama)
            if len(daftar) == 1
            else self.identitas(),
            blok=blok,
            kaki="Informasi jabatan — PermenPAN-RB 1/2020; Peraturan BKN 9/2022 Pasal 3",
        )

    def blok_jabatan(self, r: Rincian) -> list:
        a, j = r.anjab, r.jabatan
        h = hubungan_jabatan(self.sekitar, j.id, a.get("korelasi_jabatan"))
        s = a.get("syarat_jabatan") or {}
        fisik = s.get("kondisi_fisik") or {}
        return [
            Teks("INFORMASI JABATAN", "tengah", tebal=True),
            Judul(JUDUL_BUTIR[0], nilai=j.nama),
            Judul(JUDUL_BUTIR[1], nilai=j.kode or "-"),
            Judul(JUDUL_BUTIR[2]),
            Isian((*unit_kerja(r), ("Atasan Langsung", h.atasan))),
            Judul(JUDUL_BUTIR[3]),
            Teks(a.get("ikhtisar") or "-", "penuh"),
            Judul(JUDUL_BUTIR[4]),
            Isian(
                (
                    ("a. Pendidikan Formal", gabung(a.get("pendidikan_formal"))),
                    ("b. Pendidikan dan Pelatihan", gabung(a.get("pelatihan"))),
                    ("c. Pengalaman Kerja", gabung(a.get("pengalaman"))),
                )
            ),
            Judul(JUDUL_BUTIR[5]),
            self.tabel_tugas(r),
            Judul(JUDUL_BUTIR[6]),
            _tabel(("Hasil Kerja", "Satuan Hasil"), a.get("hasil_kerja"), ("hasil", "satuan")),
            Judul(JUDUL_BUTIR[7]),
            _tabel(
                ("Bahan Kerja", "Penggunaan dalam Tugas"),
                a.get("bahan_kerja"),
                ("bahan", "penggunaan"),
            ),
            Judul(JUDUL_BUTIR[8]),
            _tabel(
                ("Perangkat Kerja", "Penggunaan untuk Tugas"),
                a.get("perangkat_kerja"),
                ("perangkat", "penggunaan"),
            ),
            Judul(JUDUL_BUTIR[9]),
            Daftar(tuple(a.get("tanggung_jawab") or ["-"])),
            Judul(JUDUL_BUTIR[10]),
            Daftar(tuple(a.get("wewenang") or ["-"])),
            Judul(JUDUL_BUTIR[11]),
            _tabel(
                ("Jabatan", "Unit Kerja/Instansi", "Dalam Hal"),
                [k.sebagai_dict() for k in h.korelasi],
                ("jabatan", "unit", "dalam_hal"),
                (44, 24, 22),  # a row may name a unit's whole staff
            ),
            Judul(JUDUL_BUTIR[12]),
            _tabel(("Aspek", "Faktor"), a.get("kondisi_lingkungan"), ("aspek", "faktor")),
            Judul(JUDUL_BUTIR[13]),
            _tabel(("Nama Risiko", "Penyebab"), a.get("risiko_bahaya"), ("risiko", "penyebab")),
            Judul(JUDUL_BUTIR[14]),
            Isian(
                (
                    *((label, gabung(s.get(k))) for k, label in SYARAT),
                    ("f. Kondisi Fisik", ""),
                    *((f"    {label}", gabung(fisik.get(k))) for k, label in KONDISI_FISIK),
                    ("g. Fungsi Pekerjaan", gabung(s.get("fungsi_pekerjaan"))),
                )
            ),
            Judul(JUDUL_BUTIR[15], nilai=a.get("prestasi_kerja") or "-"),
            Judul(JUDUL_BUTIR[16], nilai=str(j.kelas) if j.kelas else "-"),
            TandaTangan(
                (
                    # Signed by the holder of the superior position, named by position.
                    penanda(f"Atasan Langsung,\n{h.atasan}", r.pemangku_atasan)
                    if r.atasan
                    else Penanda(f"Atasan Langsung,\n{h.atasan}"),
                    penanda("Pemangku Jabatan", r.pemangku),
                ),
                tempat_tanggal=self.tempat_tanggal(),
            ),
        ]

    def tabel_tugas(self, r: Rincian) -> Tabel:
        wke = self.konteks.wke_jam
        baris, total = [], Decimal(0)
        tugas_aturan = []
        for nomor, t in enumerate(r.tugas, 1):
            # Stored with its unit; the form's column is in hours (PermenPAN-RB 1/2020).
            jam = t["waktu"] if t["satuan_waktu"] == "jam" else aturan.menit_ke_jam(t["waktu"])
            tugas_aturan.append(aturan.Tugas(t["volume"], t["waktu"], t["satuan_waktu"]))
            kebutuhan = aturan.kebutuhan_pegawai(tugas_aturan[-1:], wke_jam=wke)
            total += kebutuhan
            uraian = t["uraian"]
            if t["tahapan"]:
                uraian += "\n" + "\n".join(f"– {s}" for s in t["tahapan"].splitlines() if s)
            # Rounded here with the rules engine's helper, so the cell value (XLSX) and the
            # printed text (DOCX/PDF) carry the digits the position page shows.
            kebutuhan = aturan.bulatkan_kebutuhan_desimal(kebutuhan)
            baris.append(
                Baris((nomor, uraian, t["hasil_kerja"], t["volume"], jam, int(wke), kebutuhan))
            )
        p = self.konteks.pengaturan
        k_total = aturan.kebutuhan_pegawai(tugas_aturan, wke_jam=wke) if tugas_aturan else None
        dibulatkan = None if k_total is None else aturan.bulatkan_kebutuhan(k_total, pengaturan=p)
        jumlah_k = None if k_total is None else aturan.bulatkan_kebutuhan_desimal(k_total)
        baris.append(Baris((None, "Jumlah", None, None, None, None, jumlah_k), TOTAL))
        baris.append(Baris((None, "Jumlah Pegawai", None, None, None, None, dibulatkan), TOTAL))
        return Tabel(KOLOM_TUGAS, baris)


def _tabel(judul: tuple[str, ...], isi, kunci: tuple[str, ...], lebar=None) -> Tabel:
    lebar = lebar or (30,) * len(judul)
    kolom = (Kolom("No", BULAT, 4), *(Kolom(j, lebar=w) for j, w in zip(judul, lebar, strict=True)))
    baris = [
        Baris((n, *(str(item.get(k) or "-") for k in kunci))) for n, item in enumerate(isi or [], 1)
    ]
    if not baris:
        baris = [Baris((None, *(KOSONG for _ in kunci)))]
    return Tabel(kolom, baris)
