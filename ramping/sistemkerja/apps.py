from django.apps import AppConfig


class SistemKerjaConfig(AppConfig):
    name = "ramping.sistemkerja"
    verbose_name = "Sistem kerja"
