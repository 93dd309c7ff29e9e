from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ramping.demo"
    verbose_name = "Data contoh"
