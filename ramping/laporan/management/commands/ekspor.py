"""`ramping ekspor <laporan> --instansi KODE [--opd KODE] [--versi ID] --format F --keluar FILE`.

Thin: parse, call the exporter (the same one the web download uses), write, print a summary.
"""

import time
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ramping.akun.akses import Akses
from ramping.errors import RampingError
from ramping.laporan import paket
from ramping.laporan.exporters import LAPORAN
from ramping.laporan.exporters.surat_edaran import SuratEdaran, surat_edaran_berkas
from ramping.laporan.format import angka
from ramping.laporan.selectors import opd_ambil
from ramping.organisasi.perintah import instansi_perintah
from ramping.organisasi.selectors import struktur_versi


class Command(BaseCommand):
    help = (
        "Mengekspor laporan (peta jabatan, ANJAB, ABK, evaluasi, berita acara, kebutuhan, "
        "lampiran peraturan, surat edaran, zip)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="laporan", required=True, metavar="LAPORAN")
        se = sub.add_parser(SuratEdaran.kode, help=SuratEdaran.judul)
        se.add_argument("--instansi", required=True, help="kode instansi")
        se.add_argument("--kegiatan", required=True, type=int, help="id kegiatan penataan")
        se.add_argument("--format", required=True, choices=SuratEdaran.format)
        se.add_argument("--keluar", required=True, type=Path, help="berkas tujuan")
        se.add_argument("--url", default=None, help="alamat aplikasi (bawaan: RAMPING_URL)")
        for kode, kelas in [*LAPORAN.items(), ("zip", None)]:
            p = sub.add_parser(kode, help=kelas.judul if kelas else "paket semua dokumen satu OPD")
            p.add_argument("--instansi", required=True, help="kode instansi")
            p.add_argument("--opd", default="", help="kode perangkat daerah (unit teratas)")
            p.add_argument("--versi", type=int, help="id versi struktur (bawaan: yang berlaku)")
            p.add_argument("--keluar", required=True, type=Path, help="berkas tujuan")
            p.add_argument("--tanggal", type=date.fromisoformat, help="tanggal dokumen (ISO)")
            if kelas is not None:
                p.add_argument("--format", required=True, choices=kelas.format)
            if kelas is not None and kelas.per_jabatan:
                p.add_argument("--jabatan", type=int, help="id satu jabatan")
            if kode == "kebutuhan":
                p.add_argument("--tahun", type=int, help="tahun pertama proyeksi")
            for opsi in kelas.opsi if kelas is not None else ():
                p.add_argument(f"--{opsi}", help=f"{opsi} (lampiran peraturan)")

    def handle(self, *args, laporan: str, **o):
        if laporan == SuratEdaran.kode:
            return self._surat_edaran(o)
        with instansi_perintah(o["instansi"]) as instansi:
            akses = Akses.sistem(instansi)
            mulai = time.monotonic()
            try:
                _, struktur = struktur_versi(akses=akses, struktur_id=o["versi"])
                if struktur is None:
                    raise CommandError("Instansi belum memiliki versi struktur.")
                opd = opd_ambil(akses=akses, struktur=struktur, kode=o["opd"]) if o["opd"] else None
                if laporan == "zip":
                    jumlah = self._zip(akses, struktur, opd, o)
                else:
                    jumlah = self._satu(LAPORAN[laporan], akses, struktur, opd, o)
            except RampingError as exc:
                raise CommandError(exc.pesan) from None
            detik = time.monotonic() - mulai
            self.stdout.write(
                self.style.SUCCESS(
                    f"{o['keluar']} ditulis: {jumlah} ({angka(detik, 1)} detik), {struktur.nama}."
                )
            )

    def _satu(self, kelas, akses, struktur, opd, o) -> str:
        if kelas.perlu_opd and opd is None and not o.get("jabatan"):
            raise CommandError(f"Laporan {kelas.kode} memerlukan --opd (atau --jabatan).")
        tambahan = {"tahun_awal": o["tahun"]} if kelas.kode == "kebutuhan" else {}
        tambahan |= {k: o[k] for k in kelas.opsi if o.get(k) is not None}
        e = kelas(akses=akses, struktur=struktur, opd=opd, jabatan_id=o.get("jabatan"),
                  tanggal=o["tanggal"], **tambahan)  # fmt: skip
        isi = e.ekspor(o["format"])
        o["keluar"].write_bytes(isi)
        return f"{angka(len(isi))} bait"

    def _zip(self, akses, struktur, opd, o) -> str:
        if opd is None:
            raise CommandError("Paket ZIP memerlukan --opd.")
        self.stdout.write(f"Membaca data {opd.nama} …")
        kerja = paket.pekerjaan_paket(akses=akses, struktur=struktur, opd=opd, tanggal=o["tanggal"])

        def kemajuan(n: int, nama: str) -> None:
            if n == len(kerja) or n % 10 == 0:
                self.stdout.write(f"  {n}/{len(kerja)} dokumen {nama}")

        paket.tulis_zip(o["keluar"], kerja, kemajuan)
        return f"{len(kerja)} dokumen"

    def _surat_edaran(self, o) -> None:
        with instansi_perintah(o["instansi"]) as instansi:
            try:
                berkas = surat_edaran_berkas(
                    akses=Akses.sistem(instansi),
                    kegiatan_id=o["kegiatan"],
                    format=o["format"],
                    url_aplikasi=o["url"],
                )
            except RampingError as exc:
                raise CommandError(exc.pesan) from None
            o["keluar"].write_bytes(berkas.isi)
            jumlah = f"{angka(len(berkas.isi))} bait"
            self.stdout.write(self.style.SUCCESS(f"{o['keluar']} ditulis: {jumlah}."))
