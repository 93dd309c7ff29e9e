"""Tasks (uraian tugas) and the ABK results they produce (PermenPAN-RB 1/2020).

K is never typed: every task change recomputes the position's workload, its unrounded need
(Σ volume × waktu ÷ WKE) and K (rounded once per position), with the agency's settings.
"""

from contextlib import nullcontext
from decimal import Decimal
from itertools import compress, repeat
from operator import itemgetter, ne
from typing import Any, NamedTuple

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


def _batas_kolom(nama: str) -> Decimal:
    """The largest value a DecimalField of Jabatan holds (max_digits, decimal_places)."""
    f = Jabatan._meta.get_field(nama)
    return Decimal(10) ** (f.max_digits - f.decimal_places) - Decimal(1).scaleb(-f.decimal_places)


# 9 999 999 999.99 h/year and 999 999.9999 persons: beyond them a figure cannot be stored (and
# PostgreSQL would refuse the row with an error). K is below 10⁶ then, well within its column.
_BATAS_BEBAN = _batas_kolom("beban_kerja_jam")
_BATAS_KEBUTUHAN = _batas_kolom("kebutuhan_desimal")


def _pastikan_dapat_disimpan(
    baris: list[tuple], nama: dict[int, str] | None = None, field: str | None = None
) -> None:
    """(id, beban, kebutuhan, K) rows that do not fit the columns: one Indonesian error naming
    the positions (the caller's transaction then writes nothing), beside ``field`` on a form."""
    lewat = [
        r for r in baris if r[1] is not None and (r[1] > _BATAS_BEBAN or r[2] > _BATAS_KEBUTUHAN)
    ]
    if not lewat:
        return
    lewat.sort()  # named in id order: the same message whatever order the read returned
    if nama is None:
        nama = dict(Jabatan.objects.filter(pk__in=[r[0] for r in lewat]).values_list("pk", "nama"))
    exc = aturan.errors.HasilAbkMelebihiBatas(
        [(nama[r[0]], r[1], r[2]) for r in lewat], _BATAS_BEBAN, _BATAS_KEBUTUHAN
    )
    raise RampingError(exc.pesan, field=field) from exc


def _sebagai_aturan(volume: Decimal, waktu: Decimal, satuan: str) -> aturan.Tugas:
    return aturan.Tugas(volume=volume, waktu=waktu, satuan=satuan)


def abk_hitung_ulang_jabatan(*, jabatan: Jabatan) -> Jabatan:
    """Recompute one position's workload, need and K from its tasks."""
    tugas = [
        _sebagai_aturan(v, w, s)
        for v, w, s in jabatan.tugas_set.values_list("volume", "waktu", "satuan_waktu")
    ]
    hasil = _hasil_abk(tugas, pengaturan_instansi(instansi_id=jabatan.instansi_id))
    # On the task form beside the time: hours typed where minutes were meant is the usual cause.
    _pastikan_dapat_disimpan(
        [(jabatan.pk, *hasil.values())], nama={jabatan.pk: jabatan.nama}, field="waktu"
    )
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
    semua = _hitung_ulang(_himpunan_versi(struktur), pengaturan)
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
    """K of a set of positions (a queryset), set-based: one read of their exact task totals
    beside the figures they hold now, the rules of :mod:`ramping.aturan` once per position on
    those totals, and one write of the positions whose figures really changed (none when
    nothing did). The caller has checked permission.

    The totals are exact on both databases (PostgreSQL: numeric; SQLite: integers in units of
    10⁻⁶, with the rare position whose sum could overflow 64 bits summed in Python instead), so
    the stored figures equal what :func:`abk_hitung_ulang_jabatan` computes from the tasks.
    """
    return _hitung_ulang(_himpunan(jabatan), pengaturan)


def _hitung_ulang(himpunan: tuple[str, list], pengaturan: aturan.Pengaturan) -> int:
    bacaan = _jumlah_per_jabatan(himpunan)
    # Positions with tasks in hours only (nearly all): the rules over the column at once.
    beban, kd, k = aturan.hasil_abk_jam_banyak(bacaan.jam, pengaturan=pengaturan)
    lain = [_hasil_dari_jumlah(b, pengaturan) for b in bacaan.lain]
    # Two C-level max() over the columns (≈0.08 ms for a version) before anything is written.
    if beban and (max(beban) > _BATAS_BEBAN or max(kd) > _BATAS_KEBUTUHAN):
        _pastikan_dapat_disimpan([*zip(bacaan.ids, beban, kd, k, strict=True), *lain])
    _pastikan_dapat_disimpan(lain)
    _tulis_hasil(_berubah(bacaan, beban, kd, k, lain))
    return len(bacaan.ids) + len(lain)


