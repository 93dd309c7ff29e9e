"""The agency's kelas overrides (`KelasInstansi`): set and removed by the analis, audited."""

from django.db import IntegrityError, transaction

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError
from ramping.inti.kunci import hapus_jika_tetap, simpan_jika_tetap
from ramping.jabatan.models import Jenjang, KelasInstansi


class KelasInstansiTidakSah(RampingError):
    pesan = "Kelas jabatan instansi tidak dapat disimpan."


def _bersihkan(jenis: str, nama: str, jenjang: str, kelas: int, dasar_hukum: str) -> dict:
    nama, dasar_hukum = nama.strip(), dasar_hukum.strip()
    if jenis not in KelasInstansi.Jenis.values:
        raise KelasInstansiTidakSah("Jenis harus jabatan fungsional atau pelaksana.")
    if not nama:
        raise KelasInstansiTidakSah("Nama jabatan wajib diisi.")
    if jenis == KelasInstansi.Jenis.FUNGSIONAL and jenjang not in Jenjang.values:
        raise KelasInstansiTidakSah("Jabatan fungsional memerlukan jenjang.")
    if jenis == KelasInstansi.Jenis.PELAKSANA:
        jenjang = ""
    if not isinstance(kelas, int) or isinstance(kelas, bool) or not 1 <= kelas <= 17:
        raise KelasInstansiTidakSah("Kelas jabatan harus bilangan bulat 1 sampai 17.")
    if not dasar_hukum:
        # An agency's own kelas stands only on its decision (PermenPAN-RB 41/2018 Pasal 9 ff.).
        raise KelasInstansiTidakSah("Dasar hukum (keputusan yang menetapkan kelas) wajib diisi.")
    return {
        "jenis": jenis,
        "nama": nama,
        "jenjang": jenjang,
        "kelas": kelas,
        "dasar_hukum": dasar_hukum,
    }


@transaction.atomic
def kelas_instansi_simpan(
    *,
    akses: Akses,
    jenis: str,
    nama: str,
    jenjang: str = "",
    kelas: int,
    dasar_hukum: str,
    keterangan: str = "",
    objek: KelasInstansi | None = None,
    versi: int | None = None,
) -> KelasInstansi:
    """Create an override, or change `objek` (then `versi` is the one the form started from)."""
    pastikan_analis(akses)
    nilai = _bersihkan(jenis, nama, jenjang, kelas, dasar_hukum) | {
        "keterangan": keterangan.strip()
    }
    try:
        with transaction.atomic():
            if objek is None:
                objek = KelasInstansi.objects.create(
                    instansi_id=akses.instansi_id, diubah_oleh=akses.pengguna, **nilai
                )
                perubahan = {k: (None, v) for k, v in nilai.items()}
            else:
                akses.pastikan_instansi(objek)
                perubahan = perubahan_field(objek, nilai)
                simpan_jika_tetap(objek, versi=versi, oleh=akses.pengguna, **nilai)
    except IntegrityError as e:
        raise KelasInstansiTidakSah(
            "Kelas untuk jabatan dan jenjang ini sudah ditetapkan; ubah yang sudah ada."
        ) from e
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="kelas_instansi_simpan",
        objek=objek,
        ringkasan=f"Kelas instansi {objek.nama} {objek.jenjang} = {objek.kelas}".strip(),
        perubahan=perubahan,
    )
    return objek


@transaction.atomic
def kelas_instansi_hapus(*, akses: Akses, objek: KelasInstansi, versi: int) -> None:
    pastikan_analis(akses)
    akses.pastikan_instansi(objek)
    ringkasan = f"Kelas instansi {objek.nama} {objek.jenjang} dihapus".strip()
    audit_catat(
        instansi_id=akses.instansi_id,
        pengguna=akses.pengguna,
        aksi="kelas_instansi_hapus",
        objek=objek,
        ringkasan=ringkasan,
        perubahan={"kelas": (objek.kelas, None), "dasar_hukum": (objek.dasar_hukum, None)},
    )
    hapus_jika_tetap(objek, versi=versi)
