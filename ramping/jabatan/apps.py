from django.apps import AppConfig


class JabatanConfig(AppConfig):
    name = "ramping.jabatan"
    verbose_name = "Jabatan"

    def ready(self) -> None:
        # The recompute job kind (ramping.pekerjaan.jenis), in every process that queues or
        # runs it.
        from ramping.jabatan.latar import daftarkan_semua

        daftarkan_semua()
