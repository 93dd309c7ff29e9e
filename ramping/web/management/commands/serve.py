"""`ramping serve`: the production web server in one command.

Refuses to start on a database with unapplied migrations (a half-upgraded installation would
answer 500s), collects the static files (WhiteNoise serves them, hashed and compressed), then
replaces this process with gunicorn, so systemd's stop/restart signals reach gunicorn directly.
"""

import argparse
import os
import re
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

# Beyond this many workers a single machine gains little and each worker holds its own memory
# and database connection; more capacity is another machine behind the proxy.
WORKER_MAKS = 12
# Long enough for the heaviest synchronous export (an A3 PDF of a large job map).
TIMEOUT_DETIK = 120
BIND = re.compile(r"^(?:unix:/.+|(?:\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5})$")


def _positif(nilai: str) -> int:
    try:
        angka = int(nilai)
    except ValueError:
        angka = 0
    if angka < 1:
        raise argparse.ArgumentTypeError(f"harus bilangan bulat paling sedikit 1, bukan {nilai!r}")
    return angka


def worker_bawaan() -> int:
    """Gunicorn's rule of thumb, 2 × cores + 1, on the cores this process may use, capped."""
    try:
        inti = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        inti = os.cpu_count() or 1
    return min(2 * inti + 1, WORKER_MAKS)


def migrasi_tertunda() -> list[str]:
    """Names (app.migration) of migrations not yet applied to the default database."""
    koneksi = connections[DEFAULT_DB_ALIAS]
    try:
        executor = MigrationExecutor(koneksi)
        rencana = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise CommandError(
            f"Basis data tidak dapat dibuka ({exc}). Periksa RAMPING_DATABASE_URL dan bahwa "
            "server basis data berjalan."
        ) from exc
    return [f"{m.app_label}.{m.name}" for m, mundur in rencana if not mundur]


class Command(BaseCommand):
    help = (
        "Menjalankan server produksi (gunicorn) setelah memeriksa migrasi dan mengumpulkan "
        "berkas statis. Lihat docs/deploy.md."
    )
    # Migrations are checked below, with a message of our own.
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument(
            "--bind",
            default="127.0.0.1:8000",
            help="alamat HOST:PORT atau unix:/jalur/soket (bawaan 127.0.0.1:8000)",
        )
        parser.add_argument(
            "--workers",
            type=_positif,
            default=None,
            help=f"jumlah proses (bawaan 2 × core + 1, paling banyak {WORKER_MAKS})",
        )
        parser.add_argument(
            "--timeout",
            type=_positif,
            default=TIMEOUT_DETIK,
            help=f"detik sebelum permintaan yang macet dihentikan (bawaan {TIMEOUT_DETIK})",
        )

    def handle(self, *args, bind, workers, timeout, **opsi):
        if not BIND.match(bind):
            raise CommandError(
                f"--bind harus HOST:PORT (mis. 127.0.0.1:8000) atau unix:/jalur/soket, "
                f"bukan {bind!r}"
            )
        if workers is None:
            workers = worker_bawaan()
        if settings.DEBUG:
            self.stderr.write(
                "Peringatan: RAMPING_DEBUG=true. Jangan dipakai di produksi: halaman galat "
                "menampilkan kode dan pengaturan."
            )

        tertunda = migrasi_tertunda()
        if tertunda:
            daftar = ", ".join(tertunda[:5]) + (" …" if len(tertunda) > 5 else "")
            raise CommandError(
                f"Basis data belum dimigrasi: {len(tertunda)} migrasi belum diterapkan "
                f"({daftar}). Jalankan dulu `ramping migrate`, lalu ulangi `ramping serve`."
            )
        call_command("collectstatic", interactive=False, verbosity=0)
        # Each gunicorn worker opens its own connections; none may be inherited across exec.
        connections.close_all()

        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "ramping.wsgi:application",
            f"--bind={bind}",
            f"--workers={workers}",
            f"--timeout={timeout}",
            "--graceful-timeout=30",
            "--keep-alive=5",
            # The application is loaded and warmed (ramping.web.pemanasan) once in the master,
            # then forked: no worker pays ≈ 0.6 s on its first page, also after a recycle. Code
            # changes need a restart (systemctl restart), not a HUP.
            "--preload",
            # Recycle workers now and then, so slow memory growth never needs a manual restart.
            "--max-requests=2000",
            "--max-requests-jitter=200",
            "--access-logfile=-",
            "--error-logfile=-",
            # Gunicorn's control socket lives in $HOME and would be shared by every instance on
            # the machine; systemd manages the process instead.
            "--no-control-socket",
            # Import the application from this installation, wherever the command was run from.
            f"--chdir={settings.BASE_DIR}",
        ]
        self.stdout.write(f"ramping: gunicorn di {bind} dengan {workers} worker")
        self.stdout.flush()
        os.execv(sys.executable, argv)
