from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.pekerjaan.models import Pekerjaan


@admin.register(Pekerjaan)
class PekerjaanAdmin(HanyaBacaAdmin):
    """For the administrator following a failure: the traceback is in django-tasks' own row
    (Task results), found by `hasil_id`. The result files are not offered here."""

    list_display = ["judul", "pengguna", "instansi", "status", "dibuat", "berakhir", "hasil_id"]
    list_filter = ["status", "jenis"]
    list_select_related = ["pengguna", "instansi"]
    search_fields = ["judul", "hasil_id"]
