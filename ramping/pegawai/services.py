"""Writes to people and their placements. Each validates, writes and audits."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import Entri, audit_catat, audit_catat_banyak
from ramping.errors import PenempatanSudahAktif, RampingError
from ramping.jabatan.models import Jabatan
from ramping.organisasi.models import Instansi
from ramping.organisasi.selectors import unit_opd
from ramping.organisasi.services import pastikan_bukan_arsip
from ramping.pegawai.models import Pegawai, Penempatan


@transaction.atomic
def pegawai_buat(
    *,
    akses: Akses,
    instansi: Instansi,
    nip: str,
    nama: str,
    jenis_kelamin: str,
    tanggal_lahir: date,
    status_asn: str,
    tmt_pengangkatan: date,
    golongan: str,
    pendidikan: str,
    gelar_depan: str = "",
    gelar_belakang: str = "",
    jurusan: str = "",
) -> Pegawai:
    akses.pastikan_instansi(instansi)
    pegawai = Pegawai(
        instansi=instansi,
        nip=nip.replace(" ", ""),
        nama=nama,
        jenis_kelamin=jenis_kelamin,
        tanggal_lahir=tanggal_lahir,
        status_asn=status_asn,
        tmt_pengangkatan=tmt_pengangkatan,
        golongan=golongan,
        pendidikan=pendidikan,
        gelar_depan=gelar_depan,
        gelar_belakang=gelar_belakang,
        jurusan=jurusan,
    )
    pegawai.full_clean()  # NIP structure and agreement with the stored fields
    pegawai.save()
    audit_catat(
        instansi_id=instansi.pk,
        pengguna=akses.pengguna,
        aksi="pegawai_buat",
        objek=pegawai,
        ringkasan=f"Pegawai {nama} ({pegawai.nip}) ditambahkan",
        perubahan={"nip": pegawai.nip, "nama": nama},
    )
    return pegawai


@transaction.atomic
def penempatan_buat(
    *,
    akses: Akses,
    pegawai: Pegawai,
    jabatan: Jabatan,
    tmt_mulai: date,
    nomor_sk: str = "",
) -> Penempatan:
    """Place a person in a position of the same agency; one active placement per version."""
    akses.pastikan_boleh_ubah(jabatan, unit_opd(unit=jabatan.unit).kode)
    pastikan_bukan_arsip(jabatan.struktur)
    if pegawai.instansi_id != jabatan.instansi_id:
        raise RampingError("Pegawai dan jabatan harus dari instansi yang sama.", field="pegawai")
    aktif = (
        Penempatan.objects.aktif()
        .filter(
            instansi_id=jabatan.instansi_id,
            struktur_id=jabatan.struktur_id,
            pegawai=pegawai,
        )
        .select_related("jabatan")
    )
    sebelumnya = aktif.first()
    if sebelumnya is not None:
        raise PenempatanSudahAktif(
            f"{pegawai.nama} masih menjabat {sebelumnya.jabatan.nama}; "
            "akhiri penempatan itu lebih dahulu.",
            field="pegawai",
        )
    penempatan = Penempatan(
        instansi_id=jabatan.instansi_id,
        struktur_id=jabatan.struktur_id,
        pegawai=pegawai,
        jabatan=jabatan,
        tmt_mulai=tmt_mulai,
        nomor_sk=nomor_sk,
    )
    penempatan.full_clean()
    penempatan.save()
    audit_catat(
        instansi_id=jabatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="penempatan_buat",
        objek=penempatan,
        ringkasan=f"{pegawai.nama} ditempatkan sebagai {jabatan.nama}",
        perubahan={"pegawai": pegawai, "jabatan": jabatan, "tmt_mulai": tmt_mulai},
        induk=jabatan,
    )
    return penempatan


@transaction.atomic
def penempatan_akhiri(*, akses: Akses, penempatan: Penempatan, tmt_selesai: date) -> Penempatan:
    akses.pastikan_boleh_ubah(penempatan, unit_opd(unit=penempatan.jabatan.unit).kode)
    pastikan_bukan_arsip(penempatan.struktur)
    if penempatan.tmt_selesai is not None:
        raise RampingError("Penempatan ini sudah berakhir.", field="tmt_selesai")
    if tmt_selesai < penempatan.tmt_mulai:
        raise RampingError("TMT selesai tidak boleh sebelum TMT mulai.", field="tmt_selesai")
    penempatan.tmt_selesai = tmt_selesai
    penempatan.save(update_fields=["tmt_selesai"])
    audit_catat(
        instansi_id=penempatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="penempatan_akhiri",
        objek=penempatan,
        ringkasan=f"Penempatan {penempatan.pegawai.nama} berakhir",
        perubahan={"tmt_selesai": (None, tmt_selesai)},
        induk=penempatan.jabatan,
    )
    return penempatan


@transaction.atomic
def pegawai_tulis_massal(
    *,
    akses: Akses,
    struktur,
    baru: list[Pegawai],
    ubah: list[tuple[Pegawai, dict]],
    tempatkan: list[tuple[str, Jabatan]],
    ringkasan: list[str],
) -> None:
    """The bulk write of a pegawai import, in a constant number of statements: new people,
    changed fields, new placements (a person moving seat leaves the old one today), and one
    audit row per line of the preview the user confirmed. Analysts and admins only."""
    pastikan_analis(akses)
    akses.pastikan_instansi(struktur)
    pastikan_bukan_arsip(struktur)
    Pegawai.objects.bulk_create(baru, batch_size=2000)
    for lama, beda in ubah:
        for f, v in beda.items():
            setattr(lama, f, v)
    if ubah:
        field = sorted({f for _lama, beda in ubah for f in beda})
        Pegawai.objects.bulk_update([p for p, _ in ubah], field, batch_size=2000)
    hari_ini = timezone.localdate()
    nips = [nip for nip, _ in tempatkan]
    orang = {p.nip: p for p in Pegawai.objects.filter(nip__in=nips)}
    Penempatan.objects.aktif().filter(struktur=struktur, pegawai__nip__in=nips).update(
        tmt_selesai=hari_ini
    )
    Penempatan.objects.bulk_create(
        [
            Penempatan(
                instansi_id=akses.instansi_id,
                struktur=struktur,
                pegawai=orang[nip],
                jabatan=j,
                tmt_mulai=hari_ini,
            )
            for nip, j in tempatkan
        ],
        batch_size=2000,
    )
    audit_catat_banyak(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="impor_pegawai",
        entri=[Entri(Pegawai, teks) for teks in ringkasan],
    )
