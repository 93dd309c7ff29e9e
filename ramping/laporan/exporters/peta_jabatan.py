"""Peta jabatan (job map) of one OPD or the whole agency: XLSX table and A3 PDF org chart.

Basis: Peraturan BKN 9/2022 Pasal 3 (struktur jabatan, pegawai yang ada, kebutuhan, kelas per
unit) and PermenPAN-RB 34/2011 Lampiran II; notation B | K | ± with ± = B − K, negative meaning
a shortage (anjab-abk.md §4).
"""

from ramping.laporan.dokumen import BULAT, SELISIH, Dokumen, Kolom, Tabel, Teks
from ramping.laporan.exporters.dasar import Exporter
from ramping.laporan.exporters.pohon import baris_pohon, jumlah
from ramping.laporan.selectors import JabatanL, pohon_laporan

KOLOM = (
    Kolom("No", BULAT, 6),
    Kolom("Nama Jabatan", lebar=70),
    Kolom("Kelas", BULAT, 7),
    Kolom("B", BULAT, 7),
    Kolom("K", BULAT, 7),
    Kolom("±", SELISIH, 7),
)
KETERANGAN = (
    "B = bezetting (pemangku aktif); K = kebutuhan hasil ABK; ± = B − K "
    "(negatif = kekurangan, positif = kelebihan)."
)


def _sel_jabatan(nomor: int, j: JabatanL):
    return (nomor, j.nama, j.kelas, j.b, j.kebutuhan, j.selisih)


def _sel_rekap(label: str, semua: list[JabatanL]):
    b = sum(j.b for j in semua)
    k = jumlah(j.kebutuhan for j in semua)
    # ± sums the rows' ± (positions whose K is known), as the web peta jabatan does.
    b_dengan_k = sum(j.b for j in semua if j.kebutuhan is not None)
    return (None, label, None, b, k, None if k is None else b_dengan_k - k)


class PetaJabatan(Exporter):
    kode = "peta-jabatan"
    judul = "Peta jabatan"
    format = ("xlsx", "pdf")

    def muat_data(self) -> None:
        self.akar = pohon_laporan(akses=self.akses, struktur=self.struktur, opd=self.opd)

    def dokumen(self) -> Dokumen:
        semua = [j for node in self.akar for j in node.semua_jabatan()]
        tanpa_k = sum(j.kebutuhan is None for j in semua)
        catatan = [Teks(KETERANGAN)]
        if tanpa_k:
            catatan.append(
                Teks(f"{tanpa_k} jabatan belum memiliki K (ABK belum dihitung): tidak dijumlah.")
            )
        tabel = Tabel(KOLOM, baris_pohon(self.akar, _sel_jabatan, _sel_rekap), 1, "Peta jabatan")
        return Dokumen(
            judul="PETA JABATAN",
            kop=self.kop(),
            identitas=self.identitas(),
            blok=[*catatan, tabel],
            ukuran="A3",
            mendatar=True,
            kaki="Peta jabatan — Peraturan BKN 9/2022 Pasal 3; PermenPAN-RB 34/2011 Lampiran II",
        )

    def tata_letak(self, format: str) -> str:
        return "kartu" if format == "pdf" else ""
