"""Writes to the informasi jabatan (ANJAB) of a position."""

from typing import Any

from django.db import transaction

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import KumpulanGalat, RampingError
from ramping.inti.kunci import simpan_jika_tetap
from ramping.jabatan.models import Anjab, Jabatan
from ramping.jabatan.services.abk import pastikan_boleh_ubah_jabatan

TEKS = ("ikhtisar", "pendidikan_formal", "prestasi_kerja")
DAFTAR_TEKS = ("pelatihan", "pengalaman", "tanggung_jawab", "wewenang")
# Table items: the keys every row must have (PermenPAN-RB 1/2020 Lampiran, items 7–9, 12–14).
TABEL = {
    "hasil_kerja": ("hasil", "satuan"),
    "bahan_kerja": ("bahan", "penggunaan"),
    "perangkat_kerja": ("perangkat", "penggunaan"),
    "korelasi_jabatan": ("jabatan", "unit", "dalam_hal"),
    "kondisi_lingkungan": ("aspek", "faktor"),
    "risiko_bahaya": ("risiko", "penyebab"),
}
SYARAT_DAFTAR = ("keterampilan", "bakat", "temperamen", "minat", "upaya_fisik", "fungsi_pekerjaan")
SYARAT_FISIK = (
    "jenis_kelamin",
    "umur",
    "tinggi_badan",
    "berat_badan",
    "postur_badan",
    "penampilan",
    "keadaan_fisik",
)
FIELD_ANJAB = (*TEKS, *DAFTAR_TEKS, *TABEL, "syarat_jabatan")


def _teks(nama: str, nilai: Any) -> str:
    """Stripped text that every document can print (form, import and API alike)."""
    try:
        return aturan.periksa_teks(str(nilai)).strip()
    except aturan.AturanError as exc:
        raise RampingError(exc.pesan, field=nama) from None


def _daftar_teks(nama: str, nilai: Any) -> list[str]:
    if not isinstance(nilai, list) or not all(isinstance(x, str) for x in nilai):
        raise RampingError("Isian harus berupa daftar teks.", field=nama)
    return [t for x in nilai if (t := _teks(nama, x))]


def _tabel(nama: str, nilai: Any) -> list[dict[str, str]]:
    kolom = TABEL[nama]
    if not isinstance(nilai, list):
        raise RampingError("Isian harus berupa tabel.", field=nama)
    baris_bersih = []
    kumpulan = KumpulanGalat()  # every wrong row of the table, not the first one only
    for i, baris in enumerate(nilai, 1):
        with kumpulan.medan(nama):
            if not isinstance(baris, dict) or set(baris) - set(kolom):
                raise RampingError(f"Baris {i} tidak sesuai kolom {', '.join(kolom)}.", field=nama)
            bersih = {k: _teks(nama, baris.get(k, "")) for k in kolom}
            if not any(bersih.values()):
                continue  # an empty row left in the form is not data
            if not bersih[kolom[0]]:
                raise RampingError(f"Baris {i}: kolom {kolom[0]} wajib diisi.", field=nama)
            baris_bersih.append(bersih)
    kumpulan.lempar()
    return baris_bersih


def _syarat(nilai: Any) -> dict[str, Any]:
    if not isinstance(nilai, dict):
        raise RampingError("Syarat jabatan tidak valid.", field="syarat_jabatan")
    hasil: dict[str, Any] = {
        k: _daftar_teks("syarat_jabatan", nilai.get(k, [])) for k in SYARAT_DAFTAR
    }
    fisik = nilai.get("kondisi_fisik", {})
    if not isinstance(fisik, dict):
        raise RampingError("Kondisi fisik tidak valid.", field="syarat_jabatan")
    hasil["kondisi_fisik"] = {k: _teks("syarat_jabatan", fisik.get(k, "")) for k in SYARAT_FISIK}
    return hasil


def bersihkan_anjab(nilai: dict[str, Any]) -> dict[str, Any]:
    """Normalise submitted ANJAB items; raises RampingError naming the item."""
    tak_dikenal = set(nilai) - set(FIELD_ANJAB)
    if tak_dikenal:
        raise TypeError(f"anjab_ubah tidak menerima {sorted(tak_dikenal)}")
    bersih: dict[str, Any] = {}
    kumpulan = KumpulanGalat()  # every wrong item in one round (GalatIsian)
    for nama, isi in nilai.items():
        with kumpulan.medan(nama):
            if nama in TEKS:
                bersih[nama] = _teks(nama, isi)
            elif nama in DAFTAR_TEKS:
                bersih[nama] = _daftar_teks(nama, isi)
            elif nama in TABEL:
                bersih[nama] = _tabel(nama, isi)
            else:
                bersih[nama] = _syarat(isi)
    kumpulan.lempar()
    return bersih


@transaction.atomic
def anjab_ubah(*, akses: Akses, jabatan: Jabatan, versi: int, **nilai: Any) -> Anjab:
    """Save ANJAB items; `versi` is the version the user opened (0 when none existed yet)."""
    pastikan_boleh_ubah_jabatan(akses, jabatan)
    bersih = bersihkan_anjab(nilai)
    anjab, _ = Anjab.objects.get_or_create(
        jabatan=jabatan, defaults={"instansi_id": jabatan.instansi_id, "versi": 0}
    )
    perubahan = perubahan_field(anjab, bersih)
    simpan_jika_tetap(anjab, versi=versi, oleh=akses.pengguna, **{k: bersih[k] for k in perubahan})
    if perubahan:
        audit_catat(
            instansi_id=jabatan.instansi_id,
            pengguna=akses.pengguna,
            aksi="anjab_ubah",
            objek=anjab,
            ringkasan=f"ANJAB {jabatan.nama} diubah",
            perubahan=perubahan,
            induk=jabatan,
        )
    return anjab
