from django.apps import AppConfig


class JabatanConfig(AppConfig):
    name = "ramping.jabatan"
    verbose_name = "Jabatan"
