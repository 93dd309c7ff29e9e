from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    name = "ramping.organisasi"
    verbose_name = "Organisasi (SOTK)"
