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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The superuser's changes to an account (active, staff, names…) are audited in each of
        # its agencies, like the agency admins' changes through the services.
        if change and form.changed_data:
            from ramping.akun.services import catat_untuk_akun

            catat_untuk_akun(
                pengguna=obj,
                pelaku=request.user,
                aksi="pengguna_ubah",
                ringkasan=f"Akun {obj.username} diubah (admin Django): "
                + ", ".join(form.changed_data),
                perubahan={"field": form.changed_data},
            )

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            from ramping.akun.services import catat_untuk_akun

            pengguna = self.get_object(request, id)
            catat_untuk_akun(
                pengguna=pengguna,
                pelaku=request.user,
                aksi="sandi_atur_ulang",
                ringkasan=f"Kata sandi {pengguna.username} diubah (admin Django)",
            )
        return response

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
