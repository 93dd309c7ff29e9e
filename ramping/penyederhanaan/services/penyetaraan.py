"""The penyetaraan register's state machine (17/2021) and the agency's allowance table."""

from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction

from ramping import aturan
from ramping.akun.akses import Akses, pastikan_analis
from ramping.aturan.errors import (
    DiLuarLingkupPenyetaraan,
    EselonTidakSesuaiJenis,
    JenisJabatanTidakDikenal,
)
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError, StrukturTidakBisaDiubah
from ramping.inti.kunci import hapus_jika_tetap, simpan_jika_tetap
from ramping.jabatan.models import Jabatan
from ramping.jabatan.selectors import kelas_acuan
from ramping.organisasi.models import Instansi, Struktur
from ramping.pegawai.models import Pegawai, Penempatan
from ramping.penyederhanaan.models import Penyetaraan, TabelTunjangan, TarifTunjangan
from ramping.penyederhanaan.services.lebur import jenjang_untuk

S = Penyetaraan.Status
# Forward steps (reference §2.3, a design aid): each names the date field it fills.
URUTAN = [S.TERIDENTIFIKASI, S.DIPETAKAN, S.DIUSULKAN, S.DISETUJUI, S.SK_TERBIT, S.DILANTIK]
TANGGAL = {
    S.DIPETAKAN: "tanggal_dipetakan",
    S.DIUSULKAN: "tanggal_diusulkan",
    S.DISETUJUI: "tanggal_disetujui",
    S.SK_TERBIT: "tanggal_sk",
    S.DILANTIK: "tanggal_dilantik",
}
FIELD_UBAH = {"nama_jf", "jenjang", "kelas_baru", "relevan", "status_ukom", "jf_lain", "catatan"}


class TahapTidakSah(RampingError):
    pesan = "Tahap penyetaraan tidak dapat dilanjutkan."


def tahap_berikut(status: str) -> str | None:
    i = URUTAN.index(status)
    return URUTAN[i + 1] if i + 1 < len(URUTAN) else None


def _periksa(akses: Akses, p: Penyetaraan) -> Penyetaraan:
    akses.pastikan_instansi(p)
    pastikan_analis(akses)
    return p


@transaction.atomic
def penyetaraan_lanjut(
    *,
    akses: Akses,
    penyetaraan: Penyetaraan,
    versi: int,
    tanggal: date,
    nomor_sk: str = "",
) -> Penyetaraan:
    """Move one entry to its next state, recording the date (and the SK number at SK terbit)."""
    p = _periksa(akses, penyetaraan)
    berikut = tahap_berikut(p.status)
    if berikut is None:
        raise TahapTidakSah("Penyetaraan ini sudah sampai tahap pelantikan.")
    if berikut == S.DIUSULKAN and p.status_ukom in ("tidak_lulus", "tidak_ikut") and not p.jf_lain:
        raise TahapTidakSah(
            "Tidak lulus/tidak mengikuti uji kompetensi: isi JF lain sebelum diusulkan (R17-08).",
            field="jf_lain",
        )
    if berikut == S.SK_TERBIT:
        nomor_sk = nomor_sk.strip()
        if not nomor_sk:
            raise TahapTidakSah("Nomor SK wajib diisi.", field="nomor_sk")
        p.nomor_sk = nomor_sk
    sebelumnya = getattr(p, TANGGAL.get(p.status, ""), None) if p.status in TANGGAL else None
    if sebelumnya and tanggal < sebelumnya:
        raise TahapTidakSah(
            "Tanggal tidak boleh sebelum tanggal tahap sebelumnya.", field="tanggal"
        )
    lama = p.status
    nilai = {"status": berikut, TANGGAL[berikut]: tanggal, "nomor_sk": p.nomor_sk}
    for k, v in nilai.items():
        setattr(p, k, v)
    p.full_clean()
    simpan_jika_tetap(p, versi=versi, oleh=akses.pengguna, **nilai)
    audit_catat(
        instansi_id=p.instansi_id,
        pengguna=akses.pengguna,
        aksi="penyetaraan_lanjut",
        objek=p,
        ringkasan=f"Penyetaraan {p.nama_jabatan_lama}: {p.get_status_display()}",
        perubahan={"status": (lama, berikut), "tanggal": tanggal, "nomor_sk": p.nomor_sk},
    )
    return p


