"""`ramping nomenklatur sarankan --instansi K --versi ID --keluar saran.xlsx`: the ranked
renaming suggestions of every pelaksana post of a version (PermenPAN-RB 45/2022)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from ramping.akun.akses import Akses
from ramping.errors import RampingError
from ramping.laporan.kop import identitas_instansi
from ramping.laporan.renderers import render
from ramping.nomenklatur import selectors as sel
from ramping.nomenklatur.ekspor import saran_dokumen
from ramping.organisasi.perintah import instansi_perintah
from ramping.organisasi.selectors import struktur_ambil

FORMAT = ("xlsx", "pdf", "docx")


class Command(BaseCommand):
    help = "Nomenklatur jabatan pelaksana: `sarankan` menulis saran nama baku per jabatan."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True)
        s = sub.add_parser("sarankan", help="saran nama baku untuk setiap jabatan pelaksana")
        s.add_argument("--instansi", required=True, help="kode instansi")
        s.add_argument("--versi", required=True, type=int, help="id versi struktur")
        s.add_argument("--opd", default="", help="kode perangkat daerah (kosong: semua)")
        s.add_argument(
            "--status",
            default="",
            choices=["", *sel.LABEL_STATUS],
            help="hanya jabatan berstatus ini (mis. perlu)",
        )
        s.add_argument("--keluar", required=True, help="berkas keluaran .xlsx, .pdf atau .docx")

    def handle(self, *args, aksi, instansi, versi, opd, status, keluar, **options):
        tujuan = Path(keluar)
        format = tujuan.suffix.lstrip(".").lower()
        if format not in FORMAT:
            raise CommandError(f"Format keluaran {tujuan.suffix!r} tidak dikenal: xlsx, pdf, docx.")
        translation.activate("id")
        with instansi_perintah(instansi) as tempat:
            akses = Akses.sistem(tempat)
            try:
                struktur = struktur_ambil(akses=akses, struktur_id=versi)
                baris = sel.baris_meja(akses=akses, struktur=struktur, opd_kode=opd, status=status)
            except RampingError as exc:
                raise CommandError(exc.pesan) from exc
            dok = saran_dokumen(
                baris,
                struktur=struktur,
                instansi=tempat.nama,
                identitas=identitas_instansi(
                    instansi_id=tempat.pk,
                    lingkup=opd or "Seluruh perangkat daerah",
                    versi=struktur.nama,
                    dasar_hukum=struktur.dasar_hukum_nomor,
                    tanggal_=timezone.localdate(),
                ),
            )
            tujuan.write_bytes(render(dok, format))
        perlu = sum(1 for b in baris if b.status == sel.PERLU)
        self.stdout.write(f"{len(baris)} jabatan pelaksana ({perlu} perlu keputusan) → {tujuan}")
