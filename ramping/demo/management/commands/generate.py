import time

from django.core.management.base import BaseCommand, CommandError

from ramping.demo.muat import muat_instansi
from ramping.demo.salin import salin_instansi
from ramping.organisasi.models import Instansi

# Agencies per preset and whether each keeps its 2021 history. One demo-shaped agency has
# ≈1,250 positions in its current version and ≈4,400 people, so 800 agencies ≈ 1 million
# positions (the national target of DESIGN.md §6).
SKALA = {"kota": (1, True), "provinsi": (12, True), "nasional": (800, False)}
# National size: this many agencies are generated (distinct seeds); the others are server-side
# copies of them (ramping.demo.salin), ≈ a second per agency instead of ≈ 30 s.
TEMPLAT_NASIONAL = 8


def bilah(selesai: int, total: int, mulai: float) -> str:
    isi = round(30 * selesai / total)
    detik = time.monotonic() - mulai
    return f"\r[{'#' * isi}{'.' * (30 - isi)}] {selesai}/{total} instansi  {detik:,.1f} s"


class Command(BaseCommand):
    help = "Membangkitkan instansi sintetis berbentuk data contoh untuk uji skala (bench/)."

    def add_arguments(self, parser):
        parser.add_argument("--skala", choices=sorted(SKALA), required=True)
        parser.add_argument("--instansi", type=int, help="jumlah instansi (menimpa bawaan skala)")
        parser.add_argument("--awalan", default="sintetis", help="awalan kode instansi")
        parser.add_argument(
            "--bentuk",
            choices=("kota", "kementerian"),
            default="kota",
            help="bentuk instansi: pemerintah kota (bawaan) atau kementerian (Setjen → Biro → "
            "Bagian; Ditjen → Direktorat → Subdirektorat; Itjen; Badan → Pusat; Balai)",
        )
        parser.add_argument(
            "--templat",
            type=int,
            help="instansi yang dibangkitkan penuh; sisanya salinan cepat "
            f"(bawaan: {TEMPLAT_NASIONAL} untuk skala nasional, 0 = semua dibangkitkan penuh)",
        )

    def handle(
        self,
        *args,
        skala: str,
        instansi: int | None,
        awalan: str,
        bentuk: str,
        templat: int | None,
        **options,
    ):
        jumlah, riwayat = SKALA[skala]
        jumlah = instansi or jumlah
        if jumlah < 1:
            raise CommandError("--instansi harus minimal 1.")
        if templat is None:
            templat = TEMPLAT_NASIONAL if skala == "nasional" else 0
        if templat < 0:
            raise CommandError("--templat tidak boleh negatif.")
        penuh = jumlah if templat == 0 else min(templat, jumlah)
        sudah = Instansi.objects.filter(kode__startswith=f"{awalan}-{skala}-").count()
        mulai = time.monotonic()
        dibangkitkan = []
        pusat = bentuk == "kementerian"
        for i in range(sudah + 1, sudah + penuh + 1):
            dibangkitkan.append(
                muat_instansi(
                    nama=f"{'Kementerian' if pusat else 'Instansi'} Sintetis {skala.title()} "
                    f"{i:04d} (data contoh)",
                    kode=f"{awalan}-{skala}-{i:04d}",
                    jenis="kementerian"
                    if pusat
                    else "provinsi"
                    if skala == "provinsi" and i == sudah + 1
                    else "kota",
                    seed=i,
                    riwayat=riwayat,
                    bentuk=bentuk,
                )
            )
            self.stderr.write(bilah(i - sudah, jumlah, mulai), ending="")
            self.stderr.flush()
        if penuh < jumlah:
            awal = sudah + penuh + 1

            def lapor(selesai: int, _total: int) -> None:
                self.stderr.write(bilah(penuh + selesai, jumlah, mulai), ending="")
                self.stderr.flush()

            salin_instansi(
                templat=dibangkitkan,
                jumlah=jumlah - penuh,
                nama=lambda n: f"Instansi Sintetis {skala.title()} {awal + n:04d} (data contoh)",
                kode=lambda n: f"{awalan}-{skala}-{awal + n:04d}",
                kemajuan=lapor,
            )
        self.stderr.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{jumlah} instansi skala {skala} dibuat dalam "
                f"{time.monotonic() - mulai:,.1f} detik"
                + (f" ({penuh} dibangkitkan, {jumlah - penuh} salinan)." if penuh < jumlah else ".")
            )
        )
