"""No N+1: every exporter reads with the same number of queries for 3 positions and ~170."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ramping.jabatan.models import Jabatan
from ramping.laporan.exporters import LAPORAN
from ramping.organisasi.models import Struktur
from tests.conftest import opd_paling_besar
from tests.laporan.bantu import akses_demo

# Agency name, settings, then the report's own reads (see ramping/laporan/selectors.py).
# The position tree is the pages' one: units, positions and B per position (the version's
# placement index) are three queries, whatever the size.
BATAS = {
    "peta-jabatan": 5,
    "abk": 6,  # + the tasks of the "Rincian tugas" sheet, one query
    "kebutuhan": 6,
    "anjab": 10,  # + atasan langsung and korelasi: units, positions, agency (jabatan.hubungan)
    "evaluasi": 7,
    "berita-acara": 7,
    "lampiran-peta-jabatan": 7,
    "lampiran-pola-koordinasi": 5,
}


def _hitung(kelas, **kw) -> int:
    e = kelas(**kw)
    with CaptureQueriesContext(connection) as kueri:
        e.muat()
        e.dokumen()  # building the document must not query at all
    return len(kueri)


@pytest.mark.parametrize("kode", list(LAPORAN))
def test_jumlah_kueri_tetap_untuk_opd_kecil_dan_terbesar(dunia, kecil, demo, kode):
    kelas = LAPORAN[kode]
    kecil_n = _hitung(kelas, akses=dunia.analis, struktur=dunia.struktur, opd=dunia.dinas_a)
    struktur = Struktur.objects.get(instansi=demo, status="berlaku")
    opd = opd_paling_besar(struktur)
    assert Jabatan.objects.filter(struktur=struktur, unit__path__startswith=opd.path).count() > 100
    besar_n = _hitung(kelas, akses=akses_demo(demo), struktur=struktur, opd=opd)
    assert kecil_n == besar_n <= BATAS[kode]
    if not kelas.perlu_opd:
        seluruh = _hitung(kelas, akses=akses_demo(demo), struktur=struktur)
        assert seluruh == besar_n
