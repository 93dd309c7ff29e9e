"""Notices of the penataan cycle: in-app rows (always) and e-mail (when the person wants it).

The round services call `kirim_notifikasi` with the people a helper below chose
(`penerima_opd`, `penerima_analis`, `penerima_peserta`); `ramping pengingat` calls
`pengingat_tenggat` once a day. The in-app notice is the record: e-mail is a courtesy, sent
after the caller's transaction commits, and a mail server that fails is logged, never shown
to the user as an error of what they did.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from ramping.akun.models import Pengguna, Peran
from ramping.aturan.tampil import tanggal
from ramping.errors import TidakDitemukan
from ramping.inti.lingkup import lingkup_aktif
from ramping.penataan.models import KegiatanPenataan, Notifikasi, PesertaPenataan

logger = logging.getLogger(__name__)

AWALAN_SUBJEK = "[ramping] "
_JUDUL_MAKS = Notifikasi._meta.get_field("judul").max_length
_TAUTAN_MAKS = Notifikasi._meta.get_field("tautan").max_length


# --- Sending -------------------------------------------------------------------------------


def _berbeda_aktif(penerima: Iterable[Pengguna]) -> list[Pengguna]:
    """Each active person once, in the order given."""
    dilihat: set[int] = set()
    hasil = []
    for orang in penerima:
        if orang.is_active and orang.pk not in dilihat:
            dilihat.add(orang.pk)
            hasil.append(orang)
    return hasil


def tautan_mutlak(tautan: str) -> str:
    """The link as an e-mail shows it: absolute when `RAMPING_URL_DASAR` is set."""
    if tautan.startswith("/") and settings.RAMPING_URL_DASAR:
        return settings.RAMPING_URL_DASAR + tautan
    return tautan


def _surel(orang: Pengguna, judul: str, isi: str, tautan: str) -> EmailMessage:
    badan = "\n\n".join(bagian for bagian in (isi.strip(), tautan_mutlak(tautan)) if bagian)
    return EmailMessage(
        subject=AWALAN_SUBJEK + judul,
        body=badan + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[orang.email],
    )


def _kirim_surel(pesan: list[EmailMessage]) -> None:
    """One connection for all; a message that fails is logged and the others still go."""
    try:
        with get_connection() as koneksi:
            for satu in pesan:
                try:
                    koneksi.send_messages([satu])
                except Exception:
                    logger.exception("Surel notifikasi ke %s gagal dikirim", satu.to)
    except Exception:
        logger.exception("Server surel tidak dapat dihubungi; %d surel tidak terkirim", len(pesan))


def kirim_notifikasi(
    *,
    instansi_id: int,
    penerima: Iterable[Pengguna],
    judul: str,
    isi: str = "",
    tautan: str = "",
) -> int:
    """One in-app notice per distinct active recipient (one INSERT), and one e-mail to each of
    them who accepts e-mail and has an address. Returns the number of notices.

    The e-mails leave when the caller's transaction commits: a submit that rolls back sends
    nothing. Call inside the agency's scope (every entry point opens it).
    """
    aktif = lingkup_aktif()
    if aktif is not None and aktif != instansi_id:
        # The scope filters reads, not inserts: refuse to write a notice into another agency.
        raise ValueError(f"kirim_notifikasi untuk instansi {instansi_id} di lingkup {aktif}")
    orang = _berbeda_aktif(penerima)
    if not orang:
        return 0
    judul = judul[:_JUDUL_MAKS]
    tautan = tautan[:_TAUTAN_MAKS]
    Notifikasi.objects.bulk_create(
        [
            Notifikasi(instansi_id=instansi_id, penerima=o, judul=judul, isi=isi, tautan=tautan)
            for o in orang
        ]
    )
    pesan = [_surel(o, judul, isi, tautan) for o in orang if o.terima_surel and o.email]
    if pesan:
        transaction.on_commit(lambda: _kirim_surel(pesan))
    return len(orang)


# --- Who is told ----------------------------------------------------------------------------


def _anggota(instansi_id: int, **syarat) -> list[Pengguna]:
    # One filter() call: every condition applies to the same membership row.
    return list(
        Pengguna.objects.filter(
            is_active=True,
            keanggotaan_set__instansi_id=instansi_id,
            **{f"keanggotaan_set__{k}": v for k, v in syarat.items()},
        )
        .distinct()
        .order_by("username")
    )


def penerima_opd(*, instansi_id: int, opd_kode: str) -> list[Pengguna]:
    """The active operators of one OPD (by its stable unit kode)."""
    return _anggota(instansi_id, peran=Peran.OPERATOR, opd_kode=opd_kode)


def penerima_analis(*, instansi_id: int) -> list[Pengguna]:
    """The agency's active analysts and admins (the Bagian Organisasi)."""
    return _anggota(instansi_id, peran__in=[Peran.ANALIS, Peran.ADMIN_INSTANSI])


def penerima_peserta(peserta: PesertaPenataan) -> list[Pengguna]:
    """Who hears about one OPD in a round: its operators and its analyst — the one assigned,
    or every analyst when none is (or the one assigned has left the agency)."""
    operator = penerima_opd(instansi_id=peserta.instansi_id, opd_kode=peserta.opd.kode)
    analis = penerima_analis(instansi_id=peserta.instansi_id)
    ditunjuk = [a for a in analis if a.pk == peserta.analis_id]
    return _berbeda_aktif(operator + (ditunjuk or analis))


