"""The round's documents: its Surat Edaran for every member, and the Perwal appendix printed
from what was approved (later edits do not change it)."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from ramping.jabatan.models import Tugas
from ramping.jabatan.services import tugas_ubah
from ramping.penataan import services as svc


def url(dunia, k, dokumen, format):
    return reverse("penataan:kegiatan_dokumen", args=[dunia.instansi.kode, k.pk, dokumen, format])


def teks_pdf(isi: bytes) -> str:
    return "\n".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages)


@pytest.mark.parametrize("persona, harap", [("analis", 200), ("operator_b", 200),
                                            ("pimpinan", 200), ("orang_luar", 404)])  # fmt: skip
def test_surat_edaran_untuk_setiap_anggota(client, dunia, kegiatan, persona, harap):
    client.force_login(getattr(dunia, persona).pengguna)
    r = client.get(url(dunia, kegiatan, "surat-edaran", "pdf"))
    assert r.status_code == harap
    if harap == 200:
        teks = teks_pdf(r.content)
        assert "800/123/Org" in teks and "Dinas A" in teks and "Dinas B" in teks


def test_lampiran_mencetak_hasil_yang_disetujui(client, dunia, peserta_a, jabatan_a):
    p = svc.peserta_ajukan(akses=dunia.operator_a, peserta=peserta_a, versi=peserta_a.versi)
    svc.peserta_setujui(akses=dunia.analis, peserta=p, versi=p.versi)
    # The analyst edits after approval: K of the position grows, the appendix stays.
    t = Tugas.objects.get(jabatan=jabatan_a)
    tugas_ubah(akses=dunia.analis, tugas=t, versi=t.versi, volume=Decimal(100000))
    jabatan_a.refresh_from_db()
    assert jabatan_a.kebutuhan > 1
    client.force_login(dunia.analis.pengguna)
    r = client.get(url(dunia, peserta_a.kegiatan, "lampiran-peta", "pdf"))
    assert r.status_code == 200
    teks = teks_pdf(r.content)
    assert "LAMPIRAN" in teks and "Penelaah Teknis Kebijakan" in teks
    assert "Dinas B" not in teks  # not approved: not part of the result
    baris = next(b for b in teks.splitlines() if "Penelaah Teknis Kebijakan" in b)
    assert str(jabatan_a.kebutuhan) not in baris.split()[-4:]
    client.force_login(dunia.operator_a.pengguna)
    assert client.get(url(dunia, peserta_a.kegiatan, "lampiran-peta", "pdf")).status_code == 404
    r = client.get(url(dunia, peserta_a.kegiatan, "lampiran-peta", "docx"))
    assert r.status_code == 404
