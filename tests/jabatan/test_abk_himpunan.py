"""Set-based recompute of a whole version (GROUP BY + UPDATE … FROM VALUES): the same stored
figures as the per-position rules, on worked examples and on the whole demo agency."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from hypothesis import given, settings
from hypothesis import strategies as st

from ramping import aturan
from ramping.akun.akses import Akses
from ramping.inti.lingkup import lingkup_instansi
from ramping.jabatan.models import Jabatan, Tugas
from ramping.jabatan.services import abk_hitung_ulang
from ramping.jabatan.services.abk import _hasil_abk, _sebagai_aturan
from ramping.organisasi.models import PengaturanInstansi, Struktur
from ramping.organisasi.pengaturan import pengaturan_instansi

D = Decimal
RINGAN = settings(database=None, deadline=None, max_examples=200)


def _per_jabatan_lama(struktur, pengaturan) -> dict[int, tuple]:
    """The per-position route (one list of aturan.Tugas per position), as before."""
    per: dict[int, list] = {}
    # No ordering: the model's default joins four tables to sort rows this read does not need.
    for jid, v, w, s in (
        Tugas.objects.filter(jabatan__struktur=struktur)
        .order_by()
        .values_list("jabatan_id", "volume", "waktu", "satuan_waktu")
    ):
        per.setdefault(jid, []).append(_sebagai_aturan(v, w, s))
    hasil = {}
    for jid in Jabatan.objects.filter(struktur=struktur).values_list("id", flat=True):
        h = _hasil_abk(per.get(jid, []), pengaturan)
        hasil[jid] = (h["beban_kerja_jam"], h["kebutuhan_desimal"], h["kebutuhan"])
    return hasil


def _tersimpan(struktur) -> dict[int, tuple]:
    return {
        jid: (b, kd, k)
        for jid, b, kd, k in Jabatan.objects.filter(struktur=struktur).values_list(
            "id", "beban_kerja_jam", "kebutuhan_desimal", "kebutuhan"
        )
    }


def _tugas(jabatan, volume, waktu, satuan="jam", urutan=1):
    return Tugas(
        instansi_id=jabatan.instansi_id,
        jabatan=jabatan,
        urutan=urutan,
        uraian="Menyusun bahan",
        hasil_kerja="Bahan",
        satuan_hasil="Dokumen",
        volume=D(volume),
        waktu=D(waktu),
        satuan_waktu=satuan,
    )


@pytest.mark.parametrize(
    ("tugas", "hasil"),
    [
        # anjab-abk.md §7: 240 × 2 h + 12 × 40 h = 960 h → 0.7680 → 1
        ([("240", "2"), ("12", "40")], (D("960.00"), D("0.7680"), 1)),
        ([("1500", "1.25")], (D("1875.00"), D("1.5000"), 2)),  # half up
        ([("0.01", "0.01")], (D("0.00"), D("0.0000"), 1)),  # 0.0001 h: at least one person
        ([("0", "3")], (D("0.00"), D("0.0000"), 0)),  # nothing produced this year
        ([("60", "30", "menit")], (D("30.00"), D("0.0240"), 1)),  # minutes
        ([("600", "1"), ("120", "90", "menit")], (D("780.00"), D("0.6240"), 1)),  # mixed
        ([("7", "1", "menit")], (D("0.12"), D("0.0001"), 1)),  # 7 min = 0.11666… h
        # Four-place norms (issue #11): 1 200 × 0.0833 h = 99.96 h, not 1 200 × 0.08.
        ([("1200", "0.0833")], (D("99.96"), D("0.0800"), 1)),
        ([("3", "0.0001"), ("2", "0.0005")], (D("0.00"), D("0.0000"), 1)),  # 0.0013 h
        ([("1000", "2.5005"), ("1", "0.0049")], (D("2500.50"), D("2.0004"), 2)),
        # The largest task the model stores: the product passes 2⁶³ in units of 10⁻⁴, so
        # SQLite's integer sum is not used for it (summed exactly in Python instead).
        (
            [("9999999999.99", "99999999.99")],
            (None, None, None),  # too large for the stored columns: see the test below
        ),
        ([], (None, None, None)),  # no tasks: nothing to show
    ],
)
def test_contoh_kerja_sama_dengan_aturan_per_jabatan(dunia, pelaksana_a, tugas, hasil):
    if tugas and tugas[0][0] == "9999999999.99":
        # Not storable as K (kebutuhan_desimal has 6 integer digits): only the exact sum is
        # checked, through the rules' fallback path.
        from ramping.jabatan.services.abk import _himpunan, _jumlah_per_jabatan

        Tugas.objects.bulk_create([_tugas(pelaksana_a, *tugas[0])])
        ids, _jam, _lama, lain, _lama_lain = _jumlah_per_jabatan(
            _himpunan(Jabatan.objects.filter(pk=pelaksana_a.pk))
        )
        assert ids == [] or connection.vendor != "sqlite"  # past 64 bits: summed in Python
        semua = dict(zip(ids, _jam, strict=True)) | {b[0]: b[1] for b in lain}
        assert semua[pelaksana_a.pk] == D("9999999999.99") * D("99999999.99")
        return
    Tugas.objects.bulk_create([_tugas(pelaksana_a, *t, urutan=i) for i, t in enumerate(tugas, 1)])
    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    assert _tersimpan(dunia.struktur)[pelaksana_a.pk] == hasil
    lama = _per_jabatan_lama(dunia.struktur, pengaturan_instansi(instansi_id=dunia.instansi.pk))
    assert _tersimpan(dunia.struktur) == lama


def test_satu_query_baca_dan_satu_tulis(dunia, pelaksana_a, kabid_a, django_assert_max_num_queries):
    Tugas.objects.bulk_create([_tugas(pelaksana_a, "100", "5"), _tugas(kabid_a, "50", "5")])
    # settings, GROUP BY, UPDATE … FROM VALUES, audit and its change counter (+ savepoints):
    # never one per position.
    with django_assert_max_num_queries(9):
        assert abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur) == 2


@pytest.mark.parametrize(
    ("wke", "mode", "minimal_satu"),
    [(None, None, None), (1200, "ceil", True), (D("1312.5"), "half_up", False)],
)
def test_seluruh_data_contoh_sama_dengan_cara_lama(db, wke, mode, minimal_satu):
    """Old (per-position Tugas lists) and new (set-based) give identical figures for every
    position of the demo agency's two versions, under several agency settings."""
    from ramping.demo.muat import muat_instansi

    instansi = muat_instansi(nama="Uji Himpunan (data contoh)", kode="uji-himpunan", seed=11)
    with lingkup_instansi(instansi.pk):
        if wke is not None:
            PengaturanInstansi.objects.create(
                instansi=instansi, wke_jam=wke, mode_pembulatan=mode, minimal_satu=minimal_satu
            )
        pengaturan = pengaturan_instansi(instansi_id=instansi.pk)
        versi = list(Struktur.objects.filter(instansi=instansi))
        assert len(versi) == 2
        for struktur in versi:
            abk_hitung_ulang(akses=Akses.sistem(instansi), struktur=struktur)
            tersimpan = _tersimpan(struktur)
            assert len(tersimpan) > 1000
            assert tersimpan == _per_jabatan_lama(struktur, pengaturan)


