from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from ramping.admin_base import HanyaBacaAdmin
from ramping.akun.models import Keanggotaan, Pengguna, TokenApi
from ramping.audit.services import audit_catat


class KeanggotaanInline(admin.TabularInline):
    model = Keanggotaan
    extra = 0


@admin.register(Pengguna)
class PenggunaAdmin(UserAdmin):
    inlines = [KeanggotaanInline]
    # SSO: the NIP matches a local account at its first SSO login; `sub` is set by that login.
    fieldsets = (*UserAdmin.fieldsets, ("Masuk tunggal (SSO)", {"fields": ("nip", "oidc_sub")}))
    readonly_fields = ("oidc_sub",)

    def save_formset(self, request, form, formset, change):
        # Memberships edited here are audited like the ones set through services.
        instances = formset.save()
        for anggota in instances:
            audit_catat(
                instansi_id=anggota.instansi_id,
                pengguna=request.user,
                aksi="keanggotaan_atur",
                objek=anggota,
                ringkasan=f"{anggota.pengguna.username} menjadi {anggota.get_peran_display()} "
                "(admin Django)",
                perubahan={"peran": anggota.peran, "opd_kode": anggota.opd_kode},
            )
        for anggota in formset.deleted_objects:
            audit_catat(
                instansi_id=anggota.instansi_id,
                pengguna=request.user,
                aksi="keanggotaan_hapus",
                objek=None,
                ringkasan=f"Peran {anggota.get_peran_display()} dicabut (admin Django)",
                perubahan={"pengguna": anggota.pengguna_id, "peran": anggota.peran},
            )


@admin.register(Keanggotaan)
class KeanggotaanAdmin(HanyaBacaAdmin):
    """Memberships are edited on the user's page (audited there); this list is for reading."""

    list_display = ["pengguna", "instansi", "peran", "opd_kode"]
    list_filter = ["instansi", "peran"]
    list_select_related = ["pengguna", "instansi"]
    search_fields = ["pengguna__username", "opd_kode"]


@admin.register(TokenApi)
class TokenApiAdmin(HanyaBacaAdmin):
    list_display = [
        "nama",
        "awalan",
        "pengguna",
        "instansi",
        "dibuat",
        "terakhir_dipakai",
        "dicabut",
    ]
    list_filter = ["instansi"]
    list_select_related = ["pengguna", "instansi"]
    exclude = ["digest"]
