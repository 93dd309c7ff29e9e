from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ramping.akun.akses import Akses
from ramping.akun.models import Pengguna, TokenApi
from ramping.akun.token import HARI_MAKS, token_ambil, token_buat, token_cabut
from ramping.aturan.tampil import tanggal_waktu
from ramping.errors import RampingError
from ramping.organisasi.perintah import instansi_perintah


class Command(BaseCommand):
    help = (
        "Token API satu instansi: buat untuk seorang pengguna (ditampilkan sekali), "
        "--daftar, atau --cabut AWALAN."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True, help="kode instansi")
        parser.add_argument("--pengguna", help="nama login (membuat token; saring --daftar)")
        parser.add_argument("--nama", default="token baris perintah", help="nama token")
        parser.add_argument(
            "--hari", type=int, default=None, help=f"masa berlaku, 1–{HARI_MAKS} hari"
        )
        aksi = parser.add_mutually_exclusive_group()
        aksi.add_argument("--daftar", action="store_true", help="tampilkan token instansi")
        aksi.add_argument("--cabut", metavar="AWALAN", help="cabut token dengan awalan ini")

    def handle(self, *args, instansi, pengguna, nama, hari, daftar, cabut, **options):
        with instansi_perintah(instansi) as tempat:
            # The command runs as the installation's operator: the agency admin's rights.
            sistem = Akses.sistem(tempat)
            try:
                if daftar:
                    self._daftar(tempat, pengguna)
                elif cabut:
                    token = token_ambil(akses=sistem, awalan=cabut)
                    token_cabut(akses=sistem, token=token)
                    self.stdout.write(f"Token {token.awalan}… ({token.nama}) dicabut.")
                else:
                    self._buat(tempat, pengguna, nama, hari)
            except RampingError as exc:
                raise CommandError(exc.pesan) from exc

    def _buat(self, tempat, pengguna, nama, hari):
        if not pengguna:
            raise CommandError("--pengguna wajib untuk membuat token.")
        orang = Pengguna.objects.filter(username=pengguna).first()
        if orang is None:
            raise CommandError(f"Pengguna {pengguna!r} tidak ditemukan.")
        baris, token = token_buat(pengguna=orang, instansi=tempat, nama=nama, berlaku_hari=hari)
        self.stdout.write(token)
        kapan = timezone.localtime(baris.kedaluwarsa)
        self.stderr.write(
            f"Berlaku sampai {tanggal_waktu(kapan)}. Simpan token ini sekarang; "
            "ramping tidak dapat menampilkannya lagi."
        )

    def _daftar(self, tempat, pengguna):
        qs = TokenApi.objects.filter(instansi=tempat).select_related("pengguna")
        if pengguna:
            qs = qs.filter(pengguna__username=pengguna)
        sekarang = timezone.now()
        self.stdout.write("awalan\tpengguna\tnama\tdibuat\tterakhir dipakai\tkedaluwarsa\tstatus")
        for t in qs.order_by("-dibuat", "-pk"):
            waktu = [
                f"{timezone.localtime(w):%Y-%m-%d %H:%M}" if w else "-"
                for w in (t.dibuat, t.terakhir_dipakai, t.kedaluwarsa)
            ]
            self.stdout.write(
                "\t".join([t.awalan, t.pengguna.username, t.nama, *waktu, t.status(sekarang)])
            )
