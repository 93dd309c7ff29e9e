from django.apps import AppConfig


class ImporConfig(AppConfig):
    name = "ramping.impor"
    verbose_name = "Impor data"