@transaction.atomic
def penyetaraan_ubah(
    *, akses: Akses, penyetaraan: Penyetaraan, versi: int, **nilai: object
) -> Penyetaraan:
    """Change the target JF, jenjang, kelas, the checks (relevance, ukom) or the notes."""
    tak_dikenal = set(nilai) - FIELD_UBAH
    if tak_dikenal:
        raise TypeError(f"penyetaraan_ubah tidak menerima {sorted(tak_dikenal)}")
    p = _periksa(akses, penyetaraan)
    perubahan = perubahan_field(p, nilai)
    if not perubahan:
        return p
    tulis = {k: v for k, (_lama, v) in perubahan.items()}
    if p.status == S.TERIDENTIFIKASI and {"nama_jf", "jenjang"} & set(perubahan):
        tulis["status"] = S.DIPETAKAN
        tulis["tanggal_dipetakan"] = p.tanggal_dipetakan or date.today()
    for k, v in tulis.items():
        setattr(p, k, v)
    p.full_clean()
    simpan_jika_tetap(p, versi=versi, oleh=akses.pengguna, **tulis)
    audit_catat(
        instansi_id=p.instansi_id,
        pengguna=akses.pengguna,
        aksi="penyetaraan_ubah",
        objek=p,
        ringkasan=f"Penyetaraan {p.nama_jabatan_lama} diubah",
        perubahan=perubahan,
    )
    return p


class PenyetaraanTidakSah(RampingError):
    pesan = "Penyetaraan ini tidak dapat dicatat."


# Withdrawing is deleting (the audit entry keeps the whole row). Only before approval: from
# "disetujui" on, the entry records a decision of KemenPAN-RB / an SK and stays.
BISA_DITARIK = {S.TERIDENTIFIKASI, S.DIPETAKAN, S.DIUSULKAN}


def _jabatan_lama(struktur: Struktur, pegawai: Pegawai) -> tuple[Jabatan, Jabatan]:
    """The official's position in `struktur` and the administrative post they are converted
    from: the same position, or (when it is already a JF in this draft) the one it was copied
    from, as the generated entries name it."""
    p = (
        Penempatan.objects.aktif()
        .filter(instansi_id=struktur.instansi_id, struktur=struktur, pegawai=pegawai)
        .select_related("jabatan__unit", "jabatan__asal__unit")
        .order_by("id")
        .first()
    )
    if p is None:
        raise PenyetaraanTidakSah(
            "Pegawai ini tidak menduduki jabatan pada versi ini.", field="pegawai"
        )
    kini = p.jabatan
    if kini.jenis == "fungsional" and kini.asal is not None:
        return kini, kini.asal
    return kini, kini


