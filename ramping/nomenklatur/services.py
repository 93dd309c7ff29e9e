"""Decisions on pelaksana names in a scenario draft (PermenPAN-RB 45/2022, KepmenPAN-RB 11/2024).

Every decision is one scenario step: set-based writes of the positions (name, kelas) and of their
`KeputusanNomenklatur` rows, one audit entry per position (`audit_catat_banyak`), and one entry of
the scenario's change log (`catat_langkah` with a `Jejak`), so the lead's change-log page undoes it.

Who: the analis on every post; an operator on the posts of their own OPD (the same rule as every
position edit: `ramping.jabatan.services.izin.penjaga_ubah_jabatan`). Only while the version is a
draft (`pastikan_draf`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.aturan.nomenklatur import cari_nama_pelaksana
from ramping.aturan.saran_nomenklatur import normal
from ramping.aturan.tampil import angka
from ramping.audit.services import Entri, audit_catat_banyak
from ramping.errors import RampingError
from ramping.jabatan.models import Jabatan, JenisJabatan, Tugas
from ramping.jabatan.selectors import kelas_acuan
from ramping.jabatan.services.izin import penjaga_ubah_jabatan
from ramping.nomenklatur.models import KeputusanNomenklatur
from ramping.organisasi.models import Struktur
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.draf import pastikan_draf
from ramping.penyederhanaan.jejak import Jejak
from ramping.penyederhanaan.langkah import catat_langkah

Status = KeputusanNomenklatur.Status


class KeputusanTidakSah(RampingError):
    pesan = "Keputusan nomenklatur ini tidak dapat disimpan."


@dataclass(frozen=True, slots=True)
class HasilKeputusan:
    jumlah: int
    ringkasan: str


def _periksa(akses: Akses, jabatan_list: Sequence[Jabatan]) -> Struktur:
    if not jabatan_list:
        raise KeputusanTidakSah("Pilih sedikitnya satu jabatan pelaksana.")
    struktur_ids = {j.struktur_id for j in jabatan_list}
    if len(struktur_ids) != 1:
        raise KeputusanTidakSah("Semua jabatan harus pada versi struktur yang sama.")
    struktur = jabatan_list[0].struktur
    akses.pastikan_instansi(struktur)
    pastikan_draf(struktur)
    penjaga = penjaga_ubah_jabatan(akses, struktur)
    for j in jabatan_list:
        if j.jenis != JenisJabatan.PELAKSANA or j.is_kepala:
            raise KeputusanTidakSah(
                f"{j.nama} (unit {j.unit.nama}) bukan jabatan pelaksana tanpa unit yang dipimpin; "
                "nomenklatur PermenPAN-RB 45/2022 hanya untuk jabatan pelaksana."
            )
        alasan = penjaga(j)
        if alasan:
            raise KeputusanTidakSah(f"{j.nama} (unit {j.unit.nama}): {alasan}")
    return struktur


def _simpan(
    *,
    akses: Akses,
    struktur: Struktur,
    jabatan_list: Sequence[Jabatan],
    nama_baru: dict[int, str],
    kelas_baru: dict[int, int | None],
    sumber_kelas: dict[int, str],
    status: str,
    alasan: str,
    aksi: str,
    ringkasan: str,
    digabung_ke: Jabatan | None = None,
    jejak: Jejak | None = None,
) -> HasilKeputusan:
    """Rename the positions and upsert their decisions, set-based, audited, logged."""
    jejak = jejak or Jejak()
    ids = [j.pk for j in jabatan_list]
    ada = {k.jabatan_id: k for k in KeputusanNomenklatur.objects.filter(jabatan_id__in=ids)}
    jejak.sebelum_ubah(jabatan_list)
    jejak.sebelum_ubah(ada.values())
    ubah_jabatan, entri, baru, ubah_kep = [], [], [], []
    for j in jabatan_list:
        lama_nama, lama_kelas = j.nama, j.kelas
        nama, kelas = nama_baru[j.pk], kelas_baru[j.pk]
        if (nama, kelas) != (lama_nama, lama_kelas):
            j.nama, j.kelas = nama, kelas
            ubah_jabatan.append(j)
        k = ada.get(j.pk)
        if k is None:
            k = KeputusanNomenklatur(
                instansi_id=struktur.instansi_id,
                struktur=struktur,
                jabatan=j,
                nama_lama=lama_nama,
                kelas_lama=lama_kelas,
            )
            baru.append(k)
        else:
            ubah_kep.append(k)
        k.status, k.nama_baru, k.kelas_baru = status, nama, kelas
        k.alasan, k.sumber_kelas, k.digabung_ke = alasan, sumber_kelas.get(j.pk, ""), digabung_ke
        perubahan = {"status": status}
        if lama_nama != nama:
            perubahan["nama"] = (lama_nama, nama)
        if lama_kelas != kelas:
            perubahan["kelas"] = (lama_kelas, kelas)
        if alasan:
            perubahan["alasan"] = alasan
        entri.append(
            Entri(j, f"Nomenklatur {k.nama_lama} → {nama} ({k.get_status_display()})", perubahan)
        )
    if ubah_jabatan:
        Jabatan.objects.bulk_update(ubah_jabatan, ["nama", "kelas"], batch_size=500)
    if ubah_kep:
        KeputusanNomenklatur.objects.bulk_update(
            ubah_kep,
            ["status", "nama_baru", "kelas_baru", "alasan", "sumber_kelas", "digabung_ke"],
            batch_size=500,
        )
    if baru:
        baru = KeputusanNomenklatur.objects.bulk_create(baru, batch_size=500)
        if any(k.pk is None for k in baru):  # backends without RETURNING: read the ids back
            baru = list(KeputusanNomenklatur.objects.filter(jabatan_id__in=ids, pk__isnull=False))
            baru = [k for k in baru if k.jabatan_id not in ada]
        jejak.dibuat(baru)
    audit_catat_banyak(
        instansi_id=akses.instansi_id, pengguna=akses.pengguna, aksi=aksi, entri=entri
    )
    catat_langkah(
        akses=akses,
        struktur=struktur,
        aksi=aksi,
        ringkasan=ringkasan,
        jejak=jejak,
        kunci=[f"jabatan.jabatan:{i}" for i in ids],
    )
    return HasilKeputusan(len(jabatan_list), ringkasan)


@transaction.atomic
def nomenklatur_putuskan(
    *,
    akses: Akses,
    jabatan_list: Sequence[Jabatan],
    nama_baru: str,
    kelas: int | None = None,
) -> HasilKeputusan:
    """Rename pelaksana posts to one catalogue name (R45-01: the name must be in the list).

    ``kelas`` None takes the agency's reference (`kelas_acuan`: its own `KelasInstansi`, else
    the catalogue's indicative kelas); when neither states one, each post keeps its kelas.
    """
    struktur = _periksa(akses, jabatan_list)
    try:
        baku = aturan.periksa_nama_baku(nama_baru.strip())
    except aturan.AturanError as e:
        raise KeputusanTidakSah(str(e)) from None
    if kelas is None:
        kelas_ref, sumber = kelas_acuan(struktur.instansi_id).kelas(
            JenisJabatan.PELAKSANA, baku.nama
        )
    else:
        kelas_ref, sumber = kelas, "ditetapkan pada keputusan"
    n = len(jabatan_list)
    return _simpan(
        akses=akses,
        struktur=struktur,
        jabatan_list=jabatan_list,
        nama_baru={j.pk: baku.nama for j in jabatan_list},
        kelas_baru={j.pk: kelas_ref if kelas_ref is not None else j.kelas for j in jabatan_list},
        sumber_kelas={
            j.pk: sumber if kelas_ref is not None else "kelas lama" for j in jabatan_list
        },
        status=Status.DIUBAH,
        alasan="",
        aksi="nomenklatur_putuskan",
        ringkasan=f"Nomenklatur: {n} jabatan pelaksana menjadi {baku.nama}",
    )


@transaction.atomic
def nomenklatur_terima_saran(
    *, akses: Akses, jabatan_list: Sequence[Jabatan], pilihan: dict[int, str]
) -> HasilKeputusan:
    """Accept a (possibly different) catalogue name per post in one step: the workbench's "accept
    the top suggestion for all filtered rows". ``pilihan`` maps position id → catalogue name."""
    struktur = _periksa(akses, jabatan_list)
    acuan = kelas_acuan(struktur.instansi_id)
    nama, kelas, sumber = {}, {}, {}
    for j in jabatan_list:
        teks = pilihan.get(j.pk, "")
        baku = cari_nama_pelaksana(teks) if teks else None
        if baku is None:
            raise KeputusanTidakSah(
                f"{j.nama} (unit {j.unit.nama}): “{teks}” tidak ada dalam daftar nama jabatan "
                "pelaksana (KepmenPAN-RB 11/2024)."
            )
        k, s = acuan.kelas(JenisJabatan.PELAKSANA, baku.nama)
        nama[j.pk] = baku.nama
        kelas[j.pk] = k if k is not None else j.kelas
        sumber[j.pk] = s if k is not None else "kelas lama"
    return _simpan(
        akses=akses,
        struktur=struktur,
        jabatan_list=jabatan_list,
        nama_baru=nama,
        kelas_baru=kelas,
        sumber_kelas=sumber,
        status=Status.DIUBAH,
        alasan="",
        aksi="nomenklatur_putuskan",
        ringkasan=f"Nomenklatur: saran diterima untuk {len(jabatan_list)} jabatan pelaksana",
    )