@RINGAN
@given(
    jumlah=st.lists(
        st.decimals(min_value=0, max_value=D("99999999999999.9999"), places=4), max_size=40
    ),
    wke=st.decimals(min_value=1, max_value=3000, places=2),
    mode=st.sampled_from(["half_up", "ceil"]),
    minimal_satu=st.booleans(),
)
def test_aturan_banyak_sama_dengan_satu_per_satu(jumlah, wke, mode, minimal_satu):
    p = aturan.PENGATURAN_BAWAAN.ganti(wke_jam=wke, mode_pembulatan=mode, minimal_satu=minimal_satu)
    beban, kd, k = aturan.hasil_abk_jam_banyak(jumlah, pengaturan=p)
    satu = [aturan.kebutuhan_dari_jumlah(j, D(0), wke) for j in jumlah]
    assert beban == [
        aturan.bulatkan_beban(aturan.beban_dari_jumlah(j, D(0), ada_menit=False)) for j in jumlah
    ]
    assert kd == [aturan.bulatkan_kebutuhan_desimal(x) for x in satu]
    assert k == [aturan.bulatkan_kebutuhan(x, pengaturan=p) for x in satu]
    # … and the per-position rule from one task of that total gives the same K.
    for j, kk in zip(jumlah, k, strict=True):
        x = aturan.kebutuhan_pegawai([aturan.Tugas(j, D(1))], pengaturan=p)
        assert aturan.bulatkan_kebutuhan(x, pengaturan=p) == kk


# --- Only what changed is written (issue #15 item 1) -------------------------------------------

# (volume, waktu, satuan) of each position's tasks: hours, four-place hours, minutes, mixed, none.
_CAMPURAN = [
    [("240", "2"), ("12", "40")],
    [("1200", "0.0833")],
    [("60", "30", "menit")],
    [("600", "1"), ("120", "90", "menit")],
    [],
]