# Scaled integer product of one task on SQLite: volume has two decimals and waktu four (model
# fields, Tugas.volume / Tugas.waktu), so volume × 10² and waktu × 10⁴ are integers up to the
# float error of the stored REAL (≪ 0.5), rounded to them exactly by adding 0.5 and truncating
# (both are ≥ 0: CHECK constraints tugas_volume/waktu_tidak_negatif; one function call fewer per
# task than ROUND), and the product is in units of 10⁻⁶. A product beyond 64 bits turns into a
# REAL (the SUM then comes back as a float) and a sum beyond 64 bits raises: both are detected
# and those totals taken in Python instead, exactly.
# The places are read from the fields, so a change of either field cannot go unnoticed here.
_DESIMAL_VOLUME = Tugas._meta.get_field("volume").decimal_places
_DESIMAL_WAKTU = Tugas._meta.get_field("waktu").decimal_places
_SKALA_SQLITE = _DESIMAL_VOLUME + _DESIMAL_WAKTU
_PRODUK_SQLITE = (
    f"CAST(t.volume * {10**_DESIMAL_VOLUME} + 0.5 AS INTEGER) "
    f"* CAST(t.waktu * {10**_DESIMAL_WAKTU} + 0.5 AS INTEGER)"
)
_HASIL = ("beban_kerja_jam", "kebutuhan_desimal", "kebutuhan")


def _himpunan(jabatan) -> tuple[str, list]:
    """A queryset of positions as the SQL of their ids and stored figures (the read's set)."""
    sql, params = jabatan.order_by().values("id", *_HASIL).query.sql_with_params()
    return sql, list(params)


def _himpunan_versi(struktur: Struktur) -> tuple[str, list]:
    """The positions of one version, written out: the same set as
    ``Jabatan.objects.filter(instansi_id=…, struktur=…)`` (the agency's filter first, as every
    scoped query) without building and compiling a queryset on every recompute."""
    tabel = connection.ops.quote_name(Jabatan._meta.db_table)
    return (
        f"SELECT id, {', '.join(_HASIL)} FROM {tabel} WHERE instansi_id = %s AND struktur_id = %s",
        [struktur.instansi_id, struktur.pk],
    )


class _Bacaan(NamedTuple):
    """What one read of a set of positions gives: the ids, exact Σ volume × waktu and stored
    (beban, kebutuhan, K) of the positions whose tasks are all in hours (three aligned columns),
    then the (id, Σ jam, Σ menit, tasks, minute tasks, unknown units) of the others and their
    stored figures by id. Stored figures as the database returned them (see
    :func:`_berubah`)."""

    ids: list[int]
    jam: list[Decimal]
    tersimpan: list[tuple]
    lain: list[tuple]
    tersimpan_lain: dict[int, tuple]


def _jumlah_per_jabatan(himpunan: tuple[str, list]) -> _Bacaan:
    """Exact totals of a set of positions and the figures they hold, in one read.

    Each position of the set with its stored figures and the aggregate of its own tasks (an
    index lookup per position, no GROUP BY over the joined rows): on PostgreSQL Σ volume × waktu
    and the number of tasks not in hours (a LATERAL subquery); on SQLite one scaled integer sum
    in which a task not in hours adds 0.5, so the sum comes back as a float exactly when the
    position has such a task (or a product left 64 bits) and those positions are summed from
    their rows in one more query (:func:`_jumlah_python`).
    """
    sub_sql, sub_params = himpunan
    t_tugas = connection.ops.quote_name(Tugas._meta.db_table)
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        sql = (
            "SELECT j.*, (SELECT SUM(CASE WHEN t.satuan_waktu = 'jam' "
            f"THEN {_PRODUK_SQLITE} ELSE 0.5 END) FROM {t_tugas} t WHERE t.jabatan_id = j.id) "
            f"FROM ({sub_sql}) j"
        )
    else:
        sql = (
            "SELECT j.*, s.jumlah, s.lain "
            f"FROM ({sub_sql}) j CROSS JOIN LATERAL (SELECT SUM(t.volume * t.waktu) AS jumlah, "
            "COUNT(*) FILTER (WHERE t.satuan_waktu <> 'jam') AS lain "
            f"FROM {t_tugas} t WHERE t.jabatan_id = j.id) s"
        )
    try:
        # Only SQLite can fail here (a 64-bit SUM overflow): its savepoint keeps the caller's
        # transaction usable. PostgreSQL's numeric sum cannot overflow: no savepoint there.
        with transaction.atomic() if sqlite else nullcontext(), connection.cursor() as cur:
            cur.execute(sql, sub_params)
            rows = cur.fetchall()
    except OverflowError:  # pragma: no cover - a 64-bit sum overflow on SQLite
        rows = None
    except DatabaseError as exc:  # SQLite reports an integer overflow of SUM() this way
        if "overflow" not in str(exc):
            raise
        rows = None
    if rows is None:  # the whole set summed from its rows, exactly
        with connection.cursor() as cur:
            cur.execute(sub_sql, sub_params)
            tersimpan = {r[0]: r[1:4] for r in cur.fetchall()}
        return _Bacaan([], [], [], _jumlah_python(list(tersimpan)), tersimpan)
    if sqlite:
        # An int sum: hour tasks only, exact. A float: a task not in hours, or past 64 bits.
        jam_saja = [r for r in rows if type(r[4]) is int]
        jam = list(
            map(Decimal.scaleb, map(Decimal, [r[4] for r in jam_saja]), repeat(-_SKALA_SQLITE))
        )
        sisa = [r for r in rows if type(r[4]) is not int]
    else:
        jam_saja = [r for r in rows if not r[5] and r[4] is not None]
        jam = [r[4] for r in jam_saja]
        sisa = [r for r in rows if r[5] or r[4] is None]
    # The rest (a few): no task at all, or summed from their rows per unit.
    lain = [(r[0], _NOL, _NOL, 0, 0, 0) for r in sisa if r[4] is None]
    perlu_baris = [r[0] for r in sisa if r[4] is not None]
    if perlu_baris:
        lain += _jumlah_python(perlu_baris)
    return _Bacaan(
        [r[0] for r in jam_saja],
        jam,
        list(map(_TERSIMPAN, jam_saja)),
        lain,
        {r[0]: r[1:4] for r in sisa},
    )


