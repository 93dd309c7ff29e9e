"""Import back the lampiran keputusan penyesuaian nomenklatur after an OPD edited it offline.

The file is the XLSX the workbench downloads (`ramping.nomenklatur.ekspor`): one row per post
with its "ID Jabatan". Only the column "Nama Jabatan Baru" is read as a decision; "Nama Jabatan
Lama" must still be the post's old name (a file from another version or another agency is
refused row by row, never guessed). The same preview/apply rules as every import
(`ramping.impor.dasar`): everything checked first, nothing written while one row is in error,
applying the same file twice changes nothing the second time. The write is one scenario step
(`nomenklatur_terima_saran`), undoable from the change log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from ramping.aturan.nomenklatur import cari_nama_pelaksana, cocokkan_nomenklatur
from ramping.aturan.saran_nomenklatur import normal as normal_nama
from ramping.errors import TidakBerhak
from ramping.impor import nilai as n
from ramping.impor.berkas import Kolom, Lembar
from ramping.impor.dasar import GalatBaris, Pengimpor, Pratinjau
from ramping.jabatan.models import Jabatan, JenisJabatan
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.nomenklatur.models import KeputusanNomenklatur
from ramping.nomenklatur.services import nomenklatur_terima_saran
from ramping.organisasi.models import Struktur
from ramping.penyederhanaan.draf import pastikan_draf


@dataclass
class RencanaNomenklatur:
    pilihan: dict[int, str] = field(default_factory=dict)  # jabatan id → catalogue name
    jabatan: dict[int, Jabatan] = field(default_factory=dict)


class ImporNomenklatur(Pengimpor):
    jenis = "nomenklatur"
    judul = gettext_lazy("Lampiran penyesuaian nomenklatur")
    KOLOM = (
        Kolom("id", "ID Jabatan", ("ID", "Id Jabatan"), wajib=True),
        Kolom("nama_lama", "Nama Jabatan Lama", ("Jabatan Lama",), wajib=True),
        Kolom("nama_baru", "Nama Jabatan Baru", ("Jabatan Baru",), wajib=True),
    )

    def __init__(self, *, akses, struktur: Struktur):
        super().__init__(akses=akses)
        akses.pastikan_instansi(struktur)
        if not (akses.mengelola_seluruh_instansi or akses.opd_kode):
            raise TidakBerhak("Hanya analis, admin, dan operator OPD yang dapat mengimpor.")
        self.struktur = struktur

    def periksa(self, lembar: Lembar) -> Pratinjau:
        pastikan_draf(self.struktur)
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        rencana = pr.rencana = RencanaNomenklatur()
        jabatan = {
            j.pk: j
            for j in Jabatan.objects.filter(
                struktur=self.struktur, jenis=JenisJabatan.PELAKSANA, is_kepala=False
            ).select_related("unit", "struktur")
        }
        lama = dict(
            KeputusanNomenklatur.objects.filter(struktur=self.struktur).values_list(
                "jabatan_id", "nama_lama"
            )
        )
        izin = penjaga_ubah_jabatan(self.akses, self.struktur)
        dilihat: dict[int, int] = {}
        for nomor, cells in lembar.baris:
            teks_id = n.teks(lembar.sel(cells, "id"))
            baru = n.teks(lembar.sel(cells, "nama_baru"))
            if not teks_id and not baru:
                continue  # a summary or signature line below the table
            galat = GalatBaris(lembar.nama, nomor, "", "")

            def salah(kolom: str, pesan: str, _g=galat) -> None:
                pr.galat.append(GalatBaris(_g.lembar, _g.baris, kolom, pesan))

            if not teks_id.isdigit() or int(teks_id) not in jabatan:
                salah("ID Jabatan", f"'{teks_id}' bukan jabatan pelaksana pada versi ini")
                continue
            j = jabatan[int(teks_id)]
            if j.pk in dilihat:
                salah("ID Jabatan", f"jabatan yang sama sudah ada pada baris {dilihat[j.pk]}")
                continue
            dilihat[j.pk] = nomor
            asli = lama.get(j.pk, j.nama)
            tertulis = n.teks(lembar.sel(cells, "nama_lama"))
            if normal_nama(tertulis) not in (normal_nama(asli), normal_nama(j.nama)):
                salah(
                    "Nama Jabatan Lama",
                    f"'{tertulis}' bukan nama jabatan ini ('{asli}'); berkas dari versi lain?",
                )
                continue
            if not baru:
                pr.tetap += 1  # left blank: no decision in this file
                continue
            baku = cari_nama_pelaksana(baru)
            if baku is None:
                saran = ", ".join(s.nama for s in cocokkan_nomenklatur(baru, jumlah=3))
                salah(
                    "Nama Jabatan Baru",
                    f"'{baru}' tidak ada dalam daftar KepmenPAN-RB 11/2024"
                    + (f"; mungkin: {saran}" if saran else ""),
                )
                continue
            if baku.nama == j.nama:  # unchanged rows (other OPDs' too) need no right
                pr.tetap += 1
                continue
            alasan = izin(j)
            if alasan:
                salah("ID Jabatan", f"{j.nama} (unit {j.unit.nama}): {alasan}")
                continue
            rencana.pilihan[j.pk] = baku.nama
            rencana.jabatan[j.pk] = j
            pr.diubah.append(f"{asli} → {baku.nama} ({j.unit.nama})")
        return pr

    def terapkan(self, pratinjau: Pratinjau) -> None:
        r: RencanaNomenklatur = pratinjau.rencana
        nomenklatur_terima_saran(
            akses=self.akses, jabatan_list=list(r.jabatan.values()), pilihan=r.pilihan
        )
