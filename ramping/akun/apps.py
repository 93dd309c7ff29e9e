from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "ramping.akun"
    verbose_name = "Akun dan peran"
