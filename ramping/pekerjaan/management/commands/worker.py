"""`ramping worker`: runs the queued background jobs (django-tasks-db's `db_worker`).

The same options as `ramping db_worker` (`--batch`, `--max-tasks`, `--interval`, `--reload`…);
first it cleans up: expired results, and jobs whose previous worker was killed mid-task.
"""

from django_tasks_db.management.commands import db_worker

from ramping.pekerjaan.services import pekerjaan_bersihkan


class Command(db_worker.Command):
    help = (
        "Menjalankan pekerjaan latar (paket ZIP, dokumen OPD, pengingat) dari antrean di basis "
        "data. Opsi sama dengan db_worker; --batch berhenti bila antrean kosong."
    )

    def handle(self, *args, **options):
        hasil = pekerjaan_bersihkan()
        if options["verbosity"] and any(hasil.values()):
            self.stdout.write(
                f"Dibersihkan: {hasil['dihapus']} hasil kedaluwarsa, {hasil['macet']} pekerjaan "
                f"terhenti, {hasil['berkas']} berkas yatim."
            )
        return super().handle(*args, **options)