@pytest.fixture
def lima_jabatan(dunia):
    from ramping.jabatan.services import jabatan_buat

    semua = [
        jabatan_buat(
            akses=dunia.analis,
            unit=dunia.bidang_a,
            nama=f"Penelaah {i}",
            jenis="pelaksana",
            kelas=7,
        )
        for i in range(len(_CAMPURAN))
    ]
    Tugas.objects.bulk_create(
        [
            _tugas(j, *t, urutan=u)
            for j, tugas in zip(semua, _CAMPURAN, strict=True)
            for u, t in enumerate(tugas, 1)
        ]
    )
    return semua


@pytest.fixture
def tulisan(monkeypatch):
    """The rows each recompute hands to the write (the real write still runs)."""
    from ramping.jabatan.services import abk as modul

    asli, catatan = modul._tulis_hasil, []

    def dicatat(baris):
        catatan.append(sorted(baris))
        return asli(baris)

    monkeypatch.setattr(modul, "_tulis_hasil", dicatat)
    return catatan


def _update_jabatan(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]


def test_tanpa_perubahan_tidak_ada_update(dunia, lima_jabatan, tulisan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    # The first pass wrote the four positions with tasks (the one without stays NULL: equal).
    assert [r[0] for r in tulisan[0]] == sorted(j.pk for j in lima_jabatan[:4])
    with CaptureQueriesContext(connection) as q:
        assert abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur) == 5
    assert tulisan[1] == []
    assert _update_jabatan(q.captured_queries) == []
    lama = _per_jabatan_lama(dunia.struktur, pengaturan_instansi(instansi_id=dunia.instansi.pk))
    assert _tersimpan(dunia.struktur) == lama


@pytest.mark.parametrize(
    ("ubah", "ditulis"),
    [
        # One hour task's volume changed behind the services' back: that position only.
        (
            lambda js: Tugas.objects.filter(jabatan=js[0], volume=D("240")).update(volume=D("250")),
            {0: (D("980.00"), D("0.7840"), 1)},
        ),
        # A four-place norm changed in its last place: 1 200 × 0.0834 = 100.08 h.
        (
            lambda js: Tugas.objects.filter(jabatan=js[1]).update(waktu=D("0.0834")),
            {1: (D("100.08"), D("0.0801"), 1)},
        ),
        # The minute position (taken from the task rows in Python) and the mixed one.
        (
            lambda js: Tugas.objects.filter(jabatan__in=js[2:4], satuan_waktu="menit").update(
                volume=D("6000")
            ),
            {2: (D("3000.00"), D("2.4000"), 2), 3: (D("9600.00"), D("7.6800"), 8)},
        ),
        # Tasks gone: the stale figures are cleared.
        (lambda js: Tugas.objects.filter(jabatan=js[0]).delete(), {0: (None, None, None)}),
        # Tasks added to the position that had none.
        (
            lambda js: Tugas.objects.bulk_create([_tugas(js[4], "100", "12.5")]),
            {4: (D("1250.00"), D("1.0000"), 1)},
        ),
        # A figure edited by hand (only kebutuhan_desimal): put back.
        (
            lambda js: Jabatan.objects.filter(pk=js[1].pk).update(kebutuhan_desimal=D("9.9999")),
            {1: (D("99.96"), D("0.0800"), 1)},
        ),
    ],
)
def test_hanya_jabatan_yang_berubah_ditulis(dunia, lima_jabatan, tulisan, ubah, ditulis):
    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    sebelum = _tersimpan(dunia.struktur)
    ubah(lima_jabatan)
    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    harap = {lima_jabatan[i].pk: hasil for i, hasil in ditulis.items()}
    assert [(r[0], (r[1], r[2], r[3])) for r in tulisan[-1]] == sorted(harap.items())
    assert _tersimpan(dunia.struktur) == sebelum | harap
    lama = _per_jabatan_lama(dunia.struktur, pengaturan_instansi(instansi_id=dunia.instansi.pk))
    assert _tersimpan(dunia.struktur) == lama


def test_perubahan_wke_menulis_semua_yang_bertugas(dunia, lima_jabatan, tulisan):
    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    PengaturanInstansi.objects.create(
        instansi=dunia.instansi, wke_jam=1200, mode_pembulatan="ceil", minimal_satu=True
    )
    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    # Four positions with tasks, each with a new kebutuhan; the one without tasks untouched.
    assert [r[0] for r in tulisan[-1]] == sorted(j.pk for j in lima_jabatan[:4])
    assert _tersimpan(dunia.struktur)[lima_jabatan[0].pk] == (D("960.00"), D("0.8000"), 1)
    lama = _per_jabatan_lama(dunia.struktur, pengaturan_instansi(instansi_id=dunia.instansi.pk))
    assert _tersimpan(dunia.struktur) == lama


