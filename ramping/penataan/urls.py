"""URLs of the penataan cycle, under /i/<instansi_kode>/penataan/."""

from django.urls import path

from ramping.penataan import views

app_name = "penataan"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baru/", views.baru, name="kegiatan_buat"),
    path("<int:kegiatan_id>/", views.kegiatan, name="kegiatan"),
    path("<int:kegiatan_id>/unduh/", views.kegiatan_unduh, name="kegiatan_unduh"),
    path("<int:kegiatan_id>/tutup/", views.kegiatan_tutup, name="kegiatan_tutup"),
    path(
        "<int:kegiatan_id>/dokumen/<slug:dokumen>.<slug:format>",
        views.kegiatan_dokumen,
        name="kegiatan_dokumen",
    ),
    path("<int:kegiatan_id>/opd/<int:peserta_id>/", views.peserta, name="peserta"),
    path(
        "<int:kegiatan_id>/opd/<int:peserta_id>/<slug:aksi>/",
        views.peserta_aksi,
        name="peserta_aksi",
    ),
    path("<int:kegiatan_id>/opd/<int:peserta_id>/atur", views.peserta_atur, name="peserta_atur"),
    path("<int:kegiatan_id>/opd/<int:peserta_id>/akui", views.temuan_akui, name="temuan_akui"),
    path("<int:kegiatan_id>/opd/<int:peserta_id>/catatan", views.catatan_buat, name="catatan_buat"),
    path("catatan/<int:catatan_id>/selesai", views.catatan_selesaikan, name="catatan_selesaikan"),
    path("catatan/<int:catatan_id>/hapus", views.catatan_hapus, name="catatan_hapus"),
]
