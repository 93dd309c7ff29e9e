from django.urls import path

from ramping.penyederhanaan.views import banding, langkah, pimpinan, register, skenario

app_name = "penyederhanaan"

urlpatterns = [
    path("", skenario.beranda, name="beranda"),
    path("versi/<int:struktur_id>/salin/", skenario.salin, name="struktur_salin"),
    path("versi/<int:struktur_id>/identitas/", skenario.identitas, name="struktur_ubah"),
    path("versi/<int:struktur_id>/kriteria/", skenario.kriteria, name="kriteria"),
    path("versi/<int:struktur_id>/terbitkan/", skenario.terbitkan, name="struktur_terbitkan"),
    path("versi/<int:struktur_id>/", skenario.skenario, name="skenario"),
    path("versi/<int:struktur_id>/ubah/", skenario.ubah, name="ubah"),
    path("versi/<int:struktur_id>/konfirmasi/", langkah.konfirmasi, name="konfirmasi"),
    path("versi/<int:struktur_id>/riwayat/", langkah.riwayat, name="riwayat"),
    path(
        "versi/<int:struktur_id>/riwayat/<int:langkah_id>/batal/",
        langkah.batal,
        name="langkah_batalkan",
    ),
    path("bandingkan/", banding.bandingkan, name="bandingkan"),
    path("bandingkan/unduh/<str:format>/", banding.unduh, name="bandingkan_unduh"),
    path("pimpinan/", pimpinan.pimpinan, name="pimpinan"),
    path("pimpinan/unduh/", pimpinan.unduh, name="pimpinan_unduh"),
    path("penyetaraan/", register.daftar, name="register"),
    path("penyetaraan/tambah/", register.tambah, name="penyetaraan_buat"),
    path("penyetaraan/unduh/<str:jenis>/", register.unduh, name="register_unduh"),
    path("penyetaraan/<int:penyetaraan_id>/", register.detail, name="penyetaraan"),
    path("tunjangan/", register.tunjangan, name="tunjangan"),
]
