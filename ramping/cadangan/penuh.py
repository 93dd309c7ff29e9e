"""Full backup of an installation into one archive, and its restore into an empty database.

Consistency: on SQLite the database is copied with the online backup API (a consistent copy
while the application keeps running) and the manifest's row counts and row checksums are read
from that copy. On PostgreSQL a REPEATABLE READ transaction exports its snapshot, `pg_dump
--snapshot` dumps exactly that snapshot and the counts are read inside the same transaction,
so the manifest describes the dump even while people keep working.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from ramping.cadangan.arsip import PenulisArsip, buka_arsip, manifest_dasar
from ramping.cadangan.program import folder_program

JENIS = "cadangan-penuh"
DB_SQLITE = "basisdata.sqlite3"
DB_POSTGRESQL = "basisdata.pgdump"


def folder_berkas() -> dict[str, Path]:
    """Archive prefix → folder of files that belong in a backup. RAMPING_PENYIMPANAN (private
    storage) is optional: included when the installation's settings define it."""
    folder = {"media": Path(settings.MEDIA_ROOT)}
    penyimpanan = getattr(settings, "RAMPING_PENYIMPANAN", None)
    if penyimpanan:
        folder["penyimpanan"] = Path(penyimpanan)
    return folder


def tabel_model() -> list[tuple[str, str]]:
    """(table, primary key column) of every table the application's models own, the
    many-to-many link tables included, in a stable order."""
    hasil = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy:
            hasil[meta.db_table] = meta.pk.column
    return sorted(hasil.items())


def tabel_ramping() -> list[str]:
    """The tables of ramping's own apps (Django's contenttypes/permissions are filled by every
    `migrate` and do not make a database "not empty")."""
    return sorted(
        {
            m._meta.db_table
            for m in apps.get_models(include_auto_created=True)
            if m._meta.app_config.name.startswith("ramping.")
            and m._meta.managed
            and not m._meta.proxy
        }
    )


def _q(nama: str) -> str:
    return '"' + nama.replace('"', '""') + '"'


def sidik_tabel(kursor: Any, tabel: str, pk: str) -> dict[str, Any]:
    """Row count and SHA-256 of every row (ordered by primary key) as the driver returns it:
    the same database vendor gives the same values before the backup and after the restore."""
    kursor.execute(f"SELECT * FROM {_q(tabel)} ORDER BY {_q(pk)}")
    h = hashlib.sha256()
    jumlah = 0
    while baris := kursor.fetchmany(5000):
        for b in baris:
            h.update(repr(tuple(b)).encode())
        jumlah += len(baris)
    return {"baris": jumlah, "sha256": h.hexdigest()}


def sidik_semua(kursor: Any, ada: set[str]) -> dict[str, dict[str, Any]]:
    return {t: sidik_tabel(kursor, t, pk) for t, pk in tabel_model() if t in ada}


def status_migrasi() -> dict[str, str]:
    """The last applied migration of every app (by name: they are numbered)."""
    terakhir: dict[str, str] = {}
    for app, nama in MigrationRecorder(connection).applied_migrations():
        if nama > terakhir.get(app, ""):
            terakhir[app] = nama
    return dict(sorted(terakhir.items()))


@dataclass
class HasilCadangan:
    berkas: Path
    ukuran: int
    tabel: int
    baris: int
    jumlah_berkas: int
    detik: float
    manifest: dict[str, Any] = field(repr=False)


