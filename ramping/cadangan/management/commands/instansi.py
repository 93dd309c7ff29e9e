"""`ramping instansi ekspor --instansi KODE --keluar FILE` and `ramping instansi impor FILE
[--kode-baru KODE]`: move one agency's complete data to another installation."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ramping.cadangan.instansi import ekspor_instansi, impor_instansi
from ramping.cadangan.management.commands.cadangkan import ukuran_mudah


class Command(BaseCommand):
    help = (
        "Mengekspor seluruh data satu instansi ke satu berkas, atau mengimpornya ke instalasi "
        "lain (mis. pindah dari server kota ke server provinsi; SQLite ↔ PostgreSQL)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True, metavar="ekspor|impor")
        ekspor = sub.add_parser("ekspor", help="ekspor satu instansi")
        ekspor.add_argument("--instansi", required=True, help="kode instansi")
        ekspor.add_argument("--keluar", required=True, type=Path, help="berkas arsip baru")
        impor = sub.add_parser("impor", help="impor ekspor satu instansi")
        impor.add_argument("berkas", type=Path, help="arsip dari `ramping instansi ekspor`")
        impor.add_argument(
            "--kode-baru", help="kode instansi di instalasi ini (bila kode aslinya sudah dipakai)"
        )

    def handle(self, *args, aksi: str, **o):
        if aksi == "ekspor":
            hasil = ekspor_instansi(o["instansi"], o["keluar"])
            self.stdout.write(
                self.style.SUCCESS(
                    f"{hasil.berkas} ditulis ({ukuran_mudah(hasil.ukuran)}): "
                    f"{sum(hasil.jumlah.values())} baris dari {len(hasil.jumlah)} tabel, "
                    f"{hasil.pengguna} pengguna, {hasil.jumlah_berkas} berkas unggahan. "
                    "Token API tidak ikut; kata sandi tidak ikut."
                )
            )
            for nama in hasil.berkas_hilang:
                self.stderr.write(f"Berkas unggahan {nama} tidak ada di penyimpanan; dilewati.")
            return
        hasil = impor_instansi(o["berkas"], kode_baru=o["kode_baru"], lapor=self.stderr.write)
        self.stdout.write(
            self.style.SUCCESS(
                f"Instansi {hasil.instansi.kode} ({hasil.instansi.nama}) diimpor: "
                f"{sum(hasil.jumlah.values())} baris dari {len(hasil.jumlah)} tabel, "
                f"{hasil.jumlah_berkas} berkas unggahan."
            )
        )
        if hasil.pengguna_ada:
            self.stdout.write(
                "Pengguna yang sudah ada di instalasi ini dipakai (dicocokkan menurut nama "
                "pengguna): " + ", ".join(hasil.pengguna_ada)
            )
        if hasil.pengguna_baru:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(hasil.pengguna_baru)} pengguna baru dibuat tanpa kata sandi ("
                    + ", ".join(hasil.pengguna_baru[:20])
                    + (", …" if len(hasil.pengguna_baru) > 20 else "")
                    + "): beri kata sandi dengan `ramping changepassword NAMA` atau masuk lewat "
                    "SSO. Token API perlu dibuat ulang."
                )
            )
