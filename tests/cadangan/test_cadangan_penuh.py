"""`ramping cadangkan` / `ramping pulihkan`: the full demo round trip, and every refusal.

One transactional test carries the whole sequence: the restore replaces the database, so it
cannot run inside a test transaction. It loads its own demo agency (about 5 s): the session's
is gone once any transactional test of the worker (a browser test) has flushed the database.
It runs on SQLite in the normal pass and through pg_dump/pg_restore in the PostgreSQL pass.
"""

import io
import json
import os
import stat
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from ramping.cadangan.arsip import PenulisArsip
from ramping.demo.muat import muat_instansi
from ramping.pegawai.models import Pegawai
from tests.cadangan.bantu import sidik_orm


def _tulis_ulang(asal: Path, tujuan: Path, ubah) -> None:
    """Copy an archive member by member through `ubah(nama, isi) -> isi`, recomputing nothing:
    the manifest keeps the original checksums unless `ubah` changes it too."""
    with tarfile.open(asal) as tar, tarfile.open(tujuan, "w:gz") as keluar:
        for anggota in tar:
            isi = ubah(anggota.name, tar.extractfile(anggota).read())
            anggota.size = len(isi)
            keluar.addfile(anggota, io.BytesIO(isi))


def _pulihkan(berkas: Path, *argumen: str) -> str:
    keluaran = io.StringIO()
    call_command("pulihkan", str(berkas), *argumen, stdout=keluaran)
    return keluaran.getvalue()


@pytest.mark.django_db(transaction=True)
def test_demo_dicadangkan_dan_dipulihkan_utuh_dan_arsip_rusak_ditolak(tmp_path, settings, capsys):
    muat_instansi(nama="Kota Cadangan (data contoh)", kode="cadangan-uji")
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "logo").mkdir(parents=True)
    (settings.MEDIA_ROOT / "logo" / "kota.png").write_bytes(b"\x89PNG logo uji")
    sebelum = sidik_orm()
    assert sebelum["pegawai_pegawai"][0] > 1000  # the demo is really there

    arsip = tmp_path / "cadangan.tar.gz"
    call_command("cadangkan", "--keluar", str(arsip))
    assert "basis data" in capsys.readouterr().out
    assert stat.S_IMODE(os.stat(arsip).st_mode) == 0o600
    with tarfile.open(arsip) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        nama = set(tar.getnames())
    assert manifest["vendor"] == connection.vendor
    assert manifest["migrasi"]["pegawai"] == "0001_initial"
    assert manifest["tabel"]["pegawai_pegawai"]["baris"] == sebelum["pegawai_pegawai"][0]
    assert set(manifest["berkas"]) == nama - {"manifest.json"}
    assert "media/logo/kota.png" in nama

    with pytest.raises(CommandError, match="sudah ada"):
        call_command("cadangkan", "--keluar", str(arsip))  # never overwrites an archive

    # A non-empty target is refused, and nothing changes.
    with pytest.raises(CommandError, match=r"tidak kosong.*--timpa"):
        _pulihkan(arsip)

    # Damaged archives are refused before anything is touched.
    with pytest.raises(CommandError, match="tidak ditemukan"):
        _pulihkan(tmp_path / "tidak-ada.tar.gz")
    terpotong = tmp_path / "terpotong.tar.gz"
    terpotong.write_bytes(arsip.read_bytes()[: arsip.stat().st_size // 2])
    with pytest.raises(CommandError, match="rusak"):
        _pulihkan(terpotong)
    bukan = tmp_path / "bukan.tar.gz"
    bukan.write_text("bukan arsip")
    with pytest.raises(CommandError, match="rusak atau bukan arsip"):
        _pulihkan(bukan)
    diubah = tmp_path / "diubah.tar.gz"
    _tulis_ulang(arsip, diubah, lambda n, isi: isi + b"!" if n == "media/logo/kota.png" else isi)
    with pytest.raises(CommandError, match=r"media/logo/kota.png \(checksum tidak cocok\)"):
        _pulihkan(diubah, "--timpa")

    def vendor_lain(n: str, isi: bytes) -> bytes:
        if n != "manifest.json":
            return isi
        m = json.loads(isi)
        m["vendor"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
        return json.dumps(m).encode()

    lain = tmp_path / "lain.tar.gz"
    _tulis_ulang(arsip, lain, vendor_lain)
    with pytest.raises(CommandError, match="instansi ekspor"):
        _pulihkan(lain, "--timpa")
    assert sidik_orm() == sebelum

    # Wipe, restore, compare every table.
    call_command("flush", interactive=False, verbosity=0)
    assert Pegawai.objects.count() == 0
    (settings.MEDIA_ROOT / "logo" / "kota.png").unlink()
    keluaran = _pulihkan(arsip)
    assert "cocok dengan manifest" in keluaran
    assert sidik_orm() == sebelum
    assert (settings.MEDIA_ROOT / "logo" / "kota.png").read_bytes() == b"\x89PNG logo uji"

    # --timpa over a non-empty database says what it does and gives the same result.
    keluaran = _pulihkan(arsip, "--timpa")
    assert "diganti seluruhnya" in keluaran
    assert sidik_orm() == sebelum


@pytest.mark.django_db(transaction=True)
def test_jumlah_baris_yang_tidak_cocok_dengan_manifest_ditolak(dunia, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    arsip = tmp_path / "kecil.tar.gz"
    call_command("cadangkan", "--keluar", str(arsip))

    def bohong(n: str, isi: bytes) -> bytes:
        """A manifest that promises one more agency than the dump holds, with checksums of
        the members still right: only the row verification after the restore can see it."""
        if n != "manifest.json":
            return isi
        m = json.loads(isi)
        m["tabel"]["organisasi_instansi"]["baris"] += 1
        return json.dumps(m).encode()

    palsu = tmp_path / "palsu.tar.gz"
    _tulis_ulang(arsip, palsu, bohong)
    with pytest.raises(
        CommandError, match=r"TIDAK cocok.*organisasi_instansi: 2 baris, manifest 3"
    ):
        _pulihkan(palsu, "--timpa")


def test_penulis_arsip_tidak_meninggalkan_berkas_setengah_jadi(tmp_path):
    tujuan = tmp_path / "gagal.tar.gz"
    with pytest.raises(RuntimeError), PenulisArsip(tujuan) as arsip:
        arsip.tambah_bytes("a.txt", b"isi")
        raise RuntimeError("putus di tengah")
    assert list(tmp_path.iterdir()) == []
