from django.apps import AppConfig


class PenyederhanaanConfig(AppConfig):
    name = "ramping.penyederhanaan"
    verbose_name = "Penyederhanaan birokrasi"
