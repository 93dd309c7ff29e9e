from django.core.management.base import BaseCommand
from django.db import transaction

from ramping.akun.models import Pengguna
from ramping.demo.muat import DEMO_PASSWORD, DEMO_PENGGUNA, buat_pengguna_demo, muat_instansi
from ramping.organisasi.models import Instansi

KODE = "cilegon-contoh"
NAMA = "Pemerintah Kota Cilegon (data contoh)"


class Command(BaseCommand):
    help = "Memuat instansi contoh Pemerintah Kota Cilegon (data fiktif) beserta login demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--jika-kosong",
            action="store_true",
            help="hanya memuat bila basis data belum berisi instansi apa pun",
        )
        parser.add_argument("--ulang", action="store_true", help="hapus data contoh lalu muat lagi")

    @transaction.atomic
    def handle(self, *args, jika_kosong: bool, ulang: bool, **options):
        ada = Instansi.objects.filter(kode=KODE).exists()
        if ulang and ada:
            Instansi.objects.filter(kode=KODE).delete()
            Pengguna.objects.filter(username__in=[u[0] for u in DEMO_PENGGUNA]).delete()
            ada = False
        if ada or (jika_kosong and Instansi.objects.exists()):
            self.stdout.write("Data sudah ada; tidak ada yang dimuat ulang.")
        else:
            instansi = muat_instansi(nama=NAMA, kode=KODE, jenis="kota")
            buat_pengguna_demo(instansi)
            self.stdout.write(self.style.SUCCESS(f"{NAMA} dimuat."))
        self._cetak_login()

    def _cetak_login(self) -> None:
        ada = set(
            Pengguna.objects.filter(username__in=[u[0] for u in DEMO_PENGGUNA]).values_list(
                "username", flat=True
            )
        )
        if not ada:
            return
        self.stdout.write("Login demo (kata sandi sama untuk semua):")
        for username, peran, opd, *_ in DEMO_PENGGUNA:
            if username in ada:
                keterangan = peran.label + (f" — {opd}" if opd else "")
                self.stdout.write(f"  {username:<9} / {DEMO_PASSWORD}   {keterangan}")
