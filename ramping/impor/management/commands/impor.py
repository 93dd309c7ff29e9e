import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ramping.akun.akses import Akses, akses_pengguna
from ramping.akun.models import Pengguna
from ramping.errors import RampingError
from ramping.impor.berkas import BerkasDitolak
from ramping.impor.daftar import JENIS_IMPOR
from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.organisasi.perintah import instansi_perintah
from ramping.organisasi.selectors import struktur_versi


class Command(BaseCommand):
    help = "Mengimpor lembar kerja .xlsx ke satu instansi; --pratinjau hanya memeriksa."

    def add_arguments(self, parser):
        parser.add_argument("jenis", choices=sorted(JENIS_IMPOR))
        parser.add_argument("berkas", type=Path)
        parser.add_argument("--instansi", required=True, help="kode instansi")
        parser.add_argument("--versi", type=int, help="ID versi struktur (bawaan: yang berlaku)")
        parser.add_argument("--pengguna", help="nama login yang dicatat di jejak audit")
        parser.add_argument("--pratinjau", action="store_true", help="periksa saja, tanpa menulis")

    def handle(self, *args, jenis, berkas, instansi, versi, pengguna, pratinjau, **options):
        with instansi_perintah(instansi) as tempat:
            try:
                akses = Akses.sistem(tempat)
                if pengguna:
                    akses = akses_pengguna(Pengguna.objects.get(username=pengguna), tempat.pk)
                _daftar, struktur = struktur_versi(akses=akses, struktur_id=versi)
                pengimpor = JENIS_IMPOR[jenis](akses=akses, struktur=struktur)
                self.stderr.write(f"Membaca {berkas} …")
                data = berkas.read_bytes()
                hasil = (impor_pratinjau if pratinjau else impor_terapkan)(pengimpor, data)
            except ImporGagal as exc:
                for galat in exc.pratinjau.galat:
                    self.stderr.write(str(galat))
                raise CommandError(exc.pesan) from None
            except (BerkasDitolak, RampingError, Pengguna.DoesNotExist, OSError) as exc:
                raise CommandError(getattr(exc, "pesan", str(exc))) from None
        for galat in hasil.galat:
            self.stderr.write(str(galat))
        kata = "akan" if pratinjau else "sudah"
        self.stdout.write(
            f"{len(hasil.dibuat)} {kata} dibuat, {len(hasil.diubah)} {kata} diubah, "
            f"{hasil.tetap} tidak berubah, {len(hasil.galat)} baris bermasalah."
        )
        if hasil.galat:
            sys.exit(1)
