"""`ramping instansi ekspor` / `instansi impor`: one agency moved whole, ids remapped."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from ramping.akun.models import Keanggotaan, Pengguna
from ramping.audit.models import JejakAudit
from ramping.cadangan.instansi import model_instansi
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Instansi, PengaturanInstansi, Struktur, UnitKerja

AKAR = Path(__file__).resolve().parents[2]


def _jumlah(instansi: Instansi) -> dict[str, int]:
    with lingkup_instansi(instansi.pk):
        return {m._meta.label: m.objects.count() for m in model_instansi()}


def _bentuk(instansi: Instansi) -> list:
    """The agency's structures, unit trees and positions, by their stable codes and names."""
    with lingkup_instansi(instansi.pk):
        return [
            (
                s.nama,
                s.status,
                s.turunan_dari.nama if s.turunan_dari else None,
                [
                    (u.path, u.kode, u.induk.kode if u.induk else None, u.asal_id is not None)
                    for u in UnitKerja.objects.filter(struktur=s)
                    .select_related("induk")
                    .order_by("path")
                ],
                sorted(
                    (j.unit.kode, j.nama, j.asal.nama if j.asal else None)
                    for j in Jabatan.objects.filter(struktur=s).select_related("unit", "asal")
                ),
            )
            for s in Struktur.objects.select_related("turunan_dari").order_by("nama")
        ]


def _isi(instansi: Instansi) -> dict[str, list]:
    """Every row of the agency, by model (to prove the original is left untouched)."""
    with lingkup_instansi(instansi.pk):
        return {
            m._meta.label: list(m.objects.order_by("pk").values_list()) for m in model_instansi()
        }


def test_demo_diekspor_lalu_diimpor_dengan_kode_baru_sama_persis(db, demo, tmp_path):
    asli = _isi(demo)
    berkas = tmp_path / "demo.tar.gz"
    keluaran = io.StringIO()
    call_command("instansi", "ekspor", "--instansi", demo.kode, "--keluar", str(berkas),
                 stdout=keluaran)  # fmt: skip
    assert "Token API tidak ikut" in keluaran.getvalue()

    with pytest.raises(CommandError, match=r"sudah ada.*--kode-baru"):
        call_command("instansi", "impor", str(berkas))

    keluaran = io.StringIO()
    call_command("instansi", "impor", str(berkas), "--kode-baru", "demo-pindahan", stdout=keluaran)
    baru = Instansi.objects.get(kode="demo-pindahan")
    assert "demo-pindahan" in keluaran.getvalue()
    harapan = _jumlah(demo)
    assert harapan["pegawai.Pegawai"] > 1000 and harapan["audit.JejakAudit"] > 0
    assert _jumlah(baru) == harapan
    assert _bentuk(baru) == _bentuk(demo)
    assert baru.nama == demo.nama
    # The original is untouched, and the copy has rows of its own (new ids).
    assert _isi(demo) == asli
    with lingkup_instansi(baru.pk):
        assert not set(UnitKerja.objects.values_list("pk", flat=True)) & {
            r[0] for r in asli["organisasi.UnitKerja"]
        }
        # Audit entries still name their own objects, now under the new ids.
        entri = JejakAudit.objects.filter(objek_tipe="organisasi.Struktur")
        assert entri.exists()
        assert set(entri.values_list("objek_id", flat=True)) == set(
            Struktur.objects.values_list("pk", flat=True)
        )
        assert set(
            JejakAudit.objects.filter(objek_tipe="organisasi.Instansi").values_list(
                "objek_id", flat=True
            )
        ) == {baru.pk}


