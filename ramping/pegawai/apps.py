from django.apps import AppConfig


class PegawaiConfig(AppConfig):
    name = "ramping.pegawai"
    verbose_name = "Pegawai ASN"
