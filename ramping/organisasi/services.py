"""Writes to agencies, structure versions and units. Each validates, writes and audits."""

from datetime import date

from django.db import transaction
from django.db.models import Max

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat, perubahan_field, ubah_dan_catat
from ramping.errors import RampingError, StrukturTidakBisaDiubah
from ramping.organisasi.models import Instansi, Struktur, UnitKerja
from ramping.organisasi.selectors import unit_opd
from ramping.penataan.kunci import pastikan_opd_terbuka

BISA_DIUBAH = {Struktur.Status.DRAFT, Struktur.Status.USULAN}


@transaction.atomic
def instansi_buat(*, nama: str, kode: str, jenis: str) -> Instansi:
    instansi = Instansi(nama=nama, kode=kode, jenis=jenis)
    instansi.full_clean()
    instansi.save()
    audit_catat(
        instansi_id=instansi.pk,
        pengguna=None,
        aksi="instansi_buat",
        objek=instansi,
        ringkasan=f"Instansi {nama} dibuat",
        perubahan={"nama": nama, "kode": kode, "jenis": jenis},
    )
    return instansi


@transaction.atomic
def struktur_buat(
    *,
    akses: Akses,
    instansi: Instansi,
    nama: str,
    dasar_hukum_nomor: str = "",
    dasar_hukum_tanggal: date | None = None,
    turunan_dari: Struktur | None = None,
) -> Struktur:
    """A new, empty draft version (copying a version is the scenario service's job)."""
    akses.pastikan_instansi(instansi)
    pastikan_analis(akses)
    if turunan_dari is not None:
        akses.pastikan_instansi(turunan_dari)
    struktur = Struktur(
        instansi=instansi,
        nama=nama,
        dasar_hukum_nomor=dasar_hukum_nomor,
        dasar_hukum_tanggal=dasar_hukum_tanggal,
        turunan_dari=turunan_dari,
    )
    struktur.full_clean()
    struktur.save()
    audit_catat(
        instansi_id=instansi.pk,
        pengguna=akses.pengguna,
        aksi="struktur_buat",
        objek=struktur,
        ringkasan=f"Versi struktur {nama} dibuat",
        perubahan={"nama": nama, "dasar_hukum_nomor": dasar_hukum_nomor},
    )
    return struktur


# What may still change once a version is in force or archived: only the internal note. Its
# name and legal basis are what the signed Perwal/Perkada and its printed appendices say, so a
# later reprint must keep them; a correction is a new version, not an edit.
IDENTITAS_BEKU = {"nama", "dasar_hukum_nomor", "dasar_hukum_tanggal"}


@transaction.atomic
def struktur_ubah(*, akses: Akses, struktur: Struktur, **nilai) -> Struktur:
    """Rename a version and edit its description and legal basis (analis only).

    A draft or proposal changes freely (its name and legal basis are printed on every report
    drawn from it); a version in force or archived keeps its name and legal basis."""
    akses.pastikan_instansi(struktur)
    pastikan_analis(akses)
    tak_dikenal = set(nilai) - {"keterangan", *IDENTITAS_BEKU}
    if tak_dikenal:
        raise TypeError(f"struktur_ubah tidak menerima {sorted(tak_dikenal)}")
    struktur = Struktur.objects.select_for_update().get(pk=struktur.pk)
    if "nama" in nilai:
        nilai["nama"] = (nilai["nama"] or "").strip()
        if not nilai["nama"]:
            raise RampingError("Nama versi wajib diisi.", field="nama")
    for kunci in ("keterangan", "dasar_hukum_nomor"):
        if kunci in nilai:
            nilai[kunci] = (nilai[kunci] or "").strip()
    if struktur.status not in BISA_DIUBAH:
        beku = IDENTITAS_BEKU & set(perubahan_field(struktur, nilai))
        if beku:
            raise StrukturTidakBisaDiubah(
                "Nama dan dasar hukum versi yang berlaku atau diarsipkan tidak dapat diubah.",
                field=sorted(beku)[0],
            )
    ubah_dan_catat(
        struktur,
        nilai,
        boleh={"keterangan", *IDENTITAS_BEKU},
        akses=akses,
        aksi="struktur_ubah",
        ringkasan=f"Versi struktur {struktur.nama} diubah",
    )
    return struktur


