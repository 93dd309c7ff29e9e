from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "ramping.laporan"
    verbose_name = "Laporan dan dokumen"

    def ready(self) -> None:
        # The document kinds of background job (ramping.pekerjaan.jenis), in the web process
        # that queues them and in the worker that runs them.
        from ramping.laporan.latar import daftarkan_semua

        daftarkan_semua()
