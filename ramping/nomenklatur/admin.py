from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.nomenklatur.models import KeputusanNomenklatur


@admin.register(KeputusanNomenklatur)
class KeputusanNomenklaturAdmin(HanyaBacaAdmin):
    list_display = ["nama_lama", "nama_baru", "kelas_lama", "kelas_baru", "status", "struktur"]
    list_filter = ["status"]
    list_select_related = ["struktur"]
    search_fields = ["nama_lama", "nama_baru"]