_TERSIMPAN = itemgetter(1, 2, 3)


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


def _seperti_tersimpan(nilai: list[Decimal]) -> list:
    """Computed Decimals (none missing) in the form the read returns the stored ones, to
    compare as equals.

    PostgreSQL returns numeric as Decimal: as is. SQLite keeps a decimal column as a REAL (its
    NUMERIC affinity) and Django reads it back through 15 significant digits, so a stored float
    equal to the computed figure's nearest float reads back as that very figure (≤ 12 digits):
    equal floats mean nothing to write. A figure whose float differs is written again (never
    wrong, at worst a row rewritten with the same value).
    """
    if connection.vendor != "sqlite":
        return nilai
    return list(map(float, nilai))


def _berubah(
    bacaan: _Bacaan, beban: list[Decimal], kd: list[Decimal], k: list[int], lain: list[tuple]
) -> list[tuple]:
    """The (id, beban, kebutuhan, K) rows whose computed figures differ from the stored ones."""
    dibanding = zip(_seperti_tersimpan(beban), _seperti_tersimpan(kd), k, strict=True)
    baru = zip(bacaan.ids, beban, kd, k, strict=True)
    berubah = list(compress(baru, map(ne, dibanding, bacaan.tersimpan)))
    for baris in lain:  # positions without tasks or with minute tasks: a few
        jid, b, x, y = baris
        if b is not None:
            b, x = _seperti_tersimpan([b, x])
        if (b, x, y) != bacaan.tersimpan_lain[jid]:
            berubah.append(baris)
    return berubah


UKURAN_UPDATE = 2000
# One VALUES row of figures this module computed: ids and K are ints (%d), beban and kebutuhan
# Decimals quantized by the rules (plain digits, never an exponent). A position without tasks
# has no figure at all (all three NULL).
_BARIS_UPDATE = "(%d, %s, %s, %d)".__mod__
_BARIS_KOSONG = "(%d, NULL, NULL, NULL)".__mod__


def _baris_sql(r: tuple) -> str:
    return _BARIS_KOSONG(r[0]) if r[1] is None else _BARIS_UPDATE(r)


def _larik(kolom) -> str:
    """A PostgreSQL array literal of numbers (None → NULL)."""
    return "'{" + ",".join("NULL" if x is None else str(x) for x in kolom) + "}'"


def _tulis_hasil(baris: list[tuple]) -> None:
    """Write (id, beban, kebutuhan, K) rows: one ``UPDATE`` per 2,000 positions, no per-row
    ``CASE WHEN pk = …`` expressions, nothing at all for an empty list.

    The values are numbers this module computed (ints and Decimals, never user text), inlined:
    on PostgreSQL as four array literals (``UPDATE … FROM unnest(…)``: one constant per
    column to parse instead of one per value), on SQLite (≥ 3.33) as ``UPDATE … FROM (VALUES
    …)`` (VALUES columns are column1…column4). Each chunk carries its id range so the planner
    reads its rows by primary key instead of hashing the whole table (PostgreSQL, 100+
    agencies).
    """
    tabel = connection.ops.quote_name(Jabatan._meta.db_table)
    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cur:
        for awal in range(0, len(baris), UKURAN_UPDATE):
            potong = baris[awal : awal + UKURAN_UPDATE]
            ids = [r[0] for r in potong]
            rentang = f"{tabel}.id BETWEEN {int(min(ids))} AND {int(max(ids))}"
            if sqlite:
                cur.execute(
                    f"UPDATE {tabel} SET beban_kerja_jam = v.column2, "
                    "kebutuhan_desimal = v.column3, kebutuhan = v.column4 "
                    f"FROM (VALUES {', '.join(map(_baris_sql, potong))}) AS v "
                    f"WHERE {tabel}.id = v.column1 AND {rentang}"
                )
                continue
            _, b, x, k = zip(*potong, strict=True)
            cur.execute(
                f"UPDATE {tabel} SET beban_kerja_jam = v.b, kebutuhan_desimal = v.x, "
                "kebutuhan = v.k "
                f"FROM unnest('{{{','.join(map(str, map(int, ids)))}}}'::bigint[], "
                f"{_larik(b)}::numeric(12, 2)[], {_larik(x)}::numeric(10, 4)[], "
                f"{_larik(k)}::integer[]) AS v(id, b, x, k) "
                f"WHERE {tabel}.id = v.id AND {rentang}"
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
