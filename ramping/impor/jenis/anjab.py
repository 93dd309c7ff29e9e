"""Import of the text items of the informasi jabatan (ANJAB) per position.

List items (pelatihan, pengalaman, tanggung jawab, wewenang) are written in one cell,
separated by semicolons or line breaks. Only the columns present in the file are changed;
the rest of each ANJAB stays as it is. Saved through the ANJAB service, one position at a
time, so each change is validated and audited.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy

from ramping.errors import TidakBerhak
from ramping.impor import nilai as n
from ramping.impor.berkas import Kolom, Lembar, normal
from ramping.impor.dasar import (
    GalatBaris,
    Pengimpor,
    Pratinjau,
    jabatan_per_unit,
)
from ramping.jabatan.models import Anjab, Jabatan
from ramping.jabatan.services import anjab_ubah
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.organisasi.models import Struktur

TEKS = ("ikhtisar", "pendidikan_formal", "prestasi_kerja")
DAFTAR = ("pelatihan", "pengalaman", "tanggung_jawab", "wewenang")


@dataclass
class RencanaAnjab:
    ubah: list[tuple[Jabatan, dict]] = field(default_factory=list)


class ImporAnjab(Pengimpor):
    jenis = "anjab"
    judul = gettext_lazy("Informasi jabatan (ANJAB)")
    KOLOM = (
        Kolom("unit", "Unit Kerja", ("Unit", "Unor"), wajib=True),
        Kolom("jabatan", "Nama Jabatan", ("Jabatan",), wajib=True),
        Kolom("ikhtisar", "Ikhtisar Jabatan", ("Ikhtisar",)),
        Kolom("pendidikan_formal", "Pendidikan Formal", ("Kualifikasi Pendidikan",)),
        Kolom("pelatihan", "Pendidikan dan Pelatihan", ("Pelatihan", "Diklat")),
        Kolom("pengalaman", "Pengalaman Kerja", ("Pengalaman",)),
        Kolom("tanggung_jawab", "Tanggung Jawab", ()),
        Kolom("wewenang", "Wewenang", ()),
        Kolom("prestasi_kerja", "Prestasi Kerja", ("Prestasi Kerja yang Diharapkan",)),
    )

    def __init__(self, *, akses, struktur: Struktur):
        super().__init__(akses=akses)
        akses.pastikan_instansi(struktur)
        if not (akses.mengelola_seluruh_instansi or akses.opd_kode):
            raise TidakBerhak("Hanya analis, admin, dan operator OPD yang dapat mengimpor ANJAB.")
        self.struktur = struktur

    def periksa(self, lembar: Lembar) -> Pratinjau:
        pr = Pratinjau(jenis=self.jenis, lembar=lembar.nama)
        rencana = pr.rencana = RencanaAnjab()
        posisi = jabatan_per_unit(self.struktur)
        izin = penjaga_ubah_jabatan(self.akses, self.struktur)
        anjab = {a.jabatan_id: a for a in Anjab.objects.filter(jabatan__struktur=self.struktur)}
        kolom_ada = [f for f in (*TEKS, *DAFTAR) if f in lembar.kolom]
        dilihat: dict[int, int] = {}
        for nomor, cells in lembar.baris:
            kunci = (normal(lembar.sel(cells, "unit")), normal(lembar.sel(cells, "jabatan")))
            jabatan = posisi.get(kunci)
            pesan = None
            if jabatan is None:
                teks = n.teks(lembar.sel(cells, "jabatan"))
                pesan = f"jabatan '{teks}' {'ganda' if kunci in posisi else 'tidak ditemukan'}"
            elif jabatan.pk in dilihat:
                pesan = f"jabatan ini sudah ada di baris {dilihat[jabatan.pk]}"
            else:
                pesan = izin(jabatan)
            if pesan:
                pr.galat.append(GalatBaris(lembar.nama, nomor, "Nama Jabatan", pesan))
                continue
            dilihat[jabatan.pk] = nomor
            baru = {f: _isi(f, lembar.sel(cells, f)) for f in kolom_ada}
            lama = anjab.get(jabatan.pk)
            beda = {f: v for f, v in baru.items() if lama is None or getattr(lama, f) != v}
            if not beda:
                pr.tetap += 1
                continue
            rencana.ubah.append((jabatan, beda))
            (pr.diubah if lama else pr.dibuat).append(f"ANJAB {jabatan.nama} ({jabatan.unit.nama})")
        return pr

    def terapkan(self, pratinjau: Pratinjau) -> None:
        versi = dict(
            Anjab.objects.filter(jabatan__struktur=self.struktur).values_list("jabatan_id", "versi")
        )
        for jabatan, beda in pratinjau.rencana.ubah:
            anjab_ubah(akses=self.akses, jabatan=jabatan, versi=versi.get(jabatan.pk, 0), **beda)


def _isi(nama: str, nilai: object) -> str | list[str]:
    if nama in TEKS:
        return n.teks(nilai)
    teks = "" if nilai is None else str(nilai)
    return [bagian.strip() for bagian in re.split(r"[;\n]", teks) if bagian.strip()]
