"""Writes of the penataan cycle: open a round, move an OPD through its states, notes and
acknowledged warnings. Each validates, writes, records history and audit, and tells the people
concerned (`ramping.penataan.notifikasi`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from ramping.akun.akses import Akses, pastikan_analis
from ramping.akun.models import Peran
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError, TidakBerhak
from ramping.inti.kunci import hapus_jika_tetap, simpan_jika_tetap
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.anjab import FIELD_ANJAB
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.services import pastikan_bukan_arsip
from ramping.penataan import errors, notifikasi
from ramping.penataan.alur import TRANSISI
from ramping.penataan.cuplikan import cuplikan_data
from ramping.penataan.models import (
    Bagian,
    Catatan,
    Cuplikan,
    KegiatanPenataan,
    PengakuanTemuan,
    PesertaPenataan,
    RiwayatPengajuan,
)
from ramping.penataan.temuan import temuan_struktur

S = PesertaPenataan.Status
FIELD_KEGIATAN = {"nama", "dasar_hukum", "tenggat", "nomor_surat", "tanggal_surat", "perihal",
                  "isi_surat"}  # fmt: skip


# --- rounds ------------------------------------------------------------------------------------


def _diminta(diminta: Iterable[str]) -> list[str]:
    dipilih = [b for b in Bagian.values if b in set(diminta)]
    if not dipilih:
        raise RampingError("Pilih sedikitnya satu hal yang diminta.", field="diminta")
    if set(diminta) - set(Bagian.values):
        raise RampingError("Hal yang diminta tidak dikenal.", field="diminta")
    return dipilih


@transaction.atomic
def kegiatan_buat(
    *,
    akses: Akses,
    struktur: Struktur,
    nama: str,
    tenggat: date,
    diminta: Iterable[str],
    dasar_hukum: str = "",
    opd_kode: Iterable[str] | None = None,
    tenggat_opd: dict[str, date] | None = None,
    nomor_surat: str = "",
    tanggal_surat: date | None = None,
    perihal: str = "",
    isi_surat: str = "",
) -> KegiatanPenataan:
    """Open a round on a version for the chosen OPDs (None: every OPD of the version)."""
    akses.pastikan_instansi(struktur)
    pastikan_analis(akses)
    pastikan_bukan_arsip(struktur)
    if not nama.strip():
        raise RampingError("Nama kegiatan wajib diisi.", field="nama")
    semua = {u.kode: u for u in UnitKerja.objects.filter(struktur=struktur, kedalaman=0)}
    pilihan = list(semua) if opd_kode is None else list(dict.fromkeys(opd_kode))
    if not pilihan:
        raise RampingError("Pilih sedikitnya satu perangkat daerah.", field="opd")
    if asing := [k for k in pilihan if k not in semua]:
        raise RampingError(f"Perangkat daerah tidak dikenal: {', '.join(asing)}.", field="opd")
    khusus = tenggat_opd or {}
    if asing := [k for k in khusus if k not in pilihan]:
        raise RampingError(f"Batas waktu untuk OPD yang tidak ikut: {', '.join(asing)}.")
    kegiatan = KegiatanPenataan(
        instansi_id=struktur.instansi_id,
        struktur=struktur,
        nama=nama.strip(),
        dasar_hukum=dasar_hukum.strip(),
        diminta=_diminta(diminta),
        tenggat=tenggat,
        nomor_surat=nomor_surat.strip(),
        tanggal_surat=tanggal_surat,
        perihal=perihal.strip() or nama.strip(),
        isi_surat=isi_surat.strip(),
        dibuat_oleh=akses.pengguna,
        diubah_oleh=akses.pengguna,
    )
    kegiatan.full_clean()
    kegiatan.save()
    PesertaPenataan.objects.bulk_create(
        [
            PesertaPenataan(
                instansi_id=struktur.instansi_id,
                kegiatan=kegiatan,
                opd=semua[kode],
                tenggat=khusus.get(kode),
            )
            for kode in pilihan
        ]
    )
    audit_catat(
        instansi_id=struktur.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_buat",
        objek=kegiatan,
        ringkasan=f"Kegiatan penataan {kegiatan.nama} dibuka untuk {len(pilihan)} OPD",
        perubahan={"diminta": kegiatan.diminta, "tenggat": tenggat, "opd": pilihan},
    )
    return kegiatan


@transaction.atomic
def kegiatan_ubah(
    *, akses: Akses, kegiatan: KegiatanPenataan, versi: int, **nilai: Any
) -> KegiatanPenataan:
    """Change the round's name, legal basis, deadline or its Surat Edaran's details."""
    if tak_dikenal := set(nilai) - FIELD_KEGIATAN:
        raise TypeError(f"kegiatan_ubah tidak menerima {sorted(tak_dikenal)}")
    akses.pastikan_instansi(kegiatan)
    pastikan_analis(akses)
    nilai = {k: v.strip() if isinstance(v, str) else v for k, v in nilai.items()}
    if "nama" in nilai and not nilai["nama"]:
        raise RampingError("Nama kegiatan wajib diisi.", field="nama")
    perubahan = perubahan_field(kegiatan, nilai)
    simpan_jika_tetap(kegiatan, versi=versi, oleh=akses.pengguna, **nilai)
    audit_catat(
        instansi_id=kegiatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_ubah",
        objek=kegiatan,
        ringkasan=f"Kegiatan penataan {kegiatan.nama} diubah",
        perubahan=perubahan,
    )
    return kegiatan


@transaction.atomic
def kegiatan_tutup(*, akses: Akses, kegiatan: KegiatanPenataan, versi: int) -> KegiatanPenataan:
    """Close a round: its locks end; its history, notes and snapshots stay."""
    akses.pastikan_instansi(kegiatan)
    pastikan_analis(akses)
    simpan_jika_tetap(
        kegiatan,
        versi=versi,
        oleh=akses.pengguna,
        syarat={"status": KegiatanPenataan.Status.BERJALAN},
        galat=errors.KegiatanDitutup,
        status=KegiatanPenataan.Status.DITUTUP,
    )
    audit_catat(
        instansi_id=kegiatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="kegiatan_tutup",
        objek=kegiatan,
        ringkasan=f"Kegiatan penataan {kegiatan.nama} ditutup",
    )
    return kegiatan


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


def _pastikan_pelaku(akses: Akses, peserta: PesertaPenataan, oleh: str) -> None:
    akses.pastikan_instansi(peserta)
    if oleh == "operator":
        if not operator_opd(akses, peserta):
            raise TidakBerhak("Hanya operator perangkat daerah ini yang dapat melakukannya.")
    else:
        pastikan_analis(akses)


def _tautan(peserta: PesertaPenataan) -> str:
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
    _pastikan_pelaku(akses, peserta, t.oleh)
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
        tautan=_tautan(peserta),
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
        f"Batas waktu {peserta.opd.nama} menjadi {tenggat:%d-%m-%Y}", tenggat=tenggat,
    )  # fmt: skip
    notifikasi.kirim_notifikasi(
        instansi_id=peserta.instansi_id,
        penerima=notifikasi.penerima_opd(
            instansi_id=peserta.instansi_id, opd_kode=peserta.opd.kode
        ),
        judul=f"Batas waktu {peserta.kegiatan.nama} diperpanjang sampai {tenggat:%d-%m-%Y}",
        isi=catatan.strip(),
        tautan=_tautan(peserta),
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


# --- acknowledged warnings and verifier's notes ------------------------------------------------


def _pastikan_bisa_diisi(akses: Akses, peserta: PesertaPenataan) -> None:
    """The OPD's operator works while the OPD is not submitted, approved or locked."""
    _pastikan_pelaku(akses, peserta, "operator")
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
        tautan=_tautan(peserta),
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