@transaction.atomic
def penyetaraan_buat(
    *,
    akses: Akses,
    struktur: Struktur,
    pegawai: Pegawai,
    nama_jf: str,
    jenjang: str = "",
    kelas_baru: int | None = None,
    relevan: bool = True,
    status_ukom: str = "",
    catatan: str = "",
) -> Penyetaraan:
    """Enter one official in the register by hand, with the checks of the generated entries:
    one entry per official per version, the old post within 17/2021 (administrator, pengawas,
    eselon V), jenjang by R17-01 unless the analyst chose one, kelas from the JF catalogue.
    The entry starts "teridentifikasi" and follows `penyetaraan_lanjut` like any other."""
    akses.pastikan_instansi(struktur)
    akses.pastikan_instansi(pegawai)
    pastikan_analis(akses)
    if struktur.status == Struktur.Status.ARSIP:
        raise StrukturTidakBisaDiubah("Register versi yang diarsipkan tidak dapat diubah.")
    nama_jf = (nama_jf or "").strip()
    if not nama_jf:
        raise PenyetaraanTidakSah("JF tujuan wajib diisi.", field="nama_jf")
    if maksud := aturan.maksud_jf(nama_jf):
        # A catalogue JF typed short or misspelt would get no kelas, BUP or education rule:
        # asked, never replaced silently (the user retypes it as the catalogue spells it).
        raise PenyetaraanTidakSah(
            f"JF “{nama_jf}” tidak ada di katalog. Maksud Anda “{maksud}”?", field="nama_jf"
        )
    if Penyetaraan.objects.filter(
        instansi_id=struktur.instansi_id, struktur=struktur, pegawai=pegawai
    ).exists():
        raise PenyetaraanTidakSah(
            f"{pegawai.nama_lengkap} sudah ada di register penyetaraan versi ini.",
            field="pegawai",
        )
    kini, lama = _jabatan_lama(struktur, pegawai)
    eselon = lama.unit.eselon if lama.is_kepala else ""
    try:
        jenjang_aturan = aturan.jenjang_penyetaraan(lama.jenis, eselon or None)
    except (JenisJabatanTidakDikenal, DiLuarLingkupPenyetaraan):
        raise PenyetaraanTidakSah(
            f"{lama.nama} bukan jabatan administrasi yang disetarakan (PermenPAN-RB 17/2021: "
            "administrator, pengawas, pelaksana eselon V).",
            field="pegawai",
        ) from None
    except EselonTidakSesuaiJenis:
        jenjang_aturan = jenjang_untuk(lama.jenis, eselon)
    jenjang = jenjang or jenjang_aturan
    if kelas_baru is None:
        # The agency's own kelas for this JF jenjang first (KelasInstansi), then the catalogue.
        kelas_baru, _sumber = kelas_acuan(struktur.instansi_id).kelas(
            "fungsional", "", nama_jf, jenjang
        )
    p = Penyetaraan(
        instansi_id=struktur.instansi_id,
        struktur=struktur,
        pegawai=pegawai,
        jabatan_lama_id=lama.asal_id or lama.pk,
        jabatan_baru=kini if kini.jenis == "fungsional" else None,
        nama_jabatan_lama=lama.nama,
        unit_lama=lama.unit.nama,
        eselon_lama=eselon,
        kelas_lama=lama.kelas,
        nama_jf=nama_jf,
        jenjang=jenjang,
        kelas_baru=kelas_baru,
        relevan=relevan,
        status_ukom=status_ukom or "",
        catatan=(catatan or "").strip(),
        status=S.TERIDENTIFIKASI,
        diubah_oleh=akses.pengguna,
    )
    p.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():  # a concurrent entry for the same official: same message
            p.save()
    except IntegrityError:
        raise PenyetaraanTidakSah(
            f"{pegawai.nama_lengkap} sudah ada di register penyetaraan versi ini.",
            field="pegawai",
        ) from None
    audit_catat(
        instansi_id=p.instansi_id,
        pengguna=akses.pengguna,
        aksi="penyetaraan_buat",
        objek=p,
        ringkasan=f"Penyetaraan {pegawai.nama_lengkap} ({lama.nama}) dicatat",
        perubahan={
            "pegawai": pegawai.pk,
            "struktur": struktur.pk,
            "jabatan_lama": lama.nama,
            "nama_jf": nama_jf,
            "jenjang": jenjang,
            "kelas_baru": kelas_baru,
        },
    )
    return p


