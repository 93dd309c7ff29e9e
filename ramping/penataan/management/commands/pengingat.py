from datetime import date

from django.core.management.base import BaseCommand, CommandError

from ramping.inti.lingkup import lingkup_instansi
from ramping.organisasi.models import Instansi
from ramping.organisasi.perintah import instansi_perintah
from ramping.penataan.notifikasi import pengingat_tenggat
from ramping.penataan.tugas import pengingat


def _tanggal(nilai: str) -> date:
    try:
        return date.fromisoformat(nilai)
    except ValueError:
        raise CommandError(f"--tanggal harus TTTT-BB-HH, bukan {nilai!r}") from None


class Command(BaseCommand):
    help = (
        "Mengingatkan OPD yang belum mengajukan bila batas waktunya tinggal --hari hari atau "
        "sudah lewat (notifikasi di aplikasi dan surel). Paling banyak sekali sehari per OPD; "
        "jalankan harian dari cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instansi", help="kode instansi (bawaan: semua instansi)")
        parser.add_argument("--hari", type=int, default=3, help="ingatkan H-hari (bawaan 3)")
        parser.add_argument(
            "--tanggal", help="anggap hari ini tanggal ini (TTTT-BB-HH), untuk uji dan susulan"
        )
        parser.add_argument(
            "--antrikan",
            action="store_true",
            help="jangan kerjakan sekarang: masukkan ke antrean untuk `ramping worker`",
        )

    def handle(self, *args, instansi, hari, tanggal, antrikan, **options):
        if hari < 0:
            raise CommandError("--hari tidak boleh negatif.")
        hari_ini = _tanggal(tanggal) if tanggal else None
        if antrikan:
            if instansi:
                with instansi_perintah(instansi):
                    pass  # an unknown agency stops here, with the command's usual message
            hasil = pengingat.enqueue(
                kode_instansi=instansi or None, hari=hari, tanggal=tanggal or None
            )
            self.stdout.write(f"Pengingat masuk antrean (tugas {hasil.id}).")
            return
        self.total_opd = self.total_notifikasi = 0
        if instansi:
            with instansi_perintah(instansi) as tempat:
                self._satu(tempat, hari, hari_ini)
        else:
            # Every agency, each in its own scope (never all agencies at once).
            for tempat in Instansi.objects.order_by("kode"):
                with lingkup_instansi(tempat.pk):
                    self._satu(tempat, hari, hari_ini)
        self.stdout.write(
            f"Selesai: {self.total_opd} OPD diingatkan, {self.total_notifikasi} notifikasi."
        )

    def _satu(self, tempat: Instansi, hari: int, hari_ini: date | None) -> None:
        hasil = pengingat_tenggat(
            instansi_id=tempat.pk, kode_instansi=tempat.kode, hari=hari, hari_ini=hari_ini
        )
        self.total_opd += len(hasil.opd)
        self.total_notifikasi += hasil.notifikasi
        for nama in hasil.tanpa_penerima:
            self.stderr.write(f"{tempat.kode}: {nama} tidak punya operator maupun analis aktif.")
        if not (hasil.opd or hasil.sudah or hasil.tanpa_penerima):
            return
        for nama in hasil.opd:
            self.stdout.write(f"{tempat.kode}: {nama}")
        self.stdout.write(
            f"{tempat.kode}: {len(hasil.opd)} OPD diingatkan ({hasil.notifikasi} notifikasi), "
            f"{hasil.sudah} sudah diingatkan hari ini."
        )
