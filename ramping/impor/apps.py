from django.apps import AppConfig


class ImporConfig(AppConfig):
    name = "ramping.impor"
    verbose_name = "Impor data"

    def ready(self) -> None:
        # The large-import job kind (ramping.pekerjaan.jenis), in the web process that queues
        # it and in the worker that runs it.
        from ramping.impor.latar import daftarkan_semua

        daftarkan_semua()
