"""URLs of the workbench. Agency pages live under /i/<instansi_kode>/ so links are shareable;
the Struktur version is the `?versi=<id>` query parameter (default: the version in force)."""

from django.urls import include, path
from django.views.i18n import set_language

from ramping.web.views import (
    akun,
    bagan,
    beranda,
    dasbor,
    evaluasi_rekap,
    jabatan,
    jabatan_anjab,
    jabatan_evaluasi,
    jabatan_tugas,
    kelas_instansi,
    notifikasi,
    pegawai,
    penempatan,
    pengaturan,
    pengguna,
    peta,
    riwayat,
    struktur,
    token,
    unit,
    unit_ubah,
)

app_name = "web"

instansi = [
    path("", dasbor.dasbor, name="dasbor"),
    path("struktur/", struktur.daftar, name="struktur_daftar"),
    path("pohon/", struktur.pohon, name="pohon"),
    path("bagan/", bagan.bagan, name="bagan"),
    path("bagan/cetak/", bagan.cetak, name="bagan_cetak"),
    path("bagan/<int:unit_id>/", bagan.bagan, name="bagan_unit"),
    path("bagan/<int:unit_id>/cetak/", bagan.cetak, name="bagan_unit_cetak"),
    path("unit/<int:unit_id>/", unit.unit, name="unit"),
    path("unit/<int:unit_id>/ubah/", unit_ubah.ubah, name="unit_ubah"),
    path("unit/<int:unit_id>/riwayat/", riwayat.unit_riwayat, name="unit_riwayat"),
    path("peta/", peta.peta, name="peta"),
    path("peta/<int:unit_id>/", peta.peta, name="peta_unit"),
    path("jabatan/<int:jabatan_id>/", jabatan.jabatan, name="jabatan"),
    path("jabatan/<int:jabatan_id>/tab/<slug:tab>/", jabatan.tab, name="jabatan_tab"),
    path("jabatan/<int:jabatan_id>/riwayat/", riwayat.jabatan_riwayat, name="jabatan_riwayat"),
    path(
        "riwayat/<int:entri_id>/kembalikan/",
        riwayat.kembalikan,
        name="riwayat_kembalikan",
    ),
    path("jabatan/<int:jabatan_id>/anjab/", jabatan_anjab.simpan, name="anjab_ubah"),
    path("jabatan/<int:jabatan_id>/tugas/baru/", jabatan_tugas.baru, name="tugas_buat"),
    path(
        "jabatan/<int:jabatan_id>/tugas/<int:tugas_id>/",
        jabatan_tugas.ubah,
        name="tugas_ubah",
    ),
    path(
        "jabatan/<int:jabatan_id>/tugas/<int:tugas_id>/hapus/",
        jabatan_tugas.hapus,
        name="tugas_hapus",
    ),
    path(
        "jabatan/<int:jabatan_id>/evaluasi/",
        jabatan_evaluasi.simpan,
        name="evaluasi_simpan",
    ),
    path(
        "jabatan/<int:jabatan_id>/evaluasi/tetapkan/",
        jabatan_evaluasi.tetapkan,
        name="evaluasi_simpan_tetapkan",
    ),
    path(
        "jabatan/<int:jabatan_id>/evaluasi/buka/",
        jabatan_evaluasi.buka_kembali,
        name="evaluasi_buka_kembali",
    ),
    path(
        "jabatan/<int:jabatan_id>/evaluasi/alasan-kelas/",
        jabatan_evaluasi.alasan_kelas,
        name="evaluasi_alasan_kelas",
    ),
    path("evaluasi/", evaluasi_rekap.rekap, name="evaluasi_rekap"),
    path("pegawai/", pegawai.daftar, name="pegawai_daftar"),
    path("pegawai/<int:pegawai_id>/", pegawai.pegawai, name="pegawai"),
    path("penempatan/baru/", penempatan.baru, name="penempatan_buat"),
    path("notifikasi/", notifikasi.daftar, name="notifikasi_daftar"),
    path("notifikasi/baca/", notifikasi.tandai_dibaca, name="notifikasi_tandai_dibaca"),
    path("notifikasi/surel/", notifikasi.atur_surel, name="pengguna_atur_surel"),
    path("pengaturan/kop/", pengaturan.kop, name="pengaturan_kop"),
    path("pengaturan/aturan/", pengaturan.aturan, name="pengaturan_aturan"),
    # Accounts: the agency's people (admin instansi) and API tokens (every member).
    path("pengguna/", pengguna.daftar, name="pengguna_daftar"),
    path("pengguna/<int:pengguna_id>/", pengguna.ubah, name="pengguna_ubah"),
    path("kelas-instansi/", kelas_instansi.daftar, name="kelas_instansi_daftar"),
    path("kelas-instansi/<int:kelas_id>/", kelas_instansi.ubah, name="kelas_instansi_ubah"),
    path("kelas-instansi/<int:kelas_id>/hapus/", kelas_instansi.hapus, name="kelas_instansi_hapus"),
    path("token/", token.daftar, name="token_daftar"),
    path("token/<int:token_id>/cabut/", token.cabut, name="token_cabut"),
]

urlpatterns = [
    path("", beranda.beranda, name="beranda"),
    path("masuk/", akun.Masuk.as_view(), name="masuk"),
    path("masuk/kode/", akun.masuk_kode, name="masuk_kode"),
    path("dua-faktor/", akun.dua_faktor_halaman, name="dua_faktor"),
    path("keluar/", akun.Keluar.as_view(), name="keluar"),
    path("sandi/", akun.UbahSandi.as_view(), name="sandi"),
    path("sandi/selesai/", akun.UbahSandiSelesai.as_view(), name="sandi_selesai"),
    path("bahasa/", set_language, name="bahasa"),
    path("i/<slug:instansi_kode>/", include(instansi)),
]
