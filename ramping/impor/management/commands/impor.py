import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ramping.akun.akses import Akses, akses_pengguna
from ramping.akun.models import Pengguna
from ramping.errors import RampingError
from ramping.impor import simpanan
from ramping.impor.berkas import BerkasDitolak
from ramping.impor.daftar import JENIS_IMPOR
from ramping.impor.dasar import ImporGagal, impor_pratinjau, impor_terapkan
from ramping.impor.docx.arsip import baca_folder, pasangan_dari
from ramping.impor.latar import IMPOR
from ramping.organisasi.perintah import instansi_perintah
from ramping.organisasi.selectors import struktur_versi
from ramping.pekerjaan.services import pekerjaan_mulai, pekerjaan_mulai_sistem


class Command(BaseCommand):
    help = "Mengimpor lembar kerja .xlsx ke satu instansi; --pratinjau hanya memeriksa."

    def add_arguments(self, parser):
        parser.add_argument("jenis", choices=sorted(JENIS_IMPOR))
        parser.add_argument(
            "berkas", type=Path, help="berkas .xlsx (anjab-docx: .docx, .zip atau folder .docx)"
        )
        parser.add_argument("--instansi", required=True, help="kode instansi")
        parser.add_argument("--versi", type=int, help="ID versi struktur (bawaan: yang berlaku)")
        parser.add_argument("--pengguna", help="nama login yang dicatat di jejak audit")
        parser.add_argument("--pratinjau", action="store_true", help="periksa saja, tanpa menulis")
        parser.add_argument(
            "--duplikat",
            choices=("gabung", "simpan"),
            help="tugas ganda dalam satu jabatan: gabung (simpan satu) atau simpan semua",
        )
        parser.add_argument(
            "--setujui-peringatan",
            action="store_true",
            help="peringatan kewajaran sudah diperiksa; terapkan walau ada peringatan",
        )
        parser.add_argument(
            "--pasangan",
            action="append",
            default=[],
            metavar="BERKAS=ID",
            help="anjab-docx: pasangkan dokumen dengan jabatan (ID) yang dikonfirmasi",
        )
        parser.add_argument(
            "--antrikan",
            action="store_true",
            help="serahkan penerapan ke worker (pekerjaan latar milik --pengguna, atau sistem)",
        )

    def handle(
        self, *args, jenis, berkas, instansi, versi, pengguna, pratinjau, antrikan, **options
    ):
        if antrikan and pratinjau:
            raise CommandError("--antrikan tidak dapat digabung dengan --pratinjau.")
        tambahan = {}
        if options["pasangan"]:
            if jenis != "anjab-docx" or antrikan:
                raise CommandError("--pasangan hanya untuk anjab-docx tanpa --antrikan.")
            tambahan["pasangan"] = pasangan_dari(options["pasangan"])
        with instansi_perintah(instansi) as tempat:
            try:
                akses = Akses.sistem(tempat)
                if pengguna:
                    akses = akses_pengguna(Pengguna.objects.get(username=pengguna), tempat.pk)
                _daftar, struktur = struktur_versi(akses=akses, struktur_id=versi)
                pengimpor = JENIS_IMPOR[jenis](akses=akses, struktur=struktur, **tambahan)
                pengimpor.duplikat = options.get("duplikat")
                pengimpor.setuju_peringatan = bool(options.get("setujui_peringatan"))
                self.stderr.write(f"Membaca {berkas} …")
                data = baca_folder(berkas) if berkas.is_dir() else berkas.read_bytes()
                if antrikan:
                    self._pilihan = {
                        "duplikat": pengimpor.duplikat,
                        "setuju_peringatan": pengimpor.setuju_peringatan,
                    }
                    return self._antrikan(akses, tempat, struktur, jenis, berkas.name, data)
                hasil = (impor_pratinjau if pratinjau else impor_terapkan)(pengimpor, data)
            except ImporGagal as exc:
                for galat in exc.pratinjau.galat:
                    self.stderr.write(str(galat))
                raise CommandError(exc.pesan) from None
            except (BerkasDitolak, RampingError, Pengguna.DoesNotExist, OSError) as exc:
                raise CommandError(getattr(exc, "pesan", str(exc))) from None
        for galat in hasil.galat:
            self.stderr.write(str(galat))
        for p in hasil.peringatan:
            self.stderr.write(f"Peringatan: {p}")
        for d in hasil.duplikat:
            baris = ", ".join(map(str, d.baris))
            self.stderr.write(f"Tugas ganda ({d.jabatan}, baris {baris}): {d.uraian}")
        if hasil.dilewati:
            self.stderr.write(f"{len(hasil.dilewati)} baris jumlah dilewati.")
        kata = "akan" if pratinjau else "sudah"
        self.stdout.write(
            f"{len(hasil.dibuat)} {kata} dibuat, {len(hasil.diubah)} {kata} diubah, "
            f"{hasil.tetap} tidak berubah, {len(hasil.galat)} baris bermasalah."
        )
        if hasil.galat:
            sys.exit(1)

    def _antrikan(self, akses, tempat, struktur, jenis: str, nama: str, data: bytes) -> None:
        """Store the file as a preview would and queue its application (job kind `impor`);
        the worker checks it whole and applies it in one transaction, like the web's."""
        token = simpanan.simpan(data, pemilik=akses.pengguna.pk if akses.pengguna else None)
        parameter = dict(
            jenis=IMPOR, struktur_id=struktur.pk, jenis_impor=jenis, token=token,
            nama_berkas=nama, baris=0, **getattr(self, "_pilihan", {}),
        )  # fmt: skip
        try:
            if akses.pengguna is not None:
                p = pekerjaan_mulai(akses=akses, **parameter)
            else:
                p = pekerjaan_mulai_sistem(instansi=tempat, **parameter)
        except BaseException:
            simpanan.hapus(token)
            raise
        self.stdout.write(f"Impor diantrekan ({p.token}); jalankan `ramping worker`.")
