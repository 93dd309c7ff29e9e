from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "ramping.web"
    verbose_name = "Antarmuka web"
