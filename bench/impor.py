"""Benchmark: importing 100,000 task rows (issue #15 item 6; issue #11).

Usage: python bench/impor.py [--baris N] [--jabatan P] [--postgres] [--tanpa-memori]

Builds a throwaway database (SQLite in a temp folder; `--postgres` runs the same inside
`scripts/with_postgres.py`) with one agency of P positions, writes an XLSX of N task rows
(flat template layout, numbers partly as Indonesian text), then measures in the same run:

- baseline: openpyxl (read-only) + one ORM write per row (`Tugas.objects.create`), in one
  transaction, positions looked up in a prepared dict — the naive importer;
- ramping: `impor_terapkan` with `ImporTugas` — calamine streaming rows, the whole file checked
  (locale, rules, duplicates, plausibility) before a set-based replace and one K recompute.

Prints absolute times, the ratio (goal ≥ 5×) and peak memory (Python allocations by
tracemalloc in a second, untimed run of each; and the process's maximum resident size).
Not a test: no timing assertions.
"""

import argparse
import io
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


def _siapkan(db_url: str | None) -> None:
    sys.path.insert(0, str(ROOT))
    if db_url:
        os.environ["RAMPING_DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramping.settings")
    os.environ.setdefault("RAMPING_DEBUG", "true")  # a measurement here, not a deployment
    import django

    django.setup()


def _berkas(baris: int, posisi: list[tuple[str, str]]) -> bytes:
    from openpyxl import Workbook

    buku = Workbook(write_only=True)
    lembar = buku.create_sheet("Data")
    lembar.append(JUDUL)
    for i in range(baris):
        unit, jabatan = posisi[i % len(posisi)]
        volume = f"{1000 + i % 500:,}".replace(",", ".") + ",5" if i % 3 == 0 else 12 + i % 40
        lembar.append([unit, jabatan, f"Tugas nomor {i}", "Dokumen", "Dokumen", volume,
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


def _memori(fungsi) -> float:
    """Peak Python allocation of a run, in MB (traced separately: tracing slows the run)."""
    tracemalloc.start()
    fungsi()
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return puncak / 2**20


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--baris", type=int, default=100_000)
    p.add_argument("--jabatan", type=int, default=1_000)
    p.add_argument("--postgres", action="store_true")
    p.add_argument("--tanpa-memori", action="store_true", help="skip the two traced runs")
    a = p.parse_args()
    if a.postgres and "RAMPING_DATABASE_URL" not in os.environ:
        perintah = [sys.executable, __file__, "--baris", str(a.baris), "--jabatan", str(a.jabatan)]
        perintah += ["--tanpa-memori"] if a.tanpa_memori else []
        skrip = str(ROOT / "scripts" / "with_postgres.py")
        sys.exit(subprocess.call([sys.executable, skrip, *perintah]))
    with tempfile.TemporaryDirectory() as tmp:
        _siapkan(os.environ.get("RAMPING_DATABASE_URL") or f"sqlite:///{tmp}/bench.sqlite3")
        from django.conf import settings
        from django.core.management import call_command

        from ramping.impor.dasar import impor_terapkan
        from ramping.impor.jenis.tugas import ImporTugas
        from ramping.inti.lingkup import lingkup_instansi, semua_instansi
        from ramping.jabatan.models import Tugas

        settings.RAMPING_PENYIMPANAN = Path(tmp) / "simpan"
        call_command("migrate", verbosity=0)
        with semua_instansi():
            akses, struktur, posisi = _dunia(a.jabatan)
        data = _berkas(a.baris, posisi)
        print(f"Berkas: {a.baris:,} baris tugas, {a.jabatan:,} jabatan, {len(data) / 2**20:.1f} MB")
        with lingkup_instansi(akses.instansi_id):
            n, t_dasar, c_dasar = _ukur(lambda: _dasar(data, akses, struktur))
            Tugas.objects.all().delete()
            pengimpor = ImporTugas(akses=akses, struktur=struktur)
            pengimpor.setuju_peringatan = True  # the bench's volumes are not realistic
            hasil, t_kita, c_kita = _ukur(lambda: impor_terapkan(pengimpor, data))
            assert Tugas.objects.count() == n == a.baris, (Tugas.objects.count(), n)
            m_kita = m_dasar = float("nan")
            if not a.tanpa_memori:
                Tugas.objects.all().delete()
                m_kita = _memori(lambda: impor_terapkan(pengimpor, data))
                Tugas.objects.all().delete()
                m_dasar = _memori(lambda: _dasar(data, akses, struktur))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"Dasar (openpyxl + 1 tulis ORM per baris): {t_dasar:7.1f} s (CPU {c_dasar:6.1f} s), "
            f"puncak {m_dasar:6.0f} MB"
        )
        print(
            f"ramping (impor_terapkan):               {t_kita:7.1f} s (CPU {c_kita:6.1f} s), "
            f"puncak {m_kita:6.0f} MB"
        )
        rasio = t_dasar / t_kita
        print(
            f"Rasio: {rasio:.1f}× lebih cepat, CPU {c_dasar / c_kita:.1f}× (sasaran ≥ 5×); "
            f"{len(hasil.dibuat)} jabatan; load {os.getloadavg()[0]:.1f}"
        )
        print(f"Memori maksimum proses (RSS): {rss:.0f} MB")


if __name__ == "__main__":
    main()
