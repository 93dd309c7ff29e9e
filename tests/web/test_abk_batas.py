"""A task whose ABK result does not fit the stored columns: the form says so, nothing is saved,
never a server error (PostgreSQL raised "numeric field overflow" before)."""

from django.urls import reverse
from django.utils.html import escape

from ramping.jabatan.models import Tugas

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_form_tugas_hasil_terlalu_besar_ditolak_dengan_pesan(client, dunia, isi):
    client.force_login(dunia.operator_a.pengguna)
    data = {"uraian": "Menyusun laporan", "hasil_kerja": "Laporan", "satuan_hasil": "laporan"}
    data |= {"volume": "1.000.000", "waktu": "1.250", "satuan_waktu": "jam"}
    response = client.post(
        reverse("web:tugas_buat", args=[dunia.instansi.kode, isi.pelaksana_a.pk]), data, **HTMX
    )
    assert response.status_code < 500
    html = response.content.decode()
    awal = html.find('-waktu_error">')  # beside the time, where the usual mistake is
    assert awal != -1
    assert escape(f"{isi.pelaksana_a.nama}: beban 1.250.000.000,00 jam/tahun") in html[awal:]
    assert escape("melebihi batas yang dapat disimpan") in html[awal : awal + 600]
    assert not Tugas.objects.filter(jabatan=isi.pelaksana_a).exists()
