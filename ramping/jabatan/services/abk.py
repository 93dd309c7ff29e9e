"""Tasks (uraian tugas) and the ABK results they produce (PermenPAN-RB 1/2020).

K is never typed: every task change recomputes the position's workload, its unrounded need
(Σ volume × waktu ÷ WKE) and K (rounded once per position), with the agency's settings.
"""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db import transaction

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import RampingError
from ramping.inti.kunci import hapus_jika_tetap, simpan_jika_tetap
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services.izin import pastikan_boleh_ubah_jabatan
from ramping.organisasi.models import Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi

TUGAS_FIELD = (
    "uraian",
    "tahapan",
    "hasil_kerja",
    "satuan_hasil",
    "volume",
    "waktu",
    "satuan_waktu",
)


def _hasil_abk(tugas: list[aturan.Tugas], pengaturan: aturan.Pengaturan) -> dict[str, Any]:
    if not tugas:
        return {"beban_kerja_jam": None, "kebutuhan_desimal": None, "kebutuhan": None}
    beban = aturan.beban_kerja_jam(tugas)
    kebutuhan = aturan.kebutuhan_pegawai(tugas, pengaturan=pengaturan)
    return {
        # Stored with the digits every page and export prints (one helper, one mode).
        "beban_kerja_jam": aturan.bulatkan_beban(beban),
        "kebutuhan_desimal": aturan.bulatkan_kebutuhan_desimal(kebutuhan),
        # Rounded once, from the unrounded total (anjab-abk.md §1.5), never per task.
        "kebutuhan": aturan.bulatkan_kebutuhan(kebutuhan, pengaturan=pengaturan),
    }


def _sebagai_aturan(volume: Decimal, waktu: Decimal, satuan: str) -> aturan.Tugas:
    return aturan.Tugas(volume=volume, waktu=waktu, satuan=satuan)


def abk_hitung_ulang_jabatan(*, jabatan: Jabatan) -> Jabatan:
    """Recompute one position's workload, need and K from its tasks."""
    tugas = [
        _sebagai_aturan(v, w, s)
        for v, w, s in jabatan.tugas_set.values_list("volume", "waktu", "satuan_waktu")
    ]
    hasil = _hasil_abk(tugas, pengaturan_instansi(instansi_id=jabatan.instansi_id))
    for name, value in hasil.items():
        setattr(jabatan, name, value)
    jabatan.save(update_fields=list(hasil))
    return jabatan


@transaction.atomic
def abk_hitung_ulang(*, akses: Akses, struktur: Struktur) -> int:
    """Recompute K of every position of a version: one read, one pass, one bulk update.

    Used after a change of the agency's settings (WKE, rounding) and by imports.
    """
    akses.pastikan_instansi(struktur)
    pengaturan = pengaturan_instansi(instansi_id=struktur.instansi_id)
    semua = hitung_ulang_jabatan_terpilih(
        jabatan=Jabatan.objects.filter(instansi_id=struktur.instansi_id, struktur=struktur),
        pengaturan=pengaturan,
    )
    audit_catat(
        instansi_id=struktur.instansi_id,
        pengguna=akses.pengguna,
        aksi="abk_hitung_ulang",
        objek=struktur,
        ringkasan=f"ABK {struktur.nama} dihitung ulang",
        perubahan={
            "jabatan": semua,
            "wke_jam": pengaturan.wke_jam,
            "mode_pembulatan": pengaturan.mode_pembulatan,
        },
    )
    return semua


def hitung_ulang_jabatan_terpilih(*, jabatan, pengaturan: aturan.Pengaturan) -> int:
    """K of a set of positions (a queryset): one read of their tasks, one pass, one bulk
    update — never a query per position. The caller has checked permission."""
    per_jabatan: dict[int, list[aturan.Tugas]] = defaultdict(list)
    rows = Tugas.objects.filter(jabatan__in=jabatan.values("id"))
    for jabatan_id, v, w, s in rows.values_list("jabatan_id", "volume", "waktu", "satuan_waktu"):
        per_jabatan[jabatan_id].append(_sebagai_aturan(v, w, s))
    semua = list(jabatan.only("id"))
    for j in semua:
        for name, value in _hasil_abk(per_jabatan.get(j.pk, []), pengaturan).items():
            setattr(j, name, value)
    Jabatan.objects.bulk_update(
        semua, ["beban_kerja_jam", "kebutuhan_desimal", "kebutuhan"], batch_size=2000
    )
    return len(semua)