def _env_postgresql(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump/pg_restore; the password travels in PGPASSWORD, never in
    argv (visible to every user in `ps`)."""
    argumen = []
    if db.get("HOST"):
        argumen += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        argumen += ["--port", str(db["PORT"])]
    if db.get("USER"):
        argumen += ["--username", str(db["USER"])]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    opsi = db.get("OPTIONS") or {}
    if opsi.get("sslmode"):
        env["PGSSLMODE"] = str(opsi["sslmode"])
    return argumen, env


def _periksa(hasil: subprocess.CompletedProcess, apa: str) -> None:
    if hasil.returncode != 0:
        galat = (hasil.stderr or hasil.stdout).strip().splitlines()[-5:]
        raise CommandError(f"{apa} gagal (kode {hasil.returncode}): " + " / ".join(galat))


def _cadangkan_sqlite(folder: Path) -> tuple[Path, dict[str, Any]]:
    tujuan = folder / DB_SQLITE
    connection.ensure_connection()
    # Django's own type converters (registered globally by its SQLite backend), so the row
    # checksums read here match the ones `pulihkan` reads through Django's connection.
    salinan = sqlite3.connect(tujuan, detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
    try:
        # Online backup: consistent even while the application writes.
        connection.connection.backup(salinan)
        # One self-contained file (the live database runs in WAL mode).
        salinan.execute("PRAGMA journal_mode=DELETE")
        ada = {r[0] for r in salinan.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        sidik = sidik_semua(salinan.cursor(), ada)
    finally:
        salinan.close()
    return tujuan, sidik


def _cadangkan_postgresql(folder: Path) -> tuple[Path, dict[str, Any]]:
    tujuan = folder / DB_POSTGRESQL
    db = connection.settings_dict
    argumen, env = _env_postgresql(db)
    pg_dump = folder_program("pg_dump")
    with transaction.atomic(), connection.cursor() as kursor:
        kursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        kursor.execute("SELECT pg_export_snapshot()")
        snapshot = kursor.fetchone()[0]
        hasil = subprocess.run(
            [
                f"{pg_dump}/pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                "--file",
                str(tujuan),
                *argumen,
                "--dbname",
                str(db["NAME"]),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        _periksa(hasil, "pg_dump")
        ada = set(connection.introspection.table_names(kursor))
        sidik = sidik_semua(kursor, ada)
    return tujuan, sidik


def buat_cadangan(tujuan: Path) -> HasilCadangan:
    mulai = time.monotonic()
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise CommandError(f"Basis data {vendor} tidak didukung; hanya SQLite dan PostgreSQL.")
    tujuan = tujuan.resolve()
    with PenulisArsip(tujuan) as arsip, tempfile.TemporaryDirectory(dir=tujuan.parent) as kerja:
        if vendor == "sqlite":
            berkas_db, sidik = _cadangkan_sqlite(Path(kerja))
        else:
            berkas_db, sidik = _cadangkan_postgresql(Path(kerja))
        arsip.tambah_berkas(berkas_db.name, berkas_db)
        berkas_db.unlink()
        jumlah_berkas = sum(
            arsip.tambah_folder(awalan, folder, kecuali={tujuan})
            for awalan, folder in folder_berkas().items()
        )
        manifest = arsip.selesai(
            {
                **manifest_dasar(JENIS),
                "vendor": vendor,
                "basis_data": berkas_db.name,
                "migrasi": status_migrasi(),
                "tabel": sidik,
                "folder": sorted(folder_berkas()),
            }
        )
    return HasilCadangan(
        berkas=tujuan,
        ukuran=tujuan.stat().st_size,
        tabel=len(sidik),
        baris=sum(s["baris"] for s in sidik.values()),
        jumlah_berkas=jumlah_berkas,
        detik=time.monotonic() - mulai,
        manifest=manifest,
    )


# --- restore ---------------------------------------------------------------------------------


def isi_basis_data() -> dict[str, int]:
    """Rows per ramping table that exists in the configured database (empty: nothing)."""
    with connection.cursor() as kursor:
        ada = set(connection.introspection.table_names(kursor))
        isi = {}
        for tabel in tabel_ramping():
            if tabel in ada:
                kursor.execute(f"SELECT COUNT(*) FROM {_q(tabel)}")
                if jumlah := kursor.fetchone()[0]:
                    isi[tabel] = jumlah
    return isi


def _periksa_migrasi(manifest: dict[str, Any]) -> list[str]:
    """Refuse an archive made by a newer ramping (migrations this code does not have); return
    the apps whose restored schema is older than this code (then `migrate` is needed)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    dikenal = set(loader.disk_migrations)
    asing = [
        f"{app}.{nama}" for app, nama in manifest["migrasi"].items() if (app, nama) not in dikenal
    ]
    if asing:
        raise CommandError(
            "Cadangan ini dibuat oleh versi ramping yang lebih baru (migrasi yang tidak dikenal: "
            + ", ".join(sorted(asing)[:5])
            + "). Pasang versi ramping yang sama atau lebih baru, lalu ulangi."
        )
    terbaru: dict[str, str] = {}
    for app, nama in dikenal:
        terbaru[app] = max(nama, terbaru.get(app, ""))
    return sorted(app for app, nama in terbaru.items() if manifest["migrasi"].get(app, "") < nama)


def _pulihkan_sqlite(berkas: Path) -> None:
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise CommandError("Pemulihan tidak bisa dijalankan di dalam transaksi.")
    sumber = sqlite3.connect(berkas)
    try:
        # The backup API replaces the configured database's whole content in place (any
        # connection keeps working), the same way `cadangkan` copied it out.
        sumber.backup(connection.connection)
    finally:
        sumber.close()


def _pulihkan_postgresql(berkas: Path) -> None:
    db = connection.settings_dict
    argumen, env = _env_postgresql(db)
    pg_restore = folder_program("pg_restore")
    connection.close()  # our own session must not hold locks on the tables being replaced
    hasil = subprocess.run(
        [
            f"{pg_restore}/pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *argumen,
            "--dbname",
            str(db["NAME"]),
            str(berkas),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    _periksa(hasil, "pg_restore")


def _pulihkan_folder(sumber: Path, tujuan: Path) -> int:
    jumlah = 0
    for berkas in sorted(sumber.rglob("*")):
        if berkas.is_file():
            sasaran = tujuan / berkas.relative_to(sumber)
            sasaran.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(berkas, sasaran)
            jumlah += 1
    return jumlah


@dataclass
class HasilPemulihan:
    tabel: int
    baris: int
    jumlah_berkas: int
    detik: float
    ditimpa: dict[str, int]
    perlu_migrasi: list[str]


def pulihkan_cadangan(
    berkas: Path, *, timpa: bool = False, lapor: Callable[[str], None] = lambda _: None
) -> HasilPemulihan:
    mulai = time.monotonic()
    berkas = berkas.resolve()
    with tempfile.TemporaryDirectory(prefix="ramping-pulihkan-") as kerja:
        folder = Path(kerja)
        manifest = buka_arsip(berkas, folder, jenis=JENIS)
        lapor(f"Checksum {len(manifest['berkas'])} berkas di {berkas.name} cocok.")
        vendor = connection.vendor
        if manifest.get("vendor") != vendor:
            raise CommandError(
                f"Cadangan ini dari basis data {manifest.get('vendor')}, basis data tujuan "
                f"{vendor}. Cadangan penuh hanya dipulihkan ke jenis basis data yang sama; untuk "
                "pindah SQLite ↔ PostgreSQL ekspor setiap instansi (`ramping instansi ekspor`) "
                "lalu impor di tujuan (`ramping instansi impor`)."
            )
        perlu_migrasi = _periksa_migrasi(manifest)
        folder_tujuan = folder_berkas()
        tanpa_tujuan = [
            awalan
            for awalan in manifest.get("folder", [])
            if awalan not in folder_tujuan and (folder / awalan).exists()
        ]
        if tanpa_tujuan:
            raise CommandError(
                "Cadangan berisi berkas penyimpanan pribadi, tetapi RAMPING_PENYIMPANAN tidak "
                "diatur di instalasi ini. Atur dulu, lalu ulangi."
            )
        isi = isi_basis_data()
        if isi and not timpa:
            contoh = ", ".join(f"{t} ({n} baris)" for t, n in list(isi.items())[:3])
            raise CommandError(
                f"Basis data tujuan tidak kosong: {contoh}. Pulihkan ke basis data kosong, atau "
                "tambahkan --timpa untuk mengganti seluruh isinya dengan isi cadangan."
            )
        if isi:
            lapor(
                f"--timpa: {sum(isi.values())} baris di {len(isi)} tabel basis data tujuan "
                "diganti seluruhnya dengan isi cadangan; berkas unggahan yang namanya sama "
                "ditimpa, berkas lain dibiarkan."
            )
        berkas_db = folder / manifest["basis_data"]
        if vendor == "sqlite":
            _pulihkan_sqlite(berkas_db)
        else:
            _pulihkan_postgresql(berkas_db)
        jumlah_berkas = sum(
            _pulihkan_folder(folder / awalan, folder_tujuan[awalan])
            for awalan in manifest.get("folder", [])
            if (folder / awalan).exists()
        )
        salah = verifikasi(manifest["tabel"])
        if salah:
            raise CommandError(
                "Pemulihan selesai tetapi isi basis data TIDAK cocok dengan manifest: "
                + "; ".join(salah[:10])
                + ". Jangan pakai basis data ini; periksa lalu ulangi pemulihan."
            )
    from django.contrib.contenttypes.models import ContentType

    from ramping.audit.services import lompati_nomor_perubahan

    ContentType.objects.clear_cache()
    # The page fragment cache keys on the agencies' change counters (ramping.web.potongan).
    lompati_nomor_perubahan()
    return HasilPemulihan(
        tabel=len(manifest["tabel"]),
        baris=sum(s["baris"] for s in manifest["tabel"].values()),
        jumlah_berkas=jumlah_berkas,
        detik=time.monotonic() - mulai,
        ditimpa=isi,
        perlu_migrasi=perlu_migrasi,
    )


def verifikasi(harapan: dict[str, dict[str, Any]]) -> list[str]:
    """Differences between the manifest's tables and the restored database."""
    dikenal = dict(tabel_model())
    with connection.cursor() as kursor:
        ada = set(connection.introspection.table_names(kursor))
        nyata = {
            t: sidik_tabel(kursor, t, dikenal[t]) for t in harapan if t in dikenal and t in ada
        }
    salah = []
    for tabel, h in sorted(harapan.items()):
        if tabel not in dikenal:
            continue  # a table of an older version, dropped by a later migration of this code
        n = nyata.get(tabel)
        if n is None:
            salah.append(f"tabel {tabel} tidak ada")
        elif n["baris"] != h["baris"]:
            salah.append(f"{tabel}: {n['baris']} baris, manifest {h['baris']}")
        elif n["sha256"] != h["sha256"]:
            salah.append(f"{tabel}: isi baris berbeda (checksum)")
    return salah
