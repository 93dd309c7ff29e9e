"""Writes to users and their agency memberships; every change is audited.

Two kinds of administrator: the installation's superuser (`ramping createsuperuser`, the Django
admin, all agencies) and an agency's `admin_instansi`, who manages only the people of their own
agency through these services. A person's password and active flag belong to the whole account,
which may serve several agencies; one agency's admin may change them only for accounts whose
memberships are all in that agency (otherwise agency A could take over or lock out someone who
works for agency B). Such a person can still be given a role in, or removed from, this agency.
"""

import secrets

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from ramping.akun.akses import Akses
from ramping.akun.models import Keanggotaan, Pengguna, Peran
from ramping.audit.services import audit_catat
from ramping.errors import KumpulanGalat, RampingError, TidakBerhak, TidakDitemukan
from ramping.inti.lingkup import semua_instansi
from ramping.organisasi.models import Instansi, UnitKerja


def _pastikan_admin(akses: Akses) -> None:
    if akses.peran != Peran.ADMIN_INSTANSI:
        raise TidakBerhak("Hanya admin instansi yang dapat mengelola pengguna.")


def _periksa_peran(*, instansi_id: int, peran: str, opd_kode: str) -> None:
    if peran not in Peran.values:
        raise RampingError("Peran tidak dikenal.", field="peran")
    if peran == Peran.OPERATOR:
        opd_ada = UnitKerja.objects.filter(
            instansi_id=instansi_id, kode=opd_kode, induk__isnull=True
        ).exists()
        if not opd_ada:
            raise RampingError(f"OPD dengan kode {opd_kode!r} tidak ada.", field="opd_kode")
    elif opd_kode:
        raise RampingError("Hanya operator yang terikat pada satu OPD.", field="opd_kode")


def _pastikan_masih_ada_admin(*, instansi_id: int, kecuali: Pengguna) -> None:
    """The agency must keep at least one active admin, or nobody could manage its people."""
    lain = Keanggotaan.objects.filter(
        instansi_id=instansi_id, peran=Peran.ADMIN_INSTANSI, pengguna__is_active=True
    ).exclude(pengguna=kecuali)
    if not lain.exists():
        raise RampingError(
            "Instansi harus tetap memiliki sedikitnya satu admin instansi yang aktif."
        )


def _pastikan_akun_milik_instansi(*, akses: Akses, pengguna: Pengguna) -> None:
    """Password and active flag: only for accounts that belong to this agency alone."""
    if pengguna.is_superuser or pengguna.is_staff:
        raise TidakBerhak("Akun pengelola instalasi hanya dapat diubah oleh superuser.")
    # Across agencies on purpose: the question is whether any membership lies elsewhere.
    with semua_instansi():
        di_luar = (
            Keanggotaan.objects.filter(pengguna=pengguna)
            .exclude(instansi_id=akses.instansi_id)
            .exists()
        )
    if di_luar:
        raise TidakBerhak(
            "Pengguna ini juga anggota instansi lain, sehingga kata sandi dan status akunnya "
            "hanya dapat diubah oleh pemiliknya atau superuser instalasi."
        )


def _sandi_sementara() -> str:
    return secrets.token_urlsafe(9)


@transaction.atomic
def keanggotaan_atur(
    *, akses: Akses, instansi: Instansi, pengguna: Pengguna, peran: str, opd_kode: str = ""
) -> Keanggotaan:
    """Give a user a role in an agency (replacing their previous role there)."""
    akses.pastikan_instansi(instansi)
    if akses.peran != Peran.ADMIN_INSTANSI:
        raise TidakBerhak("Hanya admin instansi yang dapat mengatur peran pengguna.")
    _periksa_peran(instansi_id=instansi.pk, peran=peran, opd_kode=opd_kode)
    lama = Keanggotaan.objects.filter(instansi=instansi, pengguna=pengguna).first()
    if lama is not None and lama.peran == Peran.ADMIN_INSTANSI and peran != lama.peran:
        _pastikan_masih_ada_admin(instansi_id=instansi.pk, kecuali=pengguna)
    anggota, dibuat = Keanggotaan.objects.update_or_create(
        instansi=instansi, pengguna=pengguna, defaults={"peran": peran, "opd_kode": opd_kode}
    )
    perubahan = {"peran": peran, "opd_kode": opd_kode, "baru": dibuat}
    if lama is not None:
        perubahan = {"peran": (lama.peran, peran), "opd_kode": (lama.opd_kode, opd_kode)}
    audit_catat(
        instansi_id=instansi.pk,
        pengguna=akses.pengguna,
        aksi="keanggotaan_atur",
        objek=anggota,
        ringkasan=f"{pengguna.username} menjadi {anggota.get_peran_display()}"
        + (f" {opd_kode}" if opd_kode else ""),
        perubahan=perubahan,
    )
    return anggota


