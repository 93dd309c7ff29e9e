"""`ramping cadangkan --keluar FILE`: one consistent archive of the database and uploaded files."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ramping.cadangan.penuh import buat_cadangan
from ramping.laporan.format import angka


def ukuran_mudah(n: float) -> str:
    for satuan in ("B", "KB", "MB"):
        if n < 1024:
            return f"{angka(n, 0 if satuan == 'B' else 1)} {satuan}"
        n /= 1024
    return f"{angka(n, 1)} GB"


class Command(BaseCommand):
    help = (
        "Mencadangkan seluruh instalasi ke satu berkas: basis data (salinan daring SQLite atau "
        "pg_dump), berkas unggahan, dan manifest jumlah baris serta checksum. Aman dijalankan "
        "selagi aplikasi berjalan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keluar", required=True, type=Path, help="berkas arsip baru, mis. cadangan.tar.gz"
        )

    def handle(self, *args, keluar: Path, **options):
        hasil = buat_cadangan(keluar)
        self.stdout.write(
            self.style.SUCCESS(
                f"{hasil.berkas} ditulis ({ukuran_mudah(hasil.ukuran)}, "
                f"{angka(hasil.detik, 1)} detik): "
                f"basis data {hasil.manifest['vendor']}, {hasil.tabel} tabel, "
                f"{angka(hasil.baris)} baris, {angka(hasil.jumlah_berkas)} berkas unggahan."
            )
        )