@transaction.atomic
def penyetaraan_tarik(*, akses: Akses, penyetaraan: Penyetaraan, versi: int) -> None:
    """Withdraw an entry (by hand or generated) before it is approved: the row is deleted,
    the audit entry keeps what it said."""
    p = _periksa(akses, penyetaraan)
    if p.status not in BISA_DITARIK:
        raise TahapTidakSah(
            "Penyetaraan yang sudah disetujui atau ber-SK tidak dapat ditarik.", field="status"
        )
    data = {
        "pegawai": p.pegawai_id,
        "struktur": p.struktur_id,
        "status": p.status,
        "nama_jabatan_lama": p.nama_jabatan_lama,
        "nama_jf": p.nama_jf,
        "jenjang": p.jenjang,
    }
    pk = p.pk
    hapus_jika_tetap(p, versi=versi)
    p.pk = pk  # for the audit entry's object id
    audit_catat(
        instansi_id=p.instansi_id,
        pengguna=akses.pengguna,
        aksi="penyetaraan_tarik",
        objek=p,
        ringkasan=f"Penyetaraan {p.nama_jabatan_lama} ditarik dari register",
        perubahan=data,
    )


def _baris_contoh(tabel: TabelTunjangan) -> list[TarifTunjangan]:
    contoh = aturan.tabel_tunjangan_contoh()
    baris = [("jabatan", k, "", v) for k, v in contoh.tunjangan_jabatan.items()]
    for kunci, v in contoh.tunjangan_fungsional.items():
        jf, jenjang = (kunci[0], kunci[1]) if isinstance(kunci, tuple) else ("", kunci)
        baris.append(("fungsional", jenjang, jf, v))
    baris += [("tpp", str(k), "", v) for k, v in contoh.tpp_per_kelas.items()]
    return [
        TarifTunjangan(
            instansi_id=tabel.instansi_id, tabel=tabel, jenis=j, kunci=k, nama_jf=jf, jumlah=v
        )
        for j, k, jf, v in baris
    ]


@transaction.atomic
def tabel_tunjangan_siapkan(*, instansi: Instansi, akses: Akses | None = None) -> TabelTunjangan:
    """The agency's table; created from the EXAMPLE amounts (marked contoh, not verified).

    `akses` is the user who asked for it (an analis or admin); None only for the demo loader.
    """
    if akses is not None:
        akses.pastikan_instansi(instansi)
        pastikan_analis(akses)
    tabel, dibuat = TabelTunjangan.objects.get_or_create(
        instansi=instansi,
        defaults={"dasar_hukum": "Data contoh ramping — bukan angka resmi", "contoh": True},
    )
    if dibuat:
        TarifTunjangan.objects.bulk_create(_baris_contoh(tabel))
        if akses is not None:
            audit_catat(
                instansi_id=instansi.pk,
                pengguna=akses.pengguna,
                aksi="tabel_tunjangan_siapkan",
                objek=tabel,
                ringkasan="Tabel tunjangan disiapkan dari data contoh",
                perubahan={"contoh": True},
            )
    return tabel


@transaction.atomic
def tarif_simpan(
    *,
    akses: Akses,
    tabel: TabelTunjangan,
    jumlah: dict[int, Decimal],
    dasar_hukum: str,
    verified: bool,
) -> TabelTunjangan:
    """Save edited amounts ({tarif id: amount}) and the table's legal basis."""
    akses.pastikan_instansi(tabel)
    pastikan_analis(akses)
    tarif = {t.pk: t for t in TarifTunjangan.objects.filter(tabel=tabel, pk__in=list(jumlah))}
    berubah = {}
    for pk, nilai in jumlah.items():
        if nilai < 0:
            raise RampingError("Jumlah tunjangan tidak boleh negatif.", field=f"tarif-{pk}")
        t = tarif.get(pk)
        if t is not None and t.jumlah != nilai:
            berubah[f"{t.jenis}:{t.nama_jf}:{t.kunci}"] = (t.jumlah, nilai)
            t.jumlah = nilai
    TarifTunjangan.objects.bulk_update(list(tarif.values()), ["jumlah"])
    tabel.dasar_hukum, tabel.verified = dasar_hukum.strip(), verified
    tabel.contoh = tabel.contoh and not (berubah or verified)
    tabel.save()
    audit_catat(
        instansi_id=tabel.instansi_id,
        pengguna=akses.pengguna,
        aksi="tarif_tunjangan_simpan",
        objek=tabel,
        ringkasan="Tabel tunjangan diubah",
        perubahan={**berubah, "verified": verified},
    )
    return tabel
