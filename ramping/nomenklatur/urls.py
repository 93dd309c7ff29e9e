from django.urls import path

from ramping.nomenklatur import views

app_name = "nomenklatur"

urlpatterns = [
    path("", views.meja, name="meja"),
    path("putuskan/", views.putuskan, name="putuskan"),
    path("periksa/", views.pemeriksaan, name="periksa"),
    path("periksa-daftar/", views.periksa_daftar, name="periksa_daftar"),
    path("lampiran/<str:format>/", views.lampiran, name="lampiran"),
    path("kamus/", views.kamus, name="kamus"),
    path("kamus/jf/", views.kamus_jf, name="kamus_jf"),
]
