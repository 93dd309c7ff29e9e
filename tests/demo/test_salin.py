"""National-size generator: server-side copies of a generated agency (ramping.demo.salin)."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from ramping.akun.akses import Akses
from ramping.audit.models import JejakAudit
from ramping.demo.salin import model_milik_instansi
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services import abk_hitung_ulang, tugas_buat
from ramping.organisasi.models import Instansi, Struktur
from ramping.pegawai.models import Pegawai, Penempatan

pytestmark = pytest.mark.django_db


def _jumlah_per_tabel(instansi_id: int) -> dict[str, int]:
    hasil = {}
    with connection.cursor() as cur:
        for m in model_milik_instansi():
            tabel = m._meta.db_table
            cur.execute(f"SELECT COUNT(*) FROM {tabel} WHERE instansi_id = %s", [instansi_id])
            hasil[tabel] = cur.fetchone()[0]
    return hasil


def _rujukan_lintas_instansi() -> list[str]:
    """Every foreign key between agency tables must stay inside one agency."""
    milik = model_milik_instansi()
    salah = []
    with connection.cursor() as cur:
        for m in milik:
            for f in m._meta.concrete_fields:
                if f.is_relation and f.related_model in milik:
                    cur.execute(
                        f"SELECT COUNT(*) FROM {m._meta.db_table} a "
                        f"LEFT JOIN {f.related_model._meta.db_table} b ON b.id = a.{f.column} "
                        f"WHERE a.{f.column} IS NOT NULL "
                        f"AND (b.id IS NULL OR b.instansi_id <> a.instansi_id)"
                    )
                    if cur.fetchone()[0]:
                        salah.append(f"{m._meta.db_table}.{f.column}")
    return salah


def test_salinan_sama_isi_dengan_templat_dan_tidak_merujuk_instansi_lain():
    call_command(
        "generate",
        "--skala",
        "nasional",
        "--instansi",
        "3",
        "--templat",
        "1",
        "--awalan",
        "uji",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    semua = list(Instansi.objects.filter(kode__startswith="uji-nasional-").order_by("kode"))
    assert [i.kode for i in semua] == [
        "uji-nasional-0001",
        "uji-nasional-0002",
        "uji-nasional-0003",
    ]
    templat, *salinan = semua
    isi = _jumlah_per_tabel(templat.pk)
    assert isi["jabatan_jabatan"] > 1000 and isi["pegawai_pegawai"] > 4000
    for s in salinan:
        assert _jumlah_per_tabel(s.pk) == isi
        # One audit entry of its own, naming the template.
        entri = JejakAudit.objects.get(instansi_id=s.pk)
        assert (entri.aksi, entri.perubahan) == ("demo_salin", {"templat": templat.kode})
    assert _rujukan_lintas_instansi() == []

    # A copy is an ordinary agency: its own scope, the same figures, new rows after it.
    def ringkas(instansi):
        with lingkup_instansi(instansi.pk):
            struktur = Struktur.objects.get(instansi=instansi, status="berlaku")
            k = sorted(Jabatan.objects.filter(struktur=struktur).values_list("kode", "kebutuhan"))
            aktif = Penempatan.objects.filter(struktur=struktur).count()
            return struktur, k, aktif

    _s, k_templat, aktif_templat = ringkas(templat)
    struktur, k_salinan, aktif_salinan = ringkas(salinan[0])
    assert (k_salinan, aktif_salinan) == (k_templat, aktif_templat)
    akses = Akses.sistem(salinan[0])
    with lingkup_instansi(salinan[0].pk):
        assert abk_hitung_ulang(akses=akses, struktur=struktur) == len(k_templat)
        assert (
            sorted(Jabatan.objects.filter(struktur=struktur).values_list("kode", "kebutuhan"))
            == k_templat
        )
        jabatan = Jabatan.objects.filter(struktur=struktur).first()
        baru = tugas_buat(
            akses=akses,
            jabatan=jabatan,
            uraian="Tugas baru setelah salinan",
            hasil_kerja="Laporan",
            satuan_hasil="Dokumen",
            volume=Decimal(1),
            waktu=Decimal(1),
        )
        assert baru.pk > Tugas.objects.exclude(pk=baru.pk).order_by("-pk").first().pk
        assert Pegawai.objects.count() == isi["pegawai_pegawai"]  # scope: this agency only


def test_templat_negatif_ditolak():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="templat"):
        call_command("generate", "--skala", "nasional", "--instansi", "2", "--templat", "-1")


def test_templat_lengkap_dengan_riwayat_juga_tersalin_tanpa_rujukan_lintas_instansi():
    """A template with every kind of agency data (2021 version, penyetaraan, tunjangan,
    sistem kerja, penataan round): the copy has the same rows and stays inside itself."""
    from ramping.demo.muat import muat_instansi
    from ramping.demo.salin import salin_instansi

    templat = muat_instansi(nama="Templat (data contoh)", kode="uji-templat", seed=3)
    salinan, baris = salin_instansi(
        templat=[templat],
        jumlah=1,
        nama=lambda n: f"Salinan {n} (data contoh)",
        kode=lambda n: f"uji-salinan-{n}",
    )
    isi = _jumlah_per_tabel(templat.pk)
    assert isi["penyederhanaan_penyetaraan"] > 0 and isi["penataan_pesertapenataan"] > 0
    assert _jumlah_per_tabel(salinan[0].pk) == isi
    assert baris == sum(isi.values())
    assert _rujukan_lintas_instansi() == []
