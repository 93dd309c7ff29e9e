"""The operator's answers to warnings and the verifier's notes."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat
from ramping.errors import RampingError
from ramping.inti.kunci import hapus_jika_tetap, simpan_jika_tetap
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.anjab import FIELD_ANJAB
from ramping.penataan import errors, notifikasi
from ramping.penataan.models import (
    Catatan,
    KegiatanPenataan,
    PengakuanTemuan,
    PesertaPenataan,
)
from ramping.penataan.services.peserta import pastikan_pelaku, tautan_peserta

S = PesertaPenataan.Status


# --- acknowledged warnings and verifier's notes ------------------------------------------------


def _pastikan_bisa_diisi(akses: Akses, peserta: PesertaPenataan) -> None:
    """The OPD's operator works while the OPD is not submitted, approved or locked."""
    pastikan_pelaku(akses, peserta, "operator")
    if peserta.kegiatan.status != KegiatanPenataan.Status.BERJALAN:
        raise errors.KegiatanDitutup()
    if peserta.status in (S.DIAJUKAN, S.DISETUJUI) or peserta.dikunci:
        raise errors.BelumSiapDiajukan(
            "Pengajuan sedang diverifikasi, sudah disetujui atau dikunci; tidak dapat diubah."
        )


@transaction.atomic
def temuan_akui(
    *, akses: Akses, peserta: PesertaPenataan, kode: str, objek: str, catatan: str
) -> PengakuanTemuan:
    """The operator answers a warning with a note (it then no longer blocks submission)."""
    _pastikan_bisa_diisi(akses, peserta)
    if not catatan.strip():
        raise errors.CatatanWajib(
            "Tuliskan alasan mengapa peringatan ini dapat diterima.", field="catatan"
        )
    pengakuan, _ = PengakuanTemuan.objects.update_or_create(
        peserta=peserta,
        kode=kode,
        objek=objek,
        defaults={
            "instansi_id": peserta.instansi_id,
            "catatan": catatan.strip(),
            "oleh": akses.pengguna,
        },
    )
    PesertaPenataan.objects.filter(pk=peserta.pk).update(terakhir_aktif=timezone.now())
    audit_catat(
        instansi_id=peserta.instansi_id,
        pengguna=akses.pengguna,
        aksi="temuan_akui",
        objek=peserta,
        ringkasan=f"Peringatan {kode} {objek} ditanggapi: {catatan.strip()[:150]}",
    )
    return pengakuan


def _sasaran(
    peserta: PesertaPenataan, jabatan: Jabatan, sasaran: str, butir: str, tugas: Tugas | None
) -> None:
    if jabatan.struktur_id != peserta.kegiatan.struktur_id or not jabatan.unit.path.startswith(
        peserta.opd.path
    ):
        raise RampingError("Jabatan itu bukan bagian perangkat daerah ini.", field="jabatan")
    if sasaran not in Catatan.Sasaran.values:
        raise RampingError("Sasaran catatan tidak dikenal.", field="sasaran")
    if sasaran == Catatan.Sasaran.ANJAB and butir not in FIELD_ANJAB:
        raise RampingError("Pilih butir ANJAB yang dicatat.", field="butir")
    if sasaran == Catatan.Sasaran.TUGAS and (tugas is None or tugas.jabatan_id != jabatan.pk):
        raise RampingError("Pilih uraian tugas jabatan ini.", field="tugas")


@transaction.atomic
def catatan_buat(
    *,
    akses: Akses,
    peserta: PesertaPenataan,
    jabatan: Jabatan,
    sasaran: str,
    isi: str,
    butir: str = "",
    tugas: Tugas | None = None,
) -> Catatan:
    """A verifier's note on a position, an ANJAB item, a task or the evaluation."""
    akses.pastikan_instansi(peserta)
    pastikan_analis(akses)
    if peserta.status != S.DIAJUKAN:
        raise errors.TransisiTidakSah(peserta.get_status_display().lower(), "diberi catatan")
    if not isi.strip():
        raise errors.CatatanWajib("Isi catatan wajib diisi.", field="isi")
    _sasaran(peserta, jabatan, sasaran, butir, tugas)
    catatan = Catatan.objects.create(
        instansi_id=peserta.instansi_id,
        peserta=peserta,
        jabatan=jabatan,
        sasaran=sasaran,
        butir=butir if sasaran == Catatan.Sasaran.ANJAB else "",
        tugas=tugas if sasaran == Catatan.Sasaran.TUGAS else None,
        isi=isi.strip(),
        dibuat_oleh=akses.pengguna,
        diubah_oleh=akses.pengguna,
    )
    audit_catat(
        instansi_id=peserta.instansi_id,
        pengguna=akses.pengguna,
        aksi="catatan_buat",
        objek=catatan,
        ringkasan=f"Catatan pada {jabatan.nama}: {isi.strip()[:150]}",
    )
    notifikasi.kirim_notifikasi(
        instansi_id=peserta.instansi_id,
        penerima=notifikasi.penerima_opd(
            instansi_id=peserta.instansi_id, opd_kode=peserta.opd.kode
        ),
        judul=f"Catatan verifikasi baru pada {jabatan.nama}",
        isi=isi.strip(),
        tautan=tautan_peserta(peserta),
    )
    return catatan


@transaction.atomic
def catatan_selesaikan(
    *, akses: Akses, catatan: Catatan, versi: int, tanggapan: str = ""
) -> Catatan:
    """The operator marks a note resolved (while revising), with an optional answer."""
    peserta = catatan.peserta
    _pastikan_bisa_diisi(akses, peserta)
    simpan_jika_tetap(
        catatan,
        versi=versi,
        oleh=akses.pengguna,
        selesai_pada=timezone.now(),
        selesai_oleh=akses.pengguna,
        tanggapan=tanggapan.strip(),
    )
    PesertaPenataan.objects.filter(pk=peserta.pk).update(terakhir_aktif=timezone.now())
    audit_catat(
        instansi_id=catatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="catatan_selesaikan",
        objek=catatan,
        ringkasan=f"Catatan pada {catatan.jabatan.nama} diselesaikan",
        perubahan={"tanggapan": tanggapan.strip()},
    )
    return catatan


@transaction.atomic
def catatan_hapus(*, akses: Akses, catatan: Catatan, versi: int) -> None:
    """The verifier withdraws a note while the OPD is still under review."""
    akses.pastikan_instansi(catatan)
    pastikan_analis(akses)
    if catatan.peserta.status != S.DIAJUKAN:
        raise RampingError("Catatan hanya dapat ditarik selama pengajuan diverifikasi.")
    hapus_jika_tetap(catatan, versi=versi)
    audit_catat(
        instansi_id=catatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="catatan_hapus",
        objek=catatan.jabatan,
        ringkasan=f"Catatan pada {catatan.jabatan.nama} ditarik: {catatan.isi[:150]}",
    )