def test_pindah_instalasi_tanpa_kata_sandi_dengan_logo(dunia, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    PengaturanInstansi.objects.create(
        instansi=dunia.instansi,
        wke_jam=1250,
        mode_pembulatan="biasa",
        minimal_satu=True,
        logo=ContentFile(b"\x89PNG logo kota", name="kota.png"),
    )
    admin = dunia.analis.pengguna
    admin.is_staff = admin.is_superuser = True
    admin.email = "analis@kota.go.id"
    admin.save()
    jumlah = _jumlah(dunia.instansi)
    bentuk = _bentuk(dunia.instansi)
    berkas = tmp_path / "kota.tar.gz"
    call_command("instansi", "ekspor", "--instansi", "kota-uji", "--keluar", str(berkas))
    with tarfile.open(berkas) as tar:
        data = json.load(tar.extractfile("data.json"))
    assert not any("password" in p for p in data["pengguna"])

    # Same installation: the people are the same accounts (matched by username).
    keluaran = io.StringIO()
    call_command("instansi", "impor", str(berkas), "--kode-baru", "kota-salinan", stdout=keluaran)
    assert "dicocokkan menurut nama pengguna" in keluaran.getvalue()
    salinan = Instansi.objects.get(kode="kota-salinan")
    assert sorted(
        Keanggotaan.objects.filter(instansi=salinan).values_list("pengguna_id", "peran")
    ) == (
        sorted(
            Keanggotaan.objects.filter(instansi=dunia.instansi).values_list("pengguna_id", "peran")
        )
    )
    assert Pengguna.objects.get(username="analis").has_usable_password()
    salinan.delete()

    # "Another installation": the agency and its people are gone.
    dunia.instansi.delete()
    Pengguna.objects.filter(keanggotaan_set=None).delete()
    call_command("instansi", "impor", str(berkas), stdout=io.StringIO())

    pindah = Instansi.objects.get(kode="kota-uji")
    assert _jumlah(pindah) == jumlah
    assert _bentuk(pindah) == bentuk
    analis = Pengguna.objects.get(username="analis")
    assert analis.email == "analis@kota.go.id"
    assert not analis.has_usable_password()
    assert not analis.is_staff and not analis.is_superuser
    with lingkup_instansi(pindah.pk):
        logo = PengaturanInstansi.objects.get().logo
        assert logo.read() == b"\x89PNG logo kota"


def test_impor_menolak_berkas_yang_bukan_ekspor_instansi(dunia, tmp_path):
    bukan = tmp_path / "bukan.tar.gz"
    bukan.write_bytes(b"\x1f\x8b rusak")
    with pytest.raises(CommandError, match="rusak"):
        call_command("instansi", "impor", str(bukan))
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("instansi", "ekspor", "--instansi", "tidak-ada", "--keluar", str(bukan))
    berkas = tmp_path / "kota.tar.gz"
    call_command("instansi", "ekspor", "--instansi", "kota-uji", "--keluar", str(berkas))
    with pytest.raises(CommandError, match=r"ekspor satu instansi.*instansi impor"):
        call_command("pulihkan", str(berkas))
    with pytest.raises(CommandError, match="kode"):
        call_command("instansi", "impor", str(berkas), "--kode-baru", "bukan kode!")


@pytest.mark.postgres_only
def test_sqlite_ke_postgresql_dan_kembali(db, demo, tmp_path):
    """PostgreSQL pass: the demo goes PostgreSQL → a fresh SQLite installation (a separate
    process) → back into PostgreSQL under a new code, with the same counts and tree."""
    if connection.vendor != "postgresql":
        pytest.skip("hanya pada tahap uji PostgreSQL")
    dari_pg = tmp_path / "dari-pg.tar.gz"
    call_command("instansi", "ekspor", "--instansi", demo.kode, "--keluar", str(dari_pg))
    env = dict(
        os.environ,
        PYTHONPATH=str(AKAR),
        RAMPING_DATABASE_URL=f"sqlite:///{tmp_path / 'lain.sqlite3'}",
        RAMPING_MEDIA_ROOT=str(tmp_path / "media-lain"),
    )
    dari_sqlite = tmp_path / "dari-sqlite.tar.gz"
    for argumen in (
        ["migrate", "-v0"],
        ["instansi", "impor", str(dari_pg)],
        ["instansi", "ekspor", "--instansi", demo.kode, "--keluar", str(dari_sqlite)],
    ):
        subprocess.run(
            [sys.executable, str(AKAR / "manage.py"), *argumen], env=env, check=True,
            capture_output=True,
        )  # fmt: skip
    call_command("instansi", "impor", str(dari_sqlite), "--kode-baru", "demo-lewat-sqlite",
                 stdout=io.StringIO())  # fmt: skip
    kembali = Instansi.objects.get(kode="demo-lewat-sqlite")
    assert _jumlah(kembali) == _jumlah(demo)
    assert _bentuk(kembali) == _bentuk(demo)
