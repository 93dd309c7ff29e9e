from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.pegawai.models import Pegawai, Penempatan


@admin.register(Pegawai)
class PegawaiAdmin(HanyaBacaAdmin):
    list_display = ["nama_lengkap", "nip", "status_asn", "golongan", "pendidikan", "tanggal_lahir"]
    list_filter = ["instansi", "status_asn", "pendidikan", "jenis_kelamin"]
    search_fields = ["nip", "nama"]

    @admin.display(description="nama", ordering="nama")
    def nama_lengkap(self, obj):
        return obj.nama_lengkap


@admin.register(Penempatan)
class PenempatanAdmin(HanyaBacaAdmin):
    list_display = ["pegawai", "jabatan", "tmt_mulai", "tmt_selesai", "struktur"]
    list_filter = ["struktur"]
    list_select_related = ["pegawai", "jabatan", "struktur"]
    search_fields = ["pegawai__nip", "pegawai__nama", "jabatan__nama"]
    raw_id_fields = ["pegawai", "jabatan", "asal"]