def periksa_tugas(volume: Decimal, waktu: Decimal, satuan_waktu: str) -> None:
    """The rules engine decides a task's validity; its one message goes to the named field
    (form field error, API galat.field), the same text the import puts on the row."""
    try:
        aturan.Tugas.baru(volume, waktu, satuan_waktu)
    except aturan.TugasTidakValid as exc:
        raise RampingError(exc.pesan, field=exc.field) from exc


@transaction.atomic
def tugas_buat(
    *,
    akses: Akses,
    jabatan: Jabatan,
    uraian: str,
    hasil_kerja: str,
    satuan_hasil: str,
    volume: Decimal,
    waktu: Decimal,
    satuan_waktu: str = "jam",
    tahapan: str = "",
) -> Tugas:
    pastikan_boleh_ubah_jabatan(akses, jabatan)
    periksa_tugas(volume, waktu, satuan_waktu)
    tugas = Tugas(
        instansi_id=jabatan.instansi_id,
        jabatan=jabatan,
        urutan=jabatan.tugas_set.count() + 1,
        uraian=uraian,
        tahapan=tahapan,
        hasil_kerja=hasil_kerja,
        satuan_hasil=satuan_hasil,
        volume=volume,
        waktu=waktu,
        satuan_waktu=satuan_waktu,
    )
    tugas.full_clean()
    tugas.save()
    abk_hitung_ulang_jabatan(jabatan=jabatan)
    audit_catat(
        instansi_id=jabatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="tugas_buat",
        objek=tugas,
        ringkasan=f"Tugas ditambahkan pada {jabatan.nama}",
        perubahan={f: getattr(tugas, f) for f in TUGAS_FIELD},
        induk=jabatan,
    )
    return tugas


@transaction.atomic
def tugas_ubah(*, akses: Akses, tugas: Tugas, versi: int, **nilai: Any) -> Tugas:
    """Change a task; `versi` is the version the user opened (a stale one is refused)."""
    tak_dikenal = set(nilai) - set(TUGAS_FIELD)
    if tak_dikenal:
        raise TypeError(f"tugas_ubah tidak menerima {sorted(tak_dikenal)}")
    jabatan = tugas.jabatan
    pastikan_boleh_ubah_jabatan(akses, jabatan)
    perubahan = perubahan_field(tugas, nilai)
    periksa_tugas(
        nilai.get("volume", tugas.volume),
        nilai.get("waktu", tugas.waktu),
        nilai.get("satuan_waktu", tugas.satuan_waktu),
    )
    for name, (_lama, baru) in perubahan.items():
        setattr(tugas, name, baru)
    tugas.full_clean()
    simpan_jika_tetap(
        tugas,
        versi=versi,
        oleh=akses.pengguna,
        **{name: getattr(tugas, name) for name in perubahan},
    )
    if perubahan:
        abk_hitung_ulang_jabatan(jabatan=jabatan)
        audit_catat(
            instansi_id=tugas.instansi_id,
            pengguna=akses.pengguna,
            aksi="tugas_ubah",
            objek=tugas,
            ringkasan=f"Tugas pada {jabatan.nama} diubah",
            perubahan=perubahan,
            induk=jabatan,
        )
    return tugas


@transaction.atomic
def tugas_hapus(*, akses: Akses, tugas: Tugas, versi: int) -> None:
    jabatan = tugas.jabatan
    pastikan_boleh_ubah_jabatan(akses, jabatan)
    uraian = tugas.uraian
    hapus_jika_tetap(tugas, versi=versi)
    abk_hitung_ulang_jabatan(jabatan=jabatan)
    audit_catat(
        instansi_id=jabatan.instansi_id,
        pengguna=akses.pengguna,
        aksi="tugas_hapus",
        objek=tugas,  # still carries its id: the entry joins that task's earlier ones
        ringkasan=f"Tugas dihapus dari {jabatan.nama}: {uraian[:120]}",
        # The values it had, so the history can show and restore them.
        perubahan={f: getattr(tugas, f) for f in TUGAS_FIELD},
        induk=jabatan,
    )
