"""One OPD through its states (the table in `ramping.penataan.alur`), and the analyst's
settings of an OPD: deadline, lock, assigned analyst."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ramping.akun.akses import Akses, pastikan_analis
from ramping.akun.models import Peran
from ramping.aturan.tampil import tanggal
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError, TidakBerhak
from ramping.inti.kunci import simpan_jika_tetap
from ramping.penataan import errors, notifikasi
from ramping.penataan.alur import TRANSISI
from ramping.penataan.cuplikan import cuplikan_data
from ramping.penataan.models import (
    Cuplikan,
    KegiatanPenataan,
    PesertaPenataan,
    RiwayatPengajuan,
)
from ramping.penataan.temuan import temuan_struktur

# --- one OPD's states ----------------------------------------------------------------------------


def operator_opd(akses: Akses, peserta: PesertaPenataan) -> bool:
    return akses.peran == Peran.OPERATOR and akses.opd_kode == peserta.opd.kode


def boleh(akses: Akses, peserta: PesertaPenataan, aksi: str) -> bool:
    """May this user take this action now (for showing buttons; the service checks again)?"""
    t = TRANSISI[aksi]
    if peserta.status not in t.dari or peserta.kegiatan.status != KegiatanPenataan.Status.BERJALAN:
        return False
    if t.oleh == "operator":
        return operator_opd(akses, peserta) and not peserta.dikunci
    return akses.mengelola_seluruh_instansi


def pastikan_pelaku(akses: Akses, peserta: PesertaPenataan, oleh: str) -> None:
    akses.pastikan_instansi(peserta)
    if oleh == "operator":
        if not operator_opd(akses, peserta):
            raise TidakBerhak("Hanya operator perangkat daerah ini yang dapat melakukannya.")
    else:
        pastikan_analis(akses)


def tautan_peserta(peserta: PesertaPenataan) -> str:
    return reverse(
        "penataan:peserta",
        args=[peserta.kegiatan.instansi.kode, peserta.kegiatan_id, peserta.pk],
    )


def _siap_diajukan(akses: Akses, peserta: PesertaPenataan) -> None:
    """No error finding, every warning acknowledged, every verifier's note resolved."""
    kegiatan = peserta.kegiatan
    hasil = temuan_struktur(
        akses=akses, struktur=kegiatan.struktur, opd=peserta.opd, diminta=kegiatan.diminta
    )
    galat = [t for t in hasil if t.tingkat == "galat"]
    if galat:
        raise errors.BelumSiapDiajukan(
            f"Masih ada {len(galat)} temuan galat yang harus diperbaiki, misalnya: {galat[0].pesan}"
        )
    diakui = set(peserta.pengakuan_set.values_list("kode", "objek"))
    belum = [t for t in hasil if t.tingkat != "galat" and (t.kode, t.objek) not in diakui]
    if belum:
        raise errors.BelumSiapDiajukan(
            f"{len(belum)} peringatan belum ditanggapi dengan catatan, misalnya: {belum[0].pesan}"
        )
    terbuka = peserta.catatan_set.filter(selesai_pada__isnull=True).count()
    if terbuka:
        raise errors.BelumSiapDiajukan(
            f"Masih ada {terbuka} catatan verifikasi yang belum ditandai selesai."
        )


