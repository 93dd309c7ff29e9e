"""What the backup tests compare: every table's rows, read through the ORM (not through the
code under test's own raw-SQL checksums)."""

import hashlib

from django.apps import apps


def sidik_orm() -> dict[str, tuple[int, str]]:
    """table → (row count, SHA-256 of all rows ordered by primary key), for every table of
    every model, the many-to-many link tables included."""
    hasil = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        h = hashlib.sha256()
        n = 0
        # The change counters jump on purpose when a backup is restored (a running server's
        # page fragments must not match them again; ramping.web.potongan): their rows, not
        # their numbers, are what a restore keeps.
        kolom = ("pk",) if model._meta.label == "audit.NomorPerubahan" else ()
        for baris in (
            model._base_manager.order_by("pk").values_list(*kolom).iterator(chunk_size=5000)
        ):
            h.update(repr(baris).encode())
            n += 1
        hasil[model._meta.db_table] = (n, h.hexdigest())
    return hasil
