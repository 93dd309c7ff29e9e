"""Warm a server process before its first request (issue #15 item 3).

A fresh process paid ≈ 0.6 s on its first page: importing every view module through the URL
conf, reading the translation catalogues and compiling the templates it touches. Under load
that one request, in each of the gunicorn workers, was the slowest of the benchmark (p99
0.4 s). `ramping serve` runs gunicorn with `--preload`: `ramping.wsgi` calls `panaskan` once,
in the master, before the workers are forked, so every worker — also those that replace a
recycled one (`--max-requests`) — starts warm and shares those pages of memory.

Nothing here touches the database (the master must not hold a connection its children would
share); the function closes any connection anyway, as a guard.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connections
from django.template import engines
from django.urls import get_resolver, reverse
from django.utils import translation

_JENIS_TEMPLAT = (".html", ".txt", ".xml")


def templat_proyek() -> list[str]:
    """The names of every template of ramping's own apps."""
    nama = []
    for app in apps.get_app_configs():
        if not app.name.startswith("ramping"):
            continue
        akar = Path(app.path) / "templates"
        if akar.is_dir():
            nama += [
                str(berkas.relative_to(akar))
                for berkas in sorted(akar.rglob("*"))
                if berkas.is_file() and berkas.name.endswith(_JENIS_TEMPLAT)
            ]
    return nama


def panaskan() -> int:
    """Import the views, load each language's catalogue and compile every project template
    (kept by the cached template loader, which production settings use). Returns the number
    of templates compiled."""
    get_resolver().url_patterns  # noqa: B018 — importing the URL conf imports every view
    reverse("web:beranda")  # fills the resolver's reverse table
    for kode, _nama in settings.LANGUAGES:
        with translation.override(kode):
            translation.gettext("Dasbor")
    mesin = engines["django"]
    daftar = templat_proyek()
    for nama in daftar:
        mesin.get_template(nama)
    connections.close_all()
    return len(daftar)