@pytest.mark.parametrize(
    ("beban", "kebutuhan"),
    [
        (D("0.00"), D("0.0000")),
        (D("0.01"), D("0.0001")),
        (D("960.00"), D("0.7680")),
        (D("99.96"), D("0.0800")),
        (D("1234567.89"), D("987.6543")),
        (D("9999999999.99"), D("999999.9999")),  # the largest the columns hold
        (D("0.07"), D("0.1235")),
        (D("8000000.15"), D("6400.0001")),
    ],
)
def test_angka_tersimpan_dibaca_sama_dengan_hasil(dunia, pelaksana_a, beban, kebutuhan):
    """What the comparison relies on: a figure written by Django reads back (raw, as the
    recompute's read returns it) equal to the computed Decimal in the compared form; on SQLite
    that is the float SQLite parsed from the text (NUMERIC affinity)."""
    from ramping.jabatan.services.abk import _seperti_tersimpan

    Jabatan.objects.filter(pk=pelaksana_a.pk).update(
        beban_kerja_jam=beban, kebutuhan_desimal=kebutuhan, kebutuhan=3
    )
    with connection.cursor() as cur:
        cur.execute(
            "SELECT beban_kerja_jam, kebutuhan_desimal FROM jabatan_jabatan WHERE id = %s",
            [pelaksana_a.pk],
        )
        mentah = cur.fetchone()
    assert tuple(_seperti_tersimpan([beban, kebutuhan])) == mentah
    # … and Django reads that back as the very figure (nothing lost by not writing it again).
    pelaksana_a.refresh_from_db()
    assert (pelaksana_a.beban_kerja_jam, pelaksana_a.kebutuhan_desimal) == (beban, kebutuhan)


def test_angka_acak_tersimpan_dibaca_sama(dunia, pelaksana_a):
    """The same over 300 random figures of every length the two columns hold (seeded)."""
    import random

    from ramping.jabatan.services.abk import _seperti_tersimpan

    acak = random.Random(15)
    for _ in range(300):
        beban = D(acak.randrange(10 ** acak.randint(1, 12))).scaleb(-2)
        kebutuhan = D(acak.randrange(10 ** acak.randint(1, 10))).scaleb(-4)
        Jabatan.objects.filter(pk=pelaksana_a.pk).update(
            beban_kerja_jam=beban, kebutuhan_desimal=kebutuhan
        )
        with connection.cursor() as cur:
            cur.execute(
                "SELECT beban_kerja_jam, kebutuhan_desimal FROM jabatan_jabatan WHERE id = %s",
                [pelaksana_a.pk],
            )
            assert tuple(_seperti_tersimpan([beban, kebutuhan])) == cur.fetchone(), (
                beban,
                kebutuhan,
            )


# --- Figures beyond what the columns hold: refused whole, named, never a database error ---------


def test_tugas_dengan_hasil_terlalu_besar_ditolak_tanpa_tersimpan(dunia, pelaksana_a):
    """1 000 000 × 1 250 jam (minutes typed as hours, say): kebutuhan 1 000 000 orang does not
    fit kebutuhan_desimal (6 integer digits); PostgreSQL raised "numeric field overflow" (a
    server error) and SQLite stored it silently."""
    from ramping.errors import RampingError
    from ramping.jabatan.services import tugas_buat

    with pytest.raises(RampingError) as galat:
        tugas_buat(
            akses=dunia.analis,
            jabatan=pelaksana_a,
            uraian="Menyusun bahan",
            hasil_kerja="Bahan",
            satuan_hasil="Dokumen",
            volume=D("1000000"),
            waktu=D("1250"),
        )
    assert galat.value.pesan == (
        "Penelaah Teknis Kebijakan: beban 1.250.000.000,00 jam/tahun dan kebutuhan "
        "1.000.000,0000 orang melebihi batas yang dapat disimpan (9.999.999.999,99 jam/tahun, "
        "999.999,9999 orang). Periksa volume, waktu dan satuan waktu tugasnya; tidak ada yang "
        "disimpan."
    )
    assert galat.value.field == "waktu"  # on the form beside the time
    assert not Tugas.objects.filter(jabatan=pelaksana_a).exists()
    pelaksana_a.refresh_from_db()
    assert pelaksana_a.kebutuhan is None


