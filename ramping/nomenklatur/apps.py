from django.apps import AppConfig


class NomenklaturConfig(AppConfig):
    name = "ramping.nomenklatur"
    verbose_name = "Nomenklatur jabatan pelaksana"
