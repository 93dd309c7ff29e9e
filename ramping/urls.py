from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

admin.site.site_header = "ramping — administrasi"
admin.site.site_title = "ramping"
admin.site.index_title = "Data instansi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
]
