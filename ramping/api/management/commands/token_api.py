from django.core.management.base import BaseCommand, CommandError

from ramping.akun.models import Pengguna
from ramping.akun.token import token_buat
from ramping.errors import RampingError
from ramping.organisasi.perintah import instansi_perintah


class Command(BaseCommand):
    help = "Membuat token API untuk seorang pengguna pada satu instansi (ditampilkan sekali)."

    def add_arguments(self, parser):
        parser.add_argument("--pengguna", required=True, help="nama login")
        parser.add_argument("--instansi", required=True, help="kode instansi")
        parser.add_argument("--nama", default="token baris perintah", help="nama token")

    def handle(self, *args, pengguna: str, instansi: str, nama: str, **options):
        orang = Pengguna.objects.filter(username=pengguna).first()
        if orang is None:
            raise CommandError(f"Pengguna {pengguna!r} tidak ditemukan.")
        with instansi_perintah(instansi) as tempat:
            try:
                _baris, token = token_buat(pengguna=orang, instansi=tempat, nama=nama)
            except RampingError as exc:
                raise CommandError(exc.pesan) from exc
        self.stdout.write(token)
        self.stderr.write("Simpan token ini sekarang; ramping tidak dapat menampilkannya lagi.")
