"""Rekap ABK per OPD: workload, K before and after rounding, B, ±, EJ/PJ, EU/PU per unit.

Basis: PermenPAN-RB 1/2020 (K = Σ beban ÷ WKE, rounded once per position); EJ = beban ÷
(B × WKE) with PJ bands A–E from the Permendagri 12/2008 line, EU/PU the same over a unit's
totals (anjab-abk.md §1–2; bands and rounding are the agency's settings).
"""

from decimal import Decimal

from ramping import aturan
from ramping.laporan.dokumen import BULAT, DESIMAL, KODE, SELISIH, Dokumen, Kolom, Tabel, Teks
from ramping.laporan.exporters.dasar import Exporter
from ramping.laporan.exporters.pohon import baris_pohon, jumlah
from ramping.laporan.format import angka
from ramping.laporan.selectors import JabatanL, pohon_laporan

PEMBULATAN = {"half_up": "pembulatan biasa, 0,5 ke atas", "ceil": "selalu ke atas"}
KOLOM = (
    Kolom("No", BULAT, 6),
    Kolom("Kode Jabatan", KODE, 16),
    Kolom("Nama Jabatan", lebar=50),
    Kolom("Kelas", BULAT, 7),
    Kolom("Beban Kerja (jam/tahun)", DESIMAL, 13, aturan.DESIMAL_BEBAN),
    Kolom("K sebelum pembulatan", DESIMAL, 12, aturan.DESIMAL_KEBUTUHAN),
    Kolom("K", BULAT, 7),
    Kolom("B", BULAT, 7),
    Kolom("±", SELISIH, 7),
    Kolom("EJ / EU", DESIMAL, 9, aturan.PENGATURAN_BAWAAN.desimal_ej),
    Kolom("PJ / PU", lebar=14),
)


class RekapAbk(Exporter):
    kode = "abk"
    judul = "Rekap analisis beban kerja (ABK)"
    format = ("xlsx",)

    def muat_data(self) -> None:
        self.akar = pohon_laporan(akses=self.akses, struktur=self.struktur, opd=self.opd)

    def _efektivitas(self, beban: Decimal | None, b: int) -> tuple[Decimal | None, str | None]:
        # EJ needs holders: with B = 0 the ratio is undefined, shown as "–".
        if beban is None or b <= 0:
            return None, None
        p = self.konteks.pengaturan
        ej, pj = aturan.efektivitas_jabatan(beban, b, wke_jam=self.konteks.wke_jam, pengaturan=p)
        return ej, f"{pj} ({aturan.label_pj(pj, pengaturan=p)})"

    def _sel_jabatan(self, nomor: int, j: JabatanL):
        ej, pj = self._efektivitas(j.beban_kerja_jam, j.b)
        return (nomor, j.kode, j.nama, j.kelas, j.beban_kerja_jam, j.kebutuhan_desimal,
                j.kebutuhan, j.b, j.selisih, ej, pj)  # fmt: skip

    def _sel_rekap(self, label: str, semua: list[JabatanL]):
        beban = jumlah(j.beban_kerja_jam for j in semua)
        b = sum(j.b for j in semua)
        k = jumlah(j.kebutuhan for j in semua)
        b_dengan_k = sum(j.b for j in semua if j.kebutuhan is not None)
        eu, pu = self._efektivitas(beban, b)
        return (None, None, label, None, beban, jumlah(j.kebutuhan_desimal for j in semua), k, b,
                None if k is None else b_dengan_k - k, eu, pu)  # fmt: skip

    def dokumen(self) -> Dokumen:
        k = self.konteks
        tabel = Tabel(
            KOLOM, baris_pohon(self.akar, self._sel_jabatan, self._sel_rekap, 2), 2, "ABK"
        )
        return Dokumen(
            judul="REKAPITULASI ANALISIS BEBAN KERJA",
            kop=self.kop(),
            blok=[
                Teks(
                    f"Waktu kerja efektif {angka(k.wke_jam)} jam/tahun; K dibulatkan sekali per "
                    f"jabatan ({PEMBULATAN[k.pengaturan.mode_pembulatan]}). "
                    "EJ = beban ÷ (B × WKE); baris jumlah memuat EU/PU unit. "
                    # The bands that graded the rows, not a copy that could drift from them.
                    f"PJ: {aturan.keterangan_pita_pj(pengaturan=k.pengaturan)}."
                ),
                tabel,
            ],
            ukuran="A4",
            mendatar=True,
            kaki="Rekap ABK — PermenPAN-RB 1/2020; EJ/PJ menurut Permendagri 12/2008",
        )
