from django.apps import AppConfig


class LaporanConfig(AppConfig):
    name = "ramping.laporan"
    verbose_name = "Laporan dan dokumen"
