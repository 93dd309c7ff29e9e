from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "ramping — administrasi"
admin.site.site_title = "ramping"
admin.site.index_title = "Data instansi"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("ramping.web.urls")),
]
