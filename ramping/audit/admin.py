from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.audit.models import JejakAudit


@admin.register(JejakAudit)
class JejakAuditAdmin(HanyaBacaAdmin):
    list_display = ["waktu", "instansi", "pengguna", "aksi", "ringkasan"]
    list_filter = ["instansi", "aksi"]
    list_select_related = ["instansi", "pengguna"]
    search_fields = ["ringkasan", "objek_tipe"]
