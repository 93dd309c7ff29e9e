"""Rekap ABK per OPD: workload, K before and after rounding, B, ±, EJ/PJ, EU/PU per unit.

Basis: PermenPAN-RB 1/2020 (K = Σ beban ÷ WKE, rounded once per position); EJ = beban ÷
(B × WKE) with PJ bands A–E from the Permendagri 12/2008 line, EU/PU the same over a unit's
totals (anjab-abk.md §1–2; bands and rounding are the agency's settings).
"""

from decimal import Decimal

from ramping import aturan
from ramping.jabatan.models import Tugas
from ramping.laporan.dokumen import (
    BULAT,
    DESIMAL,
    KODE,
    SELISIH,
    Baris,
    Dokumen,
    Kolom,
    Tabel,
    Teks,
)
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
    Kolom("K sebelum pembulatan", DESIMAL, 12, aturan.DESIMAL_KEBUTUHAN, tetap=True),
    # B, K, ± in the order of the peta jabatan (Kelas, B, K, ±: Peraturan BKN 9/2022 "contoh
    # formulir peta jabatan"; anjab-abk.md §4) in every export (tests/laporan/test_urutan_bk.py).
    Kolom("B", BULAT, 7),
    Kolom("K", BULAT, 7),
    Kolom("±", SELISIH, 7),
    Kolom("EJ / EU", DESIMAL, 9, aturan.PENGATURAN_BAWAAN.desimal_ej, tetap=True),
    Kolom("PJ / PU", lebar=14),
)
# Per task, as agencies' own ABK tools print it (issue #11): K of each task to four places, so
# the Σ of a position's tasks is checked against its K on the first sheet.
KOLOM_TUGAS = (
    Kolom("No", BULAT, 6),
    Kolom("Unit Kerja", lebar=30),
    Kolom("Nama Jabatan", lebar=34),
    Kolom("Uraian Tugas", lebar=50),
    Kolom("Satuan Hasil", lebar=14),
    Kolom("Jumlah Hasil", DESIMAL, 12, 2),
    Kolom("Waktu Penyelesaian", DESIMAL, 12, aturan.abk.DESIMAL_WAKTU),
    Kolom("Satuan Waktu", lebar=9),
    Kolom("Beban Kerja (jam/tahun)", DESIMAL, 13, aturan.DESIMAL_BEBAN),
    Kolom("K tugas", DESIMAL, 10, aturan.DESIMAL_KEBUTUHAN, tetap=True),
)


class RekapAbk(Exporter):
    kode = "abk"
    judul = "Rekap analisis beban kerja (ABK)"
    format = ("xlsx",)

    def muat_data(self) -> None:
        self.akar = pohon_laporan(akses=self.akses, struktur=self.struktur, opd=self.opd)
        tugas = Tugas.objects.filter(
            instansi_id=self.akses.instansi_id, jabatan__struktur=self.struktur
        )
        if self.opd is not None:
            tugas = tugas.filter(jabatan__unit__path__startswith=self.opd.path)
        self.tugas = list(
            tugas.order_by("jabatan__unit__path", "jabatan__nama", "jabatan_id", "urutan", "id")
            .values_list(
                "jabatan__unit__nama", "jabatan__nama", "uraian", "satuan_hasil",
                "volume", "waktu", "satuan_waktu",
            )
        )  # fmt: skip

    def _baris_tugas(self) -> list[Baris]:
        """K per task = volume × waktu ÷ WKE (PermenPAN-RB 1/2020), to four places."""
        p, wke = self.konteks.pengaturan, self.konteks.wke_jam
        baris = []
        for i, (unit, jabatan, uraian, satuan, volume, waktu, sw) in enumerate(self.tugas, 1):
            t = aturan.Tugas(volume=volume, waktu=waktu, satuan=sw)
            k = aturan.kebutuhan_pegawai([t], wke_jam=wke, pengaturan=p)
            beban = aturan.bulatkan_beban(t.beban_jam)
            k = aturan.bulatkan_kebutuhan_desimal(k)
            baris.append(Baris((i, unit, jabatan, uraian, satuan, volume, waktu, sw, beban, k)))
        return baris

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
                j.b, j.kebutuhan, j.selisih, ej, pj)  # fmt: skip

    def _sel_rekap(self, label: str, semua: list[JabatanL]):
        beban = jumlah(j.beban_kerja_jam for j in semua)
        b = sum(j.b for j in semua)
        k = jumlah(j.kebutuhan for j in semua)
        b_dengan_k = sum(j.b for j in semua if j.kebutuhan is not None)
        eu, pu = self._efektivitas(beban, b)
        return (None, None, label, None, beban, jumlah(j.kebutuhan_desimal for j in semua), b, k,
                None if k is None else b_dengan_k - k, eu, pu)  # fmt: skip

    def dokumen(self) -> Dokumen:
        k = self.konteks
        tabel = Tabel(
            KOLOM, baris_pohon(self.akar, self._sel_jabatan, self._sel_rekap, 2), 2, "ABK"
        )
        return Dokumen(
            judul="REKAPITULASI ANALISIS BEBAN KERJA",
            kop=self.kop(),
            identitas=self.identitas(),
            blok=[
                Teks(
                    f"Waktu kerja efektif {angka(k.wke_jam)} jam/tahun; K dibulatkan sekali per "
                    f"jabatan ({PEMBULATAN[k.pengaturan.mode_pembulatan]}). "
                    "EJ = beban ÷ (B × WKE); baris jumlah memuat EU/PU unit. "
                    # The bands that graded the rows, not a copy that could drift from them.
                    f"PJ: {aturan.keterangan_pita_pj(pengaturan=k.pengaturan)}."
                ),
                tabel,
                Tabel(KOLOM_TUGAS, self._baris_tugas(), 2, "Rincian tugas"),
            ],
            ukuran="A4",
            mendatar=True,
            kaki="Rekap ABK — PermenPAN-RB 1/2020; EJ/PJ menurut Permendagri 12/2008",
        )
