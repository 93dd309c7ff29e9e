from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.sistemkerja.models import (
    AnggotaTim,
    Kegiatan,
    Penugasan,
    RelasiKoordinasi,
    RiwayatPenugasan,
    TimKerja,
)


@admin.register(TimKerja)
class TimKerjaAdmin(HanyaBacaAdmin):
    list_display = ["nama", "unit", "program", "periode_mulai", "periode_selesai", "status"]
    list_filter = ["status", "struktur"]
    list_select_related = ["unit"]
    search_fields = ["nama", "program"]


@admin.register(AnggotaTim)
class AnggotaTimAdmin(HanyaBacaAdmin):
    list_display = ["__str__", "tim", "peran", "jam_per_tahun", "status", "eksternal"]
    list_filter = ["status", "peran", "eksternal"]
    list_select_related = ["tim", "pegawai"]
    raw_id_fields = ["pegawai", "unit_asal"]


@admin.register(Penugasan)
class PenugasanAdmin(HanyaBacaAdmin):
    list_display = ["judul", "tim", "pegawai", "tenggat", "status"]
    list_filter = ["status"]
    list_select_related = ["tim", "pegawai"]
    search_fields = ["judul"]


@admin.register(RiwayatPenugasan)
class RiwayatPenugasanAdmin(HanyaBacaAdmin):
    list_display = ["penugasan", "dari", "ke", "oleh", "sebagai", "pada"]
    list_select_related = ["penugasan", "oleh"]


@admin.register(Kegiatan)
class KegiatanAdmin(HanyaBacaAdmin):
    list_display = ["nama", "penugasan", "progres", "diubah"]
    list_select_related = ["penugasan"]


@admin.register(RelasiKoordinasi)
class RelasiKoordinasiAdmin(HanyaBacaAdmin):
    list_display = ["unit_dari", "jenis", "unit_ke", "dasar_hukum"]
    list_filter = ["jenis"]
    list_select_related = ["unit_dari", "unit_ke"]
