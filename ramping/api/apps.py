from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ramping.api"
    verbose_name = "API"
