"""Shared Django-admin behaviour: domain data is browsed here, changed through services."""

from django.contrib import admin


class HanyaBacaAdmin(admin.ModelAdmin):
    """Read-only admin: every write goes through a service so it is validated and audited."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
