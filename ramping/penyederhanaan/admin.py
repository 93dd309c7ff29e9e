from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.penyederhanaan.models import (
    LangkahSkenario,
    Penyetaraan,
    TabelTunjangan,
    TarifTunjangan,
)


@admin.register(Penyetaraan)
class PenyetaraanAdmin(HanyaBacaAdmin):
    list_display = ["nama_jabatan_lama", "unit_lama", "nama_jf", "jenjang", "status"]
    list_filter = ["status", "struktur"]
    search_fields = ["nama_jabatan_lama", "nama_jf"]


@admin.register(TabelTunjangan)
class TabelTunjanganAdmin(HanyaBacaAdmin):
    list_display = ["instansi", "dasar_hukum", "contoh", "verified"]


@admin.register(TarifTunjangan)
class TarifTunjanganAdmin(HanyaBacaAdmin):
    list_display = ["jenis", "kunci", "nama_jf", "jumlah"]
    list_filter = ["jenis"]


@admin.register(LangkahSkenario)
class LangkahSkenarioAdmin(HanyaBacaAdmin):
    list_display = ["struktur", "urutan", "aksi", "ringkasan", "dibuat", "dibatalkan"]
    list_filter = ["aksi", "struktur"]
    search_fields = ["ringkasan"]
    exclude = ["balik"]  # the undo data: large, for the service only