# --- Reading ---------------------------------------------------------------------------------


def notifikasi_daftar(*, pengguna: Pengguna, instansi_id: int) -> QuerySet[Notifikasi]:
    """The person's notices in this agency, newest first."""
    return Notifikasi.objects.filter(instansi_id=instansi_id, penerima=pengguna).order_by(
        "-dibuat", "-id"
    )


def notifikasi_tandai_dibaca(
    *, pengguna: Pengguna, instansi_id: int, notifikasi_id: int | None = None
) -> Notifikasi | None:
    """Mark one notice read and return it (the caller follows its link), or all of the
    person's unread notices in this agency when `notifikasi_id` is None.

    Another person's notice does not exist for this one (TidakDitemukan). Not audited: it is
    the reader's own state, like a mail client's "read" flag.
    """
    milik = notifikasi_daftar(pengguna=pengguna, instansi_id=instansi_id)
    sekarang = timezone.now()
    if notifikasi_id is None:
        milik.filter(dibaca__isnull=True).update(dibaca=sekarang)
        return None
    notifikasi = milik.filter(pk=notifikasi_id).first()
    if notifikasi is None:
        raise TidakDitemukan("Notifikasi tidak ditemukan.")
    if notifikasi.dibaca is None:
        notifikasi.dibaca = sekarang
        notifikasi.save(update_fields=["dibaca"])
    return notifikasi


# --- Deadline reminders (`ramping pengingat`) -----------------------------------------------


@dataclass
class HasilPengingat:
    """What one agency's reminder run did."""

    opd: list[str] = field(default_factory=list)  # "round: OPD" of each OPD reminded
    notifikasi: int = 0
    sudah: int = 0  # OPDs already reminded today
    tanpa_penerima: list[str] = field(default_factory=list)  # OPDs nobody could be told about


def judul_pengingat(peserta: PesertaPenataan, hari_ini: date) -> str:
    sisa = (peserta.batas() - hari_ini).days
    if sisa > 0:
        keadaan = f"tinggal {sisa} hari"
    elif sisa == 0:
        keadaan = "hari ini"
    else:
        keadaan = f"terlambat {-sisa} hari"
    return f"Batas waktu {peserta.kegiatan.nama} — {peserta.opd.nama}: {keadaan}"[:_JUDUL_MAKS]


def _isi_pengingat(peserta: PesertaPenataan) -> str:
    return (
        f"Batas waktu pengajuan {peserta.opd.nama} dalam {peserta.kegiatan.nama} adalah "
        f"{tanggal(peserta.batas())}. Status saat ini: {peserta.get_status_display()}."
    )


def _tautan_pengingat(peserta: PesertaPenataan, kode_instansi: str) -> str:
    # The OPD's to-do page in the round: findings, notes and the submit button.
    return reverse("penataan:peserta", args=[kode_instansi, peserta.kegiatan_id, peserta.pk])


def pengingat_tenggat(
    *, instansi_id: int, kode_instansi: str, hari: int = 3, hari_ini: date | None = None
) -> HasilPengingat:
    """Remind every OPD of every running round whose deadline is within `hari` days or past,
    and that has not submitted (nor been approved): its operators and its analyst.

    At most once per OPD per day: a person who already has today's notice (same title, created
    since the start of `hari_ini`) is skipped, so running twice sends nothing new. Call inside
    the agency's scope.
    """
    hari_ini = hari_ini or timezone.localdate()
    peserta_daftar = [
        p
        for p in PesertaPenataan.objects.filter(
            instansi_id=instansi_id, kegiatan__status=KegiatanPenataan.Status.BERJALAN
        )
        .exclude(status__in=[PesertaPenataan.Status.DIAJUKAN, PesertaPenataan.Status.DISETUJUI])
        .select_related("kegiatan", "opd")
        .order_by("kegiatan__tenggat", "kegiatan_id", "opd__path")
        if (p.batas() - hari_ini).days <= hari
    ]
    hasil = HasilPengingat()
    if not peserta_daftar:
        return hasil
    judul = {p.pk: judul_pengingat(p, hari_ini) for p in peserta_daftar}
    awal_hari = timezone.make_aware(datetime.combine(hari_ini, time.min))
    sudah = set(
        Notifikasi.objects.filter(
            instansi_id=instansi_id, judul__in=set(judul.values()), dibuat__gte=awal_hari
        ).values_list("penerima_id", "judul")
    )
    for peserta in peserta_daftar:
        nama = f"{peserta.kegiatan.nama}: {peserta.opd.nama}"
        semua = penerima_peserta(peserta)
        if not semua:
            hasil.tanpa_penerima.append(nama)
            continue
        penerima = [o for o in semua if (o.pk, judul[peserta.pk]) not in sudah]
        jumlah = kirim_notifikasi(
            instansi_id=instansi_id,
            penerima=penerima,
            judul=judul[peserta.pk],
            isi=_isi_pengingat(peserta),
            tautan=_tautan_pengingat(peserta, kode_instansi),
        )
        if jumlah:
            hasil.opd.append(nama)
            hasil.notifikasi += jumlah
        else:
            hasil.sudah += 1
    return hasil
