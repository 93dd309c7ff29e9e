from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "ramping.audit"
    verbose_name = "Jejak audit"
