from django.contrib import admin

from ramping.admin_base import HanyaBacaAdmin
from ramping.penataan.models import (
    Catatan,
    Cuplikan,
    KegiatanPenataan,
    Notifikasi,
    PengakuanTemuan,
    PesertaPenataan,
    RiwayatPengajuan,
)


@admin.register(KegiatanPenataan)
class KegiatanPenataanAdmin(HanyaBacaAdmin):
    list_display = ["nama", "struktur", "tenggat", "status", "nomor_surat"]
    list_filter = ["status"]
    search_fields = ["nama", "nomor_surat"]


@admin.register(PesertaPenataan)
class PesertaPenataanAdmin(HanyaBacaAdmin):
    list_display = ["opd", "kegiatan", "status", "tenggat", "dikunci", "analis"]
    list_filter = ["status", "dikunci"]
    list_select_related = ["opd", "kegiatan", "analis"]


@admin.register(RiwayatPengajuan)
class RiwayatPengajuanAdmin(HanyaBacaAdmin):
    list_display = ["peserta", "aksi", "dari", "ke", "oleh", "pada"]
    list_select_related = ["peserta__opd", "oleh"]


@admin.register(Catatan)
class CatatanAdmin(HanyaBacaAdmin):
    list_display = ["__str__", "jabatan", "sasaran", "butir", "dibuat", "selesai_pada"]
    list_select_related = ["jabatan"]
    raw_id_fields = ["jabatan", "tugas"]


@admin.register(PengakuanTemuan)
class PengakuanTemuanAdmin(HanyaBacaAdmin):
    list_display = ["kode", "objek", "peserta", "oleh", "pada"]


@admin.register(Cuplikan)
class CuplikanAdmin(HanyaBacaAdmin):
    list_display = ["peserta", "jenis", "dibuat"]
    exclude = ["data"]  # a whole OPD as JSON: browsed through the round's pages


@admin.register(Notifikasi)
class NotifikasiAdmin(HanyaBacaAdmin):
    list_display = ["judul", "penerima", "dibuat", "dibaca"]
    list_select_related = ["penerima"]
