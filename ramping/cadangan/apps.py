from django.apps import AppConfig


class CadanganConfig(AppConfig):
    name = "ramping.cadangan"
    verbose_name = "Cadangan dan pemulihan"
