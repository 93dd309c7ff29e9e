"""Evaluasi jabatan documents (PermenPAN-RB 34/2011 Lampiran, example annexes 1 and 3–6).

- Informasi Faktor Jabatan (annex 3/5): I Ikhtisar, II Uraian Tugas, III Tanggung Jawab, IV Hasil
  Kerja, V Syarat Jabatan, VI Tingkat Faktor with the level's uraian and the justification
  (numbering of the Lahat form, evaluasi-jabatan.md §5).
- Hasil Evaluasi Jabatan (annex 4/6; Perka BKN 21/2011 Anak Lampiran 5): one row per factor with
  its points and level, TOTAL NILAI and KELAS JABATAN with its band, e.g. "10 (1605-1850)".
- Berita Acara Hasil Evaluasi Nilai Jabatan dan Kelas Jabatan (annex 1) for a set of positions.
"""

from collections.abc import Iterator

from ramping import aturan
from ramping.laporan.dokumen import (
    BULAT,
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
from ramping.laporan.exporters.anjab import gabung
from ramping.laporan.exporters.dasar import Exporter
from ramping.laporan.format import angka, hari, slug, tanggal
from ramping.laporan.selectors import Rincian, rincian_jabatan

DASAR = "Peraturan Menteri PAN-RB Nomor 34 Tahun 2011 tentang Pedoman Evaluasi Jabatan"
# The team's composition is not recorded yet: the form leaves the names to be filled in by hand.
TIM = ("Ketua", "Sekretaris", "Anggota", "Anggota", "Anggota")


def band(kelas: int) -> str:
    """ "10 (1605-1850)": the kelas with its range in the Tabel Batasan Nilai (Lampiran 3.3)."""
    b = aturan.tabel_kelas()[kelas - 1]
    atas = angka(b.batas_atas) if b.batas_atas is not None else "ke atas"
    return f"{kelas} ({angka(b.batas_bawah)}–{atas})"


def tanda_tangan_tim(judul: str, tempat_tanggal: str) -> list:
    return [
        Teks(" "),
        Teks(judul, "tengah", tebal=True),
        TandaTangan(tuple(Penanda(t) for t in TIM), tempat_tanggal=tempat_tanggal, kolom=3),
    ]


class EvaluasiJabatan(Exporter):
    kode = "evaluasi"
    judul = "Informasi faktor jabatan dan hasil evaluasi jabatan"
    format = ("pdf", "docx")
    perlu_opd = True
    per_jabatan = True

    def muat_data(self) -> None:
        self.rincian = rincian_jabatan(
            akses=self.akses,
            struktur=self.struktur,
            opd=self.opd,
            jabatan_id=self.jabatan_id,
            hanya_dievaluasi=True,
        )

    def bagian(self) -> Iterator[tuple[str, Dokumen]]:
        for nomor, r in enumerate(self.rincian, 1):
            yield f"{nomor:03d}-{slug(r.jabatan.nama, 60)}", self._dokumen([r])

    def dokumen(self) -> Dokumen:
        return self._dokumen(self.rincian)

    def _dokumen(self, daftar: list[Rincian]) -> Dokumen:
        blok: list = []
        for r in daftar:
            if blok:
                blok.append(GantiHalaman())
            blok += [*self.informasi_faktor(r), GantiHalaman(), *self.hasil(r)]
        if not blok:
            blok = [Teks("Belum ada jabatan yang selesai dievaluasi pada lingkup ini.")]
        return Dokumen(
            judul="EVALUASI JABATAN",
            kop=self.kop(),
            identitas=self.identitas(),
            blok=blok,
            kaki="Evaluasi jabatan — PermenPAN-RB 34/2011; Perka BKN 21/2011",
        )

    def _identitas(self, r: Rincian) -> Isian:
        ev = r.evaluasi or {}
        return Isian((
            ("Nama Jabatan", r.jabatan.nama),
            ("Kode Jabatan", r.jabatan.kode or "-"),
            ("Unit Kerja", " – ".join(u.nama for u in reversed(r.rantai))),
            ("Kelompok Faktor", "Struktural" if ev.get("jenis") == "struktural" else "Fungsional"),
        ))  # fmt: skip

    def informasi_faktor(self, r: Rincian) -> list:
        ev, a = r.evaluasi or {}, r.anjab
        jenis = ev.get("jenis", "fungsional")
        baris = []
        for nomor, f in enumerate(aturan.faktor_evaluasi(jenis), 1):
            t = f.cari(ev.get("tingkat", {}).get(f.kode, ""))
            baris.append(Baris((
                nomor, f"{f.kode} {f.nama}", t.kode if t else "-", t.nilai if t else None,
                t.uraian if t else "-", (ev.get("alasan") or {}).get(f.kode, "-"),
            )))  # fmt: skip
        return [
            Teks(f"INFORMASI FAKTOR JABATAN {jenis.upper()}", "tengah", tebal=True),
            self._identitas(r),
            Judul("I. IKHTISAR JABATAN"),
            Teks(a.get("ikhtisar") or "-", "penuh"),
            Judul("II. URAIAN TUGAS"),
            Daftar(tuple(t["uraian"] for t in r.tugas) or ("-",)),
            Judul("III. TANGGUNG JAWAB"),
            Daftar(tuple(a.get("tanggung_jawab") or ["-"])),
            Judul("IV. HASIL KERJA"),
            Daftar(
                tuple(f"{h.get('hasil')} ({h.get('satuan')})" for h in a.get("hasil_kerja") or [])
                or ("-",)
            ),
            Judul("V. SYARAT JABATAN"),
            Isian(
                (
                    ("Pendidikan Formal", gabung(a.get("pendidikan_formal"))),
                    ("Pendidikan dan Pelatihan", gabung(a.get("pelatihan"))),
                    ("Pengalaman Kerja", gabung(a.get("pengalaman"))),
                )
            ),
            Judul("VI. TINGKAT FAKTOR"),
            Tabel(
                (
                    Kolom("No", BULAT, 4),
                    Kolom("Faktor", lebar=18),
                    Kolom("Tingkat", lebar=8),
                    Kolom("Nilai", BULAT, 6),
                    Kolom("Uraian Tingkat Faktor", lebar=36),
                    Kolom("Alasan Pemilihan", lebar=26),
                ),
                baris,
            ),
        ]

    def hasil(self, r: Rincian) -> list:
        ev = r.evaluasi or {}
        jenis = ev.get("jenis", "fungsional")
        baris = []
        for nomor, f in enumerate(aturan.faktor_evaluasi(jenis), 1):
            t = f.cari(ev.get("tingkat", {}).get(f.kode, ""))
            keterangan = f"Tingkat Faktor {t.kode}" if t else "-"
            baris.append(Baris((nomor, f"{f.kode} {f.nama}", t.nilai if t else None, keterangan)))
        baris.append(Baris((None, "TOTAL NILAI", ev.get("nilai"), None), TOTAL))
        kelas = ev.get("kelas")
        k = self.konteks
        return [
            Teks(f"HASIL EVALUASI JABATAN {jenis.upper()}", "tengah", tebal=True),
            self._identitas(r),
            Tabel(
                (
                    Kolom("No", BULAT, 4),
                    Kolom("Faktor", lebar=34),
                    Kolom("Nilai", BULAT, 8),
                    Kolom("Keterangan", lebar=20),
                ),
                baris,
            ),
            Isian(
                (
                    ("TOTAL NILAI", angka(ev.get("nilai"))),
                    ("KELAS JABATAN", band(kelas) if kelas else "-"),
                    ("Status", "Ditetapkan" if ev.get("status") == "ditetapkan" else "Draf"),
                )
            ),
            *tanda_tangan_tim(
                f"TIM ANALIS DAN EVALUASI JABATAN {k.instansi.upper()}",
                self.tempat_tanggal(ev.get("tanggal")),
            ),
        ]


class BeritaAcara(Exporter):
    kode = "berita-acara"
    judul = "Berita acara hasil evaluasi jabatan"
    format = ("pdf", "docx")
    perlu_opd = True

    def muat_data(self) -> None:
        self.rincian = rincian_jabatan(
            akses=self.akses, struktur=self.struktur, opd=self.opd, hanya_dievaluasi=True
        )

    def dokumen(self) -> Dokumen:
        k, t = self.konteks, self.tanggal
        tim = sorted({r.evaluasi["tim_evaluator"] for r in self.rincian if r.evaluasi} - {""})
        nama_tim = ", ".join(tim) or f"Tim Evaluasi Jabatan {k.instansi}"
        baris = [
            Baris(
                (
                    n,
                    r.jabatan.nama,
                    r.rantai[-1].nama if r.rantai else "-",
                    r.evaluasi["nilai"],
                    band(r.evaluasi["kelas"]),
                    "Ditetapkan" if r.evaluasi["status"] == "ditetapkan" else "Draf",
                )
            )
            for n, r in enumerate(self.rincian, 1)
        ]
        kolom = (
            Kolom("No", BULAT, 5),
            Kolom("Nama Jabatan", lebar=32),
            Kolom("Unit Kerja", lebar=26),
            Kolom("Nilai Jabatan", BULAT, 9),
            Kolom("Kelas Jabatan", lebar=16),
            Kolom("Keterangan", lebar=12),
        )
        return Dokumen(
            judul="BERITA ACARA",
            kop=self.kop(),
            identitas=self.identitas(),
            blok=[
                Teks("BERITA ACARA", "tengah", tebal=True),
                Teks("HASIL EVALUASI NILAI JABATAN DAN KELAS JABATAN", "tengah", tebal=True),
                Teks(f"{k.lingkup.upper()} — {k.instansi.upper()}", "tengah", tebal=True),
                Teks("Nomor: ....................................", "tengah"),
                Teks(
                    f"Pada hari ini {hari(t)} tanggal {tanggal(t)}, {nama_tim} telah melaksanakan "
                    f"evaluasi jabatan berdasarkan {DASAR} terhadap {len(baris)} jabatan di "
                    f"lingkungan {k.lingkup} pada {k.struktur}, dengan hasil nilai jabatan dan "
                    "kelas jabatan sebagai berikut:",
                    "penuh",
                ),
                Tabel(kolom, baris),
                Teks(
                    "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
                    "sebagaimana mestinya.",
                    "penuh",
                ),
                *tanda_tangan_tim(nama_tim.upper(), self.tempat_tanggal()),
            ],
            kaki="Berita acara — PermenPAN-RB 34/2011 Lampiran (contoh 1)",
        )