def pastikan_bisa_diubah(struktur: Struktur) -> None:
    """The shape of a version (units, positions) changes only while it is a draft/proposal:
    the version in force changes through a new version and its Perkada."""
    if struktur.status not in BISA_DIUBAH:
        raise StrukturTidakBisaDiubah()


def pastikan_bukan_arsip(struktur: Struktur) -> None:
    """ANJAB, ABK, evaluations and placements are kept current in the version in force too;
    only an archived version is frozen."""
    if struktur.status == Struktur.Status.ARSIP:
        raise StrukturTidakBisaDiubah("Versi struktur yang diarsipkan tidak dapat diubah.")


@transaction.atomic
def unit_buat(
    *,
    akses: Akses,
    struktur: Struktur,
    induk: UnitKerja | None,
    kode: str,
    nama: str,
    jenis: str,
    eselon: str = "",
    singkatan: str = "",
    tugas: str = "",
    fungsi: str = "",
    otoritas_legalisasi: bool = False,
    kewilayahan: bool = False,
    kepala_satker: bool = False,
    upt_pelayanan: bool = False,
) -> UnitKerja:
    """Add a unit as the last child of `induk` (or as a new OPD when `induk` is None)."""
    akses.pastikan_instansi(struktur)
    pastikan_bisa_diubah(struktur)
    if induk is None:
        pastikan_analis(akses)
        siblings = UnitKerja.objects.filter(struktur=struktur, induk__isnull=True)
        prefix, kedalaman = "", 0
    else:
        opd_kode = unit_opd(unit=induk).kode
        akses.pastikan_boleh_ubah(induk, opd_kode)
        pastikan_opd_terbuka(akses=akses, struktur_id=struktur.pk, opd_kode=opd_kode)
        siblings = UnitKerja.objects.filter(struktur=struktur, induk=induk)
        prefix, kedalaman = induk.path, induk.kedalaman + 1
    # Next free segment: the highest sibling path + 1 (never reuses a removed sibling's path).
    terakhir = siblings.aggregate(m=Max("path"))["m"]
    nomor = int(terakhir[-UnitKerja.SEGMEN :]) + 1 if terakhir else 1
    urutan = siblings.count()
    unit = UnitKerja(
        instansi_id=struktur.instansi_id,
        struktur=struktur,
        induk=induk,
        path=prefix + UnitKerja.segmen(nomor),
        kedalaman=kedalaman,
        urutan=urutan,
        kode=kode,
        nama=nama,
        singkatan=singkatan,
        jenis=jenis,
        eselon=eselon,
        tugas=tugas,
        fungsi=fungsi,
        otoritas_legalisasi=otoritas_legalisasi,
        kewilayahan=kewilayahan,
        kepala_satker=kepala_satker,
        upt_pelayanan=upt_pelayanan,
    )
    unit.full_clean()
    unit.save()
    audit_catat(
        instansi_id=struktur.instansi_id,
        pengguna=akses.pengguna,
        aksi="unit_buat",
        objek=unit,
        ringkasan=f"Unit {nama} ditambahkan ke {struktur.nama}",
        perubahan={"nama": nama, "jenis": jenis, "eselon": eselon, "induk": induk},
        induk=induk,
    )
    return unit


UNIT_FIELD_UBAH = {
    "nama",
    "tipe",
    "singkatan",
    "jenis",
    "eselon",
    "tugas",
    "fungsi",
    "otoritas_legalisasi",
    "kewilayahan",
    "kepala_satker",
    "upt_pelayanan",
}


@transaction.atomic
def unit_ubah(*, akses: Akses, unit: UnitKerja, **nilai: object) -> UnitKerja:
    """Change a unit's descriptive fields (not its place in the tree)."""
    opd_kode = unit_opd(unit=unit).kode
    akses.pastikan_boleh_ubah(unit, opd_kode)
    pastikan_bisa_diubah(unit.struktur)
    # A penataan round may lock the OPD for its operator (under review or approved).
    pastikan_opd_terbuka(akses=akses, struktur_id=unit.struktur_id, opd_kode=opd_kode)
    ubah_dan_catat(
        unit,
        nilai,
        boleh=UNIT_FIELD_UBAH,
        akses=akses,
        aksi="unit_ubah",
        ringkasan=f"Unit {nilai.get('nama', unit.nama)} diubah",
    )
    return unit
