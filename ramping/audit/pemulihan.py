"""Restoring ("kembalikan") the old values of one history entry, through the owning service.

The restore never writes a model itself: it calls `jabatan_ubah`, `unit_ubah`, `tugas_ubah`,
`tugas_buat` (a deleted task), `anjab_ubah` or `evaluasi_simpan` with the values the entry
recorded as "before", so the service validates, checks permission and the version's state,
takes its lock and writes its normal audit entry, marked as a restore (`pemulihan_dari`).

`versi` is what the confirmation page showed. For a task, ANJAB or evaluation it is the row's
own `versi` (the optimistic lock of `simpan_jika_tetap`). Positions and units carry no `versi`
column, so for them (and for a deleted task, which is re-created on its position) it is the id
of the newest entry of the object's history at the time: any change since then is a conflict.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from ramping.akun.akses import Akses, pastikan_analis
from ramping.audit.models import JejakAudit
from ramping.audit.selectors import (
    BISA_DIKEMBALIKAN,
    LABEL_JABATAN,
    LABEL_UNIT,
    Medan,
    alasan_tidak_bisa,
    field_model,
    model_objek,
    q_riwayat,
)
from ramping.audit.services import pemulihan_dari
from ramping.errors import KonflikPerubahan, RampingError, TidakDitemukan
from ramping.jabatan.models import Anjab, EvaluasiJabatan, Jabatan, Tugas
from ramping.organisasi.models import UnitKerja


@dataclass
class Rencana:
    """What a restore of `entri` would change on the object as it is now."""

    entri: JejakAudit
    jabatan: Jabatan | None  # the page the entry belongs to: a position…
    unit: UnitKerja | None  # …or a unit
    objek: Any  # the current row the service will write (None for a deleted task)
    versi: int
    medan: list[Medan] = field(default_factory=list)  # lama = now, baru = after the restore
    alasan: str | None = None  # why it cannot be restored


def _penanda(label: str, objek_id: int, *, dengan_induk: bool) -> int:
    """The newest entry of an object's history (0 when it has none)."""
    qs = JejakAudit.objects.filter(objek_tipe=label, objek_id=objek_id)
    if dengan_induk:
        qs = JejakAudit.objects.filter(q_riwayat(label, objek_id))
    return qs.order_by("-id").values_list("id", flat=True).first() or 0


def _nilai_lama(entri: JejakAudit) -> dict[str, Any]:
    """The "before" values the entry recorded, as Python values of the model's fields."""
    model = model_objek(entri.objek_tipe)
    boleh = BISA_DIKEMBALIKAN[entri.aksi]
    hasil = {}
    for nama, nilai in entri.perubahan.items():
        if nama not in boleh:
            continue
        if entri.aksi != "tugas_hapus":
            if not (isinstance(nilai, list) and len(nilai) == 2):
                continue
            nilai = nilai[0]
        f = field_model(model, nama)
        hasil[nama] = f.to_python(nilai) if f is not None and nilai is not None else nilai
    return hasil


def _entri(akses: Akses, entri_id: int) -> JejakAudit:
    entri = JejakAudit.objects.filter(instansi_id=akses.instansi_id, pk=entri_id).first()
    if entri is None:
        raise TidakDitemukan("Entri riwayat tidak ditemukan.")
    return entri


def _subjek(entri: JejakAudit) -> tuple[Jabatan | None, UnitKerja | None]:
    """The position or unit whose history page shows the entry."""
    for label, objek_id in ((entri.objek_tipe, entri.objek_id), (entri.induk_tipe, entri.induk_id)):
        if label == LABEL_JABATAN and objek_id:
            j = Jabatan.objects.filter(pk=objek_id).select_related("struktur", "unit").first()
            if j is not None:
                return j, None
        if label == LABEL_UNIT and objek_id:
            u = UnitKerja.objects.filter(pk=objek_id).select_related("struktur").first()
            if u is not None:
                return None, u
    raise TidakDitemukan("Entri riwayat ini tidak termasuk riwayat jabatan atau unit.")