@transaction.atomic
def nomenklatur_pertahankan(
    *, akses: Akses, jabatan_list: Sequence[Jabatan], alasan: str
) -> HasilKeputusan:
    """Keep the current name with a reason (e.g. a name owned by an instansi teknis, or two
    posts of one unit kept distinct)."""
    alasan = alasan.strip()
    if not alasan:
        raise KeputusanTidakSah("Alasan mempertahankan nama wajib diisi.", field="alasan")
    struktur = _periksa(akses, jabatan_list)
    return _simpan(
        akses=akses,
        struktur=struktur,
        jabatan_list=jabatan_list,
        nama_baru={j.pk: j.nama for j in jabatan_list},
        kelas_baru={j.pk: j.kelas for j in jabatan_list},
        sumber_kelas={},
        status=Status.DIPERTAHANKAN,
        alasan=alasan,
        aksi="nomenklatur_pertahankan",
        ringkasan=f"Nomenklatur: {len(jabatan_list)} jabatan dipertahankan ({alasan[:80]})",
    )


@transaction.atomic
def nomenklatur_gabung(*, akses: Akses, jabatan_list: Sequence[Jabatan]) -> HasilKeputusan:
    """Merge posts of one unit that carry the same name into the first: its K becomes the sum,
    the others' incumbents and tasks move to it, and the others are removed (B follows the
    incumbents). Undoable from the scenario's change log like every step."""
    if len(jabatan_list) < 2:
        raise KeputusanTidakSah("Penggabungan memerlukan sedikitnya dua jabatan.")
    struktur = _periksa(akses, jabatan_list)
    tujuan, *lain = jabatan_list
    if any(j.unit_id != tujuan.unit_id for j in lain):
        raise KeputusanTidakSah("Hanya jabatan pada unit yang sama yang dapat digabung.")
    if any(normal(j.nama) != normal(tujuan.nama) for j in lain):
        raise KeputusanTidakSah("Hanya jabatan yang bernama sama yang dapat digabung.")
    jejak = Jejak()
    lain_ids = [j.pk for j in lain]
    penempatan = list(Penempatan.objects.filter(jabatan_id__in=lain_ids))
    tugas = list(Tugas.objects.filter(jabatan_id__in=lain_ids))
    jejak.sebelum_ubah(penempatan)
    jejak.sebelum_ubah(tugas)
    jejak.sebelum_ubah([tujuan])
    k_total = sum(j.kebutuhan or 0 for j in jabatan_list)
    Penempatan.objects.filter(jabatan_id__in=lain_ids).update(jabatan=tujuan)
    urutan_awal = Tugas.objects.filter(jabatan=tujuan).count()
    for i, t in enumerate(tugas, start=urutan_awal + 1):
        t.jabatan_id, t.urutan = tujuan.pk, i
    Tugas.objects.bulk_update(tugas, ["jabatan", "urutan"], batch_size=500)
    Jabatan.objects.filter(pk=tujuan.pk).update(kebutuhan=k_total)
    hapus = Jabatan.objects.filter(pk__in=lain_ids)
    jejak.sebelum_hapus(hapus)
    hapus.delete()
    tujuan.kebutuhan = k_total
    ringkasan = (
        f"Nomenklatur: {len(jabatan_list)} jabatan {tujuan.nama} digabung (K {angka(k_total)})"
    )
    return _simpan(
        akses=akses,
        struktur=struktur,
        jabatan_list=[tujuan],
        nama_baru={tujuan.pk: tujuan.nama},
        kelas_baru={tujuan.pk: tujuan.kelas},
        sumber_kelas={},
        status=Status.DIGABUNG,
        alasan=f"gabungan {len(jabatan_list)} jabatan pada unit {tujuan.unit.nama}",
        aksi="nomenklatur_gabung",
        ringkasan=ringkasan,
        jejak=jejak,
    )


def kelompok_per_nama(jabatan_list: Sequence[Jabatan]) -> dict[str, list[Jabatan]]:
    """Posts grouped by their normalised old name ("same decision for every post with this old
    name")."""
    hasil: dict[str, list[Jabatan]] = defaultdict(list)
    for j in jabatan_list:
        hasil[normal(j.nama)].append(j)
    return dict(hasil)