@pytest.mark.parametrize(
    ("volume", "diterima"),
    [
        # 999 999 999.94 × 1.25 = 1 249 999 999.925 h → kebutuhan 999 999.99994 → 999 999.9999,
        # the largest the column holds: stored.
        ("999999999.94", True),
        # 1 249 999 999.95 h → 999 999.99996 → 1 000 000.0000 after rounding: refused.
        ("999999999.96", False),
    ],
)
def test_batas_tepat(dunia, pelaksana_a, volume, diterima):
    from ramping.errors import RampingError

    Tugas.objects.bulk_create([_tugas(pelaksana_a, volume, "1.25")])
    if diterima:
        abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
        assert _tersimpan(dunia.struktur)[pelaksana_a.pk] == (
            D("1249999999.93"),
            D("999999.9999"),
            1000000,
        )
    else:
        pesan = "Kebijakan: beban 1.249.999.999,95 jam/tahun dan kebutuhan 1.000.000,0000 orang"
        with pytest.raises(RampingError, match=re.escape(pesan)):
            abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)


def test_hitung_ulang_versi_ditolak_utuh_menyebut_jabatan(dunia, lima_jabatan, tulisan):
    """Four positions too large (hour tasks, minute tasks): the first three named, the count of
    the rest, and no position of the version written — not even the ones that fit."""
    from ramping.errors import RampingError

    Jabatan.objects.filter(struktur=dunia.struktur).update(
        beban_kerja_jam=None, kebutuhan_desimal=None, kebutuhan=None
    )
    besar = [
        _tugas(lima_jabatan[0], "1000000", "1250", urutan=9),
        _tugas(lima_jabatan[1], "2000000", "1250", urutan=9),
        _tugas(lima_jabatan[2], "2000000000", "60", "menit", urutan=9),
        _tugas(lima_jabatan[4], "5000000", "1250"),
    ]
    Tugas.objects.bulk_create(besar)
    with pytest.raises(RampingError) as galat:
        abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    assert galat.value.pesan.startswith("Hasil ABK 4 jabatan melebihi batas")
    assert "Penelaah 0: 1.250.000.960,00 jam/tahun" in galat.value.pesan
    assert "Penelaah 1: 2.500.000.099,96 jam/tahun" in galat.value.pesan
    assert "Penelaah 2: 2.000.000.030,00 jam/tahun" in galat.value.pesan  # minutes
    # The four over the limit: three named in id order, the fourth counted.
    assert galat.value.pesan.count(" jam/tahun, kebutuhan ") == 3
    assert "Penelaah 4" not in galat.value.pesan
    assert "dan 1 jabatan lain" in galat.value.pesan
    assert tulisan == []
    assert set(_tersimpan(dunia.struktur).values()) == {(None, None, None)}


def test_jumlah_melewati_64_bit_dihitung_persis_lalu_ditolak(
    dunia, pelaksana_a, kabid_a, monkeypatch
):
    """Two tasks whose scaled products fit 64 bits but whose sum does not (SQLite raises on the
    SUM): every total of the set is then taken exactly in Python, and the position too large
    for its columns is named (PostgreSQL sums numeric exactly: same figures, no fallback)."""
    from ramping.errors import RampingError
    from ramping.jabatan.services import abk as modul

    asli, dijumlah = modul._jumlah_python, []
    monkeypatch.setattr(modul, "_jumlah_python", lambda ids: dijumlah.append(ids) or asli(ids))

    Tugas.objects.bulk_create(
        [
            _tugas(pelaksana_a, "9999999999.99", "900", urutan=1),
            _tugas(pelaksana_a, "9999999999.99", "900", urutan=2),
            _tugas(kabid_a, "240", "2"),
        ]
    )
    with pytest.raises(RampingError) as galat:
        abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    assert "Penelaah Teknis Kebijakan: beban 17.999.999.999.982,00 jam/tahun" in (galat.value.pesan)
    if connection.vendor == "sqlite":  # the whole set summed in Python, both positions
        assert sorted(dijumlah[0]) == sorted([pelaksana_a.pk, kabid_a.pk])
    # Once the oversized tasks are gone, the other position gets its figures.
    Tugas.objects.filter(jabatan=pelaksana_a).delete()
    abk_hitung_ulang(akses=dunia.analis, struktur=dunia.struktur)
    assert _tersimpan(dunia.struktur)[kabid_a.pk] == (D("480.00"), D("0.3840"), 1)