@transaction.atomic
def anggota_tambah(
    *,
    akses: Akses,
    username: str,
    peran: str,
    opd_kode: str = "",
    nama_depan: str = "",
    nama_belakang: str = "",
    email: str = "",
) -> tuple[Keanggotaan, str | None]:
    """Add a person to the agency: an existing account by its username, or a new local account
    with a temporary password (returned once; it must be changed at the first login)."""
    _pastikan_admin(akses)
    username = username.strip()
    # The name and the role are checked together: both wrong fields are said in one round.
    kumpulan = KumpulanGalat()
    with kumpulan.medan("username"):
        try:
            UnicodeUsernameValidator()(username)
        except ValidationError:
            raise RampingError(
                "Nama pengguna hanya boleh berisi huruf, angka dan @ . + - _", field="username"
            ) from None
        if not username or len(username) > 150:
            raise RampingError("Nama pengguna wajib diisi (paling panjang 150).", field="username")
    instansi = Instansi.objects.get(pk=akses.instansi_id)
    with kumpulan.medan("peran"):
        _periksa_peran(instansi_id=instansi.pk, peran=peran, opd_kode=opd_kode)
    kumpulan.lempar()
    pengguna = Pengguna.objects.filter(username=username).first()
    sandi = None
    if pengguna is None:
        sandi = _sandi_sementara()
        pengguna = Pengguna(
            username=username,
            first_name=nama_depan.strip(),
            last_name=nama_belakang.strip(),
            email=email.strip(),
            wajib_ganti_sandi=True,
        )
        pengguna.set_password(sandi)
        pengguna.save()
        audit_catat(
            instansi_id=instansi.pk,
            pengguna=akses.pengguna,
            aksi="pengguna_buat",
            objek=pengguna,
            ringkasan=f"Akun {username} dibuat dengan kata sandi sementara",
            perubahan={"username": username, "email": pengguna.email},
        )
    elif Keanggotaan.objects.filter(instansi=instansi, pengguna=pengguna).exists():
        raise RampingError(f"{username} sudah menjadi anggota instansi ini.", field="username")
    anggota = keanggotaan_atur(
        akses=akses, instansi=instansi, pengguna=pengguna, peran=peran, opd_kode=opd_kode
    )
    return anggota, sandi


@transaction.atomic
def keanggotaan_keluarkan(*, akses: Akses, anggota: Keanggotaan) -> None:
    """Remove a person from this agency (their account and other agencies stay)."""
    _pastikan_admin(akses)
    akses.pastikan_instansi(anggota)
    if anggota.peran == Peran.ADMIN_INSTANSI:
        _pastikan_masih_ada_admin(instansi_id=anggota.instansi_id, kecuali=anggota.pengguna)
    anggota.delete()
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="keanggotaan_hapus",
        objek=anggota.pengguna,
        ringkasan=f"{anggota.pengguna.username} dikeluarkan dari instansi",
        perubahan={"peran": anggota.peran, "opd_kode": anggota.opd_kode},
    )


@transaction.atomic
def pengguna_atur_aktif(*, akses: Akses, anggota: Keanggotaan, aktif: bool) -> None:
    """Deactivate or reactivate the account of a member of this agency alone."""
    _pastikan_admin(akses)
    akses.pastikan_instansi(anggota)
    pengguna = anggota.pengguna
    if akses.pengguna is not None and pengguna.pk == akses.pengguna.pk:
        raise RampingError("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    _pastikan_akun_milik_instansi(akses=akses, pengguna=pengguna)
    if pengguna.is_active == aktif:
        return
    if not aktif and anggota.peran == Peran.ADMIN_INSTANSI:
        _pastikan_masih_ada_admin(instansi_id=akses.instansi_id, kecuali=pengguna)
    pengguna.is_active = aktif
    pengguna.save(update_fields=["is_active"])
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="pengguna_aktif" if aktif else "pengguna_nonaktif",
        objek=pengguna,
        ringkasan=f"Akun {pengguna.username} " + ("diaktifkan" if aktif else "dinonaktifkan"),
        perubahan={"is_active": (not aktif, aktif)},
    )


