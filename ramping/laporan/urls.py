"""Reports of one agency, under /i/<instansi_kode>/laporan/ (mounted by ramping/urls.py)."""

from django.urls import path

from ramping.laporan import views

app_name = "laporan"

urlpatterns = [
    path("", views.indeks, name="indeks"),
    path("unduh/<slug:laporan>/", views.unduh, name="unduh"),
    path("zip/", views.zip_mulai, name="zip_mulai"),
    path("zip/<str:token>/", views.zip_status, name="zip_status"),
    path("zip/<str:token>/unduh/", views.zip_unduh, name="zip_unduh"),
]
