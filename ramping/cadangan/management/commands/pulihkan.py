"""`ramping pulihkan FILE [--timpa]`: restore a `cadangkan` archive and verify its manifest."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ramping.cadangan.penuh import pulihkan_cadangan
from ramping.laporan.format import angka


class Command(BaseCommand):
    help = (
        "Memulihkan arsip `ramping cadangkan` ke basis data yang dikonfigurasi (harus kosong, "
        "kecuali dengan --timpa): checksum diperiksa dulu, lalu jumlah dan isi setiap tabel "
        "dicocokkan dengan manifest. Hentikan aplikasi selama pemulihan."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", type=Path, help="arsip dari `ramping cadangkan`")
        parser.add_argument(
            "--timpa",
            action="store_true",
            help="ganti seluruh isi basis data tujuan yang tidak kosong dengan isi cadangan",
        )

    def handle(self, *args, berkas: Path, timpa: bool, **options):
        hasil = pulihkan_cadangan(berkas, timpa=timpa, lapor=self.stdout.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"{berkas} dipulihkan ({angka(hasil.detik, 1)} detik): {hasil.tabel} tabel, "
                f"{angka(hasil.baris)} baris dan {angka(hasil.jumlah_berkas)} berkas unggahan; "
                "jumlah dan "
                "checksum setiap tabel cocok dengan manifest."
            )
        )
        if hasil.perlu_migrasi:
            self.stdout.write(
                self.style.WARNING(
                    "Cadangan berasal dari versi ramping yang lebih lama ("
                    + ", ".join(hasil.perlu_migrasi)
                    + "): jalankan `ramping migrate` sebelum memakai aplikasi."
                )
            )