@transaction.atomic
def sandi_atur_ulang(*, akses: Akses, anggota: Keanggotaan) -> str:
    """A temporary password for a member of this agency alone (shown once to the admin; the
    person must choose their own at the next login)."""
    _pastikan_admin(akses)
    akses.pastikan_instansi(anggota)
    pengguna = anggota.pengguna
    if akses.pengguna is not None and pengguna.pk == akses.pengguna.pk:
        raise RampingError("Ubah kata sandi Anda sendiri lewat menu Ubah kata sandi.")
    _pastikan_akun_milik_instansi(akses=akses, pengguna=pengguna)
    sandi = _sandi_sementara()
    pengguna.set_password(sandi)
    pengguna.wajib_ganti_sandi = True
    pengguna.save(update_fields=["password", "wajib_ganti_sandi"])
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="sandi_atur_ulang",
        objek=pengguna,
        ringkasan=f"Kata sandi {pengguna.username} diatur ulang (sementara)",
    )
    return sandi


def catat_untuk_akun(*, pengguna: Pengguna, pelaku, aksi: str, ringkasan: str, **kw) -> int:
    """One audit entry in each agency the account belongs to (the trail is kept per agency;
    a change to the account concerns all of them). Returns how many were written."""
    # Across agencies on purpose: the account's own memberships, wherever they are.
    with semua_instansi():
        instansi_ids = list(
            Keanggotaan.objects.filter(pengguna=pengguna).values_list("instansi_id", flat=True)
        )
        for instansi_id in instansi_ids:
            audit_catat(
                instansi_id=instansi_id,
                pengguna=pelaku,
                aksi=aksi,
                objek=pengguna,
                ringkasan=ringkasan,
                **kw,
            )
    return len(instansi_ids)


@transaction.atomic
def sandi_ubah_sendiri(*, pengguna: Pengguna, sandi_baru: str) -> None:
    """The person's own new password (the form has checked the old one and the rules)."""
    pengguna.set_password(sandi_baru)
    pengguna.wajib_ganti_sandi = False
    pengguna.save(update_fields=["password", "wajib_ganti_sandi"])
    catat_untuk_akun(
        pengguna=pengguna,
        pelaku=pengguna,
        aksi="sandi_ubah",
        ringkasan=f"{pengguna.username} mengubah kata sandinya",
    )


def pengguna_atur_surel(*, pengguna: Pengguna, terima: bool) -> bool:
    """A person's own choice to receive the penataan notices by e-mail too (in-app always).

    Not in the audit trail: a preference, not a change to the account's access. Returns
    whether it changed.
    """
    if pengguna.terima_surel == terima:
        return False
    pengguna.terima_surel = terima
    pengguna.save(update_fields=["terima_surel"])
    return True


def anggota_daftar(*, akses: Akses, cari: str = "") -> list[Keanggotaan]:
    """The agency's members with their accounts, for the user-management page."""
    _pastikan_admin(akses)
    qs = Keanggotaan.objects.filter(instansi_id=akses.instansi_id).select_related("pengguna")
    if cari:
        qs = qs.filter(
            Q(pengguna__username__icontains=cari)
            | Q(pengguna__first_name__icontains=cari)
            | Q(pengguna__last_name__icontains=cari)
            | Q(pengguna__email__icontains=cari)
        )
    return list(qs.order_by("pengguna__username"))


def anggota_ambil(*, akses: Akses, pengguna_id: int) -> Keanggotaan:
    _pastikan_admin(akses)
    anggota = (
        Keanggotaan.objects.filter(instansi_id=akses.instansi_id, pengguna_id=pengguna_id)
        .select_related("pengguna")
        .first()
    )
    if anggota is None:
        raise TidakDitemukan("Pengguna tidak ditemukan di instansi ini.")
    return anggota
