#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL cluster started from the installed binaries.

    python scripts/with_postgres.py .venv/bin/pytest tests

Starts `initdb` + `pg_ctl` in a temporary directory on a free loopback port (as the
`postgres` system user when run as root, because PostgreSQL refuses to run as root), exports
RAMPING_DATABASE_URL for the command, and removes the cluster afterwards. Without the
binaries it skips, except under CI=true, where a silently skipped database pass would hide
failures, so it fails loudly instead.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile


def bindir() -> str | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return os.path.dirname(os.path.realpath(found))
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return os.path.dirname(candidates[0]) if candidates else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    bins = bindir()
    if bins is None:
        if os.environ.get("CI", "").lower() == "true":
            pesan = "GAGAL: binari PostgreSQL (initdb, pg_ctl) tidak ditemukan di CI."
            print(pesan, file=sys.stderr)
            return 1
        print("PostgreSQL tidak terpasang: tahap uji PostgreSQL dilewati.", file=sys.stderr)
        return 0
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    tmp = tempfile.mkdtemp(prefix="ramping-pg-")
    data = os.path.join(tmp, "data")
    if as_root:
        pw = pwd.getpwnam("postgres")
        os.chown(tmp, pw.pw_uid, pw.pw_gid)
    os.chmod(tmp, 0o755)
    port = free_port()
    log = os.path.join(tmp, "server.log")
    try:
        subprocess.run(
            [
                *prefix,
                f"{bins}/initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # Durability is pointless for a cluster that lives for one test run.
        opts = (
            f"-p {port} -k {tmp} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off"
        )
        subprocess.run(
            [*prefix, f"{bins}/pg_ctl", "-D", data, "-o", opts, "-l", log, "-w", "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        # An empty "ramping" database for tools that use it directly (bench, make run);
        # the test runner creates its own test database next to it.
        subprocess.run(
            [
                *prefix,
                f"{bins}/createdb",
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "postgres",
                "ramping",
            ],
            check=True,
        )
        env = dict(os.environ, RAMPING_DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/ramping")
        print(f"PostgreSQL sementara di 127.0.0.1:{port}", file=sys.stderr)
        return subprocess.run(argv, env=env).returncode
    finally:
        subprocess.run(
            [*prefix, f"{bins}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
