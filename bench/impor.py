"""Benchmark: importing 100,000 task rows with bounded memory (issue #15 item 6; issue #11).

Usage: python bench/impor.py [--ukuran 25000,50000,100000,200000] [--jabatan P]
                             [--sebelum DIR] [--dasar-pada N] [--ulang R] [--ganti] [--postgres]

For each size N, a fresh process (so its memory is its own) builds a throwaway database (SQLite
in a temp folder; `--postgres` runs the same inside `scripts/with_postgres.py`) with one agency
of P positions, writes an XLSX of N task rows (flat template layout, numbers partly as
Indonesian text; 100,000 rows per sheet, so 200,000 is a workbook of two sheets) and measures:

- ramping: `impor_terapkan` with `ImporTugas` — the whole file checked (locale, rules,
  duplicates, plausibility) before a set-based replace and one K recompute, all or nothing;
- with `--sebelum DIR`: the same code of another checkout (e.g. `git archive <commit>` of the
  base) in the same run, for the memory before/after;
- with `--ganti`: a second file imported over the stored tasks (every task's output changed,
  so every position is compared with its stored list and replaced);
- at N = `--dasar-pada` only (default 100,000): the baseline — openpyxl (read-only) + one ORM
  write per row (`Tugas.objects.create`) in one transaction, positions looked up in a dict.

Memory: the peak of Python allocations (tracemalloc, in a second, traced run) and the growth of
the process's resident size during the untraced run (peak RSS − RSS before; includes what
calamine holds outside Python). Best time of `--ulang` runs. Not a test: no timing assertions.
"""

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JUDUL = ["Unit Kerja", "Nama Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan Hasil",
         "Jumlah Hasil", "Waktu Penyelesaian", "Satuan Waktu"]  # fmt: skip


