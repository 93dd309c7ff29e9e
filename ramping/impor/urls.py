from django.urls import path

from ramping.impor import views

app_name = "impor"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<slug:jenis>/templat/", views.templat, name="templat"),
    path("<slug:jenis>/", views.unggah, name="unggah"),
    path("<slug:jenis>/terapkan/", views.terapkan, name="terapkan"),
]
