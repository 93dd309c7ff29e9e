"""`ramping instansi ekspor --instansi KODE --keluar FILE` and `ramping instansi impor FILE
[--kode-baru KODE]`: move one agency's complete data to another installation.
`ramping instansi baru --kode KODE --nama NAMA --jenis JENIS`: start an empty agency (with one
empty draft version) to be filled by `ramping impor jabatan …` and the other imports."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ramping.akun.akses import Akses
from ramping.akun.models import Peran
from ramping.akun.services import anggota_tambah
from ramping.cadangan.instansi import ekspor_instansi, impor_instansi
from ramping.cadangan.management.commands.cadangkan import ukuran_mudah
from ramping.errors import RampingError
from ramping.inti.lingkup import lingkup_instansi
from ramping.laporan.format import angka
from ramping.organisasi.models import Instansi
from ramping.organisasi.services import instansi_buat, struktur_buat


class Command(BaseCommand):
    help = (
        "Mengekspor seluruh data satu instansi ke satu berkas, atau mengimpornya ke instalasi "
        "lain (mis. pindah dari server kota ke server provinsi; SQLite ↔ PostgreSQL)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="aksi", required=True, metavar="baru|ekspor|impor")
        baru = sub.add_parser("baru", help="mulai instansi kosong (lalu isi dengan impor)")
        baru.add_argument("--kode", required=True, help="kode instansi (huruf kecil, angka, -)")
        baru.add_argument("--nama", required=True, help="nama resmi instansi")
        baru.add_argument(
            "--jenis", required=True, choices=Instansi.Jenis.values, help="jenis instansi"
        )
        baru.add_argument(
            "--versi", default="Struktur awal", help="nama versi struktur draf yang dibuat"
        )
        baru.add_argument(
            "--admin",
            help="nama pengguna admin instansi (akun baru diberi kata sandi sementara)",
        )
        ekspor = sub.add_parser("ekspor", help="ekspor satu instansi")
        ekspor.add_argument("--instansi", required=True, help="kode instansi")
        ekspor.add_argument("--keluar", required=True, type=Path, help="berkas arsip baru")
        impor = sub.add_parser("impor", help="impor ekspor satu instansi")
        impor.add_argument("berkas", type=Path, help="arsip dari `ramping instansi ekspor`")
        impor.add_argument(
            "--kode-baru", help="kode instansi di instalasi ini (bila kode aslinya sudah dipakai)"
        )

    def handle(self, *args, aksi: str, **o):
        if aksi == "baru":
            return self._baru(o["kode"], o["nama"], o["jenis"], o["versi"], o["admin"])
        if aksi == "ekspor":
            hasil = ekspor_instansi(o["instansi"], o["keluar"])
            self.stdout.write(
                self.style.SUCCESS(
                    f"{hasil.berkas} ditulis ({ukuran_mudah(hasil.ukuran)}): "
                    f"{angka(sum(hasil.jumlah.values()))} baris dari {len(hasil.jumlah)} tabel, "
                    f"{angka(hasil.pengguna)} pengguna, "
                    f"{angka(hasil.jumlah_berkas)} berkas unggahan. "
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
                f"{angka(sum(hasil.jumlah.values()))} baris dari {len(hasil.jumlah)} tabel, "
                f"{angka(hasil.jumlah_berkas)} berkas unggahan."
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

    def _baru(self, kode: str, nama: str, jenis: str, versi: str, admin: str | None) -> None:
        if Instansi.objects.filter(kode=kode).exists():
            raise CommandError(f"Kode instansi {kode!r} sudah dipakai.")
        try:
            with transaction.atomic():
                instansi = instansi_buat(nama=nama.strip(), kode=kode, jenis=jenis)
                with lingkup_instansi(instansi.pk):
                    akses = Akses.sistem(instansi)
                    struktur = struktur_buat(akses=akses, instansi=instansi, nama=versi)
                    sandi = None
                    if admin:
                        _anggota, sandi = anggota_tambah(
                            akses=akses, username=admin, peran=Peran.ADMIN_INSTANSI
                        )
        except ValidationError as e:
            pesan = "; ".join(f"{k}: {' '.join(v)}" for k, v in e.message_dict.items())
            raise CommandError(f"Instansi tidak dibuat: {pesan}") from None
        except RampingError as e:
            raise CommandError(f"Instansi tidak dibuat: {e.pesan}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Instansi {instansi.kode} ({instansi.nama}, {instansi.get_jenis_display()}) "
                f"dibuat dengan versi draf “{struktur.nama}” (ID {struktur.pk}). Isi dengan "
                f"`ramping impor jabatan BERKAS.xlsx --instansi {instansi.kode} --versi "
                f"{struktur.pk}` (unit tanpa Unit Induk menjadi unit teratas), lalu tambahkan "
                "pengguna di halaman Pengguna."
            )
        )
        if admin:
            self.stdout.write(
                f"Admin instansi: {admin}"
                + (f", kata sandi sementara {sandi} (wajib diganti saat masuk)." if sandi else ".")
            )
