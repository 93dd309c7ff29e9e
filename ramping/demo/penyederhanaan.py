"""The demo's penyetaraan register: one entry per official converted from 2021 to 2023.

An official is identified from the placements: a 2023 placement whose origin placement (2021)
was in a head position and whose 2023 position is a jabatan fungsional. Cilegon swore in its
227 officials on 31 December 2021 (penyederhanaan.md §5.2), so most entries are `dilantik`; a
few still wait (uji kompetensi, a late SK) to show the other states.
"""

import random
from datetime import date, timedelta

from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.models import Penyetaraan
from ramping.penyederhanaan.services import tabel_tunjangan_siapkan

TANGGAL_SK = date(2021, 12, 31)
NOMOR_SK = "800/Kep.{n:03d}-BKPP/2021 (contoh)"
# (state, share): realistic spread for a register looked at in 2023.
SEBARAN = (
    ("dilantik", 0.90),
    ("sk_terbit", 0.03),
    ("disetujui", 0.03),
    ("diusulkan", 0.02),
    ("dipetakan", 0.02),
)
URUTAN_TANGGAL = (
    ("dipetakan", "tanggal_dipetakan", date(2021, 9, 15)),
    ("diusulkan", "tanggal_diusulkan", date(2021, 10, 20)),
    ("disetujui", "tanggal_disetujui", date(2021, 12, 10)),
    ("sk_terbit", "tanggal_sk", TANGGAL_SK),
    ("dilantik", "tanggal_dilantik", TANGGAL_SK),
)


def _status(rng: random.Random) -> str:
    x, batas = rng.random(), 0.0
    for status, bagian in SEBARAN:
        batas += bagian
        if x < batas:
            return status
    return "dilantik"


def muat_penyetaraan(instansi: Instansi, sebelum: Struktur, sesudah: Struktur) -> int:
    """Insert the register in bulk (three queries) and the agency's example allowance table."""
    tabel_tunjangan_siapkan(instansi=instansi)
    rng = random.Random(17)
    eselon = dict(
        UnitKerja.objects.filter(instansi=instansi, struktur=sebelum).values_list("id", "eselon")
    )
    baris = (
        Penempatan.objects.filter(
            instansi=instansi,
            struktur=sesudah,
            jabatan__jenis="fungsional",
            asal__jabatan__is_kepala=True,
        )
        .select_related("pegawai", "jabatan", "asal__jabatan__unit")
        .order_by("asal__jabatan__unit__path", "id")
    )
    entri = []
    for n, p in enumerate(baris, 1):
        lama = p.asal.jabatan
        status = _status(rng)
        data = {}
        for tahap, kolom, tanggal in URUTAN_TANGGAL:
            data[kolom] = (
                tanggal - timedelta(days=rng.randint(0, 5)) if tahap != "dilantik" else tanggal
            )
            if tahap == status:
                break
        if "tanggal_sk" in data:
            data["tanggal_sk"] = TANGGAL_SK
        ukom = ""
        if p.pegawai.pendidikan in ("D-III", "SLTA", "D-I", "D-II"):
            ukom = "lulus" if status in ("dilantik", "sk_terbit") else "belum"
        entri.append(
            Penyetaraan(
                instansi=instansi,
                struktur=sesudah,
                pegawai=p.pegawai,
                jabatan_lama=lama,
                jabatan_baru=p.jabatan,
                nama_jabatan_lama=lama.nama,
                unit_lama=lama.unit.nama,
                eselon_lama=eselon.get(lama.unit_id, ""),
                kelas_lama=lama.kelas,
                nama_jf=p.jabatan.nama_jf,
                jenjang=p.jabatan.jenjang,
                kelas_baru=p.jabatan.kelas,
                status=status,
                status_ukom=ukom,
                nomor_sk=NOMOR_SK.format(n=n) if status in ("sk_terbit", "dilantik") else "",
                catatan="Data contoh",
                **data,
            )
        )
    Penyetaraan.objects.bulk_create(entri, batch_size=1000)
    return len(entri)
