from django.urls import path

from ramping.sistemkerja.views import beban, dasbor, koordinasi, penugasan, tim

app_name = "sistemkerja"

urlpatterns = [
    path("", dasbor.dasbor, name="dasbor"),
    path("tim/", tim.daftar, name="tim_daftar"),
    path("tim/baru/", tim.baru, name="tim_buat"),
    path("tim/<int:tim_id>/", tim.detail, name="tim"),
    path("tim/<int:tim_id>/ubah/", tim.ubah, name="tim_ubah"),
    path("tim/<int:tim_id>/anggota/", tim.anggota_tambah, name="anggota_tambah"),
    path("anggota/<int:anggota_id>/<slug:aksi>/", tim.anggota_aksi, name="anggota_aksi"),
    path("penugasan/", penugasan.daftar, name="penugasan_daftar"),
    path("penugasan/baru/", penugasan.baru, name="penugasan_rencanakan"),
    path("penugasan/<int:penugasan_id>/", penugasan.detail, name="penugasan"),
    path(
        "penugasan/<int:penugasan_id>/kegiatan/", penugasan.kegiatan_tambah, name="kegiatan_tambah"
    ),
    path("penugasan/<int:penugasan_id>/<slug:aksi>/", penugasan.aksi, name="penugasan_aksi"),
    path("kegiatan/<int:kegiatan_id>/", penugasan.kegiatan_perbarui, name="kegiatan_perbarui"),
    path("beban-kerja/", beban.matriks, name="beban"),
    path("beban-kerja/unduh/", beban.matriks_unduh, name="beban_unduh"),
    path("koordinasi/", koordinasi.peta, name="koordinasi"),
    path("koordinasi/unduh/", koordinasi.unduh, name="koordinasi_unduh"),
    path("koordinasi/<int:relasi_id>/hapus/", koordinasi.hapus, name="relasi_hapus"),
]
