from django.apps import AppConfig


class AkunConfig(AppConfig):
    name = "ramping.akun"
    verbose_name = "Akun dan peran"

    def ready(self) -> None:
        from ramping.akun import sinyal  # noqa: F401 (connects the lockout receiver)
