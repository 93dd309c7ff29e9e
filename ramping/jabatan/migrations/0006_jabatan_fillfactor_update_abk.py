"""PostgreSQL: leave 30 % of each page of jabatan_jabatan free (fillfactor 70).

The set-based ABK recompute (issue #15 item 1) rewrites beban/kebutuhan/K of a whole version in
one UPDATE. None of those columns is indexed, so with room on the page PostgreSQL updates the
row in place (a HOT update) instead of writing a new entry in each of the table's seven
indexes: measured on the demo version (1,251 positions) 67 ms → 9 ms for the UPDATE. Rows
written before this migration keep their pages until the table is rewritten (VACUUM FULL).
SQLite has no such setting: nothing to do there.
"""

from django.db import migrations


def _fillfactor(nilai: int):
    def jalankan(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            tabel = schema_editor.quote_name("jabatan_jabatan")
            schema_editor.execute(f"ALTER TABLE {tabel} SET (fillfactor = {int(nilai)})")

    return jalankan


class Migration(migrations.Migration):
    dependencies = [
        ('jabatan', '0005_waktu_empat_desimal'),
    ]

    operations = [
        migrations.RunPython(_fillfactor(70), _fillfactor(100), elidable=False),
    ]
