from django.apps import AppConfig


class PenataanConfig(AppConfig):
    name = "ramping.penataan"
    verbose_name = "Siklus penataan"
