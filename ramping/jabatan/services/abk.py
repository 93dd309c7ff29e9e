"""Tasks (uraian tugas) and the ABK results they produce (PermenPAN-RB 1/2020).

K is never typed: every task change recomputes the position's workload, its unrounded need
(Σ volume × waktu ÷ WKE) and K (rounded once per position), with the agency's settings.
"""

from decimal import Decimal
from itertools import repeat
from typing import Any

from django.db import DatabaseError, connection, transaction

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.aturan.angka import EKSAK
from ramping.audit.services import audit_catat, perubahan_field
from ramping.errors import KumpulanGalat, RampingError
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
    """K of a set of positions (a queryset), set-based: one GROUP BY read of their exact task
    totals, the rules of :mod:`ramping.aturan` once per position on those totals, and one
    ``UPDATE … FROM (VALUES …)`` per 2,000 positions. The caller has checked permission.

    The totals are exact on both databases (PostgreSQL: numeric; SQLite: integers in units of
    10⁻⁶, with the rare position whose sum could overflow 64 bits summed in Python instead), so
    the stored figures equal what :func:`abk_hitung_ulang_jabatan` computes from the tasks.
    """
    ids, jam, lain = _jumlah_per_jabatan(jabatan)
    # Positions with tasks in hours only (nearly all): the rules over the column at once.
    beban, kd, k = aturan.hasil_abk_jam_banyak(jam, pengaturan=pengaturan)
    _tulis_hasil(ids, beban, kd, k, [_hasil_dari_jumlah(b, pengaturan) for b in lain])
    return len(ids) + len(lain)


# Scaled integer product of one task on SQLite: volume has two decimals and waktu four (model
# fields, Tugas.volume / Tugas.waktu), so round(volume × 10²) and round(waktu × 10⁴) are the exact
# integers and the product is in units of 10⁻⁶. A product beyond 64 bits turns into a REAL (the
# SUM then comes back as a float) and a sum beyond 64 bits raises: both are detected and those
# totals taken in Python instead, exactly.
# The places are read from the fields, so a change of either field cannot go unnoticed here.
_DESIMAL_VOLUME = Tugas._meta.get_field("volume").decimal_places
_DESIMAL_WAKTU = Tugas._meta.get_field("waktu").decimal_places
_SKALA_SQLITE = _DESIMAL_VOLUME + _DESIMAL_WAKTU
_PRODUK_SQLITE = (
    f"CAST(ROUND(t.volume * {10**_DESIMAL_VOLUME}) AS INTEGER) "
    f"* CAST(ROUND(t.waktu * {10**_DESIMAL_WAKTU}) AS INTEGER)"
)


def _jumlah_per_jabatan(jabatan) -> tuple[list[int], list[Decimal], list[tuple]]:
    """Exact totals of a set of positions: ids and Σ volume × waktu of the positions whose
    tasks are all in hours (two columns), and (id, Σ jam, Σ menit, tasks, minute tasks,
    unknown units) of the others (no task, minute tasks, SQLite overflow).

    One GROUP BY over the tasks of the set; positions with minute tasks (Σ in two units) and
    the rare overflow on SQLite are summed from their rows in one more query.
    """
    sub_sql, sub_params = jabatan.order_by().values("id").query.sql_with_params()
    q = connection.ops.quote_name
    t_tugas = q(Tugas._meta.db_table)
    sqlite = connection.vendor == "sqlite"
    produk = _PRODUK_SQLITE if sqlite else "t.volume * t.waktu"
    sql = (
        # No task: the LEFT JOIN's SUM is NULL (no COUNT needed).
        f"SELECT j.id, SUM({produk}), "
        f"SUM(CASE WHEN t.satuan_waktu = 'jam' THEN 0 ELSE 1 END) "
        # The set as a derived table driving the join (PostgreSQL planned `IN (…)` worse).
        f"FROM ({sub_sql}) j LEFT JOIN {t_tugas} t ON t.jabatan_id = j.id GROUP BY j.id"
    )
    try:
        with transaction.atomic(), connection.cursor() as cur:
            cur.execute(sql, sub_params)
            rows = cur.fetchall()
    except OverflowError:  # pragma: no cover - a 64-bit sum overflow on SQLite
        return [], [], _jumlah_python(list(jabatan.values_list("id", flat=True)))
    except DatabaseError as exc:  # SQLite reports an integer overflow of SUM() this way
        if "overflow" not in str(exc):
            raise
        return [], [], _jumlah_python(list(jabatan.values_list("id", flat=True)))
    # On SQLite an int sum is exact; a float means a product left 64 bits (taken in Python).
    tipe = int if sqlite else Decimal
    jam_saja = [r for r in rows if not r[2] and type(r[1]) is tipe]
    ids = [r[0] for r in jam_saja]
    if sqlite:
        jam = list(
            map(Decimal.scaleb, map(Decimal, [r[1] for r in jam_saja]), repeat(-_SKALA_SQLITE))
        )
    else:
        jam = [r[1] for r in jam_saja]
    lain = [(r[0], _NOL, _NOL, 0, 0, 0) for r in rows if r[1] is None]
    perlu_baris = [r[0] for r in rows if r[1] is not None and (r[2] or type(r[1]) is not tipe)]
    if perlu_baris:
        lain += _jumlah_python(perlu_baris)
    return ids, jam, lain


