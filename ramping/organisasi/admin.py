from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.organisasi.models import Instansi, PengaturanInstansi, Struktur, UnitKerja


@admin.register(Instansi)
class InstansiAdmin(HanyaBacaAdmin):
    list_display = ["nama", "kode", "jenis", "dibuat"]
    search_fields = ["nama", "kode"]


@admin.register(Struktur)
class StrukturAdmin(HanyaBacaAdmin):
    list_display = ["nama", "instansi", "status", "berlaku_mulai", "dasar_hukum_nomor"]
    list_filter = ["status", "instansi"]
    list_select_related = ["instansi"]


@admin.register(UnitKerja)
class UnitKerjaAdmin(HanyaBacaAdmin):
    list_display = ["nama", "kode", "jenis", "eselon", "struktur", "kedalaman"]
    list_filter = ["struktur", "jenis", "eselon", "kewilayahan", "upt_pelayanan"]
    list_select_related = ["struktur"]
    search_fields = ["nama", "kode"]
    raw_id_fields = ["induk", "asal"]


@admin.register(PengaturanInstansi)
class PengaturanInstansiAdmin(HanyaBacaAdmin):
    list_display = ["instansi", "wke_jam", "mode_pembulatan", "minimal_satu", "dasar_hukum"]
    list_select_related = ["instansi"]