def _transisi(
    akses: Akses, peserta: PesertaPenataan, aksi: str, versi: int, catatan: str = ""
) -> PesertaPenataan:
    t = TRANSISI[aksi]
    pastikan_pelaku(akses, peserta, t.oleh)
    if peserta.kegiatan.status != KegiatanPenataan.Status.BERJALAN:
        raise errors.KegiatanDitutup()
    dari = peserta.status
    if dari not in t.dari:
        raise errors.TransisiTidakSah(peserta.get_status_display().lower(), t.kata_kerja)
    catatan = catatan.strip()
    if t.perlu_catatan and not catatan:
        raise errors.CatatanWajib(field="catatan")
    if t.oleh == "operator" and peserta.dikunci:
        raise errors.BelumSiapDiajukan(
            "Perangkat daerah ini dikunci analis; minta Bagian Organisasi membukanya."
        )
    if aksi == "ajukan":
        _siap_diajukan(akses, peserta)
    # Conditional on the state read: two people pressing at once cannot both win.
    simpan_jika_tetap(
        peserta,
        versi=versi,
        oleh=akses.pengguna,
        syarat={"status": dari},
        status=t.ke,
        terakhir_aktif=timezone.now(),
    )
    RiwayatPengajuan.objects.create(
        instansi_id=peserta.instansi_id,
        peserta=peserta,
        aksi=aksi,
        dari=dari,
        ke=t.ke,
        oleh=akses.pengguna,
        catatan=catatan,
    )
    if aksi == "ajukan":
        Cuplikan.objects.create(
            instansi_id=peserta.instansi_id,
            peserta=peserta,
            jenis=Cuplikan.Jenis.DIAJUKAN,
            data=cuplikan_data(opd=peserta.opd),
        )
    elif aksi == "setujui":
        # The result of the round is what was submitted and verified, not today's tables.
        diajukan = peserta.cuplikan_set.filter(jenis=Cuplikan.Jenis.DIAJUKAN).first()
        Cuplikan.objects.create(
            instansi_id=peserta.instansi_id,
            peserta=peserta,
            jenis=Cuplikan.Jenis.DISETUJUI,
            data=diajukan.data if diajukan else cuplikan_data(opd=peserta.opd),
        )
    audit_catat(
        instansi_id=peserta.instansi_id,
        pengguna=akses.pengguna,
        aksi=f"penataan_{aksi}",
        objek=peserta,
        ringkasan=f"{peserta.opd.nama}: {dari} → {t.ke} ({peserta.kegiatan.nama})",
        perubahan={"status": (dari, t.ke), "catatan": catatan},
    )
    _beritahu_transisi(peserta, aksi, catatan)
    return peserta


JUDUL = {
    "mulai": "{opd} mulai mengerjakan {kegiatan}",
    "ajukan": "{opd} mengajukan hasil {kegiatan}",
    "kembalikan": "Pengajuan {opd} dikembalikan untuk revisi",
    "setujui": "Pengajuan {opd} disetujui",
    "buka_kembali": "Persetujuan {opd} dibuka kembali untuk revisi",
}


def _beritahu_transisi(peserta: PesertaPenataan, aksi: str, catatan: str) -> None:
    if aksi == "mulai":
        return  # starting is visible on the board; nobody needs a notice for it
    judul = JUDUL[aksi].format(opd=peserta.opd.nama, kegiatan=peserta.kegiatan.nama)
    if aksi == "ajukan":
        penerima = (
            [peserta.analis]
            if peserta.analis_id and peserta.analis.is_active
            else notifikasi.penerima_analis(instansi_id=peserta.instansi_id)
        )
    else:
        penerima = notifikasi.penerima_opd(
            instansi_id=peserta.instansi_id, opd_kode=peserta.opd.kode
        )
    notifikasi.kirim_notifikasi(
        instansi_id=peserta.instansi_id,
        penerima=penerima,
        judul=judul,
        isi=catatan,
        tautan=tautan_peserta(peserta),
    )


@transaction.atomic
def peserta_mulai(*, akses: Akses, peserta: PesertaPenataan, versi: int) -> PesertaPenataan:
    """The OPD's operator starts working on the round (Belum dimulai → Draf)."""
    return _transisi(akses, peserta, "mulai", versi)


@transaction.atomic
def peserta_ajukan(
    *, akses: Akses, peserta: PesertaPenataan, versi: int, catatan: str = ""
) -> PesertaPenataan:
    """Submit: no error finding, warnings acknowledged, notes resolved; the OPD's data is then
    frozen as the submitted snapshot and locked for its operator while under review."""
    return _transisi(akses, peserta, "ajukan", versi, catatan)


@transaction.atomic
def peserta_kembalikan(
    *, akses: Akses, peserta: PesertaPenataan, versi: int, catatan: str
) -> PesertaPenataan:
    """Return for revision with a note; the OPD's data is unlocked."""
    return _transisi(akses, peserta, "kembalikan", versi, catatan)


