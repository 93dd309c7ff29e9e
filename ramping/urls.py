from django.contrib import admin
from django.urls import include, path

from ramping.api.api import api
from ramping.web.sehat import sehat

admin.site.site_header = "ramping — administrasi"
admin.site.site_title = "ramping"
admin.site.index_title = "Data instansi"

# A locked database or a full disk is a 503, anything else a 500; a page, or JSON under /api/.
handler500 = "ramping.web.gangguan.galat_500"

urlpatterns = [
    path("sehat/", sehat, name="sehat"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    # SSO (OpenID Connect): /oidc/authenticate/ and the provider's redirect URI /oidc/callback/;
    # both 404 while SSO is not configured (ramping.web.views.sso).
    path("oidc/", include("mozilla_django_oidc.urls")),
    path("i/<slug:instansi_kode>/laporan/", include("ramping.laporan.urls")),
    path("i/<slug:instansi_kode>/impor/", include("ramping.impor.urls")),
    path("i/<slug:instansi_kode>/penyederhanaan/", include("ramping.penyederhanaan.urls")),
    path("i/<slug:instansi_kode>/nomenklatur/", include("ramping.nomenklatur.urls")),
    path("i/<slug:instansi_kode>/sistem-kerja/", include("ramping.sistemkerja.urls")),
    path("i/<slug:instansi_kode>/penataan/", include("ramping.penataan.urls")),
    path("", include("ramping.web.urls")),
]