def _objek(entri: JejakAudit, jabatan: Jabatan | None, unit: UnitKerja | None):
    """The current row the restore writes, and the `versi` the user must have seen."""
    aksi = entri.aksi
    if aksi == "jabatan_ubah":
        return jabatan, _penanda(LABEL_JABATAN, jabatan.pk, dengan_induk=False)
    if aksi == "unit_ubah":
        return unit, _penanda(LABEL_UNIT, unit.pk, dengan_induk=False)
    if aksi == "tugas_hapus":
        return None, _penanda(LABEL_JABATAN, jabatan.pk, dengan_induk=True)
    if aksi == "tugas_ubah":
        tugas = Tugas.objects.filter(pk=entri.objek_id, jabatan=jabatan).first()
        if tugas is None:
            raise RampingError("Tugas ini sudah dihapus; kembalikan dulu penghapusannya.")
        return tugas, tugas.versi
    if aksi == "anjab_ubah":
        anjab = Anjab.objects.filter(jabatan=jabatan).first()
        return anjab, anjab.versi if anjab else 0
    evaluasi = EvaluasiJabatan.objects.filter(jabatan=jabatan).first()
    if evaluasi is not None and evaluasi.status == EvaluasiJabatan.Status.DITETAPKAN:
        raise RampingError("Evaluasi yang sudah ditetapkan tidak dapat diubah; buka kembali dulu.")
    return evaluasi, evaluasi.versi if evaluasi else 0


def rencana_pemulihan(*, akses: Akses, entri_id: int) -> Rencana:
    """What restoring the entry would change (read only: the confirmation page)."""
    entri = _entri(akses, entri_id)
    jabatan, unit = _subjek(entri)
    struktur = (jabatan or unit).struktur
    rencana = Rencana(entri=entri, jabatan=jabatan, unit=unit, objek=None, versi=0)
    rencana.alasan = alasan_tidak_bisa(entri, struktur.status)
    if rencana.alasan:
        return rencana
    try:
        rencana.objek, rencana.versi = _objek(entri, jabatan, unit)
    except RampingError as exc:
        rencana.alasan = exc.pesan
        return rencana
    model = model_objek(entri.objek_tipe)
    for nama, lama in _nilai_lama(entri).items():
        f = field_model(model, nama)
        sekarang = getattr(rencana.objek, nama) if rencana.objek is not None else None
        if rencana.objek is not None and sekarang == lama:
            continue
        label = str(f.verbose_name) if f is not None else nama.replace("_", " ")
        rencana.medan.append(
            Medan(
                nama=nama,
                label=label[:1].upper() + label[1:],
                field=f,
                lama=sekarang,
                baru=lama,
                ada_lama=rencana.objek is not None,
                ada_baru=True,
            )
        )
    if not rencana.medan:
        rencana.alasan = "Nilai saat ini sudah sama dengan nilai sebelum perubahan ini."
    return rencana


@transaction.atomic
def riwayat_kembalikan(*, akses: Akses, entri_id: int, versi: int) -> JejakAudit:
    """Set the fields of entry `entri_id` back to their old values through the owning service;
    returns the entry the service wrote. Only analysts and agency admins restore."""
    from ramping.jabatan.services import (
        anjab_ubah,
        evaluasi_simpan,
        jabatan_ubah,
        tugas_buat,
        tugas_ubah,
    )
    from ramping.organisasi.services import unit_ubah

    pastikan_analis(akses)
    rencana = rencana_pemulihan(akses=akses, entri_id=entri_id)
    if rencana.alasan:
        raise RampingError(rencana.alasan)
    if rencana.versi != versi:
        raise KonflikPerubahan()
    entri, objek = rencana.entri, rencana.objek
    nilai = {m.nama: m.baru for m in rencana.medan}
    terakhir = JejakAudit.objects.order_by("-id").values_list("id", flat=True).first() or 0
    with pemulihan_dari(entri):
        if entri.aksi == "jabatan_ubah":
            jabatan_ubah(akses=akses, jabatan=objek, **nilai)
        elif entri.aksi == "unit_ubah":
            unit_ubah(akses=akses, unit=objek, **nilai)
        elif entri.aksi == "tugas_ubah":
            tugas_ubah(akses=akses, tugas=objek, versi=versi, **nilai)
        elif entri.aksi == "tugas_hapus":
            tugas_buat(akses=akses, jabatan=rencana.jabatan, **nilai)
        elif entri.aksi == "anjab_ubah":
            anjab_ubah(akses=akses, jabatan=rencana.jabatan, versi=versi, **nilai)
        else:
            sekarang = {
                "tingkat": objek.tingkat if objek else {},
                "alasan": objek.alasan if objek else {},
                "tim_evaluator": objek.tim_evaluator if objek else "",
                "tanggal": objek.tanggal if objek else None,
            }
            evaluasi_simpan(
                akses=akses,
                jabatan=rencana.jabatan,
                versi=versi,
                **{**sekarang, **nilai},
            )
    baru = JejakAudit.objects.filter(pulih_dari=entri, id__gt=terakhir).order_by("id").first()
    if baru is None:  # the service saw nothing to change
        raise RampingError("Nilai saat ini sudah sama dengan nilai sebelum perubahan ini.")
    return baru
