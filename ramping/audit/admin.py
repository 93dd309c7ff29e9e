from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.audit.models import JejakAudit, NomorPerubahan


@admin.register(JejakAudit)
class JejakAuditAdmin(HanyaBacaAdmin):
    list_display = ["waktu", "instansi", "pengguna", "aksi", "ringkasan"]
    list_filter = ["instansi", "aksi"]
    list_select_related = ["instansi", "pengguna"]
    search_fields = ["ringkasan", "objek_tipe"]


@admin.register(NomorPerubahan)
class NomorPerubahanAdmin(HanyaBacaAdmin):
    """The agencies' change counters (read only: raised with every audit entry)."""

    list_display = ["instansi_id", "nomor"]
