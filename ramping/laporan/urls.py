"""Reports of one agency, under /i/<instansi_kode>/laporan/ (mounted by ramping/urls.py)."""

from django.urls import path

from ramping.laporan import views

app_name = "laporan"

urlpatterns = [
    path("", views.indeks, name="indeks"),
    path("unduh/<slug:laporan>/", views.unduh, name="unduh"),
    path("latar/<slug:laporan>/", views.dokumen_mulai, name="dokumen_mulai"),
    path("zip/", views.zip_mulai, name="zip_mulai"),
    # Background jobs (ZIP, OPD-wide documents): status page and download, owner only.
    path("pekerjaan/<str:token>/", views.pekerjaan, name="pekerjaan"),
    path("pekerjaan/<str:token>/unduh/", views.pekerjaan_unduh, name="pekerjaan_unduh"),
]