def _siapkan(db_url: str | None, akar: Path = ROOT) -> None:
    sys.path.insert(0, str(akar))
    if db_url:
        os.environ["RAMPING_DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    os.environ.setdefault("RAMPING_DEBUG", "true")  # a measurement here, not a deployment
    import django

    django.setup()


def _berkas(baris: int, posisi: list[tuple[str, str]], hasil: str = "Dokumen") -> bytes:
    """N task rows of the flat template; more than 100,000 go on further sheets (the
    per-sheet limit): "Data", "Data2", …"""
    from openpyxl import Workbook

    buku = Workbook(write_only=True)
    for awal in range(0, max(baris, 1), 100_000):
        ke = awal // 100_000 + 1
        lembar = buku.create_sheet("Data" if ke == 1 else f"Data{ke}")
        lembar.append(JUDUL)
        for i in range(awal, min(baris, awal + 100_000)):
            unit, jabatan = posisi[i % len(posisi)]
            volume = f"{1000 + i % 500:,}".replace(",", ".") + ",5" if i % 3 == 0 else 12 + i % 40
            lembar.append([unit, jabatan, f"Tugas nomor {i}", hasil, "Dokumen", volume,
                           "0,25" if i % 2 else 2, "jam"])  # fmt: skip
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def _dunia(jumlah: int):
    from ramping.akun.akses import Akses
    from ramping.jabatan.models import Jabatan
    from ramping.organisasi.services import instansi_buat, struktur_buat, unit_buat

    instansi = instansi_buat(nama="Bench Impor", kode="bench-impor", jenis="kota")
    akses = Akses.sistem(instansi)
    struktur = struktur_buat(akses=akses, instansi=instansi, nama="Draf bench")
    dinas = unit_buat(akses=akses, struktur=struktur, induk=None, kode="D", nama="Dinas Bench",
                      jenis="dinas", eselon="II.b")  # fmt: skip
    unit = [
        unit_buat(
            akses=akses,
            struktur=struktur,
            induk=dinas,
            kode=f"D.B{i}",
            nama=f"Bidang {i}",
            jenis="bidang",
            eselon="III.b",
        )
        for i in range(10)
    ]
    Jabatan.objects.bulk_create(
        Jabatan(
            instansi_id=instansi.pk,
            struktur=struktur,
            unit=unit[i % 10],
            nama=f"Pengolah Data {i}",
            jenis="pelaksana",
            kelas=6,
        )
        for i in range(jumlah)
    )
    posisi = [(unit[i % 10].nama, f"Pengolah Data {i}") for i in range(jumlah)]
    return akses, struktur, posisi


def _angka(v):
    """The baseline's number reading: the same Indonesian text, the simplest way."""
    from decimal import Decimal

    if isinstance(v, str):
        return Decimal(v.replace(".", "").replace(",", "."))
    return Decimal(str(v))


def _dasar(data: bytes, akses, struktur) -> int:
    from django.db import transaction
    from openpyxl import load_workbook

    from ramping.jabatan.models import Jabatan, Tugas

    peta = {
        (j.unit.nama, j.nama): j.pk
        for j in Jabatan.objects.filter(struktur=struktur).select_related("unit")
    }
    buku = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    n = 0
    with transaction.atomic():
        for i, row in enumerate(buku["Data"].iter_rows(values_only=True)):
            if i == 0:
                continue
            unit, jabatan, uraian, hasil, satuan, volume, waktu, sw = row[:8]
            Tugas.objects.create(
                instansi_id=akses.instansi_id, jabatan_id=peta[(unit, jabatan)], urutan=i,
                uraian=uraian, hasil_kerja=hasil, satuan_hasil=satuan, volume=_angka(volume),
                waktu=_angka(waktu), satuan_waktu=sw,
            )  # fmt: skip
            n += 1
    return n


def _ukur(fungsi):
    """(result, wall seconds, CPU seconds of this process: SQLite runs in it, so the CPU time
    is the whole import's work and is less disturbed than wall time on a shared machine)."""
    mulai, cpu = time.perf_counter(), time.process_time()
    hasil = fungsi()
    return hasil, time.perf_counter() - mulai, time.process_time() - cpu


def _rss() -> float:
    """Resident size now, MiB."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def _memori(fungsi) -> float:
    """Peak Python allocation of a run, in MiB (traced separately: tracing slows the run)."""
    tracemalloc.start()
    fungsi()
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return puncak / 2**20


def satu(a) -> dict:
    """One size in this process: {'detik', 'cpu', 'puncak', 'rss', ['dasar…']}."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.environ.get("RAMPING_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3"
        _siapkan(db, a.kode)
        from django.conf import settings
        from django.core.management import call_command

        from ramping.impor.dasar import impor_terapkan
        from ramping.impor.jenis.tugas import ImporTugas
        from ramping.inti.lingkup import lingkup_instansi, semua_instansi
        from ramping.jabatan.models import Tugas

        settings.RAMPING_PENYIMPANAN = Path(tmp) / "simpan"
        # As deployed: with DEBUG, Django keeps every query and its parameters (for an
        # executemany, every row) in `connection.queries`, which would be measured as ours.
        settings.DEBUG = False
        call_command("migrate", verbosity=0)
        with semua_instansi():
            akses, struktur, posisi = _dunia(a.jabatan)
        data = _berkas(a.satu, posisi)
        hasil: dict = {"mb": len(data) / 2**20}
        with lingkup_instansi(akses.instansi_id):
            pengimpor = ImporTugas(akses=akses, struktur=struktur)
            pengimpor.setuju_peringatan = True  # the bench's volumes are not realistic
            terbaik = None
            for _ in range(a.ulang):
                Tugas.objects.all().delete()
                rss0 = _rss()
                _, t, c = _ukur(lambda: impor_terapkan(pengimpor, data))
                hasil.setdefault(
                    "rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - rss0
                )
                if terbaik is None or t < terbaik[0]:
                    terbaik = (t, c)
            assert Tugas.objects.count() == a.satu, Tugas.objects.count()
            hasil["detik"], hasil["cpu"] = terbaik
            Tugas.objects.all().delete()
            hasil["puncak"] = _memori(lambda: impor_terapkan(pengimpor, data))
            if a.ganti:
                # A second file over the stored tasks: every task's output changed, so every
                # position is compared with its stored list and replaced.
                lain = _berkas(a.satu, posisi, "Laporan")
                impor_terapkan(pengimpor, data)
                terbaik = None
                for i in range(a.ulang):
                    isi = (lain, data)[i % 2]
                    _, t, c = _ukur(lambda isi=isi: impor_terapkan(pengimpor, isi))
                    terbaik = min(terbaik or (t, c), (t, c))
                hasil["ganti_detik"], hasil["ganti_cpu"] = terbaik
                isi = (lain, data)[a.ulang % 2]
                hasil["ganti_puncak"] = _memori(lambda: impor_terapkan(pengimpor, isi))
            if a.dengan_dasar:
                Tugas.objects.all().delete()
                _, t, c = _ukur(lambda: _dasar(data, akses, struktur))
                hasil["dasar_detik"], hasil["dasar_cpu"] = t, c
                Tugas.objects.all().delete()
                hasil["dasar_puncak"] = _memori(lambda: _dasar(data, akses, struktur))
    return hasil


def _anak(kode: Path, n: int, a, dasar: bool) -> dict:
    perintah = [sys.executable, __file__, "--satu", str(n), "--kode", str(kode),
                "--jabatan", str(a.jabatan), "--ulang", str(a.ulang)]  # fmt: skip
    perintah += ["--dengan-dasar"] if dasar else []
    perintah += ["--ganti"] if a.ganti else []
    keluar = subprocess.run(perintah, check=True, capture_output=True, text=True).stdout
    return json.loads(keluar.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ukuran", default="25000,50000,100000,200000")
    p.add_argument("--jabatan", type=int, default=1_000)
    p.add_argument("--sebelum", type=Path, help="another checkout to measure in the same run")
    p.add_argument("--dasar-pada", type=int, default=100_000)
    p.add_argument("--ulang", type=int, default=1)
    p.add_argument("--postgres", action="store_true")
    p.add_argument("--ganti", action="store_true", help="also re-import over the stored tasks")
    p.add_argument("--satu", type=int, help=argparse.SUPPRESS)
    p.add_argument("--kode", type=Path, default=ROOT, help=argparse.SUPPRESS)
    p.add_argument("--dengan-dasar", action="store_true", help=argparse.SUPPRESS)
    a = p.parse_args()
    if a.satu:
        print(json.dumps(satu(a)))
        return
    if a.postgres and "RAMPING_DATABASE_URL" not in os.environ:
        skrip = str(ROOT / "scripts" / "with_postgres.py")
        lain = [x for x in sys.argv[1:] if x != "--postgres"]
        sys.exit(subprocess.call([sys.executable, skrip, sys.executable, __file__, *lain]))
    print(
        f"load {os.getloadavg()[0]:.1f} saat mulai; {a.jabatan:,} jabatan; terbaik dari {a.ulang}"
    )
    print(f"{'baris':>8} {'berkas':>7} | {'kode':<8} {'detik':>6} {'CPU':>6} "
          f"{'puncak Python':>14} {'Δ RSS':>8} {'KiB/baris':>9}")  # fmt: skip
    for n in [int(x) for x in a.ukuran.split(",")]:
        kode = [("sekarang", ROOT)] + ([("sebelum", a.sebelum)] if a.sebelum else [])
        for nama, akar in kode:
            dasar = n == a.dasar_pada and nama == "sekarang"
            h = _anak(akar, n, a, dasar)
            print(f"{n:>8,} {h['mb']:>5.1f}MB | {nama:<8} {h['detik']:>6.2f} {h['cpu']:>6.2f} "
                  f"{h['puncak']:>10.1f} MiB {h['rss']:>4.0f} MiB {h['puncak'] * 1024 / n:>9.2f}"
                  f"   load {os.getloadavg()[0]:.1f}")  # fmt: skip
            if a.ganti:
                g = h["ganti_detik"], h["ganti_cpu"], h["ganti_puncak"]
                print(f"{'':>17} | ganti    {g[0]:>6.2f} {g[1]:>6.2f} {g[2]:>10.1f} MiB   "
                      "(impor ulang: semua tugas diganti)")  # fmt: skip
            if dasar:
                print(
                    f"{'':>17} | dasar    {h['dasar_detik']:>6.2f} {h['dasar_cpu']:>6.2f} "
                    f"{h['dasar_puncak']:>10.1f} MiB   (openpyxl + 1 tulis ORM per baris)"
                )
                print(
                    f"{'':>17} | rasio {h['dasar_detik'] / h['detik']:.1f}× lebih cepat, "
                    f"CPU {h['dasar_cpu'] / h['cpu']:.1f}× (sasaran ≥ 5×)"
                )


if __name__ == "__main__":
    main()