@transaction.atomic
def peserta_setujui(
    *, akses: Akses, peserta: PesertaPenataan, versi: int, catatan: str = ""
) -> PesertaPenataan:
    """Approve: the submitted snapshot becomes the round's result; the data stays locked."""
    return _transisi(akses, peserta, "setujui", versi, catatan)


@transaction.atomic
def peserta_buka_kembali(
    *, akses: Akses, peserta: PesertaPenataan, versi: int, catatan: str
) -> PesertaPenataan:
    """Reopen an approved OPD for revision (the approved snapshot is kept in its history)."""
    return _transisi(akses, peserta, "buka_kembali", versi, catatan)


AKSI_PESERTA = {
    "mulai": peserta_mulai,
    "ajukan": peserta_ajukan,
    "kembalikan": peserta_kembalikan,
    "setujui": peserta_setujui,
    "buka_kembali": peserta_buka_kembali,
}


def _pengaturan_peserta(
    akses: Akses, peserta: PesertaPenataan, versi: int, aksi: str, ringkasan: str, **nilai: Any
) -> PesertaPenataan:
    akses.pastikan_instansi(peserta)
    pastikan_analis(akses)
    perubahan = perubahan_field(peserta, nilai)
    simpan_jika_tetap(peserta, versi=versi, oleh=akses.pengguna, **nilai)
    audit_catat(
        instansi_id=peserta.instansi_id,
        pengguna=akses.pengguna,
        aksi=aksi,
        objek=peserta,
        ringkasan=ringkasan,
        perubahan=perubahan,
    )
    return peserta


@transaction.atomic
def peserta_perpanjang(
    *, akses: Akses, peserta: PesertaPenataan, versi: int, tenggat: date, catatan: str = ""
) -> PesertaPenataan:
    """Give one OPD its own (later) deadline."""
    if tenggat < timezone.localdate():
        raise RampingError("Batas waktu baru tidak boleh sebelum hari ini.", field="tenggat")
    peserta = _pengaturan_peserta(
        akses, peserta, versi, "penataan_perpanjang",
        f"Batas waktu {peserta.opd.nama} menjadi {tanggal(tenggat)}", tenggat=tenggat,
    )  # fmt: skip
    notifikasi.kirim_notifikasi(
        instansi_id=peserta.instansi_id,
        penerima=notifikasi.penerima_opd(
            instansi_id=peserta.instansi_id, opd_kode=peserta.opd.kode
        ),
        judul=f"Batas waktu {peserta.kegiatan.nama} diperpanjang sampai {tanggal(tenggat)}",
        isi=catatan.strip(),
        tautan=tautan_peserta(peserta),
    )
    return peserta


@transaction.atomic
def peserta_kunci(
    *, akses: Akses, peserta: PesertaPenataan, versi: int, dikunci: bool
) -> PesertaPenataan:
    """Lock (e.g. past the deadline) or unlock an OPD's data for its operator."""
    kata = "dikunci" if dikunci else "dibuka"
    return _pengaturan_peserta(
        akses, peserta, versi, "penataan_kunci", f"Data {peserta.opd.nama} {kata}",
        dikunci=dikunci,
    )  # fmt: skip


@transaction.atomic
def peserta_tetapkan_analis(
    *, akses: Akses, peserta: PesertaPenataan, versi: int, analis: Any | None
) -> PesertaPenataan:
    """Assign the analyst who verifies this OPD (None: any analyst)."""
    if (
        analis is not None
        and not analis.keanggotaan_set.filter(
            instansi_id=peserta.instansi_id, peran__in=[Peran.ANALIS, Peran.ADMIN_INSTANSI]
        ).exists()
    ):
        raise RampingError("Pengguna itu bukan analis instansi ini.", field="analis")
    nama = analis.get_full_name() or analis.username if analis else "semua analis"
    return _pengaturan_peserta(
        akses, peserta, versi, "penataan_analis", f"Analis {peserta.opd.nama}: {nama}",
        analis=analis,
    )  # fmt: skip
