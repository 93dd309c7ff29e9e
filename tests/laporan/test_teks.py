"""Text that can be stored can be exported: tabs and line breaks in a task do not break an
OPD's ANJAB DOCX (control characters are refused at entry: tests/web, tests/api, tests/impor)."""

from ramping.jabatan.models import Jabatan, Tugas
from ramping.laporan.exporters.anjab import InformasiJabatan
from ramping.organisasi.models import Struktur, UnitKerja
from tests.laporan.bantu import akses_demo, paragraf_docx, tabel_docx


def test_anjab_docx_opd_demo_tetap_jadi_dengan_tab_dan_baris_baru(demo, db):
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    ada_tugas = Jabatan.objects.filter(struktur=struktur, tugas_set__isnull=False)
    opd = min(
        UnitKerja.objects.filter(struktur=struktur, kedalaman=0),
        key=lambda u: (
            not ada_tugas.filter(unit__path__startswith=u.path).exists(),
            Jabatan.objects.filter(struktur=struktur, unit__path__startswith=u.path).count(),
        ),
    )
    tugas = Tugas.objects.filter(
        jabatan__struktur=struktur, jabatan__unit__path__startswith=opd.path
    ).first()
    Tugas.objects.filter(pk=tugas.pk).update(
        uraian="Menyusun\tlaporan\nbulanan", tahapan="Mengumpulkan data\tprimer\r\nMenulis"
    )
    isi = InformasiJabatan(akses=akses_demo(demo), struktur=struktur, opd=opd).ekspor("docx")
    assert any(p.startswith("1. NAMA JABATAN") for p in paragraf_docx(isi))
    sel = [c.text for t in tabel_docx(isi) for r in t.rows for c in r.cells]
    assert any("Menyusun" in s and "bulanan" in s for s in sel)