def _jumlah_python(jabatan_ids: list[int]) -> list[tuple]:
    """Exact totals from the task rows, per unit (positions with minute tasks)."""
    per: dict[int, list] = {j: [_NOL, _NOL, 0, 0, 0] for j in jabatan_ids}
    for jid, v, w, s in Tugas.objects.filter(jabatan_id__in=jabatan_ids).values_list(
        "jabatan_id", "volume", "waktu", "satuan_waktu"
    ):
        b = per[jid]
        produk = EKSAK.multiply(v, w)
        if s == "jam":
            b[0] = EKSAK.add(b[0], produk)
        elif s == "menit":
            b[1] = EKSAK.add(b[1], produk)
            b[3] += 1
        else:
            b[4] += 1
        b[2] += 1
    return [(jid, *b) for jid, b in per.items()]


_NOL = Decimal(0)


def _hasil_dari_jumlah(baris: tuple, pengaturan: aturan.Pengaturan) -> tuple:
    """(id, beban, kebutuhan sebelum pembulatan, K) of one position from its exact totals:
    the same rules and the same rounding helpers as :func:`_hasil_abk`."""
    jid, jam, menit, n, n_menit, asing = baris
    if not n:
        return (jid, None, None, None)
    if asing:
        raise aturan.errors.SatuanWaktuTidakDikenal("?")
    kebutuhan = aturan.kebutuhan_dari_jumlah(jam, menit, aturan.wke_berlaku(pengaturan))
    return (
        jid,
        aturan.bulatkan_beban(aturan.beban_dari_jumlah(jam, menit, ada_menit=n_menit > 0)),
        aturan.bulatkan_kebutuhan_desimal(kebutuhan),
        aturan.bulatkan_kebutuhan(kebutuhan, pengaturan=pengaturan),
    )


UKURAN_UPDATE = 2000


_BARIS_UPDATE = "(%d, %s, %s, %d)".__mod__
# Column ← value of the VALUES row. Rows whose figures did not change are not written (no
# page rewritten, no dead tuple on PostgreSQL): a recompute without change writes nothing.
_KOLOM = {
    "beban_kerja_jam": "CAST(v.column2 AS NUMERIC(12, 2))",
    "kebutuhan_desimal": "CAST(v.column3 AS NUMERIC(10, 4))",
    "kebutuhan": "CAST(v.column4 AS INTEGER)",
}


def _tulis_hasil(
    ids: list[int], beban: list[Decimal], kd: list[Decimal], k: list[int], lain: list[tuple]
) -> None:
    """One ``UPDATE … FROM (VALUES …)`` per 2,000 positions (SQLite ≥ 3.33 and PostgreSQL): no
    per-row ``CASE WHEN pk = …`` expressions. VALUES columns are column1…column4 on both.

    The values are numbers this module computed (ints and Decimals, never user text), inlined
    so a chunk is one short statement instead of 8,000 bound parameters to format and log.
    """
    baris = list(map(_BARIS_UPDATE, zip(ids, beban, kd, k, strict=True)))
    baris += [
        f"({int(j)}, {'NULL' if b is None else b}, {'NULL' if x is None else x}, "
        f"{'NULL' if y is None else int(y)})"
        for j, b, x, y in lain
    ]
    semua_id = [int(j) for j in ids] + [int(b[0]) for b in lain]
    tabel = connection.ops.quote_name(Jabatan._meta.db_table)
    with connection.cursor() as cur:
        for awal in range(0, len(baris), UKURAN_UPDATE):
            potong = semua_id[awal : awal + UKURAN_UPDATE]
            lo, hi = min(potong), max(potong)
            cur.execute(
                f"UPDATE {tabel} SET {', '.join(f'{k} = {v}' for k, v in _KOLOM.items())} "
                f"FROM (VALUES {', '.join(baris[awal : awal + UKURAN_UPDATE])}) AS v "
                # The id range lets the planner read the chunk's rows by primary key instead
                # of hashing the whole table (PostgreSQL, 100+ agencies).
                f"WHERE {tabel}.id = v.column1 AND {tabel}.id BETWEEN {lo} AND {hi} AND ("
                + " OR ".join(f"{k} IS DISTINCT FROM {v}" for k, v in _KOLOM.items())
                + ")"
            )


def periksa_tugas(volume: Decimal, waktu: Decimal, satuan_waktu: str) -> None:
    """The rules engine decides a task's validity; every broken input is said at once, each
    beside its field (form field errors, API 422 galat), the text the import puts on the row."""
    kumpulan = KumpulanGalat()
    for field, pesan in aturan.galat_tugas(volume=volume, waktu=waktu).items():
        kumpulan.tambah(field, pesan)
    kumpulan.lempar()
    try:
        aturan.Tugas.baru(volume, waktu, satuan_waktu)
    except aturan.AturanError as exc:
        raise RampingError(exc.pesan, field=getattr(exc, "field", None) or "satuan_waktu") from exc


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
