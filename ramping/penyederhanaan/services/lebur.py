"""The set-based core of removing and merging units in a draft (PermenPAN-RB 25/2021 §1.3).

A removed unit's positions move to a target unit (or to that target's kelompok JF), its kept
sub-units move under the target, and its head becomes a jabatan fungsional by 17/2021 with a
penyetaraan entry per holder. A vacant head post simply disappears.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ramping import aturan
from ramping.errors import RampingError
from ramping.jabatan.models import EvaluasiJabatan, Jabatan, Jenjang
from ramping.jabatan.selectors import kelas_acuan
from ramping.jabatan.services.abk import hitung_ulang_jabatan_terpilih
from ramping.organisasi.models import Struktur, UnitKerja
from ramping.organisasi.pengaturan import pengaturan_instansi
from ramping.pegawai.models import Penempatan
from ramping.penyederhanaan.draf import pastikan_draf
from ramping.penyederhanaan.jejak import Jejak
from ramping.penyederhanaan.models import Penyetaraan

JF_BAWAAN = "Analis Kebijakan"  # the usual target JF of a structural head (Cilegon practice)
# R17-01 by eselon, used when a head's jenis and eselon do not match the 17/2021 table.
JENJANG_PER_ESELON = {"III": "ahli_madya", "IV": "ahli_muda", "V": "ahli_pertama"}


class UnitTidakBisaDilebur(RampingError):
    pesan = "Unit ini tidak dapat dihapus atau digabungkan."


@dataclass
class HasilLebur:
    unit_dihapus: int = 0
    kelompok_jf_dibuat: int = 0
    jabatan_dipindah: int = 0
    jabatan_disetarakan: int = 0
    jabatan_kosong_dihapus: int = 0
    jabatan_disatukan: int = 0  # duplicates folded into the same post of the target unit
    kelas_tidak_diketahui: list[str] = field(default_factory=list)  # converted, kelas unknown
    penyetaraan: list[Penyetaraan] = field(default_factory=list)


def jenjang_untuk(jenis: str, eselon: str) -> str:
    try:
        return aturan.jenjang_penyetaraan(jenis, eselon or None)
    except aturan.AturanError:
        return JENJANG_PER_ESELON.get(eselon.split(".")[0], "ahli_pertama")


def nama_jf_lengkap(nama_jf: str, jenjang: str) -> str:
    return f"{nama_jf} {Jenjang(jenjang).label}"


def _segmen_berikut(units: dict[int, UnitKerja], induk: UnitKerja) -> int:
    anak = [u.path for u in units.values() if u.induk_id == induk.pk]
    return max((int(p[-UnitKerja.SEGMEN :]) for p in anak), default=0) + 1


def _kelompok_jf(units: dict[int, UnitKerja], target: list[UnitKerja]) -> dict[int, UnitKerja]:
    """The kelompok JF child of each target unit, created once per parent."""
    hasil, baru = {}, []
    for t in target:
        ada = next(
            (u for u in units.values() if u.induk_id == t.pk and u.jenis == "kelompok_jf"), None
        )
        if ada is None:
            ada = UnitKerja(
                instansi_id=t.instansi_id,
                struktur_id=t.struktur_id,
                induk=t,
                path=t.path + UnitKerja.segmen(_segmen_berikut(units, t)),
                kedalaman=t.kedalaman + 1,
                urutan=999,
                kode=f"{t.kode}.KJF"[:40],
                nama=f"Kelompok Jabatan Fungsional {t.nama}"[:250],
                jenis=UnitKerja.Jenis.KELOMPOK_JF,
            )
            baru.append(ada)
        hasil[t.pk] = ada
    UnitKerja.objects.bulk_create(baru)
    for u in baru:
        units[u.pk] = u
    return hasil


def _pindah_anak(
    units: dict[int, UnitKerja], hapus: set[int], tujuan: dict[int, int], jejak: Jejak | None
) -> None:
    """Kept sub-units of a removed unit move (with their subtree) under its target."""
    if jejak is not None:
        jalur = [units[h].path for h in hapus]
        jejak.sebelum_ubah(
            u for u in units.values() if u.pk not in hapus and u.path.startswith(tuple(jalur))
        )
    ubah = []
    for u in sorted(units.values(), key=lambda x: x.path):
        if u.pk in hapus or u.induk_id not in hapus:
            continue
        induk = units[tujuan[u.induk_id]]
        lama, baru = u.path, induk.path + UnitKerja.segmen(_segmen_berikut(units, induk))
        geser = induk.kedalaman + 1 - u.kedalaman
        for d in units.values():
            if d.path.startswith(lama):
                d.path = baru + d.path[len(lama) :]
                d.kedalaman += geser
                ubah.append(d)
        u.induk_id = induk.pk
    UnitKerja.objects.bulk_update(ubah, ["induk", "path", "kedalaman"], batch_size=1000)


def lebur_unit(
    *,
    struktur: Struktur,
    tujuan: dict[int, int],
    ke_kelompok_jf: bool,
    nama_jf: str = JF_BAWAAN,
    tanggal: date | None = None,
    jejak: Jejak | None = None,
) -> HasilLebur:
    """Remove the units `tujuan` maps ({removed unit id: target unit id}); callers check access.

    `jejak` (the scenario change log's trace) is told every row before it changes or goes."""
    pastikan_draf(struktur)
    iid = struktur.instansi_id
    units = {u.pk: u for u in UnitKerja.objects.filter(instansi_id=iid, struktur=struktur)}
    hapus = set(tujuan)
    if not hapus <= set(units) or any(t in hapus or t not in units for t in tujuan.values()):
        raise UnitTidakBisaDilebur("Unit tujuan harus unit lain yang tetap ada pada versi ini.")
    if any(units[u].induk_id is None for u in hapus):
        raise UnitTidakBisaDilebur("Perangkat daerah (unit teratas) tidak dihapus di sini.")
    hasil = HasilLebur(unit_dihapus=len(hapus))
    target_ids = sorted(set(tujuan.values()))
    # A kelompok JF that already existed (from an earlier step) is reused, not created: only
    # the new ones count and only they are the step's own rows for its undo.
    ada = {u.pk for u in units.values()}
    kjf = _kelompok_jf(units, [units[t] for t in target_ids]) if ke_kelompok_jf else {}
    kjf_baru = {k.pk: k for k in kjf.values() if k.pk not in ada}
    hasil.kelompok_jf_dibuat = len(kjf_baru)
    _pindah_anak(units, hapus, tujuan, jejak)
    jabatan = list(Jabatan.objects.filter(instansi_id=iid, struktur=struktur, unit_id__in=hapus))
    if jejak is not None:
        jejak.dibuat(kjf_baru.values())
        jejak.sebelum_ubah(jabatan)
    kepala_ids = [j.pk for j in jabatan if j.is_kepala]
    pemangku: dict[int, list[Penempatan]] = {}
    for p in (
        Penempatan.objects.aktif()
        .filter(instansi_id=iid, struktur=struktur, jabatan_id__in=kepala_ids)
        .select_related("pegawai")
    ):
        pemangku.setdefault(p.jabatan_id, []).append(p)
    sudah = set(
        Penyetaraan.objects.filter(instansi_id=iid, struktur=struktur).values_list(
            "pegawai_id", flat=True
        )
    )
    kosong, ubah = [], []
    acuan = kelas_acuan(iid)
    for j in jabatan:
        unit = units[j.unit_id]
        t = tujuan[j.unit_id]
        j.unit_id = kjf[t].pk if ke_kelompok_jf else t
        if not j.is_kepala:
            hasil.jabatan_dipindah += 1
            ubah.append(j)
            continue
        if not pemangku.get(j.pk):
            kosong.append(j.pk)
            continue
        nama_lama, kelas_lama = j.nama, j.kelas
        jenjang = jenjang_untuk(j.jenis, unit.eselon)
        j.jenis, j.nama_jf, j.jenjang, j.is_kepala = "fungsional", nama_jf, jenjang, False
        j.nama = nama_jf_lengkap(nama_jf, jenjang)
        # The agency's own kelas for this JF jenjang, else the catalogue's; unknown stays empty
        # and is a finding of the 25/2021 check (never guessed from the jenjang).
        j.kelas = acuan.kelas("fungsional", j.nama, nama_jf, jenjang)[0]
        if j.kelas is None:
            hasil.kelas_tidak_diketahui.append(j.nama)
        hasil.jabatan_disetarakan += 1
        ubah.append(j)
        for p in pemangku[j.pk]:
            if p.pegawai_id in sudah:
                continue
            hasil.penyetaraan.append(
                Penyetaraan(
                    instansi_id=iid,
                    struktur=struktur,
                    pegawai_id=p.pegawai_id,
                    jabatan_lama_id=j.asal_id,
                    jabatan_baru=j,
                    nama_jabatan_lama=nama_lama,
                    unit_lama=unit.nama,
                    eselon_lama=unit.eselon,
                    kelas_lama=kelas_lama,
                    nama_jf=nama_jf,
                    jenjang=jenjang,
                    kelas_baru=j.kelas,
                    status=Penyetaraan.Status.TERIDENTIFIKASI,
                    catatan=f"Dari penghapusan unit {unit.nama}"[:250],
                )
            )
    Jabatan.objects.bulk_update(
        ubah, ["unit", "jenis", "nama", "nama_jf", "jenjang", "is_kepala", "kelas"], batch_size=1000
    )
    # A converted head's struktural evaluation no longer describes its (JF) position.
    _hapus(
        EvaluasiJabatan.objects.filter(
            instansi_id=iid,
            jabatan_id__in=[j.pk for j in ubah if j.jenis == "fungsional"],
            jenis=EvaluasiJabatan.Jenis.STRUKTURAL,
        ),
        jejak,
    )
    _hapus(Jabatan.objects.filter(instansi_id=iid, pk__in=kosong), jejak)
    hasil.jabatan_kosong_dihapus = len(kosong)
    Penyetaraan.objects.bulk_create(hasil.penyetaraan, batch_size=1000)
    if jejak is not None:
        jejak.dibuat(hasil.penyetaraan)
    _hapus(UnitKerja.objects.filter(instansi_id=iid, struktur=struktur, pk__in=hapus), jejak)
    hasil.jabatan_disatukan = satukan_ganda(
        struktur=struktur, unit_ids={j.unit_id for j in ubah}, jejak=jejak
    )
    return hasil


def _kunci_ganda(j: Jabatan) -> tuple:
    return (j.unit_id, j.jenis, " ".join(j.nama.casefold().split()), j.jenjang)


def satukan_ganda(*, struktur: Struktur, unit_ids: set[int], jejak: Jejak | None = None) -> int:
    """Fold posts that now appear twice in one unit (same name, kind and jenjang) into one.

    The post that was there first (lowest id) stays; the others' holders, tasks, penyetaraan
    entries and every other row pointing at them move to it, their K is added to it (or
    recomputed from the tasks it now holds), and they are removed (their own ANJAB/evaluation
    go with them unless the survivor has none). Every row is told to `jejak` before it changes
    or goes, so the scenario step stays undoable. Set-based: one read, one update per related
    table, one delete. Returns the number of posts removed.
    """
    if not unit_ids:
        return 0
    iid = struktur.instansi_id
    kelompok: dict[tuple, list[Jabatan]] = {}
    for j in Jabatan.objects.filter(
        instansi_id=iid, struktur=struktur, unit_id__in=unit_ids, is_kepala=False
    ).order_by("id"):
        kelompok.setdefault(_kunci_ganda(j), []).append(j)
    ke: dict[int, int] = {}
    tetap_ubah = []
    for baris in kelompok.values():
        if len(baris) < 2:
            continue
        tetap, *lain = baris
        for j in lain:
            ke[j.pk] = tetap.pk
            if j.kebutuhan is not None:
                tetap.kebutuhan = (tetap.kebutuhan or 0) + j.kebutuhan
            if tetap.kelas is None:
                tetap.kelas = j.kelas
        tetap_ubah.append(tetap)
    if not ke:
        return 0
    if jejak is not None:
        jejak.sebelum_ubah(tetap_ubah)
    for rel in Jabatan._meta.related_objects:
        model, nama = rel.related_model, rel.field.name
        di = {"instansi_id": iid} if any(f.name == "instansi" for f in model._meta.fields) else {}
        if rel.one_to_one:
            # The survivor keeps its own; it takes the duplicate's only when it has none.
            punya = set(
                model.objects.filter(**di, **{f"{nama}_id__in": set(ke.values())}).values_list(
                    f"{nama}_id", flat=True
                )
            )
            for lama, baru in ke.items():
                if baru not in punya:
                    qs = model.objects.filter(**di, **{f"{nama}_id": lama})
                    if jejak is not None:
                        jejak.sebelum_ubah(qs)
                    if qs.update(**{nama: baru}):
                        punya.add(baru)
            continue
        for baru in set(ke.values()):
            dari = [lama for lama, b in ke.items() if b == baru]
            qs = model.objects.filter(**di, **{f"{nama}_id__in": dari})
            if jejak is not None:
                jejak.sebelum_ubah(qs)
            qs.update(**{nama: baru})
    Jabatan.objects.bulk_update(tetap_ubah, ["kebutuhan", "kelas"])
    _hapus(Jabatan.objects.filter(instansi_id=iid, pk__in=list(ke)), jejak)
    # K comes from the tasks (PermenPAN-RB 1/2020): recomputed where the survivor has tasks
    # now holding both workloads; without tasks the two K are simply added (above).
    dengan_tugas = Jabatan.objects.filter(
        instansi_id=iid, pk__in=[t.pk for t in tetap_ubah], tugas_set__isnull=False
    ).distinct()
    hitung_ulang_jabatan_terpilih(
        jabatan=dengan_tugas, pengaturan=pengaturan_instansi(instansi_id=iid)
    )
    return len(ke)


def _hapus(qs, jejak: Jejak | None) -> None:
    if jejak is not None:
        jejak.sebelum_hapus(qs)
    qs.delete()
