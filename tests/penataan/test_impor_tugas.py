"""A tasks import replaces a position's tasks without loading them (issue #15 item 6): a review
note pointing at a replaced task keeps its text and loses the task, as the ORM's SET_NULL."""

from ramping.impor.dasar import impor_terapkan
from ramping.impor.jenis.tugas import ImporTugas
from ramping.jabatan.models import Tugas
from ramping.penataan.models import Catatan
from tests.impor.conftest import xlsx

JUDUL = ["Unit Kerja", "Jabatan", "Uraian Tugas", "Hasil Kerja", "Satuan", "Volume", "Norma Waktu"]


def test_impor_tugas_melepas_catatan_dari_tugas_yang_diganti(dunia, jabatan_a, kegiatan):
    lama = Tugas.objects.get(jabatan=jabatan_a)
    peserta = kegiatan.peserta_set.get(opd__kode="DINAS-A")
    catatan = Catatan.objects.create(
        instansi_id=dunia.instansi.pk, peserta=peserta, jabatan=jabatan_a, sasaran="tugas",
        tugas=lama, isi="Volume terlalu tinggi.",
    )  # fmt: skip
    baris = ["Bidang Satu", jabatan_a.nama, "Menelaah", "Telaahan", "Dokumen", "240", "2"]
    impor_terapkan(ImporTugas(akses=dunia.analis, struktur=dunia.struktur), xlsx(JUDUL, baris))
    assert list(Tugas.objects.filter(jabatan=jabatan_a).values_list("uraian", flat=True)) == [
        "Menelaah"
    ]
    assert not Tugas.objects.filter(pk=lama.pk).exists()
    catatan.refresh_from_db()
    assert (catatan.tugas_id, catatan.isi) == (None, "Volume terlalu tinggi.")
