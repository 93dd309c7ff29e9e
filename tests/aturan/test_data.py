"""Reference data and settings: every table or row carries its legal basis and verified flag."""

import csv
import dataclasses
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from ramping.aturan import PENGATURAN_BAWAAN, Pengaturan, cari_jf, katalog_jf, keterangan_pengaturan
from ramping.aturan.errors import PengaturanTidakValid

DATA = resources.files("ramping.aturan.data")
KOLOM_WAJIB = {"dasar_hukum", "sumber", "keyakinan", "verified"}
AKAR = Path(__file__).resolve().parents[2]


def test_paket_aturan_tidak_mengimpor_django():
    kode = "import ramping.aturan, sys; assert 'django' not in sys.modules, 'django diimpor'"
    hasil = subprocess.run(
        [sys.executable, "-c", kode], cwd=AKAR, capture_output=True, text=True, check=False
    )
    assert hasil.returncode == 0, hasil.stderr


@pytest.mark.parametrize(
    "berkas", ["nomenklatur_pelaksana.csv", "pemetaan_nomenklatur.csv", "jabatan_fungsional.csv"]
)
def test_setiap_baris_csv_membawa_dasar_hukum_dan_flag_verified(berkas):
    with DATA.joinpath(berkas).open(encoding="utf-8") as f:
        baris = list(csv.DictReader(f))
    assert baris
    assert set(baris[0]) >= KOLOM_WAJIB
    assert all(b["verified"] in ("true", "false") for b in baris)
    assert all(b["keyakinan"] for b in baris)


def _tabel_toml():
    for berkas in sorted(p.name for p in DATA.iterdir() if p.name.endswith(".toml")):
        with DATA.joinpath(berkas).open("rb") as f:
            yield berkas, tomllib.load(f)


@pytest.mark.parametrize(("berkas", "isi"), list(_tabel_toml()), ids=lambda x: str(x)[:30])
def test_setiap_tabel_toml_membawa_dasar_hukum_dan_flag_verified(berkas, isi):
    meta = isi.get("meta", {})
    for nama, nilai in isi.items():
        if nama == "meta":
            continue
        baris = nilai if isinstance(nilai, list) else [nilai]
        for b in baris:
            kolom = set(b) | set(meta)
            if berkas == "evaluasi_jabatan.toml":
                # dasar_hukum per factor, the other marks per level
                kolom |= set(b["tingkat"][0])
            assert kolom >= KOLOM_WAJIB, (berkas, nama)


def test_setiap_pengaturan_punya_dasar_hukum_keyakinan_dan_verified():
    keterangan = keterangan_pengaturan()
    assert set(keterangan) == {f.name for f in dataclasses.fields(Pengaturan)}
    assert all(k.dasar_hukum and k.keyakinan for k in keterangan.values())
    assert keterangan["f6_situasi_khusus"].verified is False
    assert keterangan["f6_situasi_khusus"].keyakinan == "US"
    assert PENGATURAN_BAWAAN.f6_situasi_khusus is False


def test_pengaturan_bawaan_sesuai_referensi():
    p = Pengaturan()
    assert (p.wke_jam, p.mode_pembulatan, p.minimal_satu) == (1250, "half_up", True)
    assert [b.kode for b in p.pita_ej] == ["A", "B", "C", "D", "E"]
    assert p.maks_tim_per_orang is None
    assert p.ganti(wke_jam=1200).wke_jam == 1200


@pytest.mark.parametrize(
    "ubah", [{"wke_jam": 0}, {"mode_pembulatan": "floor"}, {"rentang_kendali_minimal": 99}]
)
def test_pengaturan_tidak_sah_ditolak(ubah):
    with pytest.raises(PengaturanTidakValid):
        Pengaturan(**ubah)


def test_katalog_jf_534_baris_112_jf():
    katalog = katalog_jf()
    assert len(katalog) == 534
    assert len({j.nama_jf for j in katalog}) == 112
    perencana = cari_jf("perencana", "ahli_madya")
    assert perencana is not None
    assert (perencana.kelas_jabatan, perencana.bup, perencana.sumber.keyakinan) == (12, 60, "B")
    assert cari_jf("Analis Kebijakan", "ahli_utama").sumber.verified is True
