from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.jabatan.models import Jabatan


@admin.register(Jabatan)
class JabatanAdmin(HanyaBacaAdmin):
    list_display = ["nama", "jenis", "jenjang", "kelas", "unit", "is_kepala", "struktur"]
    list_filter = ["struktur", "jenis", "jenjang", "kelas"]
    list_select_related = ["unit", "struktur"]
    search_fields = ["nama", "kode", "unit__nama"]
    raw_id_fields = ["unit", "asal"]
