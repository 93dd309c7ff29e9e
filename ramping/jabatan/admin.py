from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, KelasInstansi, Tugas


@admin.register(Jabatan)
class JabatanAdmin(HanyaBacaAdmin):
    list_display = ["nama", "jenis", "jenjang", "kelas", "unit", "is_kepala", "struktur"]
    list_filter = ["struktur", "jenis", "jenjang", "kelas"]
    list_select_related = ["unit", "struktur"]
    search_fields = ["nama", "kode", "unit__nama"]
    raw_id_fields = ["unit", "asal"]


@admin.register(Tugas)
class TugasAdmin(HanyaBacaAdmin):
    list_display = ["uraian", "jabatan", "volume", "waktu", "satuan_waktu", "hasil_kerja"]
    list_select_related = ["jabatan"]
    search_fields = ["uraian", "jabatan__nama"]
    raw_id_fields = ["jabatan"]


@admin.register(Anjab)
class AnjabAdmin(HanyaBacaAdmin):
    list_display = ["jabatan", "ikhtisar", "diubah"]
    list_select_related = ["jabatan"]
    search_fields = ["jabatan__nama"]
    raw_id_fields = ["jabatan"]


@admin.register(EvaluasiJabatan)
class EvaluasiJabatanAdmin(HanyaBacaAdmin):
    list_display = ["jabatan", "jenis", "nilai", "kelas", "status", "tanggal"]
    list_filter = ["jenis", "status", "kelas"]
    list_select_related = ["jabatan"]
    raw_id_fields = ["jabatan"]


@admin.register(KelasInstansi)
class KelasInstansiAdmin(HanyaBacaAdmin):
    list_display = ["nama", "jenjang", "kelas", "dasar_hukum", "instansi"]
    list_filter = ["jenis", "kelas"]
    search_fields = ["nama", "dasar_hukum"]
