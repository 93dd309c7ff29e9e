"""Properties of the number reader (issue #11 item 1): a number written in either locale
reads back exactly once the locale is known; a shape that is valid in one locale only reads
without help; an ambiguous shape never passes silently."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ramping.impor import nilai as n

LOKAL = st.sampled_from(["id", "en"])
ANGKA = st.decimals(
    min_value=Decimal("-99999999"),
    max_value=Decimal("99999999"),
    places=3,
    allow_nan=False,
    allow_infinity=False,
)


def tulis(x: Decimal, lokal: str, ribuan: bool) -> str:
    """x as a person in that locale types it, with or without thousands separators."""
    s = n.format_angka(x, lokal)
    return s if ribuan else s.replace("." if lokal == "id" else ",", "")


@settings(max_examples=400, deadline=None)
@given(x=ANGKA, lokal=LOKAL, ribuan=st.booleans())
def test_bolak_balik_dengan_lokal_yang_diputuskan(x, lokal, ribuan):
    assert n.angka(tulis(x, lokal, ribuan), lokal) == x


@settings(max_examples=400, deadline=None)
@given(x=ANGKA, lokal=LOKAL, ribuan=st.booleans())
def test_bentuk_tanpa_ragu_terbaca_tanpa_bantuan(x, lokal, ribuan):
    s = tulis(x, lokal, ribuan)
    bacaan = n.bacaan(s)
    assert bacaan[lokal] == x  # the writer's own reading is always among them
    if len(set(bacaan.values())) == 1:
        assert n.angka(s) == x
        assert n.angka(s, "id") == n.angka(s, "en") == x


@settings(max_examples=400, deadline=None)
@given(x=ANGKA, lokal=LOKAL, ribuan=st.booleans())
def test_bentuk_ragu_tidak_pernah_lolos_diam_diam(x, lokal, ribuan):
    s = tulis(x, lokal, ribuan)
    bacaan = n.bacaan(s)
    if len(set(bacaan.values())) > 1:
        with pytest.raises(n.NilaiTidakValid) as err:
            n.angka(s)
        for lk, nilai in bacaan.items():
            assert f"{n.format_angka(nilai, 'id')} ({n.LOKAL_NAMA[lk]})" in err.value.pesan


@settings(max_examples=300, deadline=None)
@given(xs=st.lists(ANGKA, min_size=1, max_size=8), lokal=LOKAL, ribuan=st.booleans())
def test_kolom_satu_lokal_tidak_pernah_salah_baca(xs, lokal, ribuan):
    # A column written in one locale: its decision is that locale or none, never the other;
    # with it every cell reads as written, or is an error — never another number.
    sel = [tulis(x, lokal, ribuan) for x in xs]
    keputusan = n.putuskan_lokal(sel)
    assert keputusan in (lokal, None)
    for s, x in zip(sel, xs, strict=True):
        try:
            assert n.angka(s, keputusan) == x
        except n.NilaiTidakValid:
            assert keputusan is None


@pytest.mark.parametrize(
    ("sel", "lokal", "hasil"),
    [
        (["0.250", "18.000"], "en", ["0.25", "18"]),  # the file
        (["1.080,00", "5.000"], "id", ["1080", "5000"]),
        (["1,5", "1,250"], "id", ["1.5", "1.25"]),
        (["1,250.5", "1,250"], "en", ["1250.5", "1250"]),
        (["5.000", 240, 0.25], None, None),  # native numbers do not decide a text's locale
        (["1,5", "1.5"], None, None),  # a column mixing both shapes decides nothing
    ],
)
def test_keputusan_kolom(sel, lokal, hasil):
    assert n.putuskan_lokal(sel) == lokal
    if hasil:
        assert [n.angka(s, lokal) for s in sel] == [Decimal(h) for h in hasil]


@pytest.mark.parametrize(
    ("masuk", "pesan"),
    [
        (float("nan"), "terhingga"),
        (float("inf"), "terhingga"),
        (1e30, "terlalu besar"),
        ("1e30", "bukan angka"),
        ("NaN", "bukan angka"),
        ("5.000", "bisa dibaca 5 (format Inggris) atau 5.000 (format Indonesia)"),
    ],
)
def test_angka_tidak_wajar_ditolak(masuk, pesan):
    with pytest.raises(n.NilaiTidakValid, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        n.angka(masuk)
