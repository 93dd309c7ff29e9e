from django.core.management.base import BaseCommand, CommandError

from ramping.akun.akses import Akses
from ramping.errors import RampingError
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.latar import HITUNG_ULANG, hitung_ulang_versi, versi_dihitung
from ramping.organisasi.models import Instansi
from ramping.pekerjaan.services import pekerjaan_mulai_sistem


class Command(BaseCommand):
    help = (
        "Menghitung ulang K (hasil ABK) versi struktur satu instansi, atau semua instansi "
        "(--semua); --antrikan menyerahkannya ke worker, satu pekerjaan per instansi."
    )

    def add_arguments(self, parser):
        siapa = parser.add_mutually_exclusive_group(required=True)
        siapa.add_argument("--instansi", help="kode instansi")
        siapa.add_argument("--semua", action="store_true", help="setiap instansi")
        parser.add_argument(
            "--versi", type=int, help="ID versi struktur (bawaan: semua versi yang tidak diarsip)"
        )
        parser.add_argument(
            "--antrikan", action="store_true", help="antrekan sebagai pekerjaan latar"
        )

    def handle(self, *args, instansi, semua, versi, antrikan, **options):
        if semua and versi is not None:
            raise CommandError("--versi hanya bersama --instansi.")
        if semua:
            daftar = list(Instansi.objects.order_by("kode"))
        else:
            daftar = list(Instansi.objects.filter(kode=instansi))
            if not daftar:
                raise CommandError(f"Instansi {instansi!r} tidak ditemukan.")
        gagal = diantrekan = 0
        for tempat in daftar:
            # Each agency in its own scope: the national recompute never mixes tenants.
            with lingkup_instansi(tempat.pk):
                try:
                    diantrekan += self._satu(tempat, versi, antrikan, semua)
                except RampingError as exc:
                    if not semua:
                        raise CommandError(exc.pesan) from None
                    gagal += 1
                    self.stderr.write(f"{tempat.kode}: {exc.pesan}")
        if antrikan:
            self.stdout.write(f"{diantrekan} pekerjaan diantrekan; jalankan `ramping worker`.")
        if gagal:
            raise CommandError(f"{gagal} instansi gagal dihitung ulang.")

    def _satu(self, tempat: Instansi, versi: int | None, antrikan: bool, semua: bool) -> int:
        akses = Akses.sistem(tempat)
        struktur = versi_dihitung(akses=akses, struktur_id=versi)
        if not struktur:
            if semua:
                return 0  # an agency still without a version has nothing to recompute
            raise CommandError(f"{tempat.kode}: instansi belum memiliki versi struktur.")
        if antrikan:
            p = pekerjaan_mulai_sistem(instansi=tempat, jenis=HITUNG_ULANG, struktur_id=versi)
            self.stdout.write(f"{tempat.kode}: diantrekan ({p.token})")
            return 1

        def kemajuan(selesai: int, jumlah: int, sedang: str) -> None:
            if sedang:
                self.stderr.write(f"{tempat.kode}: versi {selesai + 1}/{jumlah} {sedang} …")

        for s, n in hitung_ulang_versi(akses=akses, struktur=struktur, kemajuan=kemajuan):
            self.stdout.write(f"{tempat.kode} · {s.nama} (id {s.pk}): {n} jabatan dihitung ulang")
        return 0
