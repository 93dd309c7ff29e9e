from django.apps import AppConfig


class PekerjaanConfig(AppConfig):
    name = "ramping.pekerjaan"
    verbose_name = "Pekerjaan latar"
